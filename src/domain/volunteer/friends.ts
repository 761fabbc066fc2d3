import { foldDanish } from '../danish-text.ts';
import { addDays, daysBetween } from '../time.ts';
import { assignmentRefusal, type Screening } from './volunteer.ts';

/**
 * Network friends (ADR 033): a user who asks for one is matched with a screened and insured volunteer by interests,
 * area and language, with both parties' consent; follow-ups after one and three months; either side ends it.
 */

export const friendWords = {
  purpose: 'Netværksven: at finde og følge op på en frivillig netværksven til personen.',
  endedBy: { user: 'Brugeren', volunteer: 'Den frivillige', staff: 'Medarbejderne' } satisfies Record<'user' | 'volunteer' | 'staff', string>,
};

/** The follow-ups fall one and three months after the match. */
export const followUpDays = { first: 30, second: 91 } as const;

type Problem<Field extends string> = { field: Field; message: string };

export type FriendRequestInput = { name: string; contact: string; interests: string; area: string; languages: string };

export function readFriendRequest(input: FriendRequestInput): { ok: true; request: { name: string; contact: string | null; interests: string | null; area: string | null; languages: string | null } } | { ok: false; problems: Problem<keyof FriendRequestInput>[] } {
  const problems: Problem<keyof FriendRequestInput>[] = [];
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name || name.length > 60) problems.push({ field: 'name', message: 'Skriv det navn, personen vil kaldes (højst 60 tegn). Et fornavn er nok.' });
  const limit = (field: 'contact' | 'interests' | 'area' | 'languages', max: number) => {
    const value = input[field].trim();
    if (value.length > max) problems.push({ field, message: `Højst ${max} tegn.` });
    return value || null;
  };
  const contact = limit('contact', 80);
  const interests = limit('interests', 1000);
  const area = limit('area', 80);
  const languages = limit('languages', 120);
  if (problems.length) return { ok: false, problems };
  return { ok: true, request: { name, contact, interests, area, languages } };
}

const words = (text: string | null, min: number) => new Set(foldDanish(text ?? '').split(/[^a-z0-9]+/).filter((word) => word.length >= min));

export type Candidate = { id: string; interests: string | null; area: string | null; languages: string | null; screening: Screening; insuranceConfirmedOn: string | null; anonymised: boolean };

/** How well a volunteer fits a request: shared interests count one each, the same area and a shared language two. */
export function fit(request: { interests: string | null; area: string | null; languages: string | null }, volunteer: Candidate): number {
  const shared = [...words(request.interests, 4)].filter((word) => words(volunteer.interests, 4).has(word)).length;
  const area = request.area && volunteer.area && foldDanish(request.area.trim()) === foldDanish(volunteer.area.trim()) ? 2 : 0;
  const language = [...words(request.languages, 2)].some((word) => words(volunteer.languages, 2).has(word)) ? 2 : 0;
  return shared + area + language;
}

/** The volunteers who may be matched (screened and insured), best fit first. */
export function suggestions<T extends Candidate>(request: { interests: string | null; area: string | null; languages: string | null }, volunteers: readonly T[]): (T & { fit: number })[] {
  return volunteers
    .filter((volunteer) => assignmentRefusal(volunteer) === null)
    .map((volunteer) => ({ ...volunteer, fit: fit(request, volunteer) }))
    .sort((a, b) => b.fit - a.fit || a.id.localeCompare(b.id));
}

/** Why a match may not be made, in plain Danish; null when it may. */
export function matchRefusal(volunteer: Candidate | null, consents: { user: boolean; volunteer: boolean }): string | null {
  if (!volunteer) return 'Vælg en frivillig på listen.';
  if (assignmentRefusal(volunteer) !== null) return 'En netværksven kan kun være en frivillig, der er screenet, godkendt og forsikret. Vælg en anden, eller registrér screening og forsikring først.';
  if (!consents.user || !consents.volunteer) return 'Begge skal have sagt ja til at blive matchet, før matchet gemmes. Sæt begge flueben, når I har spurgt dem.';
  return null;
}

/** The follow-ups a running match is due for on a day. */
export function followUpsDue(match: { matchedOn: string; followUp1On: string | null; followUp3On: string | null; endedOn: string | null }, today: string): (1 | 3)[] {
  if (match.endedOn) return [];
  const due: (1 | 3)[] = [];
  if (!match.followUp1On && today >= addDays(match.matchedOn, followUpDays.first)) due.push(1);
  if (!match.followUp3On && today >= addDays(match.matchedOn, followUpDays.second)) due.push(3);
  return due;
}

/** The figures: how many wait, how long those matched waited (median days), how many friendships run. */
export function friendFigures(requests: readonly { requestedOn: string; firstMatchedOn: string | null; active: boolean }[], today: string) {
  const waits = requests.flatMap((request) => (request.firstMatchedOn ? [daysBetween(request.requestedOn, request.firstMatchedOn)] : [])).sort((a, b) => a - b);
  const median = waits.length === 0 ? null : waits.length % 2 ? waits[(waits.length - 1) / 2]! : (waits[waits.length / 2 - 1]! + waits[waits.length / 2]!) / 2;
  const waiting = requests.filter((request) => !request.firstMatchedOn);
  return {
    waiting: waiting.length,
    longestWaitDays: waiting.length ? Math.max(...waiting.map((request) => daysBetween(request.requestedOn, today))) : null,
    medianWaitDays: median,
    active: requests.filter((request) => request.active).length,
  };
}
