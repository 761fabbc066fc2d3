import type { Principal } from '../domain/access/policy.ts';
import {
  type Article,
  type ArticleForm,
  type ArticleInput,
  type ArticleState,
  checkImage,
  checkThemePublish,
  checkTransition,
  canSave,
  type Consent,
  type ConsentForm,
  nextState,
  type Problem,
  readArticle,
  readConsent,
  readTheme,
  type TeamRole,
  type Theme,
  type ThemeForm,
  type Transition,
  type ImageMime,
} from '../domain/gloria/article.ts';
import type { Lix } from '../domain/gloria/text.ts';
import { slugOf } from '../domain/danish-text.ts';
import { copenhagenDate } from '../domain/time.ts';
import type { AuditEntry } from './audit.ts';
import { ForbiddenError, NotFoundError } from './errors.ts';

/** An editorial team: one per district, and one for the whole city (`district` null). */
export type GloriaTeam = { id: string; slug: string; name: string; district: { id: string; slug: string; name: string } | null };
export type GloriaMember = { id: string; teamId: string; accountId: string; accountName: string; role: TeamRole; userJob: { id: string; title: string; offeringName: string } | null };
export type NewImage = { id: string; mime: ImageMime; alt: string; bytes: Uint8Array };
/** What a save does to the lead image: keep it (with a new alt text, perhaps), replace it, or remove it. */
export type ImageChange = { kind: 'keep'; alt: string | null } | { kind: 'replace'; image: NewImage } | { kind: 'remove' };
export type StoredImage = { mime: ImageMime; bytes: Uint8Array; articleState: ArticleState; themePublished: boolean };

/** Gloria in storage (ADR 037); `db/gloria-store.ts` keeps it in the gloria_* tables. Every write is audited in its transaction. */
export interface GloriaStore {
  teams(): Promise<GloriaTeam[]>;
  members(): Promise<GloriaMember[]>;
  memberships(accountId: string): Promise<{ teamId: string; role: TeamRole }[]>;
  /** Open back-office accounts and user jobs to choose from on the teams page. */
  accountOptions(): Promise<{ id: string; name: string }[]>;
  userJobOptions(): Promise<{ id: string; title: string; offeringName: string }[]>;
  addMember(member: { teamId: string; accountId: string; role: TeamRole; userJobId: string | null; at: Date }, audit: AuditEntry): Promise<'added' | 'duplicate'>;
  removeMember(teamId: string, memberId: string, audit: AuditEntry): Promise<boolean>;
  /** A team for every district without one, and the city-wide team; how many were made. */
  ensureTeams(at: Date, audit: AuditEntry): Promise<number>;

  articles(filter: { teamIds: readonly string[] }): Promise<Article[]>;
  article(id: string): Promise<Article | null>;
  createArticle(article: ArticleInput & { id: string; slug: string; authorAccountId: string; authorName: string; at: Date }, image: NewImage | null, audit: AuditEntry): Promise<void>;
  /** Saved if nobody saved or moved the text since `baseVersion` and it is still a draft or in review. */
  saveArticle(id: string, input: ArticleInput, image: ImageChange, baseVersion: number, at: Date, audit: AuditEntry): Promise<'saved' | 'stale'>;
  /** The state moved from `from` (checked in the update), with the columns the step sets. */
  moveArticle(id: string, from: ArticleState, to: ArticleState, patch: { reviewComment?: string | null; publishedAt?: Date; publishedByName?: string }, at: Date, audit: AuditEntry): Promise<'moved' | 'stale'>;
  recordConsent(id: string, consent: Consent, name: string, deleteAfter: string, anonymous: boolean, at: Date, audit: AuditEntry): Promise<void>;
  /** The story unpublished at once, its text, name and image deleted; the title stays for the back office. */
  withdrawConsent(id: string, at: Date, audit: AuditEntry): Promise<void>;

  themes(filter: { teamIds?: readonly string[]; publishedOnly?: boolean }): Promise<Theme[]>;
  theme(id: string): Promise<Theme | null>;
  themeArticles(themeId: string): Promise<Article[]>;
  createTheme(theme: { id: string; slug: string; teamId: string; title: string; intro: string; at: Date }, audit: AuditEntry): Promise<void>;
  saveTheme(id: string, theme: { title: string; intro: string }, baseVersion: number, at: Date, audit: AuditEntry): Promise<'saved' | 'stale'>;
  /** Publishes the issue and every text in it at once, or says why not (checked with the issue's row locked). */
  publishTheme(id: string, at: Date, byName: string, audit: AuditEntry): Promise<{ kind: 'published' } | { kind: 'refused'; message: string }>;
  unpublishTheme(id: string, at: Date, audit: AuditEntry): Promise<void>;

  /** Published texts, newest first; a district's slug narrows them to its team. */
  published(filter: { districtSlug?: string | undefined; limit: number }): Promise<Article[]>;
  articleBySlug(slug: string): Promise<Article | null>;
  themeBySlug(slug: string): Promise<Theme | null>;
  image(id: string): Promise<StoredImage | null>;
  slugTaken(slug: string): Promise<boolean>;
  /** Storytellers' names and consents past their date deleted; the stories stay, anonymous. */
  forgetStorytellers(today: string, at: Date): Promise<number>;
}

export type GloriaDeps = { gloria: GloriaStore; now: Date };

const auditOf = (principal: Principal, at: Date, action: string, resourceType: string, id: string | null, summary: string, source: string): AuditEntry => ({
  at,
  actorId: principal.accountId,
  actorName: principal.name,
  action,
  resourceType,
  resourceId: id,
  summary,
  source,
});

async function uniqueSlug(store: GloriaStore, title: string, fallback: string): Promise<string> {
  const base = slugOf(title, fallback, 70);
  for (let n = 1; n < 50; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await store.slugTaken(slug))) return slug;
  }
  return `${base}-${crypto.randomUUID().slice(0, 8)}`;
}

/** The person's teams and role in each. */
export async function myTeams(store: GloriaStore, principal: Principal): Promise<{ team: GloriaTeam; role: TeamRole }[]> {
  const [teams, memberships] = await Promise.all([store.teams(), store.memberships(principal.accountId)]);
  return memberships.flatMap((membership) => {
    const team = teams.find((item) => item.id === membership.teamId);
    return team ? [{ team, role: membership.role }] : [];
  });
}

async function roleIn(store: GloriaStore, principal: Principal, teamId: string): Promise<TeamRole | null> {
  return (await store.memberships(principal.accountId)).find((membership) => membership.teamId === teamId)?.role ?? null;
}

/** The text, if the person is on its team (otherwise a 403 in plain Danish, the same for every step). */
export async function articleFor(store: GloriaStore, principal: Principal, id: string): Promise<{ article: Article; role: TeamRole }> {
  const article = /^[0-9a-f-]{36}$/.test(id) ? await store.article(id) : null;
  if (!article) throw new NotFoundError('Teksten findes ikke. Se redaktionens tekster under Gloria.');
  const role = await roleIn(store, principal, article.teamId);
  if (!role) throw new ForbiddenError('Du har ikke adgang til teksten: du er ikke med i den redaktion, den hører til.');
  return { article, role };
}

export type ImageUpload = { bytes: Uint8Array; alt: string } | null;
export type ArticleOutcome = { kind: 'saved'; id: string } | { kind: 'invalid'; problems: Problem[]; lix: Lix | null; body: string } | { kind: 'stale'; current: Article; lix: Lix | null; body: string };

async function formContext(store: GloriaStore, principal: Principal) {
  const teams = await myTeams(store, principal);
  const teamIds = new Set(teams.map((item) => item.team.id));
  const themes = await store.themes({ teamIds: [...teamIds] });
  return { teamIds, themeTeams: new Map(themes.map((theme) => [theme.id, theme.teamId])) };
}

function imageProblems(upload: ImageUpload, existing: boolean, alt: string, remove: boolean): { change: ImageChange; problems: Problem[] } {
  if (upload) {
    const checked = checkImage(upload.bytes, upload.alt);
    if ('problems' in checked) return { change: { kind: 'keep', alt: null }, problems: checked.problems };
    return { change: { kind: 'replace', image: { id: crypto.randomUUID(), mime: checked.mime, alt: checked.alt, bytes: checked.bytes } }, problems: [] };
  }
  if (remove) return { change: { kind: 'remove' }, problems: [] };
  if (existing && !alt.trim()) return { change: { kind: 'keep', alt: null }, problems: [{ field: 'imageAlt', message: 'Skriv, hvad billedet viser, så de, der ikke kan se det, får det med. Vil du ikke have billedet, så sæt kryds ved «Fjern billedet».' }] };
  return { change: { kind: 'keep', alt: existing ? alt.trim().slice(0, 250) : null }, problems: [] };
}

/** A new text by a member of the team, as a draft; the image with it only with a text saying what it shows. */
export async function createArticle(deps: GloriaDeps, principal: Principal, form: ArticleForm, upload: ImageUpload, source: string): Promise<Exclude<ArticleOutcome, { kind: 'stale' }>> {
  const read = readArticle(form, await formContext(deps.gloria, principal));
  const image = imageProblems(upload, false, form.imageAlt, false);
  const problems = [...read.problems, ...image.problems];
  if (!read.input || problems.length) return { kind: 'invalid', problems, lix: read.lix, body: read.body };
  const id = crypto.randomUUID();
  const slug = await uniqueSlug(deps.gloria, read.input.title, 'tekst');
  await deps.gloria.createArticle(
    { ...read.input, id, slug, authorAccountId: principal.accountId, authorName: principal.name, at: deps.now },
    image.change.kind === 'replace' ? image.change.image : null,
    auditOf(principal, deps.now, 'gloria.create', 'gloria_article', id, `Skrev en ny kladde til Gloria: »${read.input.title}«.`, source),
  );
  return { kind: 'saved', id };
}

/** A draft or a text in review saved over the version the person opened; an older one is a 409 with both shown. */
export async function saveArticle(deps: GloriaDeps, principal: Principal, id: string, form: ArticleForm & { baseVersion: number; removeImage: boolean }, upload: ImageUpload, source: string): Promise<ArticleOutcome> {
  const { article } = await articleFor(deps.gloria, principal, id);
  const read = readArticle(form, await formContext(deps.gloria, principal));
  if (article.version !== form.baseVersion || !canSave(article.state)) return { kind: 'stale', current: article, lix: read.lix, body: read.body };
  const image = imageProblems(upload, article.image !== null, form.imageAlt, form.removeImage);
  const problems = [...read.problems, ...image.problems];
  if (!read.input || problems.length) return { kind: 'invalid', problems, lix: read.lix, body: read.body };
  const outcome = await deps.gloria.saveArticle(
    id,
    read.input,
    image.change,
    form.baseVersion,
    deps.now,
    auditOf(principal, deps.now, 'gloria.save', 'gloria_article', id, `Gemte Gloria-teksten »${read.input.title}« (${article.state === 'review' ? 'til gennemsyn' : 'kladde'}).`, source),
  );
  if (outcome === 'stale') return { kind: 'stale', current: (await deps.gloria.article(id))!, lix: read.lix, body: read.body };
  return { kind: 'saved', id };
}

const transitionWords: Record<Exclude<Transition, 'withdraw'>, string> = {
  submit: 'Sendte Gloria-teksten til gennemsyn',
  publish: 'Udgav Gloria-teksten',
  return: 'Sendte Gloria-teksten tilbage til kladde med en kommentar',
  unpublish: 'Tog Gloria-teksten af siden',
};

/** One step of the workflow, checked by `checkTransition`; a refusal is a message, never a change. */
export async function moveArticle(deps: GloriaDeps, principal: Principal, id: string, transition: Exclude<Transition, 'withdraw'>, comment: string, source: string): Promise<{ kind: 'moved' } | { kind: 'refused'; message: string }> {
  const { article, role } = await articleFor(deps.gloria, principal, id);
  const check = checkTransition(article, transition, { accountId: principal.accountId, role }, comment);
  if (!check.ok) {
    if (check.forbidden) throw new ForbiddenError(check.message);
    return { kind: 'refused', message: check.message };
  }
  const patch =
    transition === 'publish'
      ? { reviewComment: null, publishedAt: deps.now, publishedByName: principal.name }
      : transition === 'return'
        ? { reviewComment: comment.trim() }
        : transition === 'submit'
          ? { reviewComment: null }
          : {};
  const outcome = await deps.gloria.moveArticle(
    id,
    article.state,
    nextState[transition],
    patch,
    deps.now,
    auditOf(principal, deps.now, `gloria.${transition}`, 'gloria_article', id, `${transitionWords[transition]} »${article.title}«.`, source),
  );
  if (outcome === 'stale') return { kind: 'refused', message: 'Teksten er ændret af en anden i mellemtiden. Se den igennem, og prøv igen.' };
  return { kind: 'moved' };
}

/** The storyteller's consent written in: when, how, their first name, anonymous or not; who recorded it is the person. */
export async function recordStoryConsent(deps: GloriaDeps, principal: Principal, id: string, form: ConsentForm & { anonymous: boolean }, source: string): Promise<{ kind: 'saved' } | { kind: 'invalid'; problems: Problem[] }> {
  const { article } = await articleFor(deps.gloria, principal, id);
  if (article.kind !== 'life_story' || article.state === 'withdrawn') return { kind: 'invalid', problems: [{ field: 'consentOn', message: 'Samtykke skrives kun ind for en livshistorie, der ikke er trukket tilbage.' }] };
  const read = readConsent(form, copenhagenDate(deps.now), principal.name);
  if ('problems' in read) return { kind: 'invalid', problems: read.problems };
  await deps.gloria.recordConsent(
    id,
    read.consent,
    read.name,
    read.deleteAfter,
    form.anonymous,
    deps.now,
    // The audit entry names the text, never the storyteller.
    auditOf(principal, deps.now, 'gloria.consent', 'gloria_article', id, `Skrev fortællerens samtykke ind for livshistorien »${article.title}«.`, source),
  );
  return { kind: 'saved' };
}

/** The storyteller withdraws: the story leaves the public pages at once, with its text, name and image. */
export async function withdrawStoryConsent(deps: GloriaDeps, principal: Principal, id: string, source: string): Promise<{ kind: 'withdrawn' } | { kind: 'refused'; message: string }> {
  const { article, role } = await articleFor(deps.gloria, principal, id);
  const check = checkTransition(article, 'withdraw', { accountId: principal.accountId, role });
  if (!check.ok) return { kind: 'refused', message: check.message };
  await deps.gloria.withdrawConsent(id, deps.now, auditOf(principal, deps.now, 'gloria.withdraw', 'gloria_article', id, `Fortælleren trak sit samtykke tilbage: livshistorien »${article.title}« er taget af siden, og teksten er slettet.`, source));
  return { kind: 'withdrawn' };
}

async function editorOf(store: GloriaStore, principal: Principal, teamId: string) {
  if ((await roleIn(store, principal, teamId)) !== 'editor') throw new ForbiddenError('Du har ikke adgang til temanumre i denne redaktion: dem laver og udgiver redaktionens redaktører.');
}

export async function createTheme(deps: GloriaDeps, principal: Principal, form: ThemeForm, source: string): Promise<{ kind: 'saved'; id: string } | { kind: 'invalid'; problems: Problem[] }> {
  const editorTeams = new Set((await myTeams(deps.gloria, principal)).filter((item) => item.role === 'editor').map((item) => item.team.id));
  const read = readTheme(form, editorTeams);
  if ('problems' in read) return { kind: 'invalid', problems: read.problems };
  const id = crypto.randomUUID();
  const slug = await uniqueSlug(deps.gloria, read.theme.title, 'tema');
  await deps.gloria.createTheme({ id, slug, ...read.theme, at: deps.now }, auditOf(principal, deps.now, 'gloria.theme.create', 'gloria_theme', id, `Oprettede temanummeret »${read.theme.title}«.`, source));
  return { kind: 'saved', id };
}

export async function loadTheme(store: GloriaStore, id: string): Promise<Theme> {
  const theme = /^[0-9a-f-]{36}$/.test(id) ? await store.theme(id) : null;
  if (!theme) throw new NotFoundError('Temanummeret findes ikke. Se temanumrene under Gloria.');
  return theme;
}

export async function saveTheme(deps: GloriaDeps, principal: Principal, id: string, form: ThemeForm & { baseVersion: number }, source: string): Promise<{ kind: 'saved' } | { kind: 'invalid'; problems: Problem[] } | { kind: 'stale'; current: Theme }> {
  const theme = await loadTheme(deps.gloria, id);
  await editorOf(deps.gloria, principal, theme.teamId);
  const read = readTheme({ ...form, teamId: theme.teamId }, new Set([theme.teamId]));
  if ('problems' in read) return { kind: 'invalid', problems: read.problems };
  const outcome = await deps.gloria.saveTheme(id, read.theme, form.baseVersion, deps.now, auditOf(principal, deps.now, 'gloria.theme.save', 'gloria_theme', id, `Gemte temanummeret »${read.theme.title}«.`, source));
  if (outcome === 'stale') return { kind: 'stale', current: (await deps.gloria.theme(id))! };
  return { kind: 'saved' };
}

/** Publishes the theme issue and all its texts as one; an editor of its team who wrote none of them alone. */
export async function publishTheme(deps: GloriaDeps, principal: Principal, id: string, source: string): Promise<{ kind: 'published' } | { kind: 'refused'; message: string }> {
  const theme = await loadTheme(deps.gloria, id);
  await editorOf(deps.gloria, principal, theme.teamId);
  const articles = await deps.gloria.themeArticles(id);
  const problem = checkThemePublish(articles);
  if (problem) return { kind: 'refused', message: problem };
  const own = articles.filter((article) => article.authorAccountId === principal.accountId && article.state !== 'published');
  if (own.length) return { kind: 'refused', message: `Du kan ikke udgive dine egne tekster (${own.map((article) => `«${article.title}»`).join(', ')}). En anden redaktør fra redaktionen skal udgive temanummeret.` };
  return deps.gloria.publishTheme(id, deps.now, principal.name, auditOf(principal, deps.now, 'gloria.theme.publish', 'gloria_theme', id, `Udgav temanummeret »${theme.title}« med ${articles.length} tekster.`, source));
}

export async function unpublishTheme(deps: GloriaDeps, principal: Principal, id: string, source: string): Promise<void> {
  const theme = await loadTheme(deps.gloria, id);
  await editorOf(deps.gloria, principal, theme.teamId);
  await deps.gloria.unpublishTheme(id, deps.now, auditOf(principal, deps.now, 'gloria.theme.unpublish', 'gloria_theme', id, `Tog temanummeret »${theme.title}« og dets tekster af siden.`, source));
}

export type MemberForm = { accountId: string; role: string; userJobId: string };

/** A back-office account added to a team as writer or editor, perhaps as the holder of a user job. */
export async function addTeamMember(deps: GloriaDeps, principal: Principal, teamId: string, form: MemberForm, source: string): Promise<{ kind: 'added' } | { kind: 'invalid'; problems: Problem[] }> {
  const [teams, accounts, jobs] = await Promise.all([deps.gloria.teams(), deps.gloria.accountOptions(), deps.gloria.userJobOptions()]);
  const team = teams.find((item) => item.id === teamId);
  if (!team) throw new NotFoundError('Redaktionen findes ikke. Se redaktionerne under Gloria.');
  const problems: Problem[] = [];
  const account = accounts.find((item) => item.id === form.accountId);
  if (!account) problems.push({ field: `accountId-${teamId}`, message: `${team.name}: vælg den konto, der skal med i redaktionen.` });
  if (form.role !== 'writer' && form.role !== 'editor') problems.push({ field: `role-${teamId}`, message: `${team.name}: vælg, om personen er skribent eller redaktør.` });
  const job = form.userJobId ? jobs.find((item) => item.id === form.userJobId) : null;
  if (form.userJobId && !job) problems.push({ field: `userJobId-${teamId}`, message: `${team.name}: vælg et af brugerjobbene, eller «Intet brugerjob».` });
  if (problems.length || !account) return { kind: 'invalid', problems };
  const outcome = await deps.gloria.addMember(
    { teamId, accountId: account.id, role: form.role as TeamRole, userJobId: job?.id ?? null, at: deps.now },
    auditOf(principal, deps.now, 'gloria.member.add', 'gloria_team', teamId, `Gav ${account.name} rollen som ${form.role === 'editor' ? 'redaktør' : 'skribent'} i ${team.name}.`, source),
  );
  if (outcome === 'duplicate') return { kind: 'invalid', problems: [{ field: `accountId-${teamId}`, message: `${account.name} er allerede med i ${team.name}. Fjern personen først for at skifte rolle.` }] };
  return { kind: 'added' };
}

export async function removeTeamMember(deps: GloriaDeps, principal: Principal, teamId: string, memberId: string, source: string): Promise<void> {
  const member = (await deps.gloria.members()).find((item) => item.id === memberId && item.teamId === teamId);
  if (!member) throw new NotFoundError('Personen er ikke med i redaktionen.');
  const team = (await deps.gloria.teams()).find((item) => item.id === teamId);
  await deps.gloria.removeMember(teamId, memberId, auditOf(principal, deps.now, 'gloria.member.remove', 'gloria_team', teamId, `Tog ${member.accountName} ud af ${team?.name ?? 'redaktionen'}.`, source));
}

export async function ensureTeams(deps: GloriaDeps, principal: Principal, source: string): Promise<number> {
  return deps.gloria.ensureTeams(deps.now, auditOf(principal, deps.now, 'gloria.teams', 'gloria_team', null, 'Oprettede Gloria-redaktioner for bydele uden en og for hele byen.', source));
}
