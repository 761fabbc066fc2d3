import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { CorrectionStore } from '../app/correction-store.ts';
import { NotFoundError } from '../app/errors.ts';
import { suggestCorrection } from '../app/suggest-correction.ts';
import { type CorrectionProblem, correctionLimits, correctionProblems } from '../domain/correction.ts';
import type { FormStamps } from '../security/form-stamps.ts';
import { RateLimiter } from '../security/rate-limit.ts';
import type { CorrectionFormProblem } from '../web/components/correction-form.tsx';
import { hrefIn, type Locale, messages } from '../web/i18n/index.ts';
import { CorrectionPage, CorrectionReceiptPage } from '../web/pages/correction-pages.tsx';
import { sourceOf } from './admin/guard.ts';
import { pageLanguage } from './page-language.ts';

/** What the public correction form needs from the wiring. */
export type CorrectionDeps = { store: CorrectionStore; stamps: FormStamps; limiter: RateLimiter };

/** Five corrections per address per hour: plenty for a person, little for a program. */
export function correctionLimiter(now: () => number = Date.now): RateLimiter {
  return new RateLimiter(5, 60 * 60_000, now);
}

/** The name a form's stamp is signed for, so a stamp from one place's form does not fit another's. */
export const correctionForm = (slug: string) => `correction:${slug}`;

const slugSchema = z.string().max(100).regex(/^[a-z0-9][a-z0-9-]*$/);
const field = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');

/**
 * Anyone may suggest a correction to a place's details, without signing in (ADR 014):
 * /tilbud/{slug}/ret (the form on a page of its own), POST there, and a receipt at /tilbud/{slug}/ret/tak.
 */
export function correctionRoutes(deps: { corrections: CorrectionDeps; now: () => Date }, locale: Locale = 'da') {
  const app = new Hono();
  const t = messages[locale].correction;
  const { store, stamps, limiter } = deps.corrections;

  const offeringOf = async (c: Context) => {
    const slug = slugSchema.safeParse(c.req.param('slug'));
    const offering = slug.success ? await store.offeringBySlug(slug.data) : null;
    if (!offering) throw new NotFoundError(messages[locale].errors.offeringNotFound);
    return offering;
  };

  const words = (problem: CorrectionProblem, text: string): CorrectionFormProblem => {
    const message =
      problem.code === 'text_too_long'
        ? t.problems.text_too_long(correctionLimits.maxText, text.length)
        : problem.code === 'too_many_links'
          ? t.problems.too_many_links(correctionLimits.maxLinks)
          : t.problems[problem.code];
    return { field: problem.field === 'text' ? 'rettelse-tekst' : 'rettelse-email', message };
  };

  const formPage = async (
    c: Context,
    offering: { slug: string; name: string },
    typed: { text: string; email: string },
    problems: CorrectionFormProblem[],
    status: 200 | 400 | 429,
  ) =>
    c.html(
      <CorrectionPage
        offering={offering}
        stamp={await stamps.issue(correctionForm(offering.slug), deps.now())}
        text={typed.text}
        email={typed.email}
        problems={problems}
        {...pageLanguage(c, locale)}
      />,
      status,
    );

  app.get('/tilbud/:slug/ret', async (c) => formPage(c, await offeringOf(c), { text: '', email: '' }, [], 200));

  app.post('/tilbud/:slug/ret', async (c) => {
    const offering = await offeringOf(c);
    const body = await c.req.parseBody();
    // What was typed comes back on every refusal, so nothing is lost; far too long input is cut, not kept whole.
    const typed = { text: field(body.tekst, correctionLimits.maxText * 5), email: field(body.email, 1000).trim() };
    const problems: CorrectionFormProblem[] = [];
    if (field(body.efterlad_tom, 1000) !== '') problems.push({ field: 'rettelse-tekst', message: t.problems.honeypot });
    const stamp = await stamps.check(field(body.stempel, 200), correctionForm(offering.slug), deps.now());
    if (stamp === 'too_fast') problems.push({ field: 'rettelse-tekst', message: t.problems.too_fast });
    if (stamp === 'too_old' || stamp === 'invalid') problems.push({ field: 'rettelse-tekst', message: t.problems.too_old });
    const text = typed.text.trim();
    problems.push(...correctionProblems({ text, email: typed.email }).map((problem) => words(problem, text)));
    if (problems.length) return formPage(c, offering, typed, problems, 400);
    const limit = limiter.hit(sourceOf(c));
    if (!limit.allowed) {
      c.header('retry-after', String(limit.retryAfterSeconds));
      const minutes = Math.max(1, Math.ceil(limit.retryAfterSeconds / 60));
      return formPage(c, offering, typed, [{ field: 'rettelse-tekst', message: t.problems.rate_limited(minutes) }], 429);
    }
    const outcome = await suggestCorrection({ store, now: deps.now(), offering, text: typed.text, email: typed.email });
    if (outcome.status === 'invalid') return formPage(c, offering, typed, outcome.problems.map((problem) => words(problem, text)), 400);
    return c.redirect(hrefIn(locale, `/tilbud/${encodeURIComponent(offering.slug)}/ret/tak`), 303);
  });

  app.get('/tilbud/:slug/ret/tak', async (c) => {
    const offering = await offeringOf(c);
    return c.html(<CorrectionReceiptPage offering={offering} ownerName={offering.ownerName} {...pageLanguage(c, locale)} />);
  });

  return app;
}
