import { foldDanish } from '../danish-text.ts';
import { addDays } from '../time.ts';

/**
 * User councils and activity councils (ADR 033): members with recorded consent and their own choice about
 * being named in public, and meetings with an agenda, minutes and decisions. Names live only on the member
 * record; a meeting's texts may not hold them, so a member who withdraws disappears from every published page.
 */

export type CouncilKind = 'user' | 'activity' | 'city';
export type ConsentHow = 'in_person' | 'phone' | 'paper';
export type DecisionFollowUp = 'activity' | 'hours';

export const councilWords = {
  kinds: { user: 'Brugerråd', activity: 'Aktivitetsråd', city: 'Byomfattende brugerråd' } satisfies Record<CouncilKind, string>,
  kindsEnglish: { user: 'User council', activity: 'Activity council', city: 'City-wide user council' } satisfies Record<CouncilKind, string>,
  consentHow: { in_person: 'Mundtligt på stedet', phone: 'I telefonen', paper: 'Skriftligt på papir' } satisfies Record<ConsentHow, string>,
  followUps: { activity: 'Bliver en aktivitet', hours: 'Bliver brugerstyret åbningstid' } satisfies Record<DecisionFollowUp, string>,
  memberPurpose: 'Medlemskab af rådet: indkaldelser til møder og navn i rådets referater, hvis medlemmet har sagt ja til det.',
};

/** Consent to membership runs for two years at a time; then the record is anonymised unless renewed. */
export const consentYears = 2;

export const councilLimits = { name: 60, contact: 80, agenda: 4000, minutes: 8000, decision: 1000, decisions: 30, councilName: 120, text: 2000 };

export type Problem<Field extends string> = { field: Field; message: string };

export type MemberInput = { name: string; contact: string; role: string; namedPublicly: string; consentHow: string; consentGiven: boolean };
export type ValidMember = { name: string; contact: string | null; role: 'chair' | 'member'; namedPublicly: boolean; consentHow: ConsentHow };

/** A member as typed by staff: a name to be called by, an optional phone or note, the consent and the naming choice. */
export function readMember(input: MemberInput): { ok: true; member: ValidMember } | { ok: false; problems: Problem<keyof MemberInput>[] } {
  const problems: Problem<keyof MemberInput>[] = [];
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name) problems.push({ field: 'name', message: 'Skriv det navn, medlemmet vil kaldes. Et fornavn er nok.' });
  else if (name.length > councilLimits.name) problems.push({ field: 'name', message: `Navnet må højst være ${councilLimits.name} tegn. Et fornavn er nok.` });
  const contact = input.contact.trim();
  if (contact.length > councilLimits.contact) problems.push({ field: 'contact', message: `Kontakten må højst være ${councilLimits.contact} tegn: et telefonnummer eller «træffes på stedet».` });
  if (/@/.test(contact) && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact)) problems.push({ field: 'contact', message: 'Det ligner en e-mailadresse, men er ikke en. Skriv den igen, eller brug et telefonnummer.' });
  if (input.role !== 'chair' && input.role !== 'member') problems.push({ field: 'role', message: 'Vælg, om personen er formand eller medlem.' });
  if (input.namedPublicly !== 'ja' && input.namedPublicly !== 'nej') {
    problems.push({ field: 'namedPublicly', message: 'Spørg medlemmet, om navnet må stå på de offentlige sider, og vælg ja eller nej.' });
  }
  if (!(input.consentHow in councilWords.consentHow)) problems.push({ field: 'consentHow', message: 'Vælg, hvordan medlemmet har givet samtykke.' });
  if (!input.consentGiven) {
    problems.push({ field: 'consentGiven', message: 'Et medlem kan kun skrives op, når personen har sagt ja til det. Sæt flueben, når samtykket er givet.' });
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    member: { name, contact: contact || null, role: input.role as 'chair' | 'member', namedPublicly: input.namedPublicly === 'ja', consentHow: input.consentHow as ConsentHow },
  };
}

/** The date a member record is deleted unless consent is renewed. */
export function memberDeleteAfter(today: string): string {
  return `${Number(today.slice(0, 4)) + consentYears}${today.slice(4)}`.replace(/-02-29$/, '-02-28');
}

export type CouncilInput = { kind: string; name: string; purpose: string; howToJoin: string };

export function readCouncil(input: CouncilInput, city: boolean): { ok: true; council: { kind: CouncilKind; name: string; purpose: string; howToJoin: string } } | { ok: false; problems: Problem<keyof CouncilInput>[] } {
  const problems: Problem<keyof CouncilInput>[] = [];
  const kind = city ? 'city' : input.kind;
  if (!city && kind !== 'user' && kind !== 'activity') problems.push({ field: 'kind', message: 'Vælg, om det er et brugerråd eller et aktivitetsråd.' });
  const name = input.name.trim();
  if (!name) problems.push({ field: 'name', message: 'Giv rådet et navn, fx «Brugerrådet på Nabo».' });
  else if (name.length > councilLimits.councilName) problems.push({ field: 'name', message: `Navnet må højst være ${councilLimits.councilName} tegn.` });
  if (input.purpose.length > councilLimits.text) problems.push({ field: 'purpose', message: `Formålet må højst være ${councilLimits.text} tegn.` });
  if (input.howToJoin.length > councilLimits.text) problems.push({ field: 'howToJoin', message: `Teksten må højst være ${councilLimits.text} tegn.` });
  if (problems.length) return { ok: false, problems };
  return { ok: true, council: { kind: kind as CouncilKind, name, purpose: input.purpose.trim(), howToJoin: input.howToJoin.trim() } };
}

export type MeetingInput = { date: string; time: string; agenda: string; minutes: string; decisions: string; present: readonly string[] };
export type ValidMeeting = { date: string; time: string | null; agenda: string; minutes: string | null; decisions: { text: string; becomes: DecisionFollowUp | null }[]; present: string[] };

/**
 * A decision per line; a line that starts with «Aktivitet:» or «Åbningstid:» asks for a new activity or
 * user-run opening hours, which staff then make through the ordinary editing (with review where it applies).
 */
export function readDecisions(text: string): { text: string; becomes: DecisionFollowUp | null }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^[-*•]\s*/, ''))
    .filter(Boolean)
    .map((line) => {
      const match = /^(aktivitet|åbningstid|aabningstid)\s*:\s*(.+)$/iu.exec(line);
      if (!match) return { text: line, becomes: null };
      return { text: match[2]!.trim(), becomes: foldDanish(match[1]!).startsWith('akt') ? ('activity' as const) : ('hours' as const) };
    });
}

/** The words of a name worth looking for in a text: the whole name, and its first word when it has three letters or more. */
function nameForms(name: string): string[] {
  const folded = foldDanish(name).replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!folded) return [];
  const first = folded.split(' ')[0]!;
  return [...new Set([folded, ...(first.length >= 3 ? [first] : [])])];
}

/** The members' names a text mentions, as whole words and regardless of case and Danish letters. */
export function namesMentioned(text: string, names: readonly string[]): string[] {
  const folded = ` ${foldDanish(text).replace(/[^a-z0-9]+/g, ' ')} `;
  return names.filter((name) => nameForms(name).some((form) => folded.includes(` ${form} `)));
}

/** A meeting as typed: a valid date, an agenda, optional minutes and decisions, and no member's name in any text. */
export function readMeeting(input: MeetingInput, members: readonly { id: string; name: string | null }[]): { ok: true; meeting: ValidMeeting } | { ok: false; problems: Problem<'date' | 'time' | 'agenda' | 'minutes' | 'decisions' | 'present'>[] } {
  const problems: Problem<'date' | 'time' | 'agenda' | 'minutes' | 'decisions' | 'present'>[] = [];
  const date = input.date.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || addDays(date, 0) !== date) problems.push({ field: 'date', message: 'Skriv datoen for mødet, fx 2026-12-14.' });
  const time = input.time.trim();
  if (time && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) problems.push({ field: 'time', message: 'Skriv klokkeslættet som fx 14:00, eller lad feltet stå tomt.' });
  const agenda = input.agenda.trim();
  if (!agenda) problems.push({ field: 'agenda', message: 'Skriv dagsordenen: de punkter, mødet skal tale om.' });
  else if (agenda.length > councilLimits.agenda) problems.push({ field: 'agenda', message: `Dagsordenen må højst være ${councilLimits.agenda} tegn; den er ${agenda.length}.` });
  const minutes = input.minutes.trim();
  if (minutes.length > councilLimits.minutes) problems.push({ field: 'minutes', message: `Referatet må højst være ${councilLimits.minutes} tegn; det er ${minutes.length}.` });
  const decisions = readDecisions(input.decisions);
  if (decisions.length > councilLimits.decisions) problems.push({ field: 'decisions', message: `Højst ${councilLimits.decisions} beslutninger pr. møde.` });
  const tooLong = decisions.find((decision) => decision.text.length > councilLimits.decision);
  if (tooLong) problems.push({ field: 'decisions', message: `En beslutning må højst være ${councilLimits.decision} tegn.` });
  const known = new Set(members.map((member) => member.id));
  if (input.present.some((id) => !known.has(id))) problems.push({ field: 'present', message: 'Et af de valgte medlemmer findes ikke længere. Hent siden igen, og vælg igen.' });
  const names = members.flatMap((member) => (member.name ? [member.name] : []));
  for (const [field, text] of [
    ['agenda', agenda],
    ['minutes', minutes],
    ['decisions', decisions.map((decision) => decision.text).join('\n')],
  ] as const) {
    const found = namesMentioned(text, names);
    if (found.length) {
      problems.push({
        field,
        message: `Teksten nævner ${found.map((name) => `«${name}»`).join(', ')}. Skriv ikke medlemmers navne i dagsorden, referat eller beslutninger: de fremmødte vises fra medlemslisten og kun med navn hos dem, der har sagt ja til det.`,
      });
    }
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, meeting: { date, time: time || null, agenda, minutes: minutes || null, decisions, present: [...new Set(input.present)] } };
}

export type MemberRecord = {
  id: string;
  name: string | null;
  role: 'chair' | 'member';
  namedPublicly: boolean;
  withdrawnAt: Date | null;
  anonymisedAt: Date | null;
};

/** Whether a member's name may stand on a public page now: consent in force and their own yes. */
export function shownByName(member: MemberRecord): member is MemberRecord & { name: string } {
  return member.name !== null && member.namedPublicly && member.withdrawnAt === null && member.anonymisedAt === null;
}

/** Who is shown as present: the names of those who chose so, and how many others. */
export function publicPresence(members: readonly MemberRecord[]): { names: string[]; others: number } {
  const named = members.filter(shownByName);
  return { names: named.map((member) => member.name), others: members.length - named.length };
}

/**
 * Why a council meeting cannot be deleted, in plain Danish; null when it can. A meeting with decisions is the public
 * record of what the council decided (and what staff carry out), so it is corrected, not deleted.
 */
export function meetingDeletionRefusal(facts: { decisions: number }): string | null {
  if (facts.decisions === 0) return null;
  return `Mødet har ${facts.decisions === 1 ? 'en beslutning' : `${facts.decisions} beslutninger`}, som står på rådets offentlige side, og som tilbuddet følger op på. Ret mødet i stedet, hvis noget er skrevet forkert.`;
}
