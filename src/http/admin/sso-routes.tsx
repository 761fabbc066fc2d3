import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { type SignOnFlow, signInWithProvider } from '../../app/sign-in-with-provider.ts';
import { SignOnProblemPage } from '../../web/pages/admin/sign-in-page.tsx';
import { safeBack } from './access-routes.tsx';
import { type AdminDeps, type AdminEnv, setSessionCookie, sourceOf } from './guard.ts';

/** The flow's secrets between leaving for the provider and coming back; gone after ten minutes. */
export const flowCookie = 'tv_sso';
const flowMinutes = 10;

const flowSchema = z.object({
  codeVerifier: z.string().min(43).max(128),
  state: z.string().min(1).max(200),
  nonce: z.string().min(1).max(200),
  back: z.string(),
  expiresAt: z.number(),
});
type StoredFlow = z.infer<typeof flowSchema>;

function readFlow(c: Context): StoredFlow | null {
  const value = getCookie(c, flowCookie);
  if (!value || value.length > 2000) return null;
  try {
    const parsed = flowSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const problems = {
  off: {
    status: 404,
    title: 'Log ind med arbejdskonto er ikke slået til',
    text: 'Her kan du ikke logge ind med din arbejdskonto. Log ind med din e-mail og adgangskode.',
  },
  unavailable: {
    status: 503,
    title: 'Log-ind-tjenesten svarer ikke',
    text: 'Vi kan ikke nå log-ind-tjenesten lige nu, så du er ikke logget ind. Prøv igen om lidt. Har du en adgangskode til Tilbudsvifte, kan du også logge ind med den.',
  },
  expired: {
    status: 400,
    title: 'Log ind igen',
    text: 'Log-ind tog for lang tid, eller det blev startet i en anden browser, så du er ikke logget ind. Start forfra; det tager kun et øjeblik.',
  },
  wrong_state: {
    status: 400,
    title: 'Log ind igen',
    text: 'Svaret fra log-ind-tjenesten hørte ikke til det log-ind, du startede her, så vi har ikke brugt det. Start forfra.',
  },
  cancelled: {
    status: 403,
    title: 'Du er ikke logget ind',
    text: 'Log-ind blev afbrudt, eller din arbejdskonto fik ikke lov til at logge ind i Tilbudsvifte. Prøv igen, eller spørg din it-support.',
  },
  refused: {
    status: 403,
    title: 'Du er ikke logget ind',
    text: 'Log-ind-tjenesten kunne ikke logge dig ind. Prøv igen; sker det igen, så spørg din it-support.',
  },
  invalid: {
    status: 400,
    title: 'Du er ikke logget ind',
    text: 'Svaret fra log-ind-tjenesten kunne ikke godkendes, så du er ikke logget ind. Start forfra; sker det igen, så spørg din it-support.',
  },
  no_account: {
    status: 403,
    title: 'Ingen konto i Tilbudsvifte',
    text: 'Du har ingen konto i Tilbudsvifte endnu. Bed en systemadministrator om at oprette dig.',
  },
  linked_elsewhere: {
    status: 403,
    title: 'Du er ikke logget ind',
    text: 'Din konto i Tilbudsvifte er knyttet til en anden arbejdskonto end den, du loggede ind med. Bed en systemadministrator om hjælp.',
  },
  disabled: {
    status: 403,
    title: 'Din konto er lukket',
    text: 'Din konto er lukket. Spørg din leder, hvis du skal have adgang igen.',
  },
} as const;

/** What the audit log says about a failed single sign-on; never the person's email. */
const failureSummaries: Partial<Record<keyof typeof problems, string>> = {
  unavailable: 'Single sign-on: log-ind-tjenesten svarede ikke',
  wrong_state: 'Single sign-on: svaret hørte ikke til dette log-ind (state)',
  cancelled: 'Single sign-on: afbrudt eller afvist hos log-ind-tjenesten',
  refused: 'Single sign-on: afvist af log-ind-tjenesten',
  invalid: 'Single sign-on: svaret kunne ikke godkendes',
  no_account: 'Single sign-on: ingen konto til personen',
  linked_elsewhere: 'Single sign-on: kontoen er knyttet til en anden arbejdskonto',
  disabled: 'Single sign-on: kontoen er lukket',
};

/** Sign-in through the organisation's OpenID Connect provider (ADR 013); 404 when it is not set up. */
export function ssoRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  const secure = deps.baseUrl.startsWith('https://');
  const audit = (c: Context, entry: { actorId: string | null; actorName: string; action: string; summary: string }) =>
    deps.audit.append({ ...entry, at: deps.access.now(), resourceType: 'account', resourceId: entry.actorId, source: sourceOf(c) });
  const page = (c: Context, problem: keyof typeof problems, back: string) => {
    const { status, title, text } = problems[problem];
    return c.html(<SignOnProblemPage title={title} text={text} back={back} />, status);
  };
  const fail = async (c: Context, problem: keyof typeof problems, back: string, accountId: string | null = null) => {
    const summary = failureSummaries[problem];
    if (summary) await audit(c, { actorId: accountId, actorName: 'ukendt', action: 'session.sign_in_failed', summary });
    return page(c, problem, back);
  };

  app.get('/sso', async (c) => {
    const back = safeBack(c.req.query('tilbage'));
    const sso = deps.singleSignOn;
    if (!sso) return page(c, 'off', back);
    if (c.get('session')) return c.redirect(back, 303);
    const begun = await sso.begin();
    if (begun.status === 'unavailable') return fail(c, 'unavailable', back);
    const flow: StoredFlow = { ...begun.flow, back, expiresAt: deps.access.now().getTime() + flowMinutes * 60_000 };
    setCookie(c, flowCookie, Buffer.from(JSON.stringify(flow)).toString('base64url'), {
      path: '/admin',
      httpOnly: true,
      secure,
      // Lax, so the browser sends it when the provider sends it back here with a top-level GET.
      sameSite: 'Lax',
      maxAge: flowMinutes * 60,
    });
    return c.redirect(begun.url, 303);
  });

  app.get('/sso/callback', async (c) => {
    const sso = deps.singleSignOn;
    if (!sso) return page(c, 'off', '/admin');
    const stored = readFlow(c);
    deleteCookie(c, flowCookie, { path: '/admin', secure, httpOnly: true, sameSite: 'Lax' });
    if (!stored || stored.expiresAt <= deps.access.now().getTime()) return page(c, 'expired', stored ? safeBack(stored.back) : '/admin');
    const back = safeBack(stored.back);
    const flow: SignOnFlow = { codeVerifier: stored.codeVerifier, state: stored.state, nonce: stored.nonce };
    // The provider sends the browser to BASE_URL, so that (not the address a proxy forwarded) is what it answered.
    const callback = new URL(`/admin/sso/callback${new URL(c.req.url).search}`, deps.baseUrl);
    const answer = await sso.finish(callback, flow);
    if (answer.status === 'refused') return fail(c, answer.isCancelled ? 'cancelled' : 'refused', back);
    if (answer.status !== 'identified') return fail(c, answer.status, back);
    const outcome = await signInWithProvider(deps.access, answer.identity);
    if (outcome.status !== 'signed_in') return fail(c, outcome.status, back, 'accountId' in outcome ? outcome.accountId : null);
    setSessionCookie(c, deps, outcome.token);
    await audit(c, {
      actorId: outcome.account.id,
      actorName: outcome.account.name,
      action: 'session.sign_in',
      summary: outcome.isNewlyLinked
        ? 'Loggede ind med single sign-on (arbejdskontoen blev knyttet til kontoen ud fra e-mailen)'
        : 'Loggede ind med single sign-on',
    });
    return c.redirect(back, 303);
  });

  return app;
}
