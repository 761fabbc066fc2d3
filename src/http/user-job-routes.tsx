import { type Context, Hono } from 'hono';
import { NotFoundError } from '../app/errors.ts';
import { applyForUserJob, type OpenUserJob, type UserJobStore } from '../app/run-user-jobs.ts';
import { copenhagenDate, daysBetween } from '../domain/time.ts';
import { applicationAnswerBy, applicationDeleteAfter } from '../domain/user-job/user-job.ts';
import type { FormStamps } from '../security/form-stamps.ts';
import type { RateLimiter } from '../security/rate-limit.ts';
import type { Locale } from '../web/i18n/index.ts';
import { hrefIn } from '../web/i18n/index.ts';
import { type JobApplicationForm, JobApplicationPage, JobApplicationReceiptPage, UserJobListPage } from '../web/pages/user-job-pages.tsx';
import { sourceOf } from './admin/guard.ts';
import { pageLanguage } from './page-language.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const field = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');
export const jobApplicationFormName = (jobId: string) => `userjob:${jobId}`;

const say = {
  da: {
    gone: 'Jobbet er ikke ledigt længere, eller adressen er forkert. Se de ledige brugerjob på /brugerjob.',
    trap: 'Formularen kunne ikke sendes. Det, du skrev, står stadig i felterne; send den igen.',
    stamp: 'Formularen blev sendt for hurtigt, eller siden var for gammel. Det, du skrev, står stadig i felterne; send den igen.',
    limit: 'Der er sendt mange formularer herfra på kort tid. Prøv igen lidt senere, eller kom forbi tilbuddet.',
  },
  en: {
    gone: 'The job is no longer open, or the address is wrong. See the open user jobs at /en/brugerjob.',
    trap: 'The form could not be sent. What you wrote is still in the fields; send it again.',
    stamp: 'The form was sent too fast, or the page was too old. What you wrote is still in the fields; send it again.',
    limit: 'Many forms have been sent from here in a short time. Try again a little later, or come by the offering.',
  },
} as const;

/**
 * /brugerjob (ADR 033): the user jobs with a free place, and how to apply; who holds a job is never shown.
 * /brugerjob/{id}/soeg: apply online (stamp, trap field, the ideas' limit per address), then /brugerjob/{id}/tak.
 */
export function userJobRoutes(deps: { userJobs: UserJobStore; corrections: { stamps: FormStamps }; fund: { proposals: RateLimiter }; now: () => Date }, locale: Locale = 'da') {
  const app = new Hono();
  const t = say[locale];
  app.get('/brugerjob', async (c) => c.html(<UserJobListPage jobs={await deps.userJobs.openJobs()} {...pageLanguage(c, locale)} />));

  const jobOf = async (c: Context) => {
    const id = c.req.param('job') ?? '';
    const job = uuid.test(id) ? await deps.userJobs.openJob(id) : null;
    if (!job) throw new NotFoundError(t.gone);
    return job;
  };
  const keepDays = () => {
    const today = copenhagenDate(deps.now());
    return daysBetween(today, applicationDeleteAfter(today));
  };
  const page = async (c: Context, job: OpenUserJob, form: JobApplicationForm, problems: { field: string; message: string }[], status: 200 | 400 | 429) =>
    c.html(<JobApplicationPage job={job} stamp={await deps.corrections.stamps.issue(jobApplicationFormName(job.id), deps.now())} form={form} problems={problems} keepDays={keepDays()} {...pageLanguage(c, locale)} />, status);

  app.get('/brugerjob/:job/soeg', async (c) => page(c, await jobOf(c), { name: '', phone: '', comesBy: false, message: '' }, [], 200));
  app.post('/brugerjob/:job/soeg', async (c) => {
    const job = await jobOf(c);
    const body = await c.req.parseBody();
    const form = { name: field(body.name, 400), phone: field(body.phone, 100), comesBy: field(body.comesBy, 10) === 'ja', message: field(body.message, 5000) };
    const problems: { field: string; message: string }[] = [];
    if (field(body.efterlad_tom, 1000) !== '') problems.push({ field: 'name', message: t.trap });
    else if ((await deps.corrections.stamps.check(field(body.stempel, 200), jobApplicationFormName(job.id), deps.now())) !== 'ok') problems.push({ field: 'name', message: t.stamp });
    if (problems.length) return page(c, job, form, problems, 400);
    const limit = deps.fund.proposals.hit(sourceOf(c));
    if (!limit.allowed) return page(c, job, form, [{ field: 'name', message: t.limit }], 429);
    const outcome = await applyForUserJob(deps.userJobs, deps.now(), job, form, locale, sourceOf(c));
    if (!outcome.ok) return page(c, job, form, outcome.problems, 400);
    return c.redirect(hrefIn(locale, `/brugerjob/${job.id}/tak?svar=${outcome.byPhone ? 'telefon' : 'forbi'}`), 303);
  });
  app.get('/brugerjob/:job/tak', async (c) => {
    const id = c.req.param('job');
    // The receipt still answers when the last seat has just been taken: it says only who calls and when.
    const job = uuid.test(id) ? await deps.userJobs.openJob(id, { includeFull: true }) : null;
    if (!job) throw new NotFoundError(t.gone);
    const today = copenhagenDate(deps.now());
    return c.html(<JobApplicationReceiptPage job={job} byPhone={c.req.query('svar') !== 'forbi'} answerBy={applicationAnswerBy(today)} deleteAfter={applicationDeleteAfter(today)} {...pageLanguage(c, locale)} />);
  });
  return app;
}
