import { type Context, Hono } from 'hono';
import { tokenPattern } from '../app/join-course.ts';
import { NotFoundError } from '../app/errors.ts';
import { leaveMeeting, registerForMeeting, type UserMeetingStore } from '../app/run-user-meeting.ts';
import { copenhagenDate } from '../domain/time.ts';
import type { RateLimiter } from '../security/rate-limit.ts';
import { randomTokens } from '../security/tokens.ts';
import { hrefIn, type Locale } from '../web/i18n/index.ts';
import { MyMeetingRegistrationPage, PeerFigurePage, type RegistrationForm, UserMeetingPage } from '../web/pages/user-meeting-pages.tsx';
import type { PeerStore } from '../app/run-peer-counsellors.ts';
import { sourceOf } from './admin/guard.ts';
import { pageLanguage } from './page-language.ts';

const field = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');
const meetingWords = {
  da: {
    notFound: 'Tilmeldingen findes ikke. Tjek, at du har hele linket med, eller spørg på dit tilbud.',
    limit: 'Der er sendt mange tilmeldinger herfra på kort tid. Prøv igen om lidt, eller bliv tilmeldt på dit tilbud.',
    tooOld: 'Formularen var for gammel. Det, du skrev, står stadig i felterne; send den igen.',
    noMeeting: 'Der er ikke noget brugermøde at tilmelde sig lige nu.',
    closed: 'Tilmeldingen er lukket. Spørg på dit tilbud.',
    gone: 'Brugermødet findes ikke længere.',
  },
  en: {
    notFound: 'The registration does not exist. Check that you have the whole link, or ask at your offering.',
    limit: 'Many registrations have been sent from here in a short time. Try again shortly, or be registered at your offering.',
    tooOld: 'The form was too old. What you wrote is still in the fields; send it again.',
    noMeeting: 'There is no user meeting to register for right now.',
    closed: 'Registration is closed. Ask at your offering.',
    gone: 'The user meeting no longer exists.',
  },
} as const;

/**
 * The annual user meeting (ADR 036): /brugermoede with the agenda, proposals, votes and minutes and a short form;
 * /brugermoede/tilmelding/{key} the person's own registration, by a key only they hold (its SHA-256 is stored), as
 * a course sign-up (ADR 023). Every page is in both languages; the meeting's own texts stay Danish, marked lang="da"
 * on the English pages. The sign-ups' limit per address is the courses' one.
 */
export function userMeetingRoutes(deps: { meetings: UserMeetingStore; peer: Pick<PeerStore, 'years' | 'upcomingPeerMeetings' | 'networkOfferings'>; courses: { limiter: RateLimiter }; now: () => Date }, locale: Locale = 'da') {
  const app = new Hono();
  // Peer counsellors in public, in both languages: the number certified this year against the target, the peer
  // meetings held and to come, and nothing about anyone (ADR 036).
  app.get('/peermedarbejdere', async (c) => {
    const today = copenhagenDate(deps.now());
    const year = Number(today.slice(0, 4));
    const figure = (await deps.peer.years()).find((row) => row.year === year) ?? { year, certified: 0, targetMin: 0, targetMax: 0 };
    return c.html(<PeerFigurePage figure={figure} meetings={await deps.peer.upcomingPeerMeetings(today)} network={await deps.peer.networkOfferings(today)} {...pageLanguage(c, locale)} />);
  });
  const say = meetingWords[locale];
  const notFound = () => new NotFoundError(say.notFound);
  const tokens = randomTokens;
  const personal = (c: Context) => c.header('cache-control', 'no-store');
  const page = async (c: Context, form: RegistrationForm, problems: { field: string; message: string }[], status: 200 | 400 | 409 | 429) => {
    const today = copenhagenDate(deps.now());
    return c.html(<UserMeetingPage meeting={await deps.meetings.currentMeeting(today)} today={today} form={form} problems={problems} {...pageLanguage(c, locale)} />, status);
  };

  app.get('/brugermoede', (c) => page(c, { name: '', phone: '', meetsAtOffering: false, accessNeeds: '', interpreter: '', token: tokens.create().token }, [], 200));

  app.post('/brugermoede', async (c) => {
    const body = await c.req.parseBody();
    const typed = { name: field(body.name, 400), phone: field(body.phone, 100), meetsAtOffering: body.meetsAtOffering === 'ja', accessNeeds: field(body.accessNeeds, 2000), interpreter: field(body.interpreter, 400), token: field(body.noegle, 100) };
    const form = { ...typed, token: tokenPattern.test(typed.token) ? typed.token : tokens.create().token };
    const limit = deps.courses.limiter.hit(sourceOf(c));
    if (!limit.allowed) {
      c.header('retry-after', String(limit.retryAfterSeconds));
      return page(c, form, [{ field: 'name', message: say.limit }], 429);
    }
    if (!tokenPattern.test(typed.token)) return page(c, form, [{ field: 'name', message: say.tooOld }], 400);
    const meeting = await deps.meetings.currentMeeting(copenhagenDate(deps.now()));
    if (!meeting || meeting.heldOn < copenhagenDate(deps.now())) throw new NotFoundError(say.noMeeting);
    // A key already used (the form sent twice) leads to the registration it made.
    if (await deps.meetings.registrationByToken(tokens.hashOf(typed.token))) return c.redirect(hrefIn(locale, `/brugermoede/tilmelding/${typed.token}`), 303);
    const outcome = await registerForMeeting(deps.meetings, meeting, typed, tokens.hashOf(typed.token), deps.now(), { cameThrough: 'public_form', source: sourceOf(c) }, locale);
    if (!outcome.ok) return page(c, form, outcome.problems, 400);
    if (outcome.outcome.kind === 'closed') return page(c, form, [{ field: 'name', message: say.closed }], 409);
    if (outcome.outcome.kind === 'not_found') throw new NotFoundError(say.gone);
    return c.redirect(hrefIn(locale, `/brugermoede/tilmelding/${typed.token}?ny=1`), 303);
  });

  const tokenOf = (c: Context) => {
    const token = c.req.param('token') ?? '';
    if (!tokenPattern.test(token)) throw notFound();
    return token;
  };

  app.get('/brugermoede/tilmelding/:token', async (c) => {
    personal(c);
    const token = tokenOf(c);
    const found = await deps.meetings.registrationByToken(tokens.hashOf(token));
    if (!found) throw notFound();
    return c.html(<MyMeetingRegistrationPage {...found} token={token} fresh={c.req.query('ny') === '1'} {...pageLanguage(c, locale)} />);
  });

  app.post('/brugermoede/tilmelding/:token/afmeld', async (c) => {
    personal(c);
    const token = tokenOf(c);
    const found = await deps.meetings.registrationByToken(tokens.hashOf(token));
    if (!found) throw notFound();
    const outcome = await leaveMeeting(deps.meetings, found.meeting.id, { tokenHash: tokens.hashOf(token) }, deps.now(), { source: sourceOf(c) });
    if (outcome.kind === 'not_found') throw notFound();
    return c.redirect(hrefIn(locale, `/brugermoede/tilmelding/${token}`), 303);
  });
  return app;
}
