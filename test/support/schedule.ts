import { everyWeek, type OpeningRule, type Schedule } from '../../src/domain/schedule/model.ts';

/** A staffed weekly opening rule for tests; `extra` overrides any field (id, recurrence, season …). */
export function openingRule(weekday: number, opens: string, closes: string, extra: Partial<OpeningRule> = {}): OpeningRule {
  return {
    id: `r${weekday}${opens}`,
    weekday,
    opens,
    closes,
    isUserRun: false,
    isStaffPresent: true,
    recurrence: everyWeek,
    validFrom: null,
    validTo: null,
    description: null,
    isExample: false,
    ...extra,
  };
}

/** A schedule of these rules, closed on holidays unless `extra` says otherwise. */
export function scheduleOf(rules: OpeningRule[], extra: Partial<Schedule> = {}): Schedule {
  return { rules, exceptions: [], holidays: { standard: 'closed', rules: [] }, ...extra };
}
