import { type Context, Hono } from 'hono';
import type { CourseListFilter, Referral } from '../../app/course-store.ts';
import { ForbiddenError, NotFoundError } from '../../app/errors.ts';
import {
  auditReferralRead,
  citizenPagePath,
  type CourseWithScope,
  moveCitizenReferral,
  referableCourses,
  referCitizen,
  referralTokenPattern,
} from '../../app/refer-citizen.ts';
import type { CurrentSession } from '../../app/staff-access.ts';
import type { OfferingListItem } from '../../app/edit-offering.ts';
import { can, canSeeReferral, type OfferingScope, policies, type Principal, site } from '../../domain/access/policy.ts';
import { referralStates } from '../../domain/course/referral.ts';
import type { MoveProblem } from '../../domain/course/referral-form.ts';
import { copenhagenDate } from '../../domain/time.ts';
import {
  type MoveNotice,
  MyReferralsPage,
  ReferralFormPage,
  type ReferralFormValues,
  ReferralInboxPage,
  type ReferralListItem,
  ReferralPage,
  ReferralReceiptPage,
  type ReferralSummary,
} from '../../web/pages/admin/referral-pages.tsx';
import { type AdminDeps, type AdminEnv, authorize, requireSession, sessionOf, sourceOf } from './guard.ts';

/**
 * The front page's referral summary: how many referrals the person made, and for each offering whose
 * referrals they receive (course.participants) how many wait for an answer. Counts only, so no read is audited.
 */
export async function referralSummary(deps: AdminDeps, principal: Principal, offerings: readonly OfferingListItem[]): Promise<ReferralSummary> {
  const receiving = offerings.filter((offering) => can(principal, 'course.participants', offering));
  const courses = receiving.length ? await deps.courses.listCourses({ offeringIds: receiving.map((offering) => offering.id), kind: 'referred' }) : [];
  const inboxes: ReferralSummary['inboxes'] = [];
  for (const offering of receiving) {
    // Referrals go only to referred courses: an offering that runs none has no inbox.
    const runs = courses.filter((item) => item.course.offering.id === offering.id && item.course.kind === 'referred');
    if (runs.length === 0) continue;
    let waiting = 0;
    for (const { course } of runs) waiting += (await deps.courses.referralsTo(course.id)).filter((referral) => referral.state === 'sent').length;
    inboxes.push({ slug: offering.slug, name: offering.name, waiting });
  }
  return {
    mayRefer: principal.grants.some((grant) => policies['course.refer'].includes(grant.role)),
    mine: (await deps.courses.referralsBy(principal.accountId)).length,
    inboxes,
  };
}

/**
 * Referrals in the back office (ADR 025): refer a citizen with their consent (the personal link shown
 * once), the referrer's own list, one referral with its history, and the running offering's inbox,
 * where its staff move referrals on. Every page that shows a citizen's data writes an audit entry.
 */
export function referralRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  const signedIn = requireSession();
  const now = () => deps.access.now();
  const text = (body: Record<string, unknown>, name: string, max = 2000) => (typeof body[name] === 'string' ? (body[name] as string).slice(0, max) : '');

  /** The courses the filter asks for, each with the scope of the offering that runs it, for the access rules. */
  const coursesWithScope = async (filter: CourseListFilter): Promise<CourseWithScope[]> => {
    const [courses, offerings] = await Promise.all([deps.courses.listCourses(filter), deps.backOffice.offeringList()]);
    const scopeOf = new Map<string, OfferingScope>(offerings.map((offering) => [offering.id, offering]));
    return courses.flatMap((item) => {
      const scope = scopeOf.get(item.course.offering.id);
      return scope ? [{ ...item, scope }] : [];
    });
  };

  const mayRefer = (session: CurrentSession) => session.principal.grants.some((grant) => policies['course.refer'].includes(grant.role));

  app.get('/henvisninger', signedIn, async (c) => {
    const session = authorize(c, 'admin.enter', site);
    const referrals = await deps.courses.referralsBy(session.principal.accountId);
    const courses = await coursesWithScope({ ids: [...new Set(referrals.map((referral) => referral.courseId))] });
    const courseOf = new Map(courses.map((item) => [item.course.id, item.course]));
    const items = referrals.flatMap((referral) => {
      const course = courseOf.get(referral.courseId);
      return course ? [{ referral, course }] : [];
    });
    await auditReferralRead(deps.audit, {
      principal: session.principal,
      referrals,
      what: `Så sine egne henvisninger (${referrals.length})`,
      now: now(),
      source: sourceOf(c),
    });
    return c.html(
      <MyReferralsPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        items={items}
        canRefer={mayRefer(session) && referableCourses(session.principal, courses, copenhagenDate(now())).length > 0}
      />,
    );
  });

  const formPage = async (
    c: Context<AdminEnv>,
    session: CurrentSession,
    state: { values: ReferralFormValues; problems: Parameters<typeof ReferralFormPage>[0]['problems']; token: string },
    status: 200 | 400,
  ) => {
    const today = copenhagenDate(now());
    const courses = referableCourses(session.principal, await coursesWithScope({ kind: 'referred', notEndedOn: today }), today);
    return c.html(<ReferralFormPage signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }} courses={courses} {...state} />, status);
  };

  app.get('/henvisninger/ny', signedIn, async (c) => {
    const session = authorize(c, 'admin.enter', site);
    const wanted = c.req.query('forloeb') ?? '';
    const course = wanted ? ((await deps.courses.courseBySlug(wanted.slice(0, 120)))?.course.id ?? '') : '';
    const values: ReferralFormValues = {
      course,
      citizenName: '',
      citizenContact: '',
      organisation: '',
      consentGiven: false,
      shared: '',
      sharedWith: '',
      until: '',
    };
    return formPage(c, session, { values, problems: [], token: deps.access.tokens.create().token }, 200);
  });

  app.post('/henvisninger/ny', signedIn, async (c) => {
    const session = authorize(c, 'admin.enter', site);
    const body = await c.req.parseBody();
    const values: ReferralFormValues = {
      course: text(body, 'course', 100),
      citizenName: text(body, 'citizenName', 400),
      citizenContact: text(body, 'citizenContact', 400),
      organisation: text(body, 'organisation', 1000),
      consentGiven: body.consentGiven === 'ja',
      shared: text(body, 'shared', 5000),
      sharedWith: text(body, 'sharedWith', 2000),
      until: text(body, 'until', 100),
    };
    // The token travels with the form; a form without a well-made one gets a new one and nothing is lost.
    const sent = text(body, 'henvisning', 100);
    const token = referralTokenPattern.test(sent) ? sent : deps.access.tokens.create().token;
    const outcome = await referCitizen(
      { store: deps.courses, tokens: deps.access.tokens },
      { principal: session.principal, input: values, token, courses: await coursesWithScope({ ids: [values.course] }), now: now(), source: sourceOf(c) },
    );
    if (outcome.kind === 'not_referable') {
      throw new ForbiddenError(
        'Du har ikke adgang til at henvise til dette forløb. Du kan henvise til de visiterede forløb, dine roller dækker. Intet er gemt.',
      );
    }
    if (outcome.kind === 'invalid') return formPage(c, session, { values, problems: outcome.problems, token }, 400);
    const course = (await deps.courses.courseById(outcome.referral.courseId))!.course;
    return c.html(
      <ReferralReceiptPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        referral={outcome.referral}
        course={course}
        link={`${deps.baseUrl}${citizenPagePath(outcome.token)}`}
        again={outcome.again}
        today={copenhagenDate(now())}
      />,
    );
  });

  /** A referral, its course and the running offering's scope; 404 when there is none. */
  const load = async (id: string) => {
    const referral = await deps.courses.referral(id);
    const course = referral ? await deps.courses.courseById(referral.courseId) : null;
    const scope = course ? (await deps.backOffice.offeringList()).find((offering) => offering.id === course.course.offering.id) : undefined;
    if (!referral || !course || !scope) throw new NotFoundError('Henvisningen findes ikke. Se dine henvisninger på forsiden.');
    return { referral, ...course, scope };
  };

  /** The referrer or the running offering's staff (canSeeReferral); anyone else gets a 403. */
  const reader = (c: Context<AdminEnv>, referral: Referral, scope: OfferingScope): CurrentSession => {
    const session = sessionOf(c);
    if (!canSeeReferral(session.principal, referral, scope)) return authorize(c, 'course.participants', scope);
    return session;
  };

  const referralPage = async (
    c: Context<AdminEnv>,
    id: string,
    state: { notice: MoveNotice | null; form: { to: string; reason: string }; problems: MoveProblem[] },
    status: 200 | 400 | 409,
  ) => {
    const loaded = await load(id);
    const session = reader(c, loaded.referral, loaded.scope);
    await auditReferralRead(deps.audit, {
      principal: session.principal,
      referrals: [loaded.referral],
      what: `Så en henvisning til ${loaded.course.title}`,
      now: now(),
      source: sourceOf(c),
    });
    return c.html(
      <ReferralPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        referral={loaded.referral}
        course={loaded.course}
        occupancy={loaded.occupancy}
        today={copenhagenDate(now())}
        mayMove={can(session.principal, 'course.participants', loaded.scope)}
        isReferrer={loaded.referral.referrerAccountId === session.principal.accountId}
        {...state}
      />,
      status,
    );
  };

  app.get('/henvisninger/:id', signedIn, async (c) => {
    const moved = referralStates.find((state) => state === c.req.query('flyttet'));
    return referralPage(c, c.req.param('id'), { notice: moved ? { kind: 'moved', to: moved } : null, form: { to: '', reason: '' }, problems: [] }, 200);
  });

  app.post('/henvisninger/:id', signedIn, async (c) => {
    const loaded = await load(c.req.param('id'));
    const session = authorize(c, 'course.participants', loaded.scope);
    const body = await c.req.parseBody();
    const form = { to: text(body, 'til', 20), reason: text(body, 'reason', 5000) };
    const outcome = await moveCitizenReferral(
      { store: deps.courses, baseUrl: deps.baseUrl },
      {
        principal: session.principal,
        referral: loaded.referral,
        course: loaded.course,
        input: { ...form, from: text(body, 'fra', 20) },
        now: now(),
        source: sourceOf(c),
      },
    );
    const id = loaded.referral.id;
    switch (outcome.kind) {
      case 'moved':
        return c.redirect(`/admin/henvisninger/${id}?flyttet=${outcome.referral.state}`, 303);
      case 'invalid':
        return referralPage(c, id, { notice: null, form, problems: outcome.problems }, 400);
      case 'full': {
        const current = (await deps.courses.courseById(loaded.course.id))!;
        return referralPage(c, id, { notice: { kind: 'full', course: current.course, occupancy: current.occupancy }, form: { to: '', reason: '' }, problems: [] }, 409);
      }
      case 'stale': {
        const last = outcome.referral.events.at(-1);
        return referralPage(c, id, { notice: { kind: 'stale', by: last?.byName ?? null, at: last?.at ?? null }, form: { to: '', reason: '' }, problems: [] }, 409);
      }
      case 'not_allowed':
        return referralPage(c, id, { notice: { kind: 'not_allowed' }, form: { to: '', reason: '' }, problems: [] }, 409);
      case 'not_found':
        throw new NotFoundError('Henvisningen findes ikke længere.');
    }
  });

  app.get('/tilbud/:slug/henvisninger', signedIn, async (c) => {
    const slug = c.req.param('slug');
    const offering = /^[a-z0-9-]{1,120}$/.test(slug) ? (await deps.backOffice.offeringList()).find((item) => item.slug === slug) : undefined;
    if (!offering) throw new NotFoundError('Tilbuddet findes ikke. Måske har det fået et nyt navn; se listen på forsiden.');
    const session = authorize(c, 'course.participants', offering);
    const courses = await deps.courses.listCourses({ offeringIds: [offering.id] });
    const items: ReferralListItem[] = [];
    for (const { course } of courses) {
      for (const referral of await deps.courses.referralsTo(course.id)) items.push({ referral, course });
    }
    items.sort((a, b) => b.referral.createdAt.getTime() - a.referral.createdAt.getTime());
    await auditReferralRead(deps.audit, {
      principal: session.principal,
      referrals: items.map((item) => item.referral),
      what: `Så henvisningerne til ${offering.name} (${items.length})`,
      now: now(),
      source: sourceOf(c),
    });
    return c.html(<ReferralInboxPage signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }} offering={offering} items={items} />);
  });

  return app;
}
