/**
 * A referral to a course is a closed loop: the referrer records the citizen's consent, the running
 * offering answers, and the referrer sees every change (ADR 023).
 */

export const referralStates = ['sent', 'accepted', 'waitlisted', 'declined', 'started', 'completed', 'stopped'] as const;
export type ReferralState = (typeof referralStates)[number];

/** The moves the running offering may make from each state. A reason is needed for declined and stopped. */
const moves: Record<ReferralState, readonly ReferralState[]> = {
  sent: ['accepted', 'waitlisted', 'declined'],
  waitlisted: ['accepted', 'declined'],
  accepted: ['started', 'stopped'],
  started: ['completed', 'stopped'],
  declined: [],
  completed: [],
  stopped: [],
};

export function nextStates(state: ReferralState): readonly ReferralState[] {
  return moves[state];
}

export function needsReason(state: ReferralState): boolean {
  return state === 'declined' || state === 'stopped';
}

export function isClosed(state: ReferralState): boolean {
  return moves[state].length === 0;
}

/** Whether the referral holds a place on the course (and so takes one of its places). */
export function holdsPlace(state: ReferralState): boolean {
  return state === 'accepted' || state === 'started' || state === 'completed';
}

export type Consent = {
  /** What is shared: e.g. "navn og telefonnummer; at jeg har svært ved store grupper". */
  shared: string;
  /** With whom: e.g. "holdlederne på Kompasset". */
  sharedWith: string;
  /** Until when (a Copenhagen date). */
  until: string;
};

export type ConsentProblem = { field: 'consentGiven' | 'shared' | 'sharedWith' | 'until'; message: string };

/** A referral needs the citizen's consent, recorded as what, with whom and until when. */
export function checkConsent(
  input: { given: boolean; shared: string; sharedWith: string; until: string },
  today: string,
): { consent: Consent } | { problems: ConsentProblem[] } {
  const problems: ConsentProblem[] = [];
  if (!input.given) {
    problems.push({
      field: 'consentGiven',
      message: 'Borgeren skal have givet samtykke, før du kan henvise. Sæt kryds, når du har talt med borgeren om det.',
    });
  }
  const shared = input.shared.trim();
  const sharedWith = input.sharedWith.trim();
  if (!shared) problems.push({ field: 'shared', message: 'Skriv, hvilke oplysninger borgeren har sagt ja til at dele.' });
  else if (shared.length > 500) problems.push({ field: 'shared', message: 'Skriv højst 500 tegn om, hvad der deles.' });
  if (!sharedWith) problems.push({ field: 'sharedWith', message: 'Skriv, hvem oplysningerne må deles med.' });
  else if (sharedWith.length > 200) problems.push({ field: 'sharedWith', message: 'Skriv højst 200 tegn om, hvem der deles med.' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.until) || Number.isNaN(Date.parse(`${input.until}T00:00:00Z`))) {
    problems.push({ field: 'until', message: 'Skriv den dato, samtykket gælder til, fx 31.12.2027.' });
  } else if (input.until < today) {
    problems.push({ field: 'until', message: 'Samtykket skal gælde i dag eller længere. Datoen er overskredet.' });
  }
  return problems.length ? { problems } : { consent: { shared, sharedWith, until: input.until } };
}

/** Whether the recorded consent still lets the course and the referrer see the citizen's data. */
export function consentHolds(consent: { until: string | null; withdrawnAt: Date | null }, today: string): boolean {
  return consent.withdrawnAt === null && consent.until !== null && consent.until >= today;
}
