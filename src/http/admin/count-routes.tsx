import { type Context, Hono } from 'hono';
import { NotFoundError } from '../../app/errors.ts';
import { correctTally, countSettingsOf, type MemberOutcome, type RegisterOutcome, registerMember, registerVisits, reviewMonth, saveCountSettings } from '../../app/register-visits.ts';
import { can } from '../../domain/access/policy.ts';
import { uniqueMembersFigure } from '../../domain/counting/members.ts';
import { breakdownField, breakdownKindList, breakdownKinds, monthSpan, openOn, periodChoices, type StoredTally, type TallyProblem, tallyHistories, visitsFigure } from '../../domain/counting/tally.ts';
import { datesFrom, emptySchedule } from '../../domain/schedule/model.ts';
import { addDays, copenhagenDate } from '../../domain/time.ts';
import { CountPage, type CountPageProps, CountSettingsPage, TallyCorrectionPage, type TallyCorrectionPageProps } from '../../web/pages/admin/count-pages.tsx';
import { type AdminDeps, type AdminEnv, authorize, requireSession, sourceOf } from './guard.ts';

const monthNames = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const fieldOf = (body: Record<string, unknown>, name: string, max: number) => (typeof body[name] === 'string' ? (body[name] as string).slice(0, max) : '');

/** A tally's form as sent, a new tally or a correction alike: the day, the number, its unit and the breakdowns typed. */
function tallyForm(body: Record<string, unknown>) {
  const breakdown: Record<string, string> = {};
  for (const kind of breakdownKindList) {
    for (const category of Object.keys(breakdownKinds[kind].categories)) {
      const value = fieldOf(body, breakdownField(kind, category), 20);
      if (value) breakdown[breakdownField(kind, category)] = value;
    }
  }
  return {
    date: fieldOf(body, 'date', 20),
    visits: fieldOf(body, 'visits', 20),
    openAnyway: body.openAnyway === 'ja',
    clientId: fieldOf(body, 'clientId', 80),
    period: fieldOf(body, 'period', 20),
    activity: fieldOf(body, 'activity', 80),
    breakdown,
  };
}

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
    return { offering, schedule: times?.schedule ?? emptySchedule, activities: times?.activities ?? [], settings: await countSettingsOf(deps.counts, offering.id) };
  };

  const page = async (
    c: Context<AdminEnv>,
    loaded: Awaited<ReturnType<typeof load>>,
    state: {
      form: CountPageProps['form'];
      problems: TallyProblem[];
      saved: CountPageProps['saved'];
      review?: CountPageProps['review'];
      member?: CountPageProps['member'];
      corrected?: CountPageProps['corrected'];
    },
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
    const members = loaded.settings.memberNumbers
      ? uniqueMembersFigure(loaded.offering.id, await deps.counts.memberVisitsOf([loaded.offering.id], monthStart, today), loaded.schedule, monthStart, today, datesFrom)
      : null;
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
        tallies={tallyHistories(await deps.counts.versions(loaded.offering.id, addDays(today, -30), today))
          .filter((history) => history.current.date >= addDays(today, -30))
          .sort((a, b) => a.current.date.localeCompare(b.current.date) || (a.earlier[0] ?? a.current).registeredAt.getTime() - (b.earlier[0] ?? b.current).registeredAt.getTime())}
        corrected={state.corrected ?? null}
        lastMonth={{ month: last, label: `${capital(monthNames[Number(last.slice(5, 7)) - 1]!)} ${last.slice(0, 4)}`, figure: lastFigure, reviews: await deps.counts.reviews(loaded.offering.id, last) }}
        canConfirm={can(session.principal, 'count.confirm', loaded.offering)}
        review={state.review ?? { verdict: '', comment: '', problems: [], saved: null }}
        settings={loaded.settings}
        periods={periodChoices(loaded.schedule)}
        activities={loaded.activities.map((activity) => ({ id: activity.id, name: activity.name, startsAt: activity.startsAt, when: activity.when }))}
        members={members}
        member={state.member ?? { date: today, number: '', problems: [], saved: null }}
      />,
      status,
    );
  };

  const freshForm = (date: string, keep: { period?: string; activity?: string } = {}) => ({
    date,
    visits: '',
    openAnyway: false,
    clientId: crypto.randomUUID(),
    period: keep.period ?? '',
    activity: keep.activity ?? '',
    breakdown: {},
  });

  app.get('/:slug/optaelling', signedIn, async (c) => {
    const loaded = await load(c.req.param('slug'));
    const date = c.req.query('dag') ?? '';
    return page(c, loaded, { form: freshForm(/^\d{4}-\d{2}-\d{2}$/.test(date) ? date : copenhagenDate(deps.access.now())), problems: [], saved: null }, 200);
  });

  app.post('/:slug/optaelling', signedIn, async (c) => {
    const loaded = await load(c.req.param('slug'));
    const session = authorize(c, 'count.register', loaded.offering);
    const body = await c.req.parseBody();
    const form = tallyForm(body);
    // A tally queued before ADR 028 has no unit: it was typed as a day tally.
    const unit = fieldOf(body, 'unit', 20) || 'day';
    const outcome: RegisterOutcome = await registerVisits({
      store: deps.counts,
      now: deps.access.now(),
      offering: loaded.offering,
      schedule: loaded.schedule,
      activities: loaded.activities,
      input: { ...form, unit },
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
    return page(c, loaded, { form: freshForm(form.date, form), problems: [], saved: outcome }, 200);
  });

  // A member card shown at the door (ADR 028): only a keyed hash of its number is stored.
  app.post('/:slug/optaelling/medlem', signedIn, async (c) => {
    const loaded = await load(c.req.param('slug'));
    const session = authorize(c, 'count.register', loaded.offering);
    const body = await c.req.parseBody();
    const input = { date: fieldOf(body, 'memberDate', 20), number: fieldOf(body, 'memberNumber', 40) };
    const outcome: MemberOutcome = await registerMember({ store: deps.counts, now: deps.access.now(), offering: loaded.offering, input, principal: session.principal, source: sourceOf(c) });
    const form = freshForm(copenhagenDate(deps.access.now()));
    if (outcome.kind === 'invalid') return page(c, loaded, { form, problems: [], saved: null, member: { ...input, problems: outcome.problems, saved: null } }, 400);
    // The number is not put back in the form: the next card starts empty.
    return page(c, loaded, { form, problems: [], saved: null, member: { date: input.date, number: '', problems: [], saved: outcome.kind } }, 200);
  });

  // How the place counts (ADR 028): the same people who count may change it.
  const settingsPage = (c: Context<AdminEnv>, loaded: Awaited<ReturnType<typeof load>>, state: { problems: TallyProblem[]; saved: boolean }, status: 200 | 400) => {
    const session = authorize(c, 'count.register', loaded.offering);
    return c.html(
      <CountSettingsPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        offering={loaded.offering}
        settings={loaded.settings}
        problems={state.problems}
        saved={state.saved}
        hasActivities={loaded.activities.length > 0}
      />,
      status,
    );
  };

  app.get('/:slug/optaelling/indstillinger', signedIn, async (c) => settingsPage(c, await load(c.req.param('slug')), { problems: [], saved: false }, 200));

  app.post('/:slug/optaelling/indstillinger', signedIn, async (c) => {
    const loaded = await load(c.req.param('slug'));
    const session = authorize(c, 'count.register', loaded.offering);
    const body = await c.req.parseBody({ all: true });
    const list = (name: string) => {
      const value = body[name];
      return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((item): item is string => typeof item === 'string').slice(0, 10);
    };
    const outcome = await saveCountSettings({
      store: deps.counts,
      now: deps.access.now(),
      offering: loaded.offering,
      input: { unit: list('unit')[0] ?? '', breakdowns: list('breakdowns'), memberNumbers: list('memberNumbers').includes('ja') },
      principal: session.principal,
      source: sourceOf(c),
    });
    if (outcome.kind === 'invalid') return settingsPage(c, loaded, { problems: outcome.problems, saved: false }, 400);
    return settingsPage(c, { ...loaded, settings: outcome.settings }, { problems: [], saved: true }, 200);
  });

  // Correcting or withdrawing one tally (ADR 028): a new version that supersedes the one the person saw.
  const correctionPage = async (
    c: Context<AdminEnv>,
    loaded: Awaited<ReturnType<typeof load>>,
    tally: StoredTally,
    state: { form?: TallyCorrectionPageProps['form']; problems: TallyProblem[]; stale: TallyCorrectionPageProps['stale'] },
    status: 200 | 400 | 409,
  ) => {
    const session = authorize(c, 'count.register', loaded.offering);
    const today = copenhagenDate(deps.access.now());
    // The history: every version of the tally's days, from which its own chain is taken.
    const earliest = addDays(today, -400);
    const history = tallyHistories(await deps.counts.versions(loaded.offering.id, earliest, today)).find((item) => item.current.id === tally.id);
    const breakdown: Record<string, string> = {};
    for (const [kind, counts] of Object.entries(tally.breakdown ?? {})) for (const [category, count] of Object.entries(counts)) breakdown[`b.${kind}.${category}`] = String(count);
    return c.html(
      <TallyCorrectionPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        offering={loaded.offering}
        tally={tally}
        earlier={history?.earlier ?? []}
        form={
          state.form ?? {
            date: tally.date,
            visits: String(tally.visits),
            openAnyway: tally.openAnyway,
            clientId: crypto.randomUUID(),
            period: tally.period ? `${tally.period.opens}-${tally.period.closes}` : '',
            activity: tally.activity?.id ?? '',
            breakdown,
            reason: '',
          }
        }
        problems={state.problems}
        stale={state.stale}
        settings={loaded.settings}
        periods={periodChoices(loaded.schedule)}
        activities={loaded.activities.map((activity) => ({ id: activity.id, name: activity.name, startsAt: activity.startsAt, when: activity.when }))}
      />,
      status,
    );
  };

  const versionOf = async (loaded: Awaited<ReturnType<typeof load>>, id: string) => {
    const tally = /^[0-9a-f-]{36}$/.test(id) ? await deps.counts.version(loaded.offering.id, id) : null;
    if (!tally) throw new NotFoundError('Optællingen findes ikke. Gå tilbage til optællingerne, og vælg den igen.');
    return tally;
  };

  app.get('/:slug/optaelling/:tally/ret', signedIn, async (c) => {
    const loaded = await load(c.req.param('slug'));
    authorize(c, 'count.register', loaded.offering);
    return correctionPage(c, loaded, await versionOf(loaded, c.req.param('tally')), { problems: [], stale: null }, 200);
  });

  app.post('/:slug/optaelling/:tally/ret', signedIn, async (c) => {
    const loaded = await load(c.req.param('slug'));
    const session = authorize(c, 'count.register', loaded.offering);
    const seen = await versionOf(loaded, c.req.param('tally'));
    const body = await c.req.parseBody();
    const form = { ...tallyForm(body), reason: fieldOf(body, 'reason', 1000) };
    const withdraw = fieldOf(body, 'action', 20) === 'withdraw';
    const outcome = await correctTally({
      store: deps.counts,
      now: deps.access.now(),
      offering: loaded.offering,
      schedule: loaded.schedule,
      activities: loaded.activities,
      tallyId: seen.id,
      input: { ...form, withdraw },
      principal: session.principal,
      source: sourceOf(c),
    });
    if (outcome.kind === 'missing') throw new NotFoundError('Optællingen findes ikke. Gå tilbage til optællingerne, og vælg den igen.');
    if (outcome.kind === 'invalid') return correctionPage(c, loaded, seen, { form, problems: outcome.problems, stale: null }, 400);
    if (outcome.kind === 'stale') {
      // Both shown: the latest version above, what the person typed in the alert and, kept, in the form (with a new
      // client id, as it is a new correction of the new version).
      return correctionPage(
        c,
        loaded,
        outcome.latest,
        { form: { ...form, clientId: crypto.randomUUID() }, problems: [], stale: { typed: { visits: form.visits, date: form.date, reason: form.reason, withdraw } } },
        409,
      );
    }
    return page(c, loaded, { form: freshForm(copenhagenDate(deps.access.now())), problems: [], saved: null, corrected: { withdrawn: outcome.withdrawn, duplicate: outcome.kind === 'duplicate' } }, 200);
  });

  app.post('/:slug/optaelling/maaned', signedIn, async (c) => {
    const loaded = await load(c.req.param('slug'));
    const session = authorize(c, 'count.confirm', loaded.offering);
    const body = await c.req.parseBody();
    const input = { month: fieldOf(body, 'month', 10), verdict: fieldOf(body, 'verdict', 20), comment: fieldOf(body, 'comment', 4000) };
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

