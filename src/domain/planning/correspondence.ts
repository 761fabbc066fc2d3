import { addDays, formatDanishDate } from '../time.ts';
import type { ChangeProblem } from './scenario.ts';

/**
 * The correspondence log of planning (ADR 035): inquiries and letters logged under the case number they have
 * in the city's records, linked to a scenario or not, with the reply and its date. What is public, for a
 * published scenario: the subject, the date, the kind of sender and the reply's date. The sender's name and
 * contact stay in the back office until `forgetOn`.
 */

export const letterSenderKinds = { user_council: 'Brugerråd', operator: 'Driftsherre', citizen: 'Borger', politician: 'Politiker', other: 'Andre' } as const;
export const letterSenderKindsEn = { user_council: 'User council', operator: 'Operator', citizen: 'Citizen', politician: 'Politician', other: 'Other' } as const;
export type LetterSenderKind = keyof typeof letterSenderKinds;

/**
 * A case number as the city's records write it: the year, a hyphen and seven digits, e.g. 2016-0028443; a
 * document in the case adds a hyphen and its number, as the committee's appendices do (2015-0135051-3).
 */
export const caseNumberPattern = /^\d{4}-\d{7}(-\d{1,4})?$/;

/** How long a sender's name and contact are kept: two years after the letter, or after the reply if later. */
export const keepSenderDays = 730;

export type Letter = {
  id: string;
  caseNumber: string;
  scenarioId: string | null;
  receivedOn: string;
  senderKind: LetterSenderKind;
  subject: string;
  summary: string;
  senderName: string | null;
  senderContact: string | null;
  reply: { text: string; on: string } | null;
  forgetOn: string;
  version: number;
  registeredByName: string;
  registeredAt: Date;
};

/** A letter as the public sees it: nothing that names a person, nor what was written, nor the case it is filed under. */
export type PublicLetter = { id: string; receivedOn: string; senderKind: LetterSenderKind; subject: string; repliedOn: string | null };

export const publicLetter = (letter: Letter): PublicLetter => ({ id: letter.id, receivedOn: letter.receivedOn, senderKind: letter.senderKind, subject: letter.subject, repliedOn: letter.reply?.on ?? null });

export type LetterForm = { caseNumber: string; scenarioId: string; receivedOn: string; senderKind: string; subject: string; summary: string; senderName: string; senderContact: string; replyText: string; repliedOn: string };
export type ReplyForm = { replyText: string; repliedOn: string };

export type CheckedLetter = Omit<Letter, 'id' | 'version' | 'registeredByName' | 'registeredAt'>;

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

export function forgetOnOf(receivedOn: string, repliedOn: string | null): string {
  return addDays(repliedOn && repliedOn > receivedOn ? repliedOn : receivedOn, keepSenderDays);
}

/** A reply checked against its letter: text and date together, not before the letter came, not in the future. */
export function checkReply(form: ReplyForm, receivedOn: string, today: string): { reply: { text: string; on: string } | null; problems: ChangeProblem[] } {
  const text = form.replyText.trim();
  const on = form.repliedOn.trim();
  if (text === '' && on === '') return { reply: null, problems: [] };
  const problems: ChangeProblem[] = [];
  if (text === '') problems.push({ field: 'replyText', message: 'Skriv svaret, eller lad også datoen for svaret stå tom.' });
  else if (text.length > 8000) problems.push({ field: 'replyText', message: 'Svaret må højst være 8.000 tegn.' });
  if (on === '') problems.push({ field: 'repliedOn', message: 'Skriv den dato, svaret blev sendt, fx 2016-03-01.' });
  else if (!isDate(on)) problems.push({ field: 'repliedOn', message: 'Skriv datoen for svaret som en dato, fx 2016-03-01.' });
  else if (isDate(receivedOn) && on < receivedOn) problems.push({ field: 'repliedOn', message: `Svaret kan ikke være sendt, før brevet kom (${formatDanishDate(receivedOn)}).` });
  else if (on > today) problems.push({ field: 'repliedOn', message: 'Svaret kan ikke være sendt en dag, der ikke er kommet endnu.' });
  return problems.length ? { reply: null, problems } : { reply: { text, on }, problems: [] };
}

/** A letter as typed, checked; `scenarioIds` are the scenarios it may be linked to. */
export function checkLetter(form: LetterForm, today: string, scenarioIds: ReadonlySet<string>): { letter: CheckedLetter | null; problems: ChangeProblem[] } {
  const problems: ChangeProblem[] = [];
  const caseNumber = form.caseNumber.trim();
  if (caseNumber === '') problems.push({ field: 'caseNumber', message: 'Skriv sagsnummeret, fx 2016-0028443.' });
  else if (!caseNumberPattern.test(caseNumber)) {
    problems.push({ field: 'caseNumber', message: `»${caseNumber.slice(0, 40)}« er ikke et sagsnummer. Skriv årstallet, en bindestreg og syv cifre, fx 2016-0028443, og eventuelt brevets nummer i sagen, fx 2015-0135051-3.` });
  }
  const receivedOn = form.receivedOn.trim();
  if (!isDate(receivedOn)) problems.push({ field: 'receivedOn', message: 'Skriv den dato, brevet kom, fx 2016-02-14.' });
  else if (receivedOn > today) problems.push({ field: 'receivedOn', message: 'Brevet kan ikke være kommet en dag, der ikke er kommet endnu.' });
  const kind = form.senderKind in letterSenderKinds ? (form.senderKind as LetterSenderKind) : null;
  if (!kind) problems.push({ field: 'senderKind', message: 'Vælg, hvem brevet er fra: brugerråd, driftsherre, borger, politiker eller andre.' });
  const scenarioId = form.scenarioId.trim() || null;
  if (scenarioId && !scenarioIds.has(scenarioId)) problems.push({ field: 'scenarioId', message: 'Det valgte scenarie findes ikke længere. Vælg et andet, eller intet.' });
  const subject = form.subject.trim();
  if (subject === '') problems.push({ field: 'subject', message: 'Skriv brevets emne. Det kan blive vist offentligt, så skriv det uden navne.' });
  else if (subject.length > 200) problems.push({ field: 'subject', message: 'Emnet må højst være 200 tegn.' });
  const summary = form.summary.trim();
  if (summary === '') problems.push({ field: 'summary', message: 'Skriv et kort resumé af, hvad brevet handler om.' });
  else if (summary.length > 4000) problems.push({ field: 'summary', message: 'Resuméet må højst være 4.000 tegn.' });
  if (form.senderName.trim().length > 200) problems.push({ field: 'senderName', message: 'Afsenderens navn må højst være 200 tegn.' });
  if (form.senderContact.trim().length > 300) problems.push({ field: 'senderContact', message: 'Kontaktoplysningerne må højst være 300 tegn.' });
  const { reply, problems: replyProblems } = checkReply(form, isDate(receivedOn) ? receivedOn : '', today);
  problems.push(...replyProblems);
  if (problems.length || !kind) return { letter: null, problems };
  return {
    letter: {
      caseNumber,
      scenarioId,
      receivedOn,
      senderKind: kind,
      subject,
      summary,
      senderName: form.senderName.trim() || null,
      senderContact: form.senderContact.trim() || null,
      reply,
      forgetOn: forgetOnOf(receivedOn, reply?.on ?? null),
    },
    problems: [],
  };
}

export const duplicateLetterProblem = (caseNumber: string, receivedOn: string): ChangeProblem => ({
  field: 'caseNumber',
  message: `Brevet er allerede logget: sag ${caseNumber} har et brev med samme emne fra ${formatDanishDate(receivedOn)}. Se listen, og tilføj svaret dér.`,
});
