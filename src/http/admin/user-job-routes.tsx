import { type Context, Hono } from 'hono';
import { NotFoundError } from '../../app/errors.ts';
import { addJobHolder, addUserJob, answerJobApplication, deleteUserJob, endJobHolder } from '../../app/run-user-jobs.ts';
import { jobDeletionRefusal } from '../../domain/user-job/user-job.ts';
import { ConfirmDeletePage } from '../../web/pages/admin/confirm-delete-page.tsx';
import { copenhagenDate } from '../../domain/time.ts';
import { type HolderForm, type JobForm, UserJobAdminPage, UserJobsAdminPage } from '../../web/pages/admin/user-job-pages.tsx';
import { type AdminDeps, type AdminEnv, authorize, requireSession, sourceOf } from './guard.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** /admin/tilbud/{slug}/brugerjob (ADR 033): an offering's user jobs and who holds them, with 'userjob.manage'. */
export function userJobAdminRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  const signedIn = requireSession();
  const enter = async (c: Context<AdminEnv>) => {
    const slug = c.req.param('slug') ?? '';
    const offering = /^[a-z0-9-]{1,120}$/.test(slug) ? await deps.backOffice.offeringForEdit(slug) : null;
    if (!offering) throw new NotFoundError('Tilbuddet findes ikke. Måske har det fået et nyt navn; se listen på forsiden.');
    const session = authorize(c, 'userjob.manage', offering);
    return { offering, session, signed: { name: session.principal.name, csrfToken: session.csrfToken }, actor: { principal: session.principal, source: sourceOf(c), now: deps.access.now() } };
  };
  const jobOf = async (offeringId: string, id: string | undefined) => {
    const job = id && uuid.test(id) ? await deps.userJobs.job(offeringId, id) : null;
    if (!job) throw new NotFoundError('Jobbet findes ikke på dette tilbud.');
    return job;
  };
  const text = async (c: Context<AdminEnv>) => {
    const body = await c.req.parseBody();
    return (name: string, max: number) => (typeof body[name] === 'string' ? (body[name] as string).slice(0, max) : '');
  };

  app.get('/:slug/brugerjob', signedIn, async (c) => {
    const { offering, signed } = await enter(c);
    const notice = c.req.query('gemt') === 'slettet' ? 'Jobbet er slettet.' : null;
    return c.html(<UserJobsAdminPage signedIn={signed} offering={offering} jobs={await deps.userJobs.jobsOf(offering.id)} unanswered={await deps.userJobs.unansweredByJob(offering.id)} form={{ kind: '', title: '', description: '', hours: '', seats: '1', howToApply: '' }} problems={[]} notice={notice} />);
  });

  app.post('/:slug/brugerjob', signedIn, async (c) => {
    const { offering, signed, actor } = await enter(c);
    const field = await text(c);
    const form: JobForm = { kind: field('kind', 30), title: field('title', 600), description: field('description', 10_000), hours: field('hours', 10), seats: field('seats', 10), howToApply: field('howToApply', 5000) };
    const outcome = await addUserJob(deps.userJobs, actor, offering, form);
    if (!outcome.ok) return c.html(<UserJobsAdminPage signedIn={signed} offering={offering} jobs={await deps.userJobs.jobsOf(offering.id)} unanswered={await deps.userJobs.unansweredByJob(offering.id)} form={form} problems={outcome.problems} notice={null} />, 400);
    return c.redirect(`/admin/tilbud/${offering.slug}/brugerjob/${outcome.id}`, 303);
  });

  app.get('/:slug/brugerjob/:job', signedIn, async (c) => {
    const { offering, signed } = await enter(c);
    const job = await jobOf(offering.id, c.req.param('job'));
    const notices: Record<string, string> = { ny: 'Det er gemt, hvem der har jobbet.', stop: 'Personen er skrevet ud af jobbet.', besvaret: 'Ansøgningen er markeret som besvaret.' };
    const notice = notices[c.req.query('gemt') ?? ''] ?? null;
    return c.html(<UserJobAdminPage signedIn={signed} offering={offering} job={job} applications={await deps.userJobs.applicationsOf(job.id)} form={{ name: '', contact: '', since: copenhagenDate(deps.access.now()) }} problems={[]} notice={notice} />);
  });

  app.post('/:slug/brugerjob/:job/indehavere', signedIn, async (c) => {
    const { offering, signed, actor } = await enter(c);
    const job = await jobOf(offering.id, c.req.param('job'));
    const field = await text(c);
    const form: HolderForm = { name: field('name', 500), contact: field('contact', 500), since: field('since', 20) };
    const outcome = await addJobHolder(deps.userJobs, actor, offering, job, form);
    if (!outcome.ok) return c.html(<UserJobAdminPage signedIn={signed} offering={offering} job={job} applications={await deps.userJobs.applicationsOf(job.id)} form={form} problems={outcome.problems} notice={null} />, 400);
    return c.redirect(`/admin/tilbud/${offering.slug}/brugerjob/${job.id}?gemt=ny`, 303);
  });

  app.post('/:slug/brugerjob/:job/indehavere/:holder/slut', signedIn, async (c) => {
    const { offering, actor } = await enter(c);
    const job = await jobOf(offering.id, c.req.param('job'));
    const holder = c.req.param('holder');
    if (!uuid.test(holder) || (await endJobHolder(deps.userJobs, actor, offering, job, holder)) === 'not_found') throw new NotFoundError('Personen har ikke jobbet, eller er allerede skrevet ud.');
    return c.redirect(`/admin/tilbud/${offering.slug}/brugerjob/${job.id}?gemt=stop`, 303);
  });

  const confirmDelete = async (c: Context<AdminEnv>, entered: Awaited<ReturnType<typeof enter>>, job: Awaited<ReturnType<typeof jobOf>>, refusal: string | null, status: 200 | 409) => {
    const applications = await deps.userJobs.applicationsOf(job.id);
    const ended = job.holders.filter((holder) => holder.endedOn !== null).length;
    const base = `/admin/tilbud/${entered.offering.slug}/brugerjob/${job.id}`;
    return c.html(
      <ConfirmDeletePage
        signedIn={entered.signed}
        what={`brugerjobbet «${job.title}»`}
        consequences={[
          `Jobbet forsvinder fra den offentlige liste og fra siden om ${entered.offering.name}.`,
          ...(ended ? [`Oplysningerne om ${ended === 1 ? 'den, der har haft jobbet' : `de ${ended}, der har haft jobbet`}, slettes med det.`] : []),
          ...(applications.length ? [`${applications.length === 1 ? 'Den besvarede ansøgning' : `De ${applications.length} besvarede ansøgninger`} slettes med det.`] : []),
        ]}
        action={`${base}/slet`}
        back={{ href: base, text: `Tilbage til ${job.title}` }}
        refusal={refusal ?? jobDeletionRefusal({ holding: job.holding, unanswered: applications.filter((item) => !item.answeredAt).length })}
      />,
      status,
    );
  };
  app.get('/:slug/brugerjob/:job/slet', signedIn, async (c) => {
    const entered = await enter(c);
    return confirmDelete(c, entered, await jobOf(entered.offering.id, c.req.param('job')), null, 200);
  });
  app.post('/:slug/brugerjob/:job/slet', signedIn, async (c) => {
    const entered = await enter(c);
    const job = await jobOf(entered.offering.id, c.req.param('job'));
    const outcome = await deleteUserJob(deps.userJobs, entered.actor, entered.offering, job);
    if (outcome === 'not_found') throw new NotFoundError('Jobbet findes ikke på dette tilbud.');
    if (outcome !== 'deleted') return confirmDelete(c, entered, job, outcome.refused, 409);
    return c.redirect(`/admin/tilbud/${entered.offering.slug}/brugerjob?gemt=slettet`, 303);
  });

  app.post('/:slug/brugerjob/:job/ansoegninger/:application/besvaret', signedIn, async (c) => {
    const { offering, actor } = await enter(c);
    const job = await jobOf(offering.id, c.req.param('job'));
    const id = c.req.param('application');
    if (!uuid.test(id) || (await answerJobApplication(deps.userJobs, actor, offering, job, id)) === 'not_found') throw new NotFoundError('Ansøgningen findes ikke på dette job, eller den er allerede besvaret.');
    return c.redirect(`/admin/tilbud/${offering.slug}/brugerjob/${job.id}?gemt=besvaret`, 303);
  });

  return app;
}
