import { createHash } from 'node:crypto';
import { addDays } from '../time.ts';

/**
 * The user fund (ADR 033): a yearly pool per district or city-wide; ideas from a public form, screened by staff,
 * voted on with single-use codes handed out at the offerings. One code, one vote; only a code's hash is kept.
 */

export type FundPhase = 'proposals' | 'voting' | 'closed';
export type Rejection = 'personal_data' | 'outside_purpose' | 'duplicate' | 'other';

export const fundWords = {
  phases: { proposals: 'Åben for forslag', voting: 'Afstemning', closed: 'Afgjort' } satisfies Record<FundPhase, string>,
  phasesEnglish: { proposals: 'Open for ideas', voting: 'Voting', closed: 'Decided' } satisfies Record<FundPhase, string>,
  rejections: {
    personal_data: 'Forslaget nævner andre personer. Send det igen uden navne eller andet, der kan pege på nogen.',
    outside_purpose: 'Forslaget ligger uden for puljens formål.',
    duplicate: 'Et andet forslag siger det samme; det er med i afstemningen.',
    other: 'Afvist.',
  } satisfies Record<Rejection, string>,
};

export const fundLimits = { title: 120, description: 3000, contact: 80, amount: 100_000_000, codesPerSheet: 200, note: 1000, responsible: 120, followUp: 2000 };

/** How long a proposer's contact is kept: until the idea is settled, at most a year. */
export const contactDays = 365;
export const contactDeleteAfter = (today: string) => addDays(today, contactDays);

type Problem<Field extends string> = { field: Field; message: string };

/** Kroner as typed by a person: «5000», «5.000», «5 000 kr.»; a whole, positive number. */
export function readKroner(text: string): number | null {
  const cleaned = text.trim().replace(/\s*kr\.?$/i, '').replace(/[ .]/g, '');
  if (!/^\d{1,9}$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value >= 1 && value <= fundLimits.amount ? value : null;
}

export type ProposalInput = { title: string; description: string; amount: string; contact: string };

const proposalMessages = {
  da: {
    title: 'Giv idéen en kort overskrift, fx «Tur til Bakken».',
    titleLong: (max: number, length: number) => `Overskriften må højst være ${max} tegn; den er ${length}.`,
    description: 'Skriv kort, hvad idéen går ud på, og hvem den er for.',
    descriptionLong: (max: number, length: number) => `Beskrivelsen må højst være ${max} tegn; den er ${length}. Gør den kortere.`,
    amount: 'Skriv, hvad idéen cirka koster, i hele kroner, fx 5000.',
    contact: (max: number) => `Kontakten må højst være ${max} tegn.`,
  },
  en: {
    title: 'Give the idea a short heading, e.g. “A trip to Bakken”.',
    titleLong: (max: number, length: number) => `The heading may be at most ${max} characters; it is ${length}.`,
    description: 'Write briefly what the idea is and who it is for.',
    descriptionLong: (max: number, length: number) => `The description may be at most ${max} characters; it is ${length}. Make it shorter.`,
    amount: 'Write roughly what the idea costs, in whole kroner, e.g. 5000.',
    contact: (max: number) => `The contact may be at most ${max} characters.`,
  },
} as const;

/** An idea from the public form: a title, what it is, what it costs, and a way to reach the proposer if they want. */
export function readProposal(input: ProposalInput, locale: 'da' | 'en' = 'da'): { ok: true; proposal: { title: string; description: string; amountKr: number; contact: string | null } } | { ok: false; problems: Problem<keyof ProposalInput>[] } {
  const say = proposalMessages[locale];
  const problems: Problem<keyof ProposalInput>[] = [];
  const title = input.title.trim().replace(/\s+/g, ' ');
  if (!title) problems.push({ field: 'title', message: say.title });
  else if (title.length > fundLimits.title) problems.push({ field: 'title', message: say.titleLong(fundLimits.title, title.length) });
  const description = input.description.trim();
  if (!description) problems.push({ field: 'description', message: say.description });
  else if (description.length > fundLimits.description) problems.push({ field: 'description', message: say.descriptionLong(fundLimits.description, description.length) });
  const amountKr = readKroner(input.amount);
  if (amountKr === null) problems.push({ field: 'amount', message: say.amount });
  const contact = input.contact.trim();
  if (contact.length > fundLimits.contact) problems.push({ field: 'contact', message: say.contact(fundLimits.contact) });
  if (problems.length || amountKr === null) return { ok: false, problems };
  return { ok: true, proposal: { title, description, amountKr, contact: contact || null } };
}

/** What a voter is told when a vote is not counted, in the page's language; the Danish is as it always was. */
export const voteMessages = {
  da: {
    tooMany: (minutes: number) => `Der er tastet mange forkerte koder herfra. Prøv igen om ${minutes} minutter.`,
    used: 'Koden er allerede brugt. Hver kode giver én stemme. Har du ikke selv stemt med den, så spørg en medarbejder på dit tilbud.',
    badCode: 'Koden passer ikke. Den står på den seddel, du har fået, fx ABCDE-FGH23. Tjek bogstaverne, og prøv igen.',
    noChoice: 'Vælg den idé, du stemmer på.',
    notOpen: 'Der kan ikke stemmes lige nu. Din kode er ikke brugt.',
  },
  en: {
    tooMany: (minutes: number) => `Many wrong codes have been typed from here. Try again in ${minutes} minutes.`,
    used: 'The code has already been used. Each code gives one vote. If you did not vote with it yourself, ask a member of staff at your offering.',
    badCode: 'The code does not match. It is on the slip you were given, e.g. ABCDE-FGH23. Check the letters and try again.',
    noChoice: 'Choose the idea you are voting for.',
    notOpen: 'Voting is not open right now. Your code has not been used.',
  },
} as const;

/** The letters a code is made of: no 0/O, 1/I/L, which are read wrong on a printed sheet. */
export const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const codeLength = 10;

/** A new code from random bytes, printed as «ABCDE-FGHJK». */
export function makeCode(randomBytes: (size: number) => Uint8Array): string {
  const letters: string[] = [];
  while (letters.length < codeLength) {
    for (const byte of randomBytes(codeLength * 2)) {
      // Reject the bytes that would make some letters likelier than others.
      if (byte < 256 - (256 % codeAlphabet.length) && letters.length < codeLength) letters.push(codeAlphabet[byte % codeAlphabet.length]!);
    }
  }
  return `${letters.slice(0, 5).join('')}-${letters.slice(5).join('')}`;
}

/** A code as a person typed it (small letters, spaces, with or without the dash) in its one form, or null when it cannot be one. */
export function normaliseCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== codeLength) return null;
  if ([...code].some((letter) => !codeAlphabet.includes(letter))) return null;
  return code;
}

/** What is stored of a code: its hash with the round, so the same letters in another round are another code. */
export function codeHash(roundId: string, normalised: string): string {
  return createHash('sha256').update(`${roundId}:${normalised}`).digest('base64url');
}

export type ScreeningInput = { verdict: string; rejection: string; note: string };

/** A screening: accepted to the vote, or rejected with a reason the proposer can read (never who they are). */
export function readScreening(input: ScreeningInput): { ok: true; screening: { verdict: 'accepted' } | { verdict: 'rejected'; rejection: Rejection; note: string | null } } | { ok: false; problems: Problem<keyof ScreeningInput>[] } {
  if (input.verdict === 'accepted') return { ok: true, screening: { verdict: 'accepted' } };
  if (input.verdict !== 'rejected') return { ok: false, problems: [{ field: 'verdict', message: 'Vælg, om forslaget går videre til afstemningen eller afvises.' }] };
  if (!(input.rejection in fundWords.rejections)) return { ok: false, problems: [{ field: 'rejection', message: 'Vælg, hvorfor forslaget afvises.' }] };
  const note = input.note.trim();
  if (input.rejection === 'other' && !note) return { ok: false, problems: [{ field: 'note', message: 'Skriv kort, hvorfor forslaget afvises; det står på den offentlige side.' }] };
  if (note.length > fundLimits.note) return { ok: false, problems: [{ field: 'note', message: `Begrundelsen må højst være ${fundLimits.note} tegn.` }] };
  return { ok: true, screening: { verdict: 'rejected', rejection: input.rejection as Rejection, note: note || null } };
}

export type GrantInput = { granted: string; responsible: string; followUp: string };

/** A granted idea: its budget, who is responsible (a role or a name the person agreed to), and how it went. */
export function readGrant(input: GrantInput): { ok: true; grant: { grantedKr: number; responsible: string; followUp: string | null } } | { ok: false; problems: Problem<keyof GrantInput>[] } {
  const problems: Problem<keyof GrantInput>[] = [];
  const grantedKr = readKroner(input.granted);
  if (grantedKr === null) problems.push({ field: 'granted', message: 'Skriv det bevilgede beløb i hele kroner, fx 4500.' });
  const responsible = input.responsible.trim();
  if (!responsible) problems.push({ field: 'responsible', message: 'Skriv, hvem der er ansvarlig for at føre idéen ud i livet, fx «Medarbejderne i caféen».' });
  else if (responsible.length > fundLimits.responsible) problems.push({ field: 'responsible', message: `Højst ${fundLimits.responsible} tegn.` });
  const followUp = input.followUp.trim();
  if (followUp.length > fundLimits.followUp) problems.push({ field: 'followUp', message: `Opfølgningen må højst være ${fundLimits.followUp} tegn.` });
  if (problems.length || grantedKr === null) return { ok: false, problems };
  return { ok: true, grant: { grantedKr, responsible, followUp: followUp || null } };
}
