import { addDays } from '../time.ts';

/**
 * The annual city-wide user meeting (ADR 036): registration with as little as the day needs, a waiting list when the
 * rooms are full (first in, first out), the councils' proposals and the tallies counted in the room.
 */

/** A real calendar date written 'YYYY-MM-DD' (no 2027-02-30). */
const isCalendarDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && addDays(text, 0) === text;

type Problem<Field extends string> = { field: Field; message: string };

export const userMeetingWords = {
  purpose: 'Tilmelding til det årlige brugermøde: pladser, tilgængelighed, tolk og besked om ventelisten.',
  states: { registered: 'Tilmeldt', waiting: 'På venteliste', left: 'Meldt fra' } as const,
};

/** A registration is anonymised a month after the meeting: enough for questions afterwards, no longer. */
export const registrationDeleteAfter = (heldOn: string) => addDays(heldOn, 30);

export type RegistrationInput = { name: string; phone: string; meetsAtOffering: boolean; accessNeeds: string; interpreter: string };
export type Registration = { name: string; phone: string | null; meetsAtOffering: boolean; accessNeeds: string | null; interpreter: string | null };

const registrationMessages = {
  da: {
    name: 'Skriv dit fornavn (højst 60 tegn). Et kaldenavn er også fint.',
    phoneWrong: 'Skriv et telefonnummer med 8 cifre, fx 22 33 44 55, eller lad feltet stå tomt og sæt kryds i «Jeg kan træffes på mit tilbud».',
    phoneMissing: 'Skriv et telefonnummer, eller sæt kryds i «Jeg kan træffes på mit tilbud», så vi kan give besked, hvis du får en plads.',
    accessNeeds: 'Højst 500 tegn, fx «kørestol» eller «brug for en stille plads».',
    interpreter: 'Skriv kun sproget, fx «arabisk» eller «tegnsprog» (højst 60 tegn).',
  },
  en: {
    name: 'Write your first name (at most 60 characters). A nickname is fine too.',
    phoneWrong: 'Write a phone number with 8 digits, e.g. 22 33 44 55, or leave the field empty and tick “I can be reached at my offering”.',
    phoneMissing: 'Write a phone number, or tick “I can be reached at my offering”, so we can tell you if you get a seat.',
    accessNeeds: 'At most 500 characters, e.g. “wheelchair” or “need a quiet seat”.',
    interpreter: 'Write only the language, e.g. “Arabic” or “sign language” (at most 60 characters).',
  },
} as const;

/** A first name, and a phone number or «I can be reached at my offering»; accessibility needs and an interpreter language if wanted. */
export function readRegistration(input: RegistrationInput, locale: 'da' | 'en' = 'da'): { ok: true; registration: Registration } | { ok: false; problems: Problem<keyof RegistrationInput>[] } {
  const say = registrationMessages[locale];
  const problems: Problem<keyof RegistrationInput>[] = [];
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name || name.length > 60) problems.push({ field: 'name', message: say.name });
  const phone = input.phone.trim();
  if (phone && !/^\+?[\d ]{8,15}$/.test(phone)) problems.push({ field: 'phone', message: say.phoneWrong });
  else if (!phone && !input.meetsAtOffering) problems.push({ field: 'phone', message: say.phoneMissing });
  const accessNeeds = input.accessNeeds.trim();
  if (accessNeeds.length > 500) problems.push({ field: 'accessNeeds', message: say.accessNeeds });
  const interpreter = input.interpreter.trim();
  if (interpreter.length > 60) problems.push({ field: 'interpreter', message: say.interpreter });
  if (problems.length) return { ok: false, problems };
  return { ok: true, registration: { name, phone: phone || null, meetsAtOffering: input.meetsAtOffering, accessNeeds: accessNeeds || null, interpreter: interpreter || null } };
}

/** A new registration gets a seat while registered ones are fewer than the seats; otherwise it waits. */
export function placeFor(registered: number, seats: number): 'registered' | 'waiting' {
  return registered < seats ? 'registered' : 'waiting';
}

/** Who moves up when seats free up: those waiting longest first, as many as there are free seats. */
export function movesUp<T extends { position: number }>(waiting: readonly T[], freeSeats: number): T[] {
  return [...waiting].sort((a, b) => a.position - b.position).slice(0, Math.max(0, freeSeats));
}

export type MeetingInput = { title: string; heldOn: string; startsAt: string; place: string; seats: string; agenda: string };
export type Meeting = { title: string; heldOn: string; startsAt: string; place: string; seats: number; agenda: string };

export function readMeeting(input: MeetingInput): { ok: true; meeting: Meeting } | { ok: false; problems: Problem<keyof MeetingInput>[] } {
  const problems: Problem<keyof MeetingInput>[] = [];
  const title = input.title.trim();
  if (!title || title.length > 120) problems.push({ field: 'title', message: 'Skriv mødets navn, fx «Brugermødet 2027» (højst 120 tegn).' });
  const heldOn = input.heldOn.trim();
  if (!isCalendarDate(heldOn)) problems.push({ field: 'heldOn', message: 'Skriv dagen for mødet, fx 2027-03-18.' });
  const startsAt = input.startsAt.trim();
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(startsAt)) problems.push({ field: 'startsAt', message: 'Skriv hvornår mødet begynder, fx 13:00.' });
  const place = input.place.trim();
  if (!place || place.length > 300) problems.push({ field: 'place', message: 'Skriv hvor mødet holdes, med adresse (højst 300 tegn).' });
  const seatsText = input.seats.trim();
  const seats = Number(seatsText);
  if (!/^\d{1,4}$/.test(seatsText) || seats < 1 || seats > 5000) problems.push({ field: 'seats', message: 'Skriv hvor mange pladser lokalerne har tilsammen: et helt tal fra 1 til 5000.' });
  const agenda = input.agenda.trim();
  if (!agenda || agenda.length > 4000) problems.push({ field: 'agenda', message: 'Skriv dagsordenen, ét punkt pr. linje (højst 4000 tegn).' });
  if (problems.length) return { ok: false, problems };
  return { ok: true, meeting: { title, heldOn, startsAt, place, seats, agenda } };
}

export type ProposalInput = { council: string; title: string; text: string };

export function readProposal(input: ProposalInput, councils: readonly { id: string }[]): { ok: true; proposal: { councilId: string; title: string; text: string } } | { ok: false; problems: Problem<keyof ProposalInput>[] } {
  const problems: Problem<keyof ProposalInput>[] = [];
  if (!councils.some((council) => council.id === input.council)) problems.push({ field: 'council', message: 'Vælg det råd, der stiller forslaget.' });
  const title = input.title.trim();
  if (!title || title.length > 120) problems.push({ field: 'title', message: 'Skriv forslagets overskrift (højst 120 tegn).' });
  const text = input.text.trim();
  if (!text || text.length > 3000) problems.push({ field: 'text', message: 'Skriv hvad rådet foreslår (højst 3000 tegn).' });
  if (problems.length) return { ok: false, problems };
  return { ok: true, proposal: { councilId: input.council, title, text } };
}

export type TallyInput = { for: string; against: string; blank: string };
export type Tally = { for: number; against: number; blank: number };

/** Hands or ballots counted in the room; together no more than the seats, since only those present vote. */
export function readTally(input: TallyInput, seats: number): { ok: true; tally: Tally } | { ok: false; problems: Problem<keyof TallyInput>[] } {
  const problems: Problem<keyof TallyInput>[] = [];
  const count = (field: keyof TallyInput, what: string) => {
    const text = input[field].trim() || '0';
    if (!/^\d{1,4}$/.test(text)) {
      problems.push({ field, message: `Skriv antallet af stemmer ${what} som et helt tal, fx 12. Skriv 0, hvis ingen.` });
      return 0;
    }
    return Number(text);
  };
  const tally = { for: count('for', 'for'), against: count('against', 'imod'), blank: count('blank', 'hverken for eller imod') };
  if (!problems.length && tally.for + tally.against + tally.blank > seats) {
    problems.push({ field: 'for', message: `Der er talt ${tally.for + tally.against + tally.blank} stemmer, men kun ${seats} pladser. Tæl efter, og ret tallene.` });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, tally };
}

/** Adopted with more votes for than against; a tie is not adopted. */
export function outcomeOf(tally: Tally): 'adopted' | 'not_adopted' {
  return tally.for > tally.against ? 'adopted' : 'not_adopted';
}
