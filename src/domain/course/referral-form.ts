import { type Consent, checkConsent, needsReason, type ReferralState } from './referral.ts';

/**
 * What a referrer types when they refer a citizen to a course, read and checked: as little about the
 * citizen as will do (a first name, a way to reach them only if they want it), who refers, and the
 * citizen's consent (ADR 025). Every problem names its field and says in plain Danish what to do.
 */

export type ReferralFormInput = {
  course: string;
  citizenName: string;
  citizenContact: string;
  organisation: string;
  consentGiven: boolean;
  shared: string;
  sharedWith: string;
  /** As typed: 31.12.2027, 31-12-2027 or 2027-12-31. */
  until: string;
};

export type ReferralFormField = 'course' | 'citizenName' | 'citizenContact' | 'organisation' | 'consentGiven' | 'shared' | 'sharedWith' | 'until';

export type ReferralFormProblem = { field: ReferralFormField; message: string };

export type ReadReferral = {
  courseId: string;
  citizenName: string;
  citizenContact: string | null;
  organisation: string;
  consent: Consent;
};

export const maxCitizenName = 40;
export const maxCitizenContact = 120;
export const maxOrganisation = 120;
export const maxReason = 500;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A date as people write it in Denmark (31.12.2027, 31/12-2027) or as a date field sends it (2027-12-31), as yyyy-mm-dd. */
export function readDanishDate(text: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const danish = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(value);
  const [year, month, day] = iso ? [iso[1]!, iso[2]!, iso[3]!] : danish ? [danish[3]!, danish[2]!.padStart(2, '0'), danish[1]!.padStart(2, '0')] : [];
  if (!year) return null;
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${year}-${month}-${day}`) return null;
  return `${year}-${month}-${day}`;
}

/** The referral form read; `today` is the Copenhagen date the consent must still hold on. */
export function readReferralForm(input: ReferralFormInput, today: string): { referral: ReadReferral } | { problems: ReferralFormProblem[] } {
  const problems: ReferralFormProblem[] = [];
  if (!/^[0-9a-f-]{36}$/i.test(input.course)) problems.push({ field: 'course', message: 'Vælg det forløb, du henviser borgeren til.' });

  const citizenName = input.citizenName.trim().replace(/\s+/g, ' ');
  if (!citizenName) problems.push({ field: 'citizenName', message: 'Skriv borgerens fornavn, så holdlederne ved, hvem de skal tage imod.' });
  else if (citizenName.length > maxCitizenName) {
    problems.push({ field: 'citizenName', message: `Skriv højst ${maxCitizenName} tegn. Borgerens fornavn er nok.` });
  } else if (!/\p{L}/u.test(citizenName)) problems.push({ field: 'citizenName', message: 'Navnet skal indeholde mindst ét bogstav.' });

  const contact = input.citizenContact.trim();
  let citizenContact: string | null = null;
  if (contact) {
    const digits = contact.replace(/[\s-]/g, '').replace(/^(\+45|0045)/, '');
    if (contact.length > maxCitizenContact) problems.push({ field: 'citizenContact', message: `Skriv højst ${maxCitizenContact} tegn.` });
    else if (/^\d{8}$/.test(digits)) citizenContact = digits;
    else if (emailPattern.test(contact)) citizenContact = contact.toLowerCase();
    else {
      problems.push({
        field: 'citizenContact',
        message: 'Skriv borgerens e-mail (fx navn@eksempel.dk) eller et dansk telefonnummer med 8 cifre — eller lad feltet stå tomt.',
      });
    }
  }

  const organisation = input.organisation.trim().replace(/\s+/g, ' ');
  if (!organisation) problems.push({ field: 'organisation', message: 'Skriv, hvor du henviser fra, fx »Regionspsykiatrien, Distriktspsykiatri Amager«.' });
  else if (organisation.length > maxOrganisation) problems.push({ field: 'organisation', message: `Skriv højst ${maxOrganisation} tegn om, hvor du henviser fra.` });

  const until = readDanishDate(input.until);
  const consent = checkConsent({ given: input.consentGiven, shared: input.shared, sharedWith: input.sharedWith, until: until ?? input.until.trim() }, today);
  if ('problems' in consent) problems.push(...consent.problems);

  if (problems.length || 'problems' in consent) return { problems };
  return { referral: { courseId: input.course.toLowerCase(), citizenName, citizenContact, organisation, consent: consent.consent } };
}

export type MoveProblem = { field: 'to' | 'reason'; message: string };

/** A move chosen by the running offering, among the moves the referral's state allows. */
export function readMove(input: { to: string; reason: string }, allowed: readonly ReferralState[]): { to: ReferralState; reason: string | null } | { problems: MoveProblem[] } {
  const problems: MoveProblem[] = [];
  const to = allowed.find((state) => state === input.to);
  if (!to) problems.push({ field: 'to', message: 'Vælg, hvad der skal ske med henvisningen.' });
  const reason = input.reason.trim();
  if (to && needsReason(to) && !reason) {
    problems.push({ field: 'reason', message: 'Skriv en kort begrundelse til henviseren, når du afviser eller stopper en henvisning.' });
  } else if (reason.length > maxReason) problems.push({ field: 'reason', message: `Skriv højst ${maxReason} tegn i begrundelsen.` });
  if (problems.length || !to) return { problems };
  return { to, reason: needsReason(to) ? reason : reason || null };
}
