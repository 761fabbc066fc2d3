import { type Context, Hono } from 'hono';
import { NotFoundError } from '../app/errors.ts';
import type { CouncilStore } from '../app/run-councils.ts';
import { voteMessages } from '../domain/fund/fund.ts';
import { castVote, type FundStore, proposeIdea } from '../app/run-user-fund.ts';
import type { FormStamps } from '../security/form-stamps.ts';
import { RateLimiter } from '../security/rate-limit.ts';
import { hrefIn, type Locale } from '../web/i18n/index.ts';
import { FundListPage, FundRoundPage, type ProposalForm, ProposalPage, ProposalReceiptPage, VotePage } from '../web/pages/fund-pages.tsx';
import { sourceOf } from './admin/guard.ts';
import { pageLanguage } from './page-language.ts';

/** What the user fund's public pages need from the wiring. */
export type FundDeps = { store: FundStore; proposals: RateLimiter; wrongCodes: RateLimiter };

/** Five ideas per address per hour, as the correction form (ADR 014); ten wrong codes per address per ten minutes. */
export function fundLimiters(now: () => number = Date.now) {
  return { proposals: new RateLimiter(5, 60 * 60_000, now), wrongCodes: new RateLimiter(10, 10 * 60_000, now) };
}

const slugPattern = /^[a-z0-9][a-z0-9-]{0,119}$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const proposalFormName = (slug: string) => `fund:${slug}`;
const formWords = {
  da: {
    trap: 'Formularen kunne ikke sendes. Din tekst står stadig i felterne; send den igen.',
    tooFast: 'Formularen blev sendt meget hurtigt. Vent et øjeblik, og send den igen; din tekst står stadig i felterne.',
    tooOld: 'Siden var for gammel. Din tekst står stadig i felterne; send den igen.',
    council: 'Vælg et råd på listen, eller «min egen idé».',
    limit: (minutes: number) => `Der er sendt mange idéer herfra på kort tid. Prøv igen om ${minutes} minutter; din tekst står stadig i felterne.`,
  },
  en: {
    trap: 'The form could not be sent. Your text is still in the fields; send it again.',
    tooFast: 'The form was sent very quickly. Wait a moment and send it again; your text is still in the fields.',
    tooOld: 'The page was too old. Your text is still in the fields; send it again.',
    council: 'Choose a council from the list, or “my own idea”.',
    limit: (minutes: number) => `Many ideas have been sent from here in a short time. Try again in ${minutes} minutes; your text is still in the fields.`,
  },
} as const;
const field = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');

/**
 * The user fund in public (ADR 033): /pulje, /pulje/{slug}, the idea form at /pulje/{slug}/forslag (no account: a
 * signed stamp, a trap field and a limit per address) and voting at /pulje/{slug}/stem with a code from the offering.
 * Every page is in both languages; the pools' and ideas' own texts are marked Danish on the English pages.
 */
export function fundRoutes(deps: { fund: FundDeps; councils: CouncilStore; corrections: { stamps: FormStamps }; now: () => Date }, locale: Locale = 'da') {
  const app = new Hono();
  const { store } = deps.fund;
  const roundOf = async (c: Context) => {
    const slug = c.req.param('slug') ?? '';
    const round = slugPattern.test(slug) ? await store.roundBySlug(slug) : null;
    if (!round) throw new NotFoundError(locale === 'da' ? 'Puljen findes ikke. Se alle puljer på /pulje.' : 'The fund does not exist. See every fund at /en/pulje.');
    return round;
  };

  app.get('/pulje', async (c) => c.html(<FundListPage rounds={await store.rounds()} {...pageLanguage(c, locale)} />));
  app.get('/pulje/:slug', async (c) => c.html(<FundRoundPage round={await roundOf(c)} {...pageLanguage(c, locale)} />));

  const say = formWords[locale];

  const councilsFor = async (districtId: string | null) => (await deps.councils.allCouncils()).filter((council) => districtId === null || council.offeringId !== null || council.kind === 'city');
  const proposalPage = async (c: Context, round: Awaited<ReturnType<typeof roundOf>>, form: ProposalForm, problems: { field: string; message: string }[], status: 200 | 400 | 429) =>
    c.html(<ProposalPage round={round} councils={await councilsFor(round.districtId)} stamp={await deps.corrections.stamps.issue(proposalFormName(round.slug), deps.now())} form={form} problems={problems} {...pageLanguage(c, locale)} />, status);

  app.get('/pulje/:slug/forslag', async (c) => proposalPage(c, await roundOf(c), { title: '', description: '', amount: '', contact: '', council: '' }, [], 200));

  app.post('/pulje/:slug/forslag', async (c) => {
    const round = await roundOf(c);
    const body = await c.req.parseBody();
    const form: ProposalForm = { title: field(body.title, 600), description: field(body.description, 15_000), amount: field(body.amount, 40), contact: field(body.contact, 400), council: field(body.council, 40) };
    const problems: { field: string; message: string }[] = [];
    if (field(body.efterlad_tom, 1000) !== '') problems.push({ field: 'title', message: say.trap });
    const stamp = await deps.corrections.stamps.check(field(body.stempel, 200), proposalFormName(round.slug), deps.now());
    if (stamp === 'too_fast') problems.push({ field: 'title', message: say.tooFast });
    if (stamp === 'too_old' || stamp === 'invalid') problems.push({ field: 'title', message: say.tooOld });
    const councils = await councilsFor(round.districtId);
    if (form.council && !(uuid.test(form.council) && councils.some((council) => council.id === form.council))) problems.push({ field: 'council', message: say.council });
    if (problems.length) return proposalPage(c, round, form, problems, 400);
    const limit = deps.fund.proposals.hit(sourceOf(c));
    if (!limit.allowed) {
      c.header('retry-after', String(limit.retryAfterSeconds));
      return proposalPage(c, round, form, [{ field: 'title', message: say.limit(Math.max(1, Math.ceil(limit.retryAfterSeconds / 60))) }], 429);
    }
    const outcome = await proposeIdea(store, deps.now(), round, { ...form, councilId: form.council || null }, sourceOf(c), locale);
    if (!outcome.ok) return proposalPage(c, round, form, outcome.problems, 400);
    if (outcome.outcome === 'not_open') return proposalPage(c, { ...round, phase: 'voting' }, form, [], 400);
    return c.redirect(hrefIn(locale, `/pulje/${round.slug}/forslag/tak`), 303);
  });

  app.get('/pulje/:slug/forslag/tak', async (c) => c.html(<ProposalReceiptPage round={await roundOf(c)} {...pageLanguage(c, locale)} />));

  const voted = voteMessages[locale];

  app.get('/pulje/:slug/stem', async (c) => {
    const round = await roundOf(c);
    return c.html(<VotePage round={round} form={{ code: '', proposal: '' }} problems={[]} counted={c.req.query('tak') === '1'} {...pageLanguage(c, locale)} />);
  });

  app.post('/pulje/:slug/stem', async (c) => {
    const round = await roundOf(c);
    const body = await c.req.parseBody();
    const form = { code: field(body.code, 40), proposal: field(body.proposal, 40) };
    const page = (problems: { field: string; message: string }[], status: 400 | 409 | 429) => c.html(<VotePage round={round} form={form} problems={problems} counted={false} {...pageLanguage(c, locale)} />, status);
    const source = sourceOf(c);
    // Only wrong codes count against the address: many people vote from the offering's one computer.
    const blocked = deps.fund.wrongCodes.peek(source);
    if (!blocked.allowed) {
      c.header('retry-after', String(blocked.retryAfterSeconds));
      return page([{ field: 'code', message: voted.tooMany(Math.max(1, Math.ceil(blocked.retryAfterSeconds / 60))) }], 429);
    }
    const outcome = await castVote(store, deps.now(), round, form, source);
    switch (outcome) {
      case 'counted':
        return c.redirect(hrefIn(locale, `/pulje/${round.slug}/stem?tak=1`), 303);
      case 'used':
        return page([{ field: 'code', message: voted.used }], 409);
      case 'bad_code':
      case 'unknown':
        deps.fund.wrongCodes.hit(source);
        return page([{ field: 'code', message: voted.badCode }], 400);
      case 'no_choice':
      case 'no_proposal':
        return page([{ field: 'proposal', message: voted.noChoice }], 400);
      case 'not_open':
        return page([{ field: 'code', message: voted.notOpen }], 409);
    }
  });

  return app;
}
