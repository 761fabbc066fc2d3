import { type Context, Hono } from 'hono';
import { NotFoundError } from '../app/errors.ts';
import { applyToVolunteer, type VolunteerStore } from '../app/run-volunteers.ts';
import type { FormStamps } from '../security/form-stamps.ts';
import type { RateLimiter } from '../security/rate-limit.ts';
import { hrefIn, type Locale } from '../web/i18n/index.ts';
import { type ApplicationForm, VolunteerPage, VolunteerReceiptPage } from '../web/pages/volunteer-pages.tsx';
import { sourceOf } from './admin/guard.ts';
import { pageLanguage } from './page-language.ts';

const slugPattern = /^[a-z0-9][a-z0-9-]{0,119}$/;
const field = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');
const volunteerFormWords = {
  da: {
    notFound: 'Tilbuddet findes ikke. Måske har det fået et nyt navn; se listen på forsiden.',
    trap: 'Formularen kunne ikke sendes. Det, du skrev, står stadig i felterne; send den igen.',
    stamp: 'Formularen blev sendt for hurtigt, eller siden var for gammel. Det, du skrev, står stadig i felterne; send den igen.',
    limit: 'Der er sendt mange formularer herfra på kort tid. Prøv igen lidt senere, eller kom forbi tilbuddet.',
  },
  en: {
    notFound: 'The offering does not exist. Perhaps it has a new name; see the list on the front page.',
    trap: 'The form could not be sent. What you wrote is still in the fields; send it again.',
    stamp: 'The form was sent too fast, or the page was too old. What you wrote is still in the fields; send it again.',
    limit: 'Many forms have been sent from here in a short time. Try again a little later, or come by the offering.',
  },
} as const;
export const volunteerFormName = (slug: string) => `volunteer:${slug}`;

/**
 * «Bliv frivillig» per offering (ADR 033): /tilbud/{slug}/frivillig, guarded as the correction form (stamp, trap field,
 * the ideas' limit per address), in both languages.
 */
export function volunteerRoutes(deps: { volunteers: VolunteerStore; corrections: { stamps: FormStamps; store: { offeringBySlug(slug: string): Promise<{ id: string; slug: string; name: string } | null> } }; fund: { proposals: RateLimiter }; now: () => Date }, locale: Locale = 'da') {
  const app = new Hono();
  const say = volunteerFormWords[locale];
  const offeringOf = async (c: Context) => {
    const slug = c.req.param('slug') ?? '';
    const offering = slugPattern.test(slug) ? await deps.corrections.store.offeringBySlug(slug) : null;
    if (!offering) throw new NotFoundError(say.notFound);
    return offering;
  };
  const page = async (c: Context, offering: { slug: string; name: string }, form: ApplicationForm, problems: { field: string; message: string }[], status: 200 | 400 | 429) =>
    c.html(<VolunteerPage offering={offering} stamp={await deps.corrections.stamps.issue(volunteerFormName(offering.slug), deps.now())} form={form} problems={problems} {...pageLanguage(c, locale)} />, status);

  app.get('/tilbud/:slug/frivillig', async (c) => page(c, await offeringOf(c), { name: '', contact: '', interests: '', area: '', languages: '' }, [], 200));
  app.post('/tilbud/:slug/frivillig', async (c) => {
    const offering = await offeringOf(c);
    const body = await c.req.parseBody();
    const form = { name: field(body.name, 400), contact: field(body.contact, 400), interests: field(body.interests, 5000), area: field(body.area, 400), languages: field(body.languages, 400) };
    const problems: { field: string; message: string }[] = [];
    if (field(body.efterlad_tom, 1000) !== '') problems.push({ field: 'name', message: say.trap });
    const stamp = await deps.corrections.stamps.check(field(body.stempel, 200), volunteerFormName(offering.slug), deps.now());
    if (stamp !== 'ok') problems.push({ field: 'name', message: say.stamp });
    if (problems.length) return page(c, offering, form, problems, 400);
    const limit = deps.fund.proposals.hit(sourceOf(c));
    if (!limit.allowed) return page(c, offering, form, [{ field: 'name', message: say.limit }], 429);
    const outcome = await applyToVolunteer(deps.volunteers, deps.now(), offering, form, { cameThrough: 'public_form', source: sourceOf(c) }, locale);
    if (!outcome.ok) return page(c, offering, form, outcome.problems, 400);
    return c.redirect(hrefIn(locale, `/tilbud/${offering.slug}/frivillig/tak`), 303);
  });
  app.get('/tilbud/:slug/frivillig/tak', async (c) => c.html(<VolunteerReceiptPage offering={await offeringOf(c)} {...pageLanguage(c, locale)} />));
  return app;
}
