import type { Child } from 'hono/jsx';
import { capitalise } from '../../../domain/locale.ts';
import { type HolidayKey, holidayKeys, holidayNames } from '../../../domain/schedule/holidays.ts';
import type { Activity, ActivityKind, DayHours, Period, Recurrence, Schedule, ScheduleException } from '../../../domain/schedule/model.ts';
import {
  activityKindLabels,
  dayNote,
  describeActivityPlace,
  describeActivityWhen,
  describeException,
  describeHolidayPolicy,
  describeRuleWithStaff,
  staffLabel,
  timeSpan,
} from '../../../domain/schedule/schedule-text.ts';
import { formatDate } from '../../../domain/time.ts';
import { weekdayNames } from '../../../domain/vocabulary.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';
import { Button, CsrfField, ErrorSummary, Select, TextArea, TextInput } from '../../components/form.tsx';
import type { TimesProposal } from '../../../app/edit-schedule.ts';

type SignedIn = { name: string; csrfToken: string };

/** Who is there in a period, as one choice (a period without staff is always user-run). */
export type Staffing = 'staff' | 'user_staff' | 'user_alone';

export function staffingOf(period: Pick<Period, 'isUserRun' | 'isStaffPresent'>): Staffing {
  return !period.isUserRun ? 'staff' : period.isStaffPresent ? 'user_staff' : 'user_alone';
}

/** A recurrence as one choice: 'w1' every week … 'w4' every fourth, 'm1' … 'm5' and 'm-1' (last) of the month. */
export function recurrenceChoice(recurrence: Recurrence): string {
  return recurrence.kind === 'monthly' ? `m${recurrence.nth}` : `w${recurrence.interval}`;
}

export const activityKinds = Object.keys(activityKindLabels) as ActivityKind[];
type Problem = { field: string; message: string };
type OfferingRef = { slug: string; name: string };

const stylesheets = ['/static/schedule-form.css'];

const staffingOptions: { value: Staffing; text: string }[] = [
  { value: 'staff', text: 'Personale til stede' },
  { value: 'user_staff', text: 'Brugerstyret, personale til stede' },
  { value: 'user_alone', text: 'Brugerstyret, uden personale' },
];

const recurrenceOptions = [
  { value: 'w1', text: 'Hver uge' },
  { value: 'w2', text: 'Hver 2. uge' },
  { value: 'w3', text: 'Hver 3. uge' },
  { value: 'w4', text: 'Hver 4. uge' },
  { value: 'm1', text: '1. i måneden' },
  { value: 'm2', text: '2. i måneden' },
  { value: 'm3', text: '3. i måneden' },
  { value: 'm4', text: '4. i måneden' },
  { value: 'm5', text: '5. i måneden' },
  { value: 'm-1', text: 'Sidste i måneden' },
];

const weekdayOptions = (selected: number) => [
  { value: '', text: 'Vælg dag', selected: selected < 1 || selected > 7 },
  ...weekdayNames.map((name, index) => ({ value: String(index + 1), text: capitalise(name), selected: selected === index + 1 })),
];

const choose = <T extends { value: string }>(options: T[], selected: string) => options.map((option) => ({ ...option, selected: option.value === selected }));

/** A single checkbox in DKFDS markup, with its own error. */
function Checkbox(props: { id: string; name: string; label: Child; checked: boolean; value?: string; error?: string | undefined }) {
  return (
    <div class={props.error ? 'form-group form-error' : 'form-group'}>
      {props.error && (
        <span class="form-error-message" id={`${props.id}-error`}>
          <span class="sr-only">Fejl: </span>
          {props.error}
        </span>
      )}
      <div class="form-group-checkbox">
        <input
          type="checkbox"
          class="form-checkbox"
          id={props.id}
          name={props.name}
          value={props.value ?? 'ja'}
          checked={props.checked}
          aria-describedby={props.error ? `${props.id}-error` : undefined}
        />
        <label class="form-label" for={props.id}>
          {props.label}
        </label>
      </div>
    </div>
  );
}

/** Opens, closes and who is there: one period of a rule, an exception or a holiday. */
function PeriodFields(props: { at: string; period: Period | null; error: (id: string) => string | undefined }) {
  const { at, period, error } = props;
  return (
    <>
      <TextInput id={`${at}.opens`} name={`${at}.opens`} label="Åbner" hint="fx 09:30" width="xs" value={period?.opens ?? ''} error={error(`${at}.opens`)} />
      <TextInput id={`${at}.closes`} name={`${at}.closes`} label="Lukker" hint="fx 16:00" width="xs" value={period?.closes ?? ''} error={error(`${at}.closes`)} />
      <Select
        id={`${at}.staffing`}
        name={`${at}.staffing`}
        label="Hvem er der"
        options={choose(staffingOptions, period ? staffingOf(period) : 'staff')}
        error={error(`${at}.staffing`)}
      />
    </>
  );
}

/** The date every 2nd–4th week is counted from. */
function AnchorField(props: { at: string; recurrence: Recurrence; error: (id: string) => string | undefined }) {
  const { at, recurrence, error } = props;
  return (
    <TextInput
      id={`${at}.recurrence.anchor`}
      name={`${at}.recurrence.anchor`}
      label="En dag i en uge med åbent"
      hint="Ved hver 2.–4. uge"
      type="date"
      width="m"
      value={recurrence.kind === 'weekly' ? (recurrence.anchor ?? '') : ''}
      error={error(`${at}.recurrence.anchor`)}
    />
  );
}

function RecurrenceFields(props: { at: string; recurrence: Recurrence; error: (id: string) => string | undefined }) {
  const { at, recurrence, error } = props;
  return (
    <>
      <Select
        id={`${at}.recurrence`}
        name={`${at}.recurrence`}
        label="Hvor ofte"
        options={choose(recurrenceOptions, recurrenceChoice(recurrence))}
        error={error(`${at}.recurrence`)}
      />
      <AnchorField at={at} recurrence={recurrence} error={error} />
    </>
  );
}

const emptyRule = { weekday: 0, opens: '', closes: '', isUserRun: false, isStaffPresent: true, recurrence: { kind: 'weekly', interval: 1, anchor: null } as Recurrence, validFrom: null, validTo: null, description: null };

/** The week as the public page would show it: each day's hours and why a day differs. */
function WeekTable({ days, caption }: { days: DayHours[]; caption: string }) {
  return (
    <div class="table--responsive-scroll">
      <table class="table table--compact">
        <caption class="align-text-left">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Dag</th>
            <th scope="col">Åbent</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day, index) => {
            const note = dayNote(day);
            return (
              <tr>
                <th scope="row">
                  {capitalise(weekdayNames[index]!)} {formatDate(day.date, 'da')}
                </th>
                <td>
                  {note && <p class="mt-0 mb-0 weight-semibold">{note.reason ? `${note.reason}: ${note.what}` : capitalise(note.what)}</p>}
                  {day.periods.length === 0
                    ? !note && <p class="mt-0 mb-0">Lukket</p>
                    : day.periods.map((period) => (
                        <p class="mt-0 mb-0">
                          <strong>{timeSpan(period.opens, period.closes)}</strong> {staffLabel(period)}
                        </p>
                      ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** A schedule in words: the text shown when someone else saved first, and to those who may only look. */
export function ScheduleText({ schedule, headingLevel = 'h3' }: { schedule: Schedule; headingLevel?: 'h2' | 'h3' }) {
  const Heading = headingLevel;
  return (
    <>
      <Heading class="h4">Faste åbningstider</Heading>
      {schedule.rules.length === 0 ? (
        <p>Ingen faste åbningstider.</p>
      ) : (
        <ul>
          {[...schedule.rules]
            .sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens))
            .map((rule) => (
              <li>{describeRuleWithStaff(rule)}</li>
            ))}
        </ul>
      )}
      <Heading class="h4">Undtagelser</Heading>
      {schedule.exceptions.length === 0 ? (
        <p>Ingen undtagelser.</p>
      ) : (
        <ul>
          {schedule.exceptions.map((exception) => (
            <li>{describeException(exception)}</li>
          ))}
        </ul>
      )}
      <Heading class="h4">Helligdage</Heading>
      <ul>
        {describeHolidayPolicy(schedule.holidays).map((line) => (
          <li>{line}</li>
        ))}
      </ul>
    </>
  );
}

function TimesLinks({ offering, current }: { offering: OfferingRef; current: 'hours' | 'activities' }) {
  return (
    <ul class="nobullet-list">
      <li>
        <a href={`/admin/tilbud/${offering.slug}`}>Tilbage til {offering.name}</a>
      </li>
      <li>
        <a href={`/tilbud/${offering.slug}#${current === 'hours' ? 'aabningstider' : 'aktiviteter'}`}>Se den offentlige side</a>
      </li>
      <li>
        {current === 'hours' ? (
          <a href={`/admin/tilbud/${offering.slug}/aktiviteter`}>Aktiviteter</a>
        ) : (
          <a href={`/admin/tilbud/${offering.slug}/aabningstider`}>Åbningstider</a>
        )}
      </li>
      <li>
        <a href={`/admin/tilbud/${offering.slug}/tider/historik`}>Historik for åbningstider og aktiviteter</a>
      </li>
    </ul>
  );
}

const dateTime = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'long', timeStyle: 'short' });
export const proposalStatusWords: Record<TimesProposal['status'], string> = { pending: 'venter', approved: 'godkendt', rejected: 'afvist' };

/** Where a proposal of hours or activities is read and decided (ADR 022). */
export const timesProposalPath = (slug: string, id: string) => `/admin/tilbud/${slug}/tider/forslag/${id}`;

/** Proposals of hours or activities: those waiting for the person's decision, and the person's own with their outcome. */
function TimesProposalList({ offering, proposals }: { offering: OfferingRef; proposals: TimesProposal[] }) {
  if (proposals.length === 0) return null;
  return (
    <section aria-labelledby="times-proposals-heading">
      <h2 id="times-proposals-heading">Forslag til godkendelse</h2>
      <ul class="nobullet-list">
        {proposals.map((proposal) => (
          <li>
            <a href={timesProposalPath(offering.slug, proposal.id)}>
              {proposal.summary}, fra {proposal.proposedBy.name}, {dateTime.format(proposal.createdAt)}: {proposalStatusWords[proposal.status]}
            </a>
            {proposal.reason ? ` – «${proposal.reason}»` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The button that undoes the change just saved (ADR 022). */
function UndoButton({ signedIn, offering, auditId }: { signedIn: SignedIn; offering: OfferingRef; auditId: string }) {
  return (
    <form method="post" action={`/admin/tilbud/${offering.slug}/tider/fortryd`}>
      <CsrfField token={signedIn.csrfToken} />
      <input type="hidden" name="aendring" value={auditId} />
      <Button variant="secondary">Fortryd ændringen</Button>
    </form>
  );
}

/** What follows a change: a proposal sent, a save that can be undone, an undo done; and the proposals to see. */
export type TimesMessages = {
  /** Just sent to the centre for approval. */
  proposed?: boolean;
  /** The audit entry of the change just saved, which the person may undo; null when there is none. */
  undo?: string | null;
  /** Just undone. */
  undone?: boolean;
  proposals?: TimesProposal[];
};

/** What the person may do here, when it is not editing. */
function ReadOnlyNote() {
  return <Alert variant="info">Du kan se, men ikke rette, dette tilbuds åbningstider og aktiviteter. Kontakt centret, hvis noget skal ændres.</Alert>;
}

/** For a person whose changes wait for the centre (ADR 022). */
function ReviewNote() {
  return <Alert variant="info">Dine ændringer af åbningstider og aktiviteter bliver offentlige, når centret har godkendt dem. Indtil da gælder de nuværende.</Alert>;
}

export type SchedulePageProps = {
  signedIn: SignedIn;
  offering: OfferingRef;
  /** What the form shows: the saved schedule, or what the person sent. */
  schedule: Schedule;
  /** The fingerprint of the saved schedule the form answers. */
  readAt: string;
  canEdit: boolean;
  goesToReview: boolean;
  problems: Problem[];
  saved: boolean;
  /** The schedule someone else saved while this person was editing. */
  conflict: Schedule | null;
  /** The save would remove every regular period: ask for a deliberate yes. */
  askNoHours: boolean;
  /** The week as it would look with the form's values (nothing saved). */
  preview: DayHours[] | null;
  /** Some of the saved hours are invented examples. */
  hasExamples: boolean;
  /** The next date of each holiday, to show beside its name. */
  holidayDates: Partial<Record<HolidayKey, string>>;
  /** The first new row filled in from a council's decision (ADR 033): run by the users, with the decision as its note. */
  fromDecision?: { description: string } | null;
} & TimesMessages;

const newRuleRows = 3;

/** /admin/tilbud/{slug}/aabningstider: the regular hours, the exceptions and the holiday policy as one form. */
export function SchedulePage(props: SchedulePageProps) {
  const { offering, schedule } = props;
  const messageOf = new Map<string, string>();
  for (const problem of props.problems) if (!messageOf.has(problem.field)) messageOf.set(problem.field, problem.message);
  const error = (id: string) => messageOf.get(id);
  const editing = props.canEdit;
  const ruleRows = [...schedule.rules, ...Array.from({ length: newRuleRows }, () => null)];
  const exceptionRows: (ScheduleException | null)[] = [...schedule.exceptions, null];
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}Åbningstider for ${offering.name}`} signedIn={props.signedIn} stylesheets={stylesheets}>
      <h1>Åbningstider for {offering.name}</h1>
      <TimesLinks offering={offering} current="hours" />
      {props.saved && <Alert variant="success">Gemt. De nye åbningstider står på den offentlige side nu.</Alert>}
      {props.saved && props.undo && <UndoButton signedIn={props.signedIn} offering={offering} auditId={props.undo} />}
      {props.undone && <Alert variant="success">Ændringen er fortrudt. Åbningstiderne er som før, også på den offentlige side.</Alert>}
      {props.proposed && (
        <Alert variant="success">Dine åbningstider er sendt til centret. De bliver offentlige, når de er godkendt, og du kan se svaret her.</Alert>
      )}
      <TimesProposalList offering={offering} proposals={props.proposals ?? []} />
      {props.conflict && (
        <>
          <Alert variant="warning">
            En anden har gemt åbningstiderne, mens du rettede. Intet er gemt fra dig, og intet er gået tabt: dine ændringer står i formularen
            nedenfor, og det, der er gemt nu, står her. Ret formularen til, og gem igen.
          </Alert>
          <section class="saved-by-other" aria-labelledby="theirs-heading">
            <h2 id="theirs-heading">Gemt af en anden</h2>
            <ScheduleText schedule={props.conflict} />
          </section>
        </>
      )}
      <ErrorSummary problems={props.problems} />
      {props.preview && (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">Forhåndsvisning – intet er gemt</h2>
          <p>Sådan ser denne uge ud på den offentlige side med formularens åbningstider. Tryk «Gem» nedenfor for at gemme dem.</p>
          <WeekTable days={props.preview} caption="Åbningstider denne uge, hvis du gemmer" />
        </section>
      )}
      {!editing ? (
        <>
          <ReadOnlyNote />
          <ScheduleText schedule={schedule} headingLevel="h2" />
        </>
      ) : (
        <form method="post" action={`/admin/tilbud/${offering.slug}/aabningstider`} novalidate>
          <CsrfField token={props.signedIn.csrfToken} />
          <input type="hidden" name="readAt" value={props.readAt} />
          {props.goesToReview && <ReviewNote />}
          {props.hasExamples && (
            <Alert variant="info">
              Nogle af åbningstiderne er opdigtede eksempler. Når du gemmer, står alt i formularen som tilbuddets rigtige åbningstider.
            </Alert>
          )}
          <h2>Faste åbningstider</h2>
          <p>
            Ét tidsrum pr. række. Er der åbent to gange samme dag, eller over midnat, bruges to rækker. De tomme rækker nederst er til nye
            tidsrum; er der brug for flere, så gem og få nye tomme rækker.
          </p>
          {props.askNoHours && (
            <div class="no-hours-confirmation">
              <Alert variant="warning">
                Du er ved at fjerne alle faste åbningstider. Så viser den offentlige side ingen åbningstider for stedet. Lukker stedet, midlertidigt
                eller helt, skal det registreres under <a href={`/admin/tilbud/${offering.slug}/status`}>tilbuddets status</a>, ikke her.
              </Alert>
              <Checkbox
                id="confirmNoHours"
                name="confirmNoHours"
                label="Ja, gem uden faste åbningstider"
                checked={false}
                error={error('confirmNoHours')}
              />
            </div>
          )}
          {ruleRows.map((rule, index) => {
            const at = `rules.${index}`;
            const decided = !rule && index === schedule.rules.length && props.fromDecision ? { ...emptyRule, isUserRun: true, isStaffPresent: false, description: props.fromDecision.description } : null;
            const value = rule ?? decided ?? emptyRule;
            return (
              <fieldset class="schedule-row">
                <legend class="h4">{rule ? `Åbningstid ${index + 1}` : `Ny åbningstid ${index + 1 - schedule.rules.length}`}</legend>
                <input type="hidden" name={`${at}.id`} value={rule?.id ?? ''} />
                <div class="schedule-fields">
                  <Select id={`${at}.weekday`} name={`${at}.weekday`} label="Ugedag" options={weekdayOptions(value.weekday)} error={error(`${at}.weekday`)} />
                  <PeriodFields at={at} period={rule ?? decided} error={error} />
                  <Select
                    id={`${at}.recurrence`}
                    name={`${at}.recurrence`}
                    label="Hvor ofte"
                    options={choose(recurrenceOptions, recurrenceChoice(value.recurrence))}
                    error={error(`${at}.recurrence`)}
                  />
                </div>
                <details
                  class="details"
                  open={
                    value.validFrom !== null ||
                    value.validTo !== null ||
                    value.description !== null ||
                    (value.recurrence.kind === 'weekly' && value.recurrence.interval > 1) ||
                    ['recurrence.anchor', 'validFrom', 'validTo', 'description'].some((key) => error(`${at}.${key}`))
                  }
                >
                  <summary class="details-summary">Hver 2.–4. uge, kun i en periode, eller en note</summary>
                  <div class="details-text schedule-fields">
                    <AnchorField at={at} recurrence={value.recurrence} error={error} />
                    <TextInput id={`${at}.validFrom`} name={`${at}.validFrom`} label="Gælder fra" hint="Tom: altid" type="date" width="m" value={value.validFrom ?? ''} error={error(`${at}.validFrom`)} />
                    <TextInput id={`${at}.validTo`} name={`${at}.validTo`} label="Gælder til" hint="Tom: indtil videre" type="date" width="m" value={value.validTo ?? ''} error={error(`${at}.validTo`)} />
                    <TextInput id={`${at}.description`} name={`${at}.description`} label="Note" hint="Valgfri, fx «Åben café»" value={value.description ?? ''} error={error(`${at}.description`)} />
                  </div>
                </details>
                {rule && <Checkbox id={`${at}.remove`} name={`${at}.remove`} label={`Fjern åbningstid ${index + 1}`} checked={false} />}
              </fieldset>
            );
          })}

          <h2>Undtagelser</h2>
          <p>
            Dage med andre åbningstider end de faste: en lukket uge, sommertider eller nedsatte åbningstider før en lukning. En undtagelse gælder
            fra og med første til og med sidste dato, og den går forud for både helligdage og de faste åbningstider.
          </p>
          {exceptionRows.map((exception, index) => {
            const at = `exceptions.${index}`;
            const periods: (ScheduleException['periods'][number] | null)[] = [...(exception?.periods ?? []), null, ...(exception ? [] : [null])];
            return (
              <fieldset class="schedule-row">
                <legend class="h4">{exception ? `Undtagelse ${index + 1}` : 'Ny undtagelse'}</legend>
                <input type="hidden" name={`${at}.id`} value={exception?.id ?? ''} />
                <div class="schedule-fields">
                  <Select
                    id={`${at}.kind`}
                    name={`${at}.kind`}
                    label="Hvad sker der"
                    options={choose(
                      [
                        { value: 'closed', text: 'Lukket' },
                        { value: 'hours', text: 'Andre åbningstider' },
                        { value: 'transition', text: 'Nedsatte åbningstider før en lukning' },
                      ],
                      exception?.kind ?? 'closed',
                    )}
                    error={error(`${at}.kind`)}
                  />
                  <TextInput id={`${at}.from`} name={`${at}.from`} label="Fra og med" type="date" width="m" value={exception?.from ?? ''} error={error(`${at}.from`)} />
                  <TextInput id={`${at}.to`} name={`${at}.to`} label="Til og med" hint="Tom: kun én dag" type="date" width="m" value={exception?.to ?? ''} error={error(`${at}.to`)} />
                  <TextInput id={`${at}.reason`} name={`${at}.reason`} label="Hvorfor" hint="Står på den offentlige side, fx «Sommerferie»" value={exception?.reason ?? ''} error={error(`${at}.reason`)} />
                </div>
                <p class="form-hint">Tidsrum udfyldes kun ved andre eller nedsatte åbningstider. Vælg ingen ugedage, hvis tidsrummet gælder alle dage.</p>
                {periods.map((period, periodIndex) => {
                  const periodAt = `${at}.periods.${periodIndex}`;
                  return (
                    <fieldset class="schedule-period">
                      <legend class="form-label">Tidsrum {periodIndex + 1}</legend>
                      <div class="schedule-fields">
                        <PeriodFields at={periodAt} period={period} error={error} />
                      </div>
                      <fieldset class="weekday-choices">
                        <legend class="form-label">Kun disse ugedage</legend>
                        {weekdayNames.map((name, day) => (
                          <div class="form-group-checkbox">
                            <input
                              type="checkbox"
                              class="form-checkbox"
                              id={`${periodAt}.weekdays.${day + 1}`}
                              name={`${periodAt}.weekdays.${day + 1}`}
                              value="ja"
                              checked={period?.weekdays?.includes(day + 1) ?? false}
                            />
                            <label class="form-label" for={`${periodAt}.weekdays.${day + 1}`}>
                              {capitalise(name)}
                            </label>
                          </div>
                        ))}
                      </fieldset>
                    </fieldset>
                  );
                })}
                {exception && <Checkbox id={`${at}.remove`} name={`${at}.remove`} label={`Fjern undtagelse ${index + 1}`} checked={false} />}
              </fieldset>
            );
          })}

          <h2>Helligdage</h2>
          <p>Gælder helligdagene og juleaftensdag, nytårsaftensdag og grundlovsdag. En undtagelse på samme dato går forud.</p>
          <div class="form-group">
            <fieldset>
              <legend class="form-label">På helligdage er stedet som udgangspunkt</legend>
              {[
                { value: 'closed', label: 'Lukket' },
                { value: 'open', label: 'Åbent med de faste åbningstider' },
              ].map((choice) => (
                <div class="form-group-radio">
                  <input
                    type="radio"
                    class="form-radio"
                    id={`holidays.standard.${choice.value}`}
                    name="holidays.standard"
                    value={choice.value}
                    checked={schedule.holidays.standard === choice.value}
                  />
                  <label class="form-label" for={`holidays.standard.${choice.value}`}>
                    {choice.label}
                  </label>
                </div>
              ))}
            </fieldset>
          </div>
          <h3>De enkelte helligdage</h3>
          {holidayKeys.map((key) => {
            const at = `holidays.${key}`;
            const rule = schedule.holidays.rules.find((item) => item.holiday === key);
            const date = props.holidayDates[key];
            const periods: (Period | null)[] = [...(rule?.periods ?? []), null];
            return (
              <fieldset class="schedule-row">
                <legend class="h5">{date ? `${holidayNames[key]} (næste gang ${formatDate(date, 'da')})` : holidayNames[key]}</legend>
                <div class="schedule-fields">
                  <Select
                    id={`${at}.kind`}
                    name={`${at}.kind`}
                    label="Åbent?"
                    options={choose(
                      [
                        { value: 'standard', text: 'Som udgangspunkt' },
                        { value: 'closed', text: 'Lukket' },
                        { value: 'open', text: 'De faste åbningstider' },
                        { value: 'hours', text: 'Særlige åbningstider' },
                      ],
                      rule?.kind ?? 'standard',
                    )}
                    error={error(`${at}.kind`)}
                  />
                  {periods.map((period, periodIndex) => (
                    <fieldset class="schedule-period">
                      <legend class="form-label">Særlige åbningstider{periods.length > 1 ? `, tidsrum ${periodIndex + 1}` : ''}</legend>
                      <div class="schedule-fields">
                        <PeriodFields at={`${at}.periods.${periodIndex}`} period={period} error={error} />
                      </div>
                    </fieldset>
                  ))}
                </div>
              </fieldset>
            );
          })}
          <div class="button-row">
            <button type="submit" name="handling" value="gem" class="button button-primary">
              {props.goesToReview ? 'Send åbningstiderne til godkendelse' : 'Gem åbningstiderne'}
            </button>
            <button type="submit" name="handling" value="vis" class="button button-secondary">
              Vis forhåndsvisning
            </button>
          </div>
        </form>
      )}
    </AdminLayout>
  );
}

export type ActivitiesPageProps = {
  signedIn: SignedIn;
  offering: OfferingRef;
  activities: Activity[];
  canEdit: boolean;
  goesToReview: boolean;
  /** Today in Copenhagen: cancelled dates from today on are listed. */
  today: string;
  /** What was just done, for the message at the top. */
  done: 'added' | 'saved' | 'cancelled' | 'removed' | 'proposed' | 'undone' | null;
} & Omit<TimesMessages, 'proposed' | 'undone'>;

const doneText: Record<NonNullable<ActivitiesPageProps['done']>, string> = {
  added: 'Aktiviteten er tilføjet. Den står på den offentlige side nu.',
  saved: 'Aktiviteten er gemt. Ændringen står på den offentlige side nu.',
  cancelled: 'Datoen er aflyst. Den offentlige side viser ikke aktiviteten den dag.',
  removed: 'Aktiviteten er fjernet fra den offentlige side.',
  proposed: 'Ændringen er sendt til centret. Den bliver offentlig, når den er godkendt, og du kan se svaret her.',
  undone: 'Ændringen er fortrudt. Aktiviteten er som før, også på den offentlige side.',
};

/** /admin/tilbud/{slug}/aktiviteter: the offering's activities, each with a way to change, cancel a date or remove it. */
export function ActivitiesPage(props: ActivitiesPageProps) {
  const { offering } = props;
  const editing = props.canEdit;
  return (
    <AdminLayout title={`Aktiviteter for ${offering.name}`} signedIn={props.signedIn} stylesheets={stylesheets}>
      <h1>Aktiviteter for {offering.name}</h1>
      <TimesLinks offering={offering} current="activities" />
      {props.done && <Alert variant="success">{doneText[props.done]}</Alert>}
      {props.done && props.undo && <UndoButton signedIn={props.signedIn} offering={offering} auditId={props.undo} />}
      <TimesProposalList offering={offering} proposals={props.proposals ?? []} />
      {!editing && <ReadOnlyNote />}
      {editing && props.goesToReview && <ReviewNote />}
      {editing && (
        <p>
          <a class="button button-primary" href={`/admin/tilbud/${offering.slug}/aktiviteter/ny`}>
            Tilføj en aktivitet
          </a>
        </p>
      )}
      {props.activities.length === 0 ? (
        <p>Tilbuddet har ingen aktiviteter endnu.</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--compact">
            <caption class="sr-only">Tilbuddets aktiviteter</caption>
            <thead>
              <tr>
                <th scope="col">Aktivitet</th>
                <th scope="col">Hvornår</th>
                <th scope="col">Hvor</th>
                <th scope="col">Aflyst</th>
              </tr>
            </thead>
            <tbody>
              {props.activities.map((activity) => {
                const upcoming = activity.cancelledOn.filter((date) => date >= props.today);
                return (
                  <tr>
                    <th scope="row">
                      {editing ? <a href={`/admin/tilbud/${offering.slug}/aktiviteter/${activity.id}`}>{activity.name}</a> : activity.name}
                      <br />
                      <span class="weight-normal">{activityKindLabels[activity.kind]}</span>
                      {activity.isExample && <span class="weight-normal"> (eksempel)</span>}
                    </th>
                    <td>{describeActivityWhen(activity)}</td>
                    <td>{describeActivityPlace(activity) ?? 'På stedet'}</td>
                    <td>{upcoming.length === 0 ? '–' : upcoming.map((date) => formatDate(date, 'da')).join(', ')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {editing && props.activities.length > 0 && <p>Vælg en aktivitet for at rette den, aflyse en dato eller fjerne den.</p>}
    </AdminLayout>
  );
}

export type ActivityPageProps = {
  signedIn: SignedIn;
  offering: OfferingRef;
  /** Null: a new activity. */
  saved: Activity | null;
  /** What the form shows. */
  activity: Activity;
  readAt: string;
  problems: Problem[];
  /** The activity as someone else saved it while this person was editing. */
  conflict: Activity | null;
  /** What was typed in «Aflys en dato». */
  cancelDate: string;
  /** The person's changes wait for the centre's approval. */
  goesToReview?: boolean;
};

/** One activity: cancel a date, change it, or remove it; or a new one. */
export function ActivityPage(props: ActivityPageProps) {
  const { offering, activity, saved } = props;
  const messageOf = new Map<string, string>();
  for (const problem of props.problems) if (!messageOf.has(problem.field)) messageOf.set(problem.field, problem.message);
  const error = (id: string) => messageOf.get(id);
  const base = `/admin/tilbud/${offering.slug}/aktiviteter`;
  const title = saved ? `Aktiviteten «${saved.name}»` : 'Ny aktivitet';
  const when = activity.when;
  const repeats = when.kind === 'repeats' ? when : null;
  const place = activity.place;
  const at = 'activity';
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}${title} – ${offering.name}`} signedIn={props.signedIn} stylesheets={stylesheets}>
      <h1>{title}</h1>
      <p>
        <a href={base}>Tilbage til aktiviteterne for {offering.name}</a>
      </p>
      {props.goesToReview && <ReviewNote />}
      {props.conflict && (
        <>
          <Alert variant="warning">
            En anden har gemt en ændring af aktiviteten, mens du rettede. Intet er gemt fra dig: din version står i formularen, og den gemte står
            her. Ret til, og gem igen.
          </Alert>
          <section class="saved-by-other" aria-labelledby="theirs-heading">
            <h2 id="theirs-heading">Gemt af en anden</h2>
            <p>
              <strong>{props.conflict.name}</strong>: {describeActivityWhen(props.conflict)}. {describeActivityPlace(props.conflict) ?? 'På stedet'}.
            </p>
          </section>
        </>
      )}
      <ErrorSummary problems={props.problems} />
      {saved && (
        <section aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">Aflys en dato</h2>
          <form method="post" action={`${base}/${saved.id}/aflys`} novalidate>
            <CsrfField token={props.signedIn.csrfToken} />
            <TextInput
              id="cancel.date"
              name="date"
              label="Dato, der aflyses"
              hint="Aktiviteten forsvinder fra den offentlige side den dag; resten af planen er, som den er."
              type="date"
              width="m"
              value={props.cancelDate}
              error={error('cancel.date')}
            />
            <Button variant="secondary">Aflys datoen</Button>
          </form>
        </section>
      )}
      <section aria-labelledby="form-heading">
        <h2 id="form-heading">{saved ? 'Ret aktiviteten' : 'Om aktiviteten'}</h2>
        <form method="post" action={saved ? `${base}/${saved.id}` : `${base}/ny`} novalidate>
          <CsrfField token={props.signedIn.csrfToken} />
          <input type="hidden" name="readAt" value={props.readAt} />
          <TextInput id={`${at}.name`} name={`${at}.name`} label="Navn" hint="fx «Fællesspisning»" value={activity.name} error={error(`${at}.name`)} />
          <Select
            id={`${at}.kind`}
            name={`${at}.kind`}
            label="Slags"
            options={activityKinds.map((kind) => ({ value: kind, text: activityKindLabels[kind], selected: activity.kind === kind }))}
          />
          <TextArea id={`${at}.description`} name={`${at}.description`} label="Beskrivelse" hint="Valgfri" rows={3} value={activity.description ?? ''} error={error(`${at}.description`)} />
          <div class="form-group">
            <fieldset>
              <legend class="form-label">Hvor ofte</legend>
              {[
                { value: 'once', label: 'Én gang' },
                { value: 'repeats', label: 'Gentages' },
              ].map((choice) => (
                <div class="form-group-radio">
                  <input type="radio" class="form-radio" id={`${at}.when.kind.${choice.value}`} name={`${at}.when.kind`} value={choice.value} checked={when.kind === choice.value} />
                  <label class="form-label" for={`${at}.when.kind.${choice.value}`}>
                    {choice.label}
                  </label>
                </div>
              ))}
            </fieldset>
          </div>
          <fieldset class="schedule-row">
            <legend class="h4">Én gang</legend>
            <TextInput id={`${at}.when.date`} name={`${at}.when.date`} label="Dato" type="date" width="m" value={when.kind === 'once' ? when.date : ''} error={error(`${at}.when.date`)} />
          </fieldset>
          <fieldset class="schedule-row">
            <legend class="h4">Gentages</legend>
            <div class="schedule-fields">
              <Select id={`${at}.when.weekday`} name={`${at}.when.weekday`} label="Ugedag" options={weekdayOptions(repeats?.weekday ?? 0)} error={error(`${at}.when.weekday`)} />
              <RecurrenceFields at={`${at}.when`} recurrence={repeats?.recurrence ?? emptyRule.recurrence} error={error} />
              <TextInput id={`${at}.when.validFrom`} name={`${at}.when.validFrom`} label="Fra" hint="Tom: fra nu" type="date" width="m" value={repeats?.validFrom ?? ''} error={error(`${at}.when.validFrom`)} />
              <TextInput id={`${at}.when.validTo`} name={`${at}.when.validTo`} label="Til" hint="Tom: indtil videre" type="date" width="m" value={repeats?.validTo ?? ''} error={error(`${at}.when.validTo`)} />
            </div>
          </fieldset>
          <div class="schedule-fields">
            <TextInput id={`${at}.startsAt`} name={`${at}.startsAt`} label="Begynder" hint="fx 17:30" width="xs" value={activity.startsAt} error={error(`${at}.startsAt`)} />
            <TextInput id={`${at}.endsAt`} name={`${at}.endsAt`} label="Slutter" hint="Valgfri" width="xs" value={activity.endsAt ?? ''} error={error(`${at}.endsAt`)} />
          </div>
          <div class="form-group">
            <fieldset>
              <legend class="form-label">Hvor</legend>
              {[
                { value: 'here', label: 'På stedet' },
                { value: 'elsewhere', label: 'Et andet sted' },
              ].map((choice) => (
                <div class="form-group-radio">
                  <input
                    type="radio"
                    class="form-radio"
                    id={`${at}.where.${choice.value}`}
                    name={`${at}.where`}
                    value={choice.value}
                    checked={(place ? 'elsewhere' : 'here') === choice.value}
                  />
                  <label class="form-label" for={`${at}.where.${choice.value}`}>
                    {choice.label}
                  </label>
                </div>
              ))}
            </fieldset>
          </div>
          <fieldset class="schedule-row">
            <legend class="h4">Et andet sted</legend>
            <div class="schedule-fields">
              <TextInput id={`${at}.place.name`} name={`${at}.place.name`} label="Stedets navn" hint="fx «Sundby Bibliotek»" value={place?.name ?? ''} error={error(`${at}.place.name`)} />
              <TextInput id={`${at}.place.address`} name={`${at}.place.address`} label="Adresse" hint="fx «Jemtelandsgade 3»" value={place?.address ?? ''} error={error(`${at}.place.address`)} />
              <TextInput id={`${at}.place.postcode`} name={`${at}.place.postcode`} label="Postnummer" width="xs" value={place?.postcode ?? ''} error={error(`${at}.place.postcode`)} />
              <TextInput id={`${at}.place.city`} name={`${at}.place.city`} label="By" width="m" value={place?.city ?? ''} error={error(`${at}.place.city`)} />
            </div>
          </fieldset>
          <Checkbox id={`${at}.isUserRun`} name={`${at}.isUserRun`} label="Brugerstyret" checked={activity.isUserRun} />
          {activity.cancelledOn.length > 0 && (
            <div class="form-group">
              <fieldset>
                <legend class="form-label">Aflyste datoer</legend>
                <span class="form-hint">Fjern krydset for at holde aktiviteten alligevel den dag.</span>
                {activity.cancelledOn.map((date, index) => (
                  <div class="form-group-checkbox">
                    <input type="checkbox" class="form-checkbox" id={`${at}.cancelledOn.${index}`} name={`${at}.cancelledOn.${index}`} value={date} checked />
                    <label class="form-label" for={`${at}.cancelledOn.${index}`}>
                      {formatDate(date, 'da')}
                    </label>
                  </div>
                ))}
              </fieldset>
            </div>
          )}
          <Button>{saved ? 'Gem aktiviteten' : 'Tilføj aktiviteten'}</Button>
        </form>
      </section>
      {saved && (
        <section aria-labelledby="remove-heading">
          <h2 id="remove-heading">Fjern aktiviteten</h2>
          <p>Aktiviteten forsvinder fra den offentlige side. Vil du kun aflyse enkelte gange, så aflys datoerne ovenfor i stedet.</p>
          <form method="post" action={`${base}/${saved.id}/fjern`} novalidate>
            <CsrfField token={props.signedIn.csrfToken} />
            <Checkbox id="remove.confirm" name="confirm" label={`Ja, fjern «${saved.name}»`} checked={false} error={error('remove.confirm')} />
            <Button variant="secondary">Fjern aktiviteten</Button>
          </form>
        </section>
      )}
    </AdminLayout>
  );
}
