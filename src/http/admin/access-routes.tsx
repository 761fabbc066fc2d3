import { Hono } from 'hono';
import { z } from 'zod';
import {
  requestPasswordLink,
  setPasswordWithLink,
  signIn,
  signOut,
  signOutEverywhere,
} from '../../app/staff-access.ts';
import { RateLimiter } from '../../security/rate-limit.ts';
import { ForgotPasswordPage, type SignInProblem, SignInPage, SetPasswordPage } from '../../web/pages/admin/sign-in-page.tsx';
import { getCookie } from 'hono/cookie';
import {
  type AdminDeps,
  type AdminEnv,
  clearSessionCookie,
  formCookie,
  formToken,
  requireSession,
  sameToken,
  sessionCookie,
  sessionOf,
  setSessionCookie,
  sourceOf,
} from './guard.ts';

const email = z.email({ error: 'Skriv en e-mail som navn@kk.dk.' }).max(254, { error: 'E-mailen er for lang.' });

/** Only a path inside the back office is followed after sign-in, never another site. */
export function safeBack(value: unknown): string {
  return typeof value === 'string' && /^\/admin(\/[\w\-./æøåÆØÅ%]*)?$/.test(value) && !value.includes('//') ? value : '/admin';
}

const staleForm = 'Siden havde ligget for længe, så vi kunne ikke tage imod formularen. Prøv igen.';
const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/** Sign in and out, forgotten passwords and one-time links (ADR 012). */
export function accessRoutes(deps: AdminDeps, limits = accessLimits()) {
  const app = new Hono<AdminEnv>();
  const singleSignOn = deps.singleSignOn ? { name: deps.singleSignOn.name } : null;
  const audit = (c: Parameters<typeof sourceOf>[0], entry: { actorId: string | null; actorName: string; action: string; summary: string }) =>
    deps.audit.append({ ...entry, at: deps.access.now(), resourceType: 'account', resourceId: entry.actorId, source: sourceOf(c) });

  app.get('/log-ind', (c) => {
    if (c.get('session')) return c.redirect(safeBack(c.req.query('tilbage')), 303);
    const notice = c.req.query('besked') === 'adgangskode' ? 'Din adgangskode er gemt. Log ind med den nye adgangskode.' : null;
    return c.html(
      <SignInPage formToken={formToken(c, deps)} back={safeBack(c.req.query('tilbage'))} email="" problems={[]} notice={notice} singleSignOn={singleSignOn} />,
    );
  });

  app.post('/log-ind', async (c) => {
    const body = await c.req.parseBody();
    const back = safeBack(body.tilbage);
    const typed = typeof body.email === 'string' ? body.email.trim().slice(0, 254) : '';
    const page = (problems: SignInProblem[], status: 400 | 401 | 403 | 429) =>
      c.html(<SignInPage formToken={formToken(c, deps)} back={back} email={typed} problems={problems} notice={null} singleSignOn={singleSignOn} />, status);
    if (!sameToken(typeof body._form === 'string' ? body._form : undefined, getCookie(c, formCookie))) {
      return page([{ field: 'email', message: staleForm }], 403);
    }
    const problems: SignInProblem[] = [];
    const parsedEmail = email.safeParse(typed);
    if (!parsedEmail.success) problems.push({ field: 'email', message: typed ? parsedEmail.error.issues[0]!.message : 'Skriv din e-mail.' });
    const password = typeof body.password === 'string' ? body.password : '';
    if (!password) problems.push({ field: 'password', message: 'Skriv din adgangskode.' });
    if (problems.length) return page(problems, 400);
    const source = sourceOf(c);
    const byAddress = limits.byAddress.hit(source);
    const byAccount = limits.byAccount.hit(`${source} ${typed.toLowerCase()}`);
    if (!byAddress.allowed || !byAccount.allowed) {
      const wait = minutes(Math.max(byAddress.retryAfterSeconds, byAccount.retryAfterSeconds));
      c.header('retry-after', String(wait * 60));
      return page([{ field: 'password', message: `Der har været for mange forsøg på at logge ind. Vent ${wait} minutter, og prøv igen.` }], 429);
    }
    const outcome = await signIn(deps.access, typed, password.slice(0, 1024));
    if (outcome.status !== 'signed_in') {
      await audit(c, { actorId: outcome.accountId, actorName: 'ukendt', action: 'session.sign_in_failed', summary: 'Forkert e-mail eller adgangskode' });
      return page(
        [
          {
            field: 'password',
            message:
              outcome.status === 'disabled'
                ? 'Din konto er lukket. Spørg din leder, hvis du skal have adgang igen.'
                : 'E-mail eller adgangskode er forkert. Tjek stavemåden, eller vælg en ny adgangskode.',
          },
        ],
        outcome.status === 'disabled' ? 403 : 401,
      );
    }
    limits.byAccount.reset(`${source} ${typed.toLowerCase()}`);
    setSessionCookie(c, deps, outcome.token);
    await audit(c, { actorId: outcome.account.id, actorName: outcome.account.name, action: 'session.sign_in', summary: 'Loggede ind' });
    return c.redirect(back, 303);
  });

  app.post('/log-ud', requireSession(), async (c) => {
    const session = sessionOf(c);
    const token = getCookie(c, sessionCookie);
    if (token) await signOut(deps.access, token);
    clearSessionCookie(c);
    await audit(c, { actorId: session.principal.accountId, actorName: session.principal.name, action: 'session.sign_out', summary: 'Loggede ud' });
    return c.redirect('/admin/log-ind', 303);
  });

  app.post('/log-ud-overalt', requireSession(), async (c) => {
    const session = sessionOf(c);
    const ended = await signOutEverywhere(deps.access, session.principal.accountId);
    clearSessionCookie(c);
    await audit(c, {
      actorId: session.principal.accountId,
      actorName: session.principal.name,
      action: 'session.sign_out_everywhere',
      summary: `Loggede ud på alle enheder (${ended} sessioner)`,
    });
    return c.redirect('/admin/log-ind', 303);
  });

  app.get('/glemt-adgangskode', (c) =>
    c.html(<ForgotPasswordPage formToken={formToken(c, deps)} email="" problem={null} sent={false} />),
  );

  app.post('/glemt-adgangskode', async (c) => {
    const body = await c.req.parseBody();
    const typed = typeof body.email === 'string' ? body.email.trim().slice(0, 254) : '';
    const page = (problem: string | null, sent: boolean, status: 200 | 400 | 403 | 429 = 200) =>
      c.html(<ForgotPasswordPage formToken={formToken(c, deps)} email={sent ? '' : typed} problem={problem} sent={sent} />, status);
    if (!sameToken(typeof body._form === 'string' ? body._form : undefined, getCookie(c, formCookie))) return page(staleForm, false, 403);
    const parsed = email.safeParse(typed);
    if (!parsed.success) return page(typed ? parsed.error.issues[0]!.message : 'Skriv din e-mail.', false, 400);
    const limit = limits.resets.hit(sourceOf(c));
    if (!limit.allowed) {
      c.header('retry-after', String(limit.retryAfterSeconds));
      return page(`Der er bedt om mange links herfra. Vent ${minutes(limit.retryAfterSeconds)} minutter, og prøv igen.`, false, 429);
    }
    const linkTo = (token: string) => `${deps.baseUrl}/admin/adgangskode/${token}`;
    const requested = await requestPasswordLink(deps.access, parsed.data, linkTo);
    if (requested) {
      await audit(c, { actorId: requested.accountId, actorName: 'ukendt', action: 'account.password_link', summary: 'Bad om et link til ny adgangskode' });
      if (deps.logLinks) deps.logger.info({ link: linkTo(requested.token) }, 'one-time link (development: no mail server is set up)');
    }
    return page(null, true);
  });

  const linkProblems = {
    expired: 'Linket er udløbet. Et link virker i en time (det første i et døgn). Bed om et nyt.',
    used: 'Linket er allerede brugt. Hvert link virker kun én gang. Bed om et nyt, hvis du ikke kan logge ind.',
    unknown: 'Linket virker ikke. Måske er det skrevet af forkert, eller der er bedt om et nyere link.',
  } as const;

  app.get('/adgangskode/:token', async (c) => {
    const token = c.req.param('token');
    const state = /^[\w-]{20,100}$/.test(token)
      ? await deps.access.store.linkState(deps.access.tokens.hashOf(token), deps.access.now())
      : 'unknown';
    c.header('referrer-policy', 'no-referrer');
    return c.html(
      <SetPasswordPage
        formToken={formToken(c, deps)}
        action={`/admin/adgangskode/${token}`}
        problem={null}
        linkProblem={state === 'valid' ? null : linkProblems[state]}
      />,
      state === 'valid' ? 200 : 410,
    );
  });

  app.post('/adgangskode/:token', async (c) => {
    const token = c.req.param('token');
    const body = await c.req.parseBody();
    const page = (problem: string | null, linkProblem: string | null, status: 400 | 403 | 410) =>
      c.html(<SetPasswordPage formToken={formToken(c, deps)} action={`/admin/adgangskode/${token}`} problem={problem} linkProblem={linkProblem} />, status);
    if (!sameToken(typeof body._form === 'string' ? body._form : undefined, getCookie(c, formCookie))) return page(staleForm, null, 403);
    if (!/^[\w-]{20,100}$/.test(token)) return page(null, linkProblems.unknown, 410);
    const outcome = await setPasswordWithLink(
      deps.access,
      token,
      typeof body.password === 'string' ? body.password : '',
      typeof body.repeated === 'string' ? body.repeated : '',
    );
    if (outcome.status === 'link') return page(null, linkProblems[outcome.reason], 410);
    if (outcome.status === 'invalid') return page(outcome.problem, null, 400);
    await audit(c, { actorId: outcome.accountId, actorName: 'ukendt', action: 'account.password_set', summary: 'Valgte ny adgangskode; alle sessioner lukket' });
    return c.redirect('/admin/log-ind?besked=adgangskode', 303);
  });

  return app;
}

/** Sign-in: 5 tries per address and email, 30 per address, each per 15 minutes; 5 reset links per address per 15 minutes. */
export function accessLimits(now: () => number = Date.now) {
  return {
    byAccount: new RateLimiter(5, 15 * 60_000, now),
    byAddress: new RateLimiter(30, 15 * 60_000, now),
    resets: new RateLimiter(5, 15 * 60_000, now),
  };
}
