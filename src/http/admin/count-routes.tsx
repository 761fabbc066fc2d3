import { type Context, Hono } from 'hono';
import { NotFoundError } from '../../app/errors.ts';
import { type RegisterOutcome, registerVisits, reviewMonth } from '../../app/register-visits.ts';
import { can } from '../../domain/access/policy.ts';
import { monthSpan, openOn, type TallyProblem, visitsFigure } from '../../domain/counting/tally.ts';
import { datesFrom, emptySchedule } from '../../domain/schedule/model.ts';
import { addDays, copenhagenDate } from '../../domain/time.ts';
import { CountPage, type CountPageProps } from '../../web/pages/admin/count-pages.tsx';
import { type AdminDeps, type AdminEnv, authorize, requireSession, sourceOf } from './guard.ts';

const monthNames = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * /admin/tilbud/{slug}/optaelling (ADR 026): anonymous tallies of visits. Reading takes 'count.read';
 * counting takes 'count.register'. The form works without JavaScript; /static/count.js queues tallies
 * on the device while it is offline and sends them, asking for JSON, when it is back online.
 */
export function countRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  const signedIn = requireSession();

  const load = async (slug: string) => {
    const offering = /^[a-z0-9-]{1,120}$/.test(slug) ? await deps.backOffice.offeringForEdit(slug) : null;
    if (!offering) throw new NotFoundError('Tilbuddet findes ikke. Måske har det fået et nyt navn; se listen på forsiden.');
    const times = await deps.times.timesOf(offering.id);
    return { offering, schedule: times?.schedule ?? emptySchedule };
  };

  const page = async (
    c: Context<AdminEnv>,
    loaded: Awaited<ReturnType<typeof load>>,
    state: { form: CountPageProps['form']; problems: TallyProblem[]; saved: CountPageProps['saved']; review?: CountPageProps['review'] },
    status: 200 | 400,
  ) => {
    const session = authorize(c, 'count.read', loaded.offering);
    const today = copenhagenDate(deps.access.now());
    const monthStart = `${today.slice(0, 8)}01`;
    const from = addDays(today, -30) < monthStart ? addDays(today, -30) : monthStart;
    const tallies = await deps.counts.tallies(loaded.offering.id, from, today);
    const figure = visitsFigure(loaded.offering.id, tallies, loaded.schedule, monthStart, today, datesFrom);
    const last = addDays(monthStart, -1).slice(0, 7);
    const lastSpan = monthSpan(last);
    const lastFigure = visitsFigure(loaded.offering.id, await deps.counts.tallies(loaded.offering.id, lastSpan.from, lastSpan.to), loaded.schedule, lastSpan.from, lastSpan.to, datesFrom);
    const validDate = /^\d{4}-\d{2}-\d{2}$/.test(state.form.date) && !Number.isNaN(Date.parse(state.form.date));
    return c.html(
      <CountPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        offering={loaded.offering}
        canRegister={can(session.principal, 'count.register', loaded.offering)}
        form={state.form}
        problems={state.problems}
        closedOnDate={validDate && !openOn(loaded.schedule, state.form.date).open}
        saved={state.saved}
        month={{ label: `${capital(monthNames[Number(today.slice(5, 7)) - 1]!)} ${today.slice(0, 4)} indtil i dag`, figure }}
        tallies={tallies.filter((tally) => tally.date >= addDays(today, -30))}
        lastMonth={{ month: last, label: `${capital(monthNames[Number(last.slice(5, 7)) - 1]!)} ${last.slice(0, 4)}`, figure: lastFigure, reviews: await deps.counts.reviews(loaded.offering.id, last) }}
        canConfirm={can(session.principal, 'count.confirm', loaded.offering)}
        review={state.review ?? { verdict: '', comment: '', problems: [], saved: null }}
      />,
      status,
    );
  };

  const freshForm = (date: string) => ({ date, visits: '', openAnyway: false, clientId: crypto.randomUUID() });

  app.get('/:slug/optaelling', signedIn, async (c) => {
    const loaded = await load(c.req.param('slug'));
    const date = c.req.query('dag') ?? '';
    return page(c, loaded, { form: freshForm(/^\d{4}-\d{2}-\d{2}$/.test(date) ? date : copenhagenDate(deps.access.now())), problems: [], saved: null }, 200);
  });

  app.post('/:slug/optaelling', signedIn, async (c) => {
    const loaded = await load(c.req.param('slug'));
    const session = authorize(c, 'count.register', loaded.offering);
    const body = await c.req.parseBody();
    const text = (name: string, max: number) => (typeof body[name] === 'string' ? (body[name] as string).slice(0, max) : '');
    const form = { date: text('date', 20), visits: text('visits', 20), openAnyway: body.openAnyway === 'ja', clientId: text('clientId', 80) };
    const outcome: RegisterOutcome = await registerVisits({
      store: deps.counts,
      now: deps.access.now(),
      offering: loaded.offering,
      schedule: loaded.schedule,
      input: form,
      principal: session.principal,
      source: sourceOf(c),
    });
    // The queue in /static/count.js asks for JSON: it keeps a tally until the answer is 'added' or 'duplicate',
    // and sends an 'invalid' one through the form so the page explains. Every decided outcome is a 200, so the
    // browser logs no failed request for a tally the server has read.
    if ((c.req.header('accept') ?? '').includes('application/json')) {
      return c.json(outcome.kind === 'invalid' ? { outcome: 'invalid', problems: outcome.problems } : { outcome: outcome.kind });
    }
    if (outcome.kind === 'invalid') return page(c, loaded, { form, problems: outcome.problems, saved: null }, 400);
    return page(c, loaded, { form: freshForm(form.date), problems: [], saved: outcome }, 200);
  });

  app.post('/:slug/optaelling/maaned', signedIn, async (c) => {
    const loaded = await load(c.req.param('slug'));
    const session = authorize(c, 'count.confirm', loaded.offering);
    const body = await c.req.parseBody();
    const text = (name: string, max: number) => (typeof body[name] === 'string' ? (body[name] as string).slice(0, max) : '');
    const input = { month: text('month', 10), verdict: text('verdict', 20), comment: text('comment', 4000) };
    const outcome = await reviewMonth({
      store: deps.counts,
      now: deps.access.now(),
      offering: loaded.offering,
      schedule: loaded.schedule,
      input,
      principal: session.principal,
      source: sourceOf(c),
    });
    const form = freshForm(copenhagenDate(deps.access.now()));
    if (outcome.kind === 'invalid') {
      return page(c, loaded, { form, problems: [], saved: null, review: { verdict: input.verdict, comment: input.comment, problems: outcome.problems, saved: null } }, 400);
    }
    return page(c, loaded, { form, problems: [], saved: null, review: { verdict: '', comment: '', problems: [], saved: outcome.verdict } }, 200);
  });

  return app;
}

