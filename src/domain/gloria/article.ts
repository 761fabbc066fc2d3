import { addDays } from '../time.ts';
import { withoutMetadata } from './image-metadata.ts';
import { readListingLine } from './listing-spec.ts';
import { cleanPastedText, lix, type Lix, parseBody } from './text.ts';

/**
 * Gloria (ADR 037): the user-run magazine as the city's information platform. Editorial teams per district and
 * one for the whole city; texts (news, articles, life stories) written by the team's writers and published by
 * its editors; theme issues published as one; life stories only with the storyteller's recorded consent.
 */

export type ArticleKind = 'news' | 'article' | 'life_story';
export type ArticleState = 'draft' | 'review' | 'published' | 'withdrawn';
export type TeamRole = 'writer' | 'editor';
export type ConsentHow = 'in_person' | 'phone' | 'written';

export const articleKinds: readonly ArticleKind[] = ['news', 'article', 'life_story'];
export const consentHows: readonly ConsentHow[] = ['in_person', 'phone', 'written'];

export const gloriaWords = {
  kinds: { news: 'Nyhed', article: 'Artikel', life_story: 'Livshistorie' } satisfies Record<ArticleKind, string>,
  kindsEnglish: { news: 'News', article: 'Article', life_story: 'Life story' } satisfies Record<ArticleKind, string>,
  states: { draft: 'Kladde', review: 'Til gennemsyn', published: 'Udgivet', withdrawn: 'Trukket tilbage' } satisfies Record<ArticleState, string>,
  roles: { writer: 'Skribent', editor: 'Redaktør' } satisfies Record<TeamRole, string>,
  consentHows: { in_person: 'Mundtligt ved et møde', phone: 'I telefonen', written: 'Skriftligt' } satisfies Record<ConsentHow, string>,
  anonymousByline: 'Fortalt anonymt',
  anonymousBylineEnglish: 'Told anonymously',
  storytellerPurpose: 'Gloria: hvem der har fortalt en livshistorie og givet samtykke til, at den bliver udgivet, så samtykket kan trækkes tilbage.',
};

export type Problem = { field: string; message: string };

export type Consent = { on: string; recordedByName: string; how: ConsentHow };

/** The storyteller of a life story: a first name (never shown when anonymous), the consent and its deletion date. */
export type Storyteller = { name: string | null; anonymous: boolean; consent: Consent | null; deleteAfter: string | null; withdrawnAt: Date | null };

export type ArticleImage = { id: string; alt: string; mime: ImageMime };

export type Article = {
  id: string;
  slug: string;
  teamId: string;
  teamName: string;
  district: { slug: string; name: string } | null;
  kind: ArticleKind;
  title: string;
  lead: string;
  body: string;
  themeId: string | null;
  themePosition: number | null;
  state: ArticleState;
  reviewComment: string | null;
  authorAccountId: string | null;
  authorName: string;
  storyteller: Storyteller | null;
  image: ArticleImage | null;
  publishedAt: Date | null;
  updatedAt: Date;
  version: number;
  isExample: boolean;
};

export type Theme = {
  id: string;
  slug: string;
  teamId: string;
  teamName: string;
  title: string;
  intro: string;
  state: 'draft' | 'published';
  publishedAt: Date | null;
  version: number;
  isExample: boolean;
};

/** What the article form sends, as typed. */
export type ArticleForm = {
  teamId: string;
  kind: string;
  title: string;
  lead: string;
  body: string;
  themeId: string;
  themePosition: string;
  anonymous: boolean;
  imageAlt: string;
};

export type ArticleInput = {
  teamId: string;
  kind: ArticleKind;
  title: string;
  lead: string;
  body: string;
  themeId: string | null;
  themePosition: number | null;
  anonymous: boolean;
};

const oneLine = (text: string) => cleanPastedText(text).replace(/\n+/g, ' ').trim();

/**
 * The article form read: the body cleaned of what Word leaves behind, the team among those the person writes
 * for, the theme among the team's. Every problem names its field in plain Danish.
 */
export function readArticle(form: ArticleForm, allowed: { teamIds: ReadonlySet<string>; themeTeams: ReadonlyMap<string, string> }): { input: ArticleInput | null; problems: Problem[]; lix: Lix | null; body: string } {
  const problems: Problem[] = [];
  const body = cleanPastedText(form.body);
  const title = oneLine(form.title);
  const lead = oneLine(form.lead);
  if (!allowed.teamIds.has(form.teamId)) problems.push({ field: 'teamId', message: 'Vælg den redaktion, teksten hører til. Du kan kun skrive for de redaktioner, du er med i.' });
  if (!articleKinds.includes(form.kind as ArticleKind)) problems.push({ field: 'kind', message: 'Vælg, om teksten er en nyhed, en artikel eller en livshistorie.' });
  if (!title) problems.push({ field: 'title', message: 'Skriv en overskrift.' });
  else if (title.length > 120) problems.push({ field: 'title', message: `Overskriften er ${title.length} tegn. Gør den kortere: højst 120 tegn.` });
  if (lead.length > 400) problems.push({ field: 'lead', message: `Indledningen er ${lead.length} tegn. Gør den kortere: højst 400 tegn.` });
  if (!body) problems.push({ field: 'body', message: 'Skriv selve teksten.' });
  else if (body.length > 20000) problems.push({ field: 'body', message: `Teksten er ${body.length} tegn. Del den op: højst 20.000 tegn.` });
  let themeId: string | null = null;
  let themePosition: number | null = null;
  if (form.themeId) {
    const team = allowed.themeTeams.get(form.themeId);
    if (!team) problems.push({ field: 'themeId', message: 'Vælg et af redaktionens temanumre, eller «Intet temanummer».' });
    else if (team !== form.teamId) problems.push({ field: 'themeId', message: 'Temanummeret hører til en anden redaktion. Vælg redaktionens eget, eller «Intet temanummer».' });
    else themeId = form.themeId;
    const position = form.themePosition.trim() === '' ? 1 : Number(form.themePosition.trim());
    if (!Number.isInteger(position) || position < 1 || position > 99) problems.push({ field: 'themePosition', message: 'Skriv tekstens plads i temanummeret som et helt tal fra 1 til 99.' });
    else themePosition = position;
  }
  const blocks = parseBody(body);
  // A live listing's line must say what to list (ADR 038): one that cannot be read is named with the words it knows.
  for (const block of blocks) {
    if (block.kind !== 'listing') continue;
    const read = readListingLine(block.source);
    if (!read.ok) problems.push({ field: 'body', message: `Listen «${block.source}» kan ikke vises: ${read.message}` });
  }
  if (problems.length) return { input: null, problems, lix: lix(blocks), body };
  return {
    input: {
      teamId: form.teamId,
      kind: form.kind as ArticleKind,
      title,
      lead,
      body,
      themeId,
      themePosition,
      anonymous: form.kind === 'life_story' ? form.anonymous : false,
    },
    problems,
    lix: lix(blocks),
    body,
  };
}

/** How long a storyteller's name and consent are kept: two years from the consent, then the story is anonymous. */
export const storytellerKeepDays = 730;

export type ConsentForm = { on: string; how: string; name: string };

/** A storyteller's consent as recorded by a member of the team: when, how, and the storyteller's first name. */
export function readConsent(form: ConsentForm, today: string, recordedByName: string): { consent: Consent; name: string; deleteAfter: string } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const on = form.on.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(on) || Number.isNaN(Date.parse(`${on}T00:00:00Z`))) problems.push({ field: 'consentOn', message: 'Skriv datoen for samtykket som en dato, fx 2026-11-20.' });
  else if (on > today) problems.push({ field: 'consentOn', message: 'Samtykket kan ikke være givet i fremtiden. Skriv den dag, fortælleren sagde ja.' });
  if (!consentHows.includes(form.how as ConsentHow)) problems.push({ field: 'consentHow', message: 'Vælg, hvordan fortælleren gav samtykke: ved et møde, i telefonen eller skriftligt.' });
  const name = oneLine(form.name);
  if (!name || name.length > 60) problems.push({ field: 'consentName', message: 'Skriv fortællerens fornavn (højst 60 tegn), så vi ved, hvem samtykket er fra. Det vises ikke, hvis historien er anonym.' });
  if (problems.length) return { problems };
  return { consent: { on, how: form.how as ConsentHow, recordedByName }, name, deleteAfter: addDays(on, storytellerKeepDays) };
}

export type Transition = 'submit' | 'publish' | 'return' | 'unpublish' | 'withdraw';

export const nextState: Record<Exclude<Transition, 'withdraw'>, ArticleState> = { submit: 'review', publish: 'published', return: 'draft', unpublish: 'draft' };

/** Whether a member of the team (or null: not a member) may take the step now; a refusal in plain Danish. */
export function checkTransition(
  article: Pick<Article, 'state' | 'kind' | 'authorAccountId' | 'storyteller' | 'themeId' | 'title' | 'body'>,
  transition: Transition,
  actor: { accountId: string; role: TeamRole | null },
  comment = '',
): { ok: true } | { ok: false; forbidden: boolean; message: string } {
  const refuse = (message: string, forbidden = false) => ({ ok: false as const, forbidden, message });
  if (actor.role === null) return refuse('Du har ikke adgang til teksten: du er ikke med i den redaktion, den hører til.', true);
  if (article.state === 'withdrawn') return refuse('Fortælleren har trukket sit samtykke tilbage. Historien kan ikke udgives igen.');
  switch (transition) {
    case 'submit':
      if (article.state !== 'draft') return refuse(`Teksten er ${gloriaWords.states[article.state].toLowerCase()}, så den kan ikke sendes til gennemsyn nu.`);
      if (!article.title.trim() || !article.body.trim()) return refuse('Teksten skal have en overskrift og en brødtekst, før den sendes til gennemsyn.');
      if (article.kind === 'life_story' && !article.storyteller?.consent) return refuse('En livshistorie kan først sendes til gennemsyn, når fortællerens samtykke er skrevet ind: dato, hvordan og hvem der tog imod det.');
      return { ok: true };
    case 'publish':
      if (actor.role !== 'editor') return refuse('Du har ikke adgang til at udgive: kun redaktionens redaktører udgiver tekster.', true);
      if (article.state !== 'review') return refuse('Kun en tekst, der er sendt til gennemsyn, kan udgives.');
      if (article.authorAccountId === actor.accountId) return refuse('Du kan ikke udgive din egen tekst. En anden redaktør fra redaktionen skal læse den og udgive den.');
      if (article.themeId) return refuse('Teksten hører til et temanummer og udgives sammen med det. Udgiv temanummeret, når alle dets tekster er klar.');
      if (article.kind === 'life_story' && !article.storyteller?.consent) return refuse('Fortællerens samtykke mangler.');
      return { ok: true };
    case 'return':
      if (actor.role !== 'editor') return refuse('Du har ikke adgang til at sende tekster tilbage: det gør redaktionens redaktører.', true);
      if (article.state !== 'review') return refuse('Kun en tekst til gennemsyn kan sendes tilbage til skribenten.');
      if (!comment.trim()) return refuse('Skriv en kommentar til skribenten: hvad skal rettes, før teksten kan udgives?');
      if (comment.trim().length > 2000) return refuse('Kommentaren er for lang: højst 2000 tegn.');
      return { ok: true };
    case 'unpublish':
      if (actor.role !== 'editor') return refuse('Du har ikke adgang til at tage tekster af: det gør redaktionens redaktører.', true);
      if (article.state !== 'published') return refuse('Teksten er ikke udgivet.');
      return { ok: true };
    case 'withdraw':
      if (article.kind !== 'life_story') return refuse('Kun en livshistorie har en fortæller, der kan trække sit samtykke tilbage.');
      return { ok: true };
  }
}

/** Whether a text can be changed by a save: drafts and texts in review (an editor may correct before publishing). */
export function canSave(state: ArticleState): boolean {
  return state === 'draft' || state === 'review';
}

export type ThemeForm = { teamId: string; title: string; intro: string };

export function readTheme(form: ThemeForm, teamIds: ReadonlySet<string>): { theme: { teamId: string; title: string; intro: string } } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const title = oneLine(form.title);
  const intro = cleanPastedText(form.intro);
  if (!teamIds.has(form.teamId)) problems.push({ field: 'teamId', message: 'Vælg den redaktion, temanummeret hører til. Du kan kun vælge redaktioner, hvor du er redaktør.' });
  if (!title || title.length > 120) problems.push({ field: 'title', message: 'Skriv temanummerets titel (højst 120 tegn), fx «Ensomhed».' });
  if (!intro || intro.length > 2000) problems.push({ field: 'intro', message: 'Skriv en kort indledning til temanummeret (højst 2000 tegn).' });
  if (problems.length) return { problems };
  return { theme: { teamId: form.teamId, title, intro } };
}

/** Whether a theme issue can be published: at least one text, every one of them sent to review or published. */
export function checkThemePublish(articles: readonly Pick<Article, 'state' | 'title'>[]): string | null {
  if (articles.length === 0) return 'Temanummeret har ingen tekster endnu. Tilføj tekster fra tekstens egen side.';
  const notReady = articles.filter((article) => article.state !== 'review' && article.state !== 'published');
  if (notReady.length) return `Temanummeret kan først udgives, når alle dets tekster er sendt til gennemsyn. Ikke klar: ${notReady.map((article) => `«${article.title}»`).join(', ')}.`;
  return null;
}

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp';
export const maxImageBytes = 2 * 1024 * 1024;

/** What the file's first bytes say it is (never the name or the browser's word): JPEG, PNG, WebP, or null. */
export function imageTypeOf(bytes: Uint8Array): ImageMime | null {
  const at = (index: number, values: number[]) => values.every((value, offset) => bytes[index + offset] === value);
  if (bytes.length >= 3 && at(0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (bytes.length >= 8 && at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (bytes.length >= 12 && at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return 'image/webp';
  return null;
}

export const imageExtension: Record<ImageMime, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/**
 * An uploaded image checked: a JPEG, PNG or WebP of at most 2 MB, with a text saying what it shows; its bytes as they
 * are saved, without where and when the photo was taken or anything else but the picture (`withoutMetadata`).
 */
export function checkImage(bytes: Uint8Array, alt: string): { mime: ImageMime; alt: string; bytes: Uint8Array } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const mime = imageTypeOf(bytes);
  if (bytes.length > maxImageBytes) problems.push({ field: 'image', message: `Billedet fylder ${(bytes.length / 1024 / 1024).toFixed(1).replace('.', ',')} MB. Det må højst fylde 2 MB: gem det i en mindre størrelse, og vælg det igen.` });
  else if (!mime) problems.push({ field: 'image', message: 'Filen er ikke et billede, vi kan bruge. Vælg et foto i formatet JPEG, PNG eller WebP.' });
  const text = oneLine(alt);
  if (!text) problems.push({ field: 'imageAlt', message: 'Skriv, hvad billedet viser, så de, der ikke kan se det, får det med. Billedet er ikke gemt: vælg det igen, når du har skrevet teksten.' });
  else if (text.length > 250) problems.push({ field: 'imageAlt', message: 'Billedteksten er for lang: højst 250 tegn.' });
  if (problems.length || !mime) return { problems };
  const clean = withoutMetadata(bytes, mime);
  if (!clean) return { problems: [{ field: 'image', message: 'Billedet kan ikke læses: filen er ødelagt eller gemt på en måde, vi ikke kender. Gem det igen som JPEG eller PNG, og vælg det igen.' }] };
  return { mime, alt: text, bytes: clean };
}

/** A byline: the team for news and articles; a life story's storyteller by first name, or «Fortalt anonymt». */
export function bylineOf(article: Pick<Article, 'kind' | 'teamName' | 'storyteller'>, locale: 'da' | 'en' = 'da'): string {
  if (article.kind !== 'life_story') return article.teamName;
  const storyteller = article.storyteller;
  if (!storyteller || storyteller.anonymous || !storyteller.name) return locale === 'da' ? gloriaWords.anonymousByline : gloriaWords.anonymousBylineEnglish;
  return locale === 'da' ? `Fortalt af ${storyteller.name}` : `Told by ${storyteller.name}`;
}
