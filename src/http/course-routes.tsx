import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { CourseStore } from '../app/course-store.ts';
import { NotFoundError } from '../app/errors.ts';
import { type CourseCriteria, getCourseCatalogue } from '../app/get-course-catalogue.ts';
import { joinCourse, leaveCourse, tokenPattern } from '../app/join-course.ts';
import { withdrawReferralConsent } from '../app/withdraw-referral-consent.ts';
import { type CourseKind, type CourseTrack, courseKindWords, courseTrackWords } from '../domain/course/model.ts';
import { copenhagenDate } from '../domain/time.ts';
import { RateLimiter } from '../security/rate-limit.ts';
import { randomTokens } from '../security/tokens.ts';
import { hrefIn, type Locale, messages } from '../web/i18n/index.ts';
import { CourseCataloguePage, CoursePage, type JoinFormState, MyEnrolmentPage, MyReferralPage } from '../web/pages/course-pages.tsx';
import { sourceOf } from './admin/guard.ts';
import { pageLanguage } from './page-language.ts';

export type CourseRouteDeps = { store: CourseStore; limiter: RateLimiter };

/** Twenty sign-ups per address per hour: a shared computer at a place can sign several people up. */
export function enrolmentLimiter(now: () => number = Date.now): RateLimiter {
  return new RateLimiter(20, 60 * 60_000, now);
}

const slugSchema = z.string().max(100).regex(/^[a-z0-9][a-z0-9-]*$/);
const field = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');
const byWord = <T extends string>(words: Record<T, string>, word: string | undefined): T | null =>
  (Object.entries(words) as [T, string][]).find(([, value]) => value === word)?.[0] ?? null;

/** The catalogue's URL words; an unknown word is ignored, as the finder does. */
export function readCourseCriteria(query: Record<string, string | undefined>): CourseCriteria {
  const text = (query.q ?? '').trim().slice(0, 200);
  return {
    text: text || null,
    kind: byWord<CourseKind>(courseKindWords, query.slags),
    track: byWord<CourseTrack>(courseTrackWords, query.spor),
  };
}

/**
 * The public course pages (ADR 023): /forloeb (catalogue), /forloeb/{slug} with the sign-up form,
 * /forloeb/tilmelding/{token} (the person's own sign-up, leaving with one click) and /henvisning/{token}
 * (a citizen's referral, withdrawing consent). The personal pages are never cached or indexed.
 */
export function courseRoutes(deps: { courses: CourseRouteDeps; now: () => Date; baseUrl: string }, locale: Locale = 'da') {
  const app = new Hono();
  const t = messages[locale].courses;
  const { store, limiter } = deps.courses;
  const tokens = randomTokens;
  const notFound = () => new NotFoundError(messages[locale].errors.pageNotFoundDetail);
  const personal = (c: Context) => c.header('cache-control', 'no-store');

  app.get('/forloeb', async (c) => {
    const criteria = readCourseCriteria(c.req.query());
    const today = copenhagenDate(deps.now());
    const entries = await getCourseCatalogue(store, criteria, today);
    return c.html(<CourseCataloguePage entries={entries} criteria={criteria} today={today} {...pageLanguage(c, locale)} />);
  });

  const courseOf = async (c: Context) => {
    const slug = slugSchema.safeParse(c.req.param('slug'));
    const found = slug.success ? await store.courseBySlug(slug.data) : null;
    if (!found) throw notFound();
    return found;
  };

  const coursePage = async (c: Context, form: JoinFormState, status: 200 | 400 | 409 | 429) => {
    const { course, occupancy } = await courseOf(c);
    return c.html(
      <CoursePage course={course} occupancy={occupancy} today={copenhagenDate(deps.now())} form={form} {...pageLanguage(c, locale)} />,
      status,
    );
  };

  app.get('/forloeb/:slug', async (c) => coursePage(c, { name: '', contact: '', token: tokens.create().token, problems: [] }, 200));

  app.post('/forloeb/:slug/tilmeld', async (c) => {
    const { course } = await courseOf(c);
    const body = await c.req.parseBody();
    const typed = { name: field(body.navn, 200), contact: field(body.kontakt, 500), token: field(body.noegle, 100) };
    // A form with a broken key gets a new one; what was typed comes back on every refusal.
    const again = (problems: JoinFormState['problems'], status: 400 | 409 | 429) =>
      coursePage(c, { ...typed, token: tokenPattern.test(typed.token) ? typed.token : tokens.create().token, problems }, status);
    const limit = limiter.hit(sourceOf(c));
    if (!limit.allowed) {
      c.header('retry-after', String(limit.retryAfterSeconds));
      return again([{ field: 'tilmeld-navn', message: t.problems.rate_limited(Math.max(1, Math.ceil(limit.retryAfterSeconds / 60))) }], 429);
    }
    const outcome = await joinCourse(
      { store, tokens },
      { courseId: course.id, courseTitle: course.title, name: typed.name, contact: typed.contact, token: typed.token, now: deps.now(), source: sourceOf(c) },
    );
    switch (outcome.kind) {
      case 'invalid':
        return again(
          outcome.problems.map((problem) => ({ field: problem.field === 'name' ? 'tilmeld-navn' : 'tilmeld-kontakt', message: problem.message })),
          400,
        );
      case 'bad_token':
        return again([{ field: 'tilmeld-navn', message: t.problems.bad_token }], 400);
      case 'name_taken':
        return again([{ field: 'tilmeld-navn', message: t.problems.name_taken }], 409);
      case 'closed':
        return again([{ field: 'tilmeld-navn', message: t.problems[outcome.why] }], 409);
      case 'not_found':
        throw notFound();
      case 'joined':
        return c.redirect(hrefIn(locale, `/forloeb/tilmelding/${typed.token}${outcome.again ? '?igen=1' : ''}`), 303);
    }
  });

  const tokenOf = (c: Context) => {
    const token = c.req.param('token') ?? '';
    if (!tokenPattern.test(token)) throw new NotFoundError(t.mine.notFound);
    return token;
  };

  app.get('/forloeb/tilmelding/:token', async (c) => {
    personal(c);
    const token = tokenOf(c);
    const found = await store.participantByToken(tokens.hashOf(token));
    if (!found) throw new NotFoundError(t.mine.notFound);
    const waiting = found.participant.state === 'waitlisted' ? (await store.participants(found.course.id)).filter((row) => row.state === 'waitlisted') : [];
    const ahead = waiting.filter((row) => row.position < found.participant.position).length;
    return c.html(
      <MyEnrolmentPage
        participant={found.participant}
        course={found.course}
        ahead={ahead}
        again={c.req.query('igen') === '1'}
        token={token}
        today={copenhagenDate(deps.now())}
        {...pageLanguage(c, locale)}
      />,
    );
  });

  app.post('/forloeb/tilmelding/:token/afmeld', async (c) => {
    personal(c);
    const token = tokenOf(c);
    const outcome = await leaveCourse({ store, tokens }, { token, now: deps.now(), source: sourceOf(c) });
    if (outcome.kind === 'not_found' || outcome.kind === 'bad_token') throw new NotFoundError(t.mine.notFound);
    return c.redirect(hrefIn(locale, `/forloeb/tilmelding/${token}`), 303);
  });

  app.get('/henvisning/:token', async (c) => {
    personal(c);
    const token = c.req.param('token');
    const referral = tokenPattern.test(token) ? await store.referralByToken(tokens.hashOf(token)) : null;
    const course = referral ? await store.courseById(referral.courseId) : null;
    if (!referral || !course) throw new NotFoundError(t.referral.notFound);
    return c.html(<MyReferralPage referral={referral} course={course.course} token={token} {...pageLanguage(c, locale)} />);
  });

  app.post('/henvisning/:token/traek-samtykke', async (c) => {
    personal(c);
    const token = c.req.param('token');
    const referral = tokenPattern.test(token) ? await withdrawReferralConsent({ store, tokens }, { token, now: deps.now(), source: sourceOf(c), baseUrl: deps.baseUrl }) : null;
    if (!referral) throw new NotFoundError(t.referral.notFound);
    return c.redirect(hrefIn(locale, `/henvisning/${token}`), 303);
  });

  return app;
}
