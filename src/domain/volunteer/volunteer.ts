import { addDays } from '../time.ts';

/**
 * Volunteers (ADR 033): recruited at an offering, screened, trained and insured by the operator. No volunteer takes
 * a role before the screening is approved and the insurance is recorded.
 */

export type Screening = 'pending' | 'approved' | 'refused';
export type VolunteerRole = 'food_club' | 'debt_advice' | 'activities' | 'other';

export const volunteerWords = {
  screening: { pending: 'Venter på screening', approved: 'Godkendt', refused: 'Ikke godkendt' } satisfies Record<Screening, string>,
  roles: { food_club: 'Aftenmadklub', debt_advice: 'Økonomi- og gældsrådgivning', activities: 'Aktiviteter', other: 'Andet' } satisfies Record<VolunteerRole, string>,
  purpose: 'Frivillig på tilbuddet: kontakt om screening, introduktion, forsikring og opgaver.',
};

/** An application not followed up is deleted after half a year; a volunteer's record two years after the last change. */
export const applicationDeleteAfter = (today: string) => addDays(today, 183);
export const volunteerDeleteAfter = (today: string) => addDays(today, 730);

type Problem<Field extends string> = { field: Field; message: string };

export type ApplicationInput = { name: string; contact: string; interests: string; area?: string; languages?: string };

/** What a person who wants to volunteer tells: a name, a phone or e-mail to be called back on, and what they would like to do. */
const applicationMessages = {
  da: {
    name: 'Skriv dit fornavn (højst 60 tegn).',
    contact: 'Skriv et telefonnummer eller en e-mail, så vi kan ringe eller skrive tilbage. Du kan også komme forbi tilbuddet.',
    contactLong: 'Højst 80 tegn.',
    contactWrong: 'Skriv et telefonnummer med 8 cifre, fx 22 33 44 55, eller en e-mail som navn@eksempel.dk.',
    interests: 'Højst 1000 tegn.',
    area: 'Højst 80 tegn, fx «Nørrebro».',
    languages: 'Højst 120 tegn, fx «dansk, arabisk».',
  },
  en: {
    name: 'Write your first name (at most 60 characters).',
    contact: 'Write a phone number or an e-mail address, so we can call or write back. You can also come by the offering.',
    contactLong: 'At most 80 characters.',
    contactWrong: 'Write a phone number with 8 digits, e.g. 22 33 44 55, or an e-mail address like name@example.dk.',
    interests: 'At most 1000 characters.',
    area: 'At most 80 characters, e.g. “Nørrebro”.',
    languages: 'At most 120 characters, e.g. “Danish, Arabic”.',
  },
} as const;

export function readApplication(input: ApplicationInput, locale: 'da' | 'en' = 'da'): { ok: true; application: { name: string; contact: string; interests: string | null; area: string | null; languages: string | null } } | { ok: false; problems: Problem<keyof ApplicationInput>[] } {
  const say = applicationMessages[locale];
  const problems: Problem<keyof ApplicationInput>[] = [];
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name || name.length > 60) problems.push({ field: 'name', message: say.name });
  const contact = input.contact.trim();
  if (!contact) problems.push({ field: 'contact', message: say.contact });
  else if (contact.length > 80) problems.push({ field: 'contact', message: say.contactLong });
  else if (/@/.test(contact) ? !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact) : !/^\+?[\d ]{8,15}$/.test(contact)) {
    problems.push({ field: 'contact', message: say.contactWrong });
  }
  const interests = input.interests.trim();
  if (interests.length > 1000) problems.push({ field: 'interests', message: say.interests });
  const area = (input.area ?? '').trim();
  if (area.length > 80) problems.push({ field: 'area', message: say.area });
  const languages = (input.languages ?? '').trim();
  if (languages.length > 120) problems.push({ field: 'languages', message: say.languages });
  if (problems.length) return { ok: false, problems };
  return { ok: true, application: { name, contact, interests: interests || null, area: area || null, languages: languages || null } };
}

export type StatusInput = { screening: string; trainedOn: string; insuranceOn: string; agreement: string };

export function readStatus(input: StatusInput, today: string): { ok: true; status: { screening: Screening; trainedOn: string | null; insuranceOn: string | null; agreement: string | null } } | { ok: false; problems: Problem<keyof StatusInput>[] } {
  const problems: Problem<keyof StatusInput>[] = [];
  if (!(input.screening in volunteerWords.screening)) problems.push({ field: 'screening', message: 'Vælg, hvor screeningen står.' });
  const date = (value: string, field: 'trainedOn' | 'insuranceOn', what: string) => {
    const text = value.trim();
    if (!text) return null;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || addDays(text, 0) !== text || text > today) {
      problems.push({ field, message: `Skriv den dag, ${what}, fx 2026-11-02. Ikke en dag, der ikke er kommet endnu.` });
    }
    return text;
  };
  const trainedOn = date(input.trainedOn, 'trainedOn', 'introduktionen var');
  const insuranceOn = date(input.insuranceOn, 'insuranceOn', 'forsikringen blev bekræftet');
  const agreement = input.agreement.trim();
  if (agreement.length > 2000) problems.push({ field: 'agreement', message: 'Aftalen må højst være 2000 tegn.' });
  if (problems.length) return { ok: false, problems };
  return { ok: true, status: { screening: input.screening as Screening, trainedOn, insuranceOn, agreement: agreement || null } };
}

/** Why a volunteer may not take a role yet, in plain Danish; null when they may. */
export function assignmentRefusal(volunteer: { screening: Screening; insuranceConfirmedOn: string | null; anonymised: boolean }): string | null {
  if (volunteer.anonymised) return 'Den frivillige er slettet og kan ikke få opgaver.';
  const missing = [volunteer.screening !== 'approved' ? 'en godkendt screening' : null, volunteer.insuranceConfirmedOn === null ? 'en bekræftet forsikring' : null].filter(Boolean);
  if (missing.length === 0) return null;
  return `En frivillig kan først få en opgave, når der er registreret ${missing.join(' og ')}. Gem det ovenfor først.`;
}

export type AssignmentInput = { role: string; hours: string; startsOn: string };

export function readAssignment(input: AssignmentInput): { ok: true; assignment: { role: VolunteerRole; hoursPerWeek: number; startsOn: string } } | { ok: false; problems: Problem<keyof AssignmentInput>[] } {
  const problems: Problem<keyof AssignmentInput>[] = [];
  if (!(input.role in volunteerWords.roles)) problems.push({ field: 'role', message: 'Vælg opgaven.' });
  const hours = Number(input.hours.trim());
  if (!/^\d{1,2}$/.test(input.hours.trim()) || hours < 1 || hours > 37) problems.push({ field: 'hours', message: 'Skriv timer om ugen: et helt tal fra 1 til 37.' });
  const startsOn = input.startsOn.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startsOn) || addDays(startsOn, 0) !== startsOn) problems.push({ field: 'startsOn', message: 'Skriv den dag, opgaven begynder, fx 2026-12-01.' });
  if (problems.length) return { ok: false, problems };
  return { ok: true, assignment: { role: input.role as VolunteerRole, hoursPerWeek: hours, startsOn } };
}
