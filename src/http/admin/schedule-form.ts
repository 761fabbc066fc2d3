import { type HolidayKey, holidayKeys } from '../../domain/schedule/holidays.ts';
import { activityKinds } from '../../web/pages/admin/schedule-pages.tsx';
import type {
  Activity,
  ActivityKind,
  HolidayRule,
  OpeningRule,
  Period,
  Recurrence,
  Schedule,
  ScheduleException,
} from '../../domain/schedule/model.ts';

/**
 * The schedule and activity forms read into the domain's model. Field names are the paths the
 * validation names (`rules.0.closes`), so a problem lands at its field. What a person typed is kept as
 * typed when it cannot be read (a time of «9.3» stays «9.3» and the validation says why), empty rows
 * are left out, and a row marked «Fjern» is dropped.
 */

export type FormBody = Record<string, unknown>;

const text = (body: FormBody, key: string): string => {
  const value = body[key];
  return typeof value === 'string' ? value.trim().slice(0, 2000) : '';
};

/** '9', '9.30', '9:30' -> '09:30'; anything else is kept for the validation to name. */
export function readTime(value: string): string {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(value);
  if (!match) return value;
  return `${match[1]!.padStart(2, '0')}:${match[2] ?? '00'}`;
}

/** '2026-12-24', '24-12-2026', '24.12.2026', '24/12/2026' -> '2026-12-24'; else kept for the validation. */
export function readDate(value: string): string {
  const danish = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(value);
  return danish ? `${danish[3]}-${danish[2]!.padStart(2, '0')}-${danish[1]!.padStart(2, '0')}` : value;
}

const optionalDate = (value: string) => (value === '' ? null : readDate(value));

function readStaffing(value: string): Pick<Period, 'isUserRun' | 'isStaffPresent'> {
  if (value === 'user_staff') return { isUserRun: true, isStaffPresent: true };
  if (value === 'user_alone') return { isUserRun: true, isStaffPresent: false };
  return { isUserRun: false, isStaffPresent: true };
}

function readRecurrence(choice: string, anchor: string): Recurrence {
  const monthly = /^m(-1|[1-5])$/.exec(choice);
  if (monthly) return { kind: 'monthly', nth: Number(monthly[1]) };
  const weekly = /^w([1-4])$/.exec(choice);
  // An unknown choice becomes an interval the validation refuses with its own words.
  const interval = weekly ? Number(weekly[1]) : 0;
  return { kind: 'weekly', interval, anchor: interval > 1 && anchor !== '' ? readDate(anchor) : null };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The row numbers present under a prefix ('rules' -> 0, 1, 4 …), at most `max` of them. */
function rowsUnder(body: FormBody, prefix: string, max: number): number[] {
  const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d{1,3})\\.`);
  const rows = new Set<number>();
  for (const key of Object.keys(body)) {
    const match = pattern.exec(key);
    if (match) rows.add(Number(match[1]));
  }
  return [...rows].sort((a, b) => a - b).slice(0, max);
}

function readPeriod(body: FormBody, prefix: string): Period {
  return {
    opens: readTime(text(body, `${prefix}.opens`)),
    closes: readTime(text(body, `${prefix}.closes`)),
    ...readStaffing(text(body, `${prefix}.staffing`)),
  };
}

const isBlankPeriod = (body: FormBody, prefix: string) => text(body, `${prefix}.opens`) === '' && text(body, `${prefix}.closes`) === '';

export type ScheduleForm = {
  schedule: Schedule;
  /** The fingerprint of the schedule the form was read at. */
  readAt: string;
  confirmedNoHours: boolean;
  /** Which button was pressed: save, or show the week as it would look. */
  intent: 'save' | 'preview';
};

/** The whole schedule form. Ids of existing rows are kept; new rows get new ones. */
export function readScheduleForm(body: FormBody): ScheduleForm {
  const used = new Set<string>();
  const idOf = (value: string) => {
    const id = uuidPattern.test(value) && !used.has(value) ? value : crypto.randomUUID();
    used.add(id);
    return id;
  };

  const rules: OpeningRule[] = [];
  for (const row of rowsUnder(body, 'rules', 80)) {
    const at = `rules.${row}`;
    if (text(body, `${at}.remove`) === 'ja') continue;
    const weekday = text(body, `${at}.weekday`);
    const filled = [weekday, text(body, `${at}.opens`), text(body, `${at}.closes`), text(body, `${at}.validFrom`), text(body, `${at}.validTo`)];
    if (filled.every((value) => value === '')) continue;
    rules.push({
      id: idOf(text(body, `${at}.id`)),
      weekday: /^[1-7]$/.test(weekday) ? Number(weekday) : 0,
      ...readPeriod(body, at),
      recurrence: readRecurrence(text(body, `${at}.recurrence`), text(body, `${at}.recurrence.anchor`)),
      validFrom: optionalDate(text(body, `${at}.validFrom`)),
      validTo: optionalDate(text(body, `${at}.validTo`)),
      description: text(body, `${at}.description`).slice(0, 200) || null,
      isExample: false,
    });
  }

  const exceptions: ScheduleException[] = [];
  for (const row of rowsUnder(body, 'exceptions', 40)) {
    const at = `exceptions.${row}`;
    if (text(body, `${at}.remove`) === 'ja') continue;
    const rawKind = text(body, `${at}.kind`);
    const kind: ScheduleException['kind'] = rawKind === 'hours' || rawKind === 'transition' ? rawKind : 'closed';
    const periods: ScheduleException['periods'] = [];
    for (const periodRow of rowsUnder(body, `${at}.periods`, 10)) {
      const periodAt = `${at}.periods.${periodRow}`;
      if (isBlankPeriod(body, periodAt)) continue;
      const weekdays = [1, 2, 3, 4, 5, 6, 7].filter((day) => text(body, `${periodAt}.weekdays.${day}`) === 'ja');
      periods.push({ ...readPeriod(body, periodAt), weekdays: weekdays.length > 0 ? weekdays : null });
    }
    const from = text(body, `${at}.from`);
    const to = text(body, `${at}.to`);
    const reason = text(body, `${at}.reason`).slice(0, 200);
    if (from === '' && to === '' && reason === '' && periods.length === 0) continue;
    exceptions.push({
      id: idOf(text(body, `${at}.id`)),
      from: readDate(from),
      // A single day needs only its first date.
      to: to === '' ? readDate(from) : readDate(to),
      kind,
      periods: kind === 'closed' ? [] : periods,
      reason: reason || null,
      isExample: false,
    });
  }

  const holidayRules: HolidayRule[] = [];
  for (const key of holidayKeys) {
    const at = `holidays.${key}`;
    const kind = text(body, `${at}.kind`);
    if (kind !== 'closed' && kind !== 'open' && kind !== 'hours') continue;
    const periods = kind === 'hours' ? rowsUnder(body, `${at}.periods`, 6).map((row) => `${at}.periods.${row}`) : [];
    holidayRules.push({
      holiday: key,
      kind,
      periods: periods.filter((periodAt) => !isBlankPeriod(body, periodAt)).map((periodAt) => readPeriod(body, periodAt)),
    });
  }

  return {
    schedule: {
      rules,
      exceptions,
      holidays: { standard: text(body, 'holidays.standard') === 'open' ? 'open' : 'closed', rules: holidayRules },
    },
    readAt: text(body, 'readAt'),
    confirmedNoHours: text(body, 'confirmNoHours') === 'ja',
    intent: text(body, 'handling') === 'vis' ? 'preview' : 'save',
  };
}

/**
 * The id of the form element a validation problem belongs to: choices that stand for two fields
 * (staffing, recurrence) take their problems, and a holiday rule is named by its holiday, not its place
 * in the list.
 */
export function fieldIdOf(field: string, schedule: Schedule): string {
  const holiday = /^holidays\.rules\.(\d+)(\..*)?$/.exec(field);
  if (holiday) {
    const key: HolidayKey | undefined = schedule.holidays.rules[Number(holiday[1])]?.holiday;
    const rest = holiday[2] ?? '.kind';
    return fieldIdOf(`holidays.${key ?? 'x'}${rest === '.holiday' ? '.kind' : rest}`, schedule);
  }
  return field
    .replace(/\.(isStaffPresent|isUserRun)$/, '.staffing')
    .replace(/\.recurrence\.(interval|nth)$/, '.recurrence')
    .replace(/\.periods$/, '.periods.0.opens');
}

export type ActivityForm = { activity: Activity; readAt: string };

/** The activity form. `id` is the activity's (an edit) or a new one (an addition). */
export function readActivityForm(body: FormBody, id: string, existing: Activity | null): ActivityForm {
  const at = 'activity';
  const kind = text(body, `${at}.kind`);
  const weekday = text(body, `${at}.when.weekday`);
  const elsewhere = text(body, `${at}.where`) === 'elsewhere';
  const cancelledOn = (existing?.cancelledOn ?? []).filter((date, index) => text(body, `${at}.cancelledOn.${index}`) === date);
  const endsAt = readTime(text(body, `${at}.endsAt`));
  const nullable = (value: string) => (value === '' ? null : value);
  return {
    activity: {
      id,
      name: text(body, `${at}.name`),
      description: nullable(text(body, `${at}.description`)),
      kind: (activityKinds as readonly string[]).includes(kind) ? (kind as ActivityKind) : 'other',
      when:
        text(body, `${at}.when.kind`) === 'repeats'
          ? {
              kind: 'repeats',
              weekday: /^[1-7]$/.test(weekday) ? Number(weekday) : 0,
              recurrence: readRecurrence(text(body, `${at}.when.recurrence`), text(body, `${at}.when.recurrence.anchor`)),
              validFrom: optionalDate(text(body, `${at}.when.validFrom`)),
              validTo: optionalDate(text(body, `${at}.when.validTo`)),
            }
          : { kind: 'once', date: readDate(text(body, `${at}.when.date`)) },
      startsAt: readTime(text(body, `${at}.startsAt`)),
      endsAt: nullable(endsAt),
      place: elsewhere
        ? {
            name: text(body, `${at}.place.name`).slice(0, 200),
            address: nullable(text(body, `${at}.place.address`).slice(0, 200)),
            postcode: nullable(text(body, `${at}.place.postcode`)),
            city: nullable(text(body, `${at}.place.city`).slice(0, 100)),
            // A changed place has no known coordinates; an unchanged one keeps its own (the store reuses it).
            latitude: null,
            longitude: null,
          }
        : null,
      isUserRun: text(body, `${at}.isUserRun`) === 'ja',
      cancelledOn,
      isExample: existing?.isExample ?? false,
    },
    readAt: text(body, 'readAt'),
  };
}

/** The id of the activity form's element a validation problem belongs to. */
export function activityFieldIdOf(field: string): string {
  return field.replace(/\.recurrence\.(interval|nth)$/, '.recurrence');
}
