import { formatDanishDate } from '../time.ts';
import type { ChangeProblem } from './scenario.ts';

/**
 * Hearings (ADR 030): a published scenario sent for consultation with a deadline, and the responses that
 * arrive, registered by staff. What is public: the sender's kind, an organisation's name, the summary and
 * the date. The sender's name and contact stay in the back office; a citizen is never named in public.
 */

export const senderKinds = { user_council: 'Brugerråd', operator: 'Driftsherre', citizen: 'Borger', other: 'Andre' } as const;
export const senderKindsEn = { user_council: 'User council', operator: 'Operator', citizen: 'Citizen', other: 'Other' } as const;
export type SenderKind = keyof typeof senderKinds;

export type Hearing = { scenarioId: string; deadline: string; openedAt: Date; openedByName: string };

export type HearingResponse = {
  id: string;
  receivedOn: string;
  senderKind: SenderKind;
  organisation: string | null;
  summary: string;
  caseNumber: string | null;
};

/** The back office's view: the public response and who sent it. */
export type RegisteredResponse = HearingResponse & { senderName: string | null; senderContact: string | null; registeredByName: string; registeredAt: Date };

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

export function checkDeadline(deadline: string, today: string): ChangeProblem[] {
  if (!isDate(deadline)) return [{ field: 'deadline', message: 'Skriv høringsfristen som en dato, fx 2027-03-01.' }];
  if (deadline <= today) return [{ field: 'deadline', message: `Fristen skal ligge efter i dag, ${formatDanishDate(today)}.` }];
  return [];
}

export type ResponseForm = { receivedOn: string; senderKind: string; organisation: string; summary: string; senderName: string; senderContact: string; caseNumber: string };

/** A response as typed, checked; the organisation is asked for where it is public, and refused for a citizen. */
export function checkResponse(form: ResponseForm, today: string): { response: Omit<RegisteredResponse, 'id' | 'registeredByName' | 'registeredAt'> | null; problems: ChangeProblem[] } {
  const problems: ChangeProblem[] = [];
  if (!isDate(form.receivedOn)) problems.push({ field: 'receivedOn', message: 'Skriv den dato, svaret kom, fx 2027-02-14.' });
  else if (form.receivedOn > today) problems.push({ field: 'receivedOn', message: 'Svaret kan ikke være kommet en dag, der ikke er kommet endnu.' });
  const kind = form.senderKind in senderKinds ? (form.senderKind as SenderKind) : null;
  if (!kind) problems.push({ field: 'senderKind', message: 'Vælg, hvem svaret er fra: brugerråd, driftsherre, borger eller andre.' });
  if ((kind === 'user_council' || kind === 'operator') && form.organisation.trim() === '') {
    problems.push({ field: 'organisation', message: 'Skriv navnet på brugerrådet eller driftsherren. Det vises offentligt med svaret.' });
  }
  if (kind === 'citizen' && form.organisation.trim() !== '') {
    problems.push({ field: 'organisation', message: 'En borger vises ikke med navn eller organisation. Lad feltet stå tomt; navnet kan stå under afsender.' });
  }
  if (form.summary.trim() === '') problems.push({ field: 'summary', message: 'Skriv et resumé af svaret. Det vises offentligt, så skriv det uden navne og andre personoplysninger.' });
  else if (form.summary.length > 4000) problems.push({ field: 'summary', message: 'Resuméet må højst være 4.000 tegn.' });
  if (problems.length || !kind) return { response: null, problems };
  return {
    response: {
      receivedOn: form.receivedOn,
      senderKind: kind,
      organisation: kind === 'citizen' ? null : form.organisation.trim() || null,
      summary: form.summary.trim(),
      senderName: form.senderName.trim() || null,
      senderContact: form.senderContact.trim() || null,
      caseNumber: form.caseNumber.trim() || null,
    },
    problems: [],
  };
}

/** The public form of a response: nothing that names a person. */
export function publicResponse(response: RegisteredResponse): HearingResponse {
  return { id: response.id, receivedOn: response.receivedOn, senderKind: response.senderKind, organisation: response.senderKind === 'citizen' ? null : response.organisation, summary: response.summary, caseNumber: response.caseNumber };
}

/** What a committee report says of a hearing: how many answered, of each kind, and how many came late. */
export type HearingSummary = { total: number; bySenderKind: Record<SenderKind, number>; late: number };

export function summariseHearing(responses: readonly HearingResponse[], deadline: string): HearingSummary {
  const bySenderKind: Record<SenderKind, number> = { user_council: 0, operator: 0, citizen: 0, other: 0 };
  for (const response of responses) bySenderKind[response.senderKind]++;
  return { total: responses.length, bySenderKind, late: responses.filter((response) => response.receivedOn > deadline).length };
}
