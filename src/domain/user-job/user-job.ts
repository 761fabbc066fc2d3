import { addDays } from '../time.ts';

/**
 * User jobs (ADR 033): tasks users hold at an offering (bookings, serving course participants, the café,
 * editorial work), with their hours. The job is public while a seat is free; its holders only in the back office.
 */

export type UserJobKind = 'bookings' | 'course_service' | 'cafe' | 'editorial' | 'other';

export const userJobWords = {
  kinds: { bookings: 'Booking', course_service: 'Service for kursister', cafe: 'Café', editorial: 'Redaktion', other: 'Andet' } satisfies Record<UserJobKind, string>,
  kindsEnglish: { bookings: 'Bookings', course_service: 'Serving course participants', cafe: 'Café', editorial: 'Editorial work', other: 'Other' } satisfies Record<UserJobKind, string>,
  holderPurpose: 'Brugerjob: hvem der har jobbet, og hvordan vi kan nå dem om vagter og møder.',
};

type Problem<Field extends string> = { field: Field; message: string };

export type JobInput = { kind: string; title: string; description: string; hours: string; seats: string; howToApply: string };
export type ValidJob = { kind: UserJobKind; title: string; description: string; hoursPerWeek: number; seats: number; howToApply: string };

export function readJob(input: JobInput): { ok: true; job: ValidJob } | { ok: false; problems: Problem<keyof JobInput>[] } {
  const problems: Problem<keyof JobInput>[] = [];
  if (!(input.kind in userJobWords.kinds)) problems.push({ field: 'kind', message: 'Vælg, hvilken slags job det er.' });
  const title = input.title.trim();
  if (!title || title.length > 120) problems.push({ field: 'title', message: 'Giv jobbet en titel på højst 120 tegn, fx «Caféhjælper om formiddagen».' });
  const description = input.description.trim();
  if (!description || description.length > 2000) problems.push({ field: 'description', message: 'Beskriv kort, hvad jobbet går ud på (højst 2000 tegn).' });
  const hours = Number(input.hours.trim());
  if (!/^\d{1,2}$/.test(input.hours.trim()) || hours < 1 || hours > 37) problems.push({ field: 'hours', message: 'Skriv, hvor mange timer om ugen jobbet er: et helt tal fra 1 til 37.' });
  const seats = Number(input.seats.trim() || '1');
  if (!/^\d{1,2}$/.test(input.seats.trim() || '1') || seats < 1 || seats > 50) problems.push({ field: 'seats', message: 'Skriv, hvor mange der kan have jobbet: fra 1 til 50.' });
  const howToApply = input.howToApply.trim();
  if (!howToApply || howToApply.length > 1000) problems.push({ field: 'howToApply', message: 'Skriv, hvordan man søger: fx «Spørg i caféen» eller «Ring til Nabo». Ingen behøver en e-mail.' });
  if (problems.length) return { ok: false, problems };
  return { ok: true, job: { kind: input.kind as UserJobKind, title, description, hoursPerWeek: hours, seats, howToApply } };
}

export type HolderInput = { name: string; contact: string; since: string };

/** Who holds a job: a name to call them by, and a phone or nothing; kept two years, a year after they stop. */
export function readHolder(input: HolderInput, today: string): { ok: true; holder: { name: string; contact: string | null; since: string; deleteAfter: string } } | { ok: false; problems: Problem<keyof HolderInput>[] } {
  const problems: Problem<keyof HolderInput>[] = [];
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name || name.length > 60) problems.push({ field: 'name', message: 'Skriv det navn, personen vil kaldes (højst 60 tegn). Et fornavn er nok.' });
  const contact = input.contact.trim();
  if (contact.length > 80) problems.push({ field: 'contact', message: 'Kontakten må højst være 80 tegn: et telefonnummer eller «træffes på stedet».' });
  const since = input.since.trim() || today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(since) || addDays(since, 0) !== since || since > today) problems.push({ field: 'since', message: 'Skriv den dag, personen begyndte, fx 2026-11-02. Ikke en dag, der ikke er kommet endnu.' });
  if (problems.length) return { ok: false, problems };
  return { ok: true, holder: { name, contact: contact || null, since, deleteAfter: addDays(today, 730) } };
}

/** A year after a holder stops, the record is deleted. */
export const holderDeleteAfterEnd = (endedOn: string) => addDays(endedOn, 365);

/** What an application for a user job is kept for, and how long: 90 days after it was sent. */
export const applicationPurpose = 'Ansøgning om brugerjob: så personalet kan kontakte ansøgeren om jobbet.';
export const applicationDeleteAfter = (today: string) => addDays(today, 90);
/** Staff answer within a week; the receipt says so with the date. */
export const applicationAnswerBy = (today: string) => addDays(today, 7);

export type ApplicationInput = { name: string; phone: string; comesBy: boolean; message: string };
export type ValidApplication = { name: string; phone: string | null; comesBy: boolean; message: string | null };

const applicationMessages = {
  da: {
    name: 'Skriv dit fornavn (højst 60 tegn). Et kaldenavn er også fint.',
    phone: 'Skriv et telefonnummer med 8 cifre, fx 22 33 44 55, eller lad feltet stå tomt og sæt kryds i «Jeg kommer forbi tilbuddet».',
    either: 'Skriv et telefonnummer, eller sæt kryds i «Jeg kommer forbi tilbuddet», så personalet ved, hvordan de kan nå dig.',
    message: 'Skriv højst 500 tegn om dig selv, eller lad feltet stå tomt.',
  },
  en: {
    name: 'Write your first name (at most 60 characters). A nickname is fine too.',
    phone: 'Write a phone number with 8 digits, e.g. 22 33 44 55, or leave it empty and tick “I will come by the offering”.',
    either: 'Write a phone number, or tick “I will come by the offering”, so the staff know how to reach you.',
    message: 'Write at most 500 characters about yourself, or leave the field empty.',
  },
} as const;

/** An application for a user job: a first name, a phone or «I come by», an optional short text. Nothing else. */
export function readJobApplication(input: ApplicationInput, locale: 'da' | 'en' = 'da'): { ok: true; application: ValidApplication } | { ok: false; problems: Problem<keyof ApplicationInput>[] } {
  const say = applicationMessages[locale];
  const problems: Problem<keyof ApplicationInput>[] = [];
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name || name.length > 60) problems.push({ field: 'name', message: say.name });
  const phone = input.phone.trim();
  if (phone && !/^\+?[\d ]{8,15}$/.test(phone)) problems.push({ field: 'phone', message: say.phone });
  else if (!phone && !input.comesBy) problems.push({ field: 'phone', message: say.either });
  const message = input.message.trim();
  if (message.length > 500) problems.push({ field: 'message', message: say.message });
  if (problems.length) return { ok: false, problems };
  return { ok: true, application: { name, phone: phone || null, comesBy: input.comesBy, message: message || null } };
}

/** Why a user job cannot be deleted, in plain Danish; null when it can. Past holders and answered applications go with it. */
export function jobDeletionRefusal(facts: { holding: number; unanswered: number }): string | null {
  if (facts.holding > 0) return `${facts.holding === 1 ? 'En bruger har' : `${facts.holding} brugere har`} jobbet nu. Skriv ${facts.holding === 1 ? 'vedkommende' : 'dem'} ud af jobbet først, så deres oplysninger følger reglerne for sletning.`;
  if (facts.unanswered > 0) return `Der er ${facts.unanswered === 1 ? 'en ubesvaret ansøgning' : `${facts.unanswered} ubesvarede ansøgninger`} på jobbet. Giv ${facts.unanswered === 1 ? 'ansøgeren' : 'ansøgerne'} svar, og markér ${facts.unanswered === 1 ? 'den' : 'dem'} som besvaret først.`;
  return null;
}
