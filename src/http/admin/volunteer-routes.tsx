import { type Context, Hono } from 'hono';
import { NotFoundError } from '../../app/errors.ts';
import { applyToVolunteer, assignVolunteer, saveVolunteerStatus, type Volunteer } from '../../app/run-volunteers.ts';
import { copenhagenDate } from '../../domain/time.ts';
import { type AssignmentForm, type StatusForm, VolunteerAdminPage, VolunteersAdminPage } from '../../web/pages/admin/volunteer-pages.tsx';
import { type AdminDeps, type AdminEnv, authorize, requireSession, sourceOf } from './guard.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** /admin/tilbud/{slug}/frivillige (ADR 033): volunteers, their screening, training, insurance and assignments ('volunteer.manage'). */
export function volunteerAdminRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  const signedIn = requireSession();
  const enter = async (c: Context<AdminEnv>) => {
    const slug = c.req.param('slug') ?? '';
    const offering = /^[a-z0-9-]{1,120}$/.test(slug) ? await deps.backOffice.offeringForEdit(slug) : null;
    if (!offering) throw new NotFoundError('Tilbuddet findes ikke. Måske har det fået et nyt navn; se listen på forsiden.');
    const session = authorize(c, 'volunteer.manage', offering);
    return { offering, signed: { name: session.principal.name, csrfToken: session.csrfToken }, actor: { principal: session.principal, source: sourceOf(c), now: deps.access.now() } };
  };
  const volunteerOf = async (offeringId: string, id: string | undefined) => {
    const volunteer = id && uuid.test(id) ? await deps.volunteers.volunteer(offeringId, id) : null;
    if (!volunteer) throw new NotFoundError('Den frivillige findes ikke på dette tilbud.');
    return volunteer;
  };
  const text = async (c: Context<AdminEnv>) => {
    const body = await c.req.parseBody();
    return (name: string, max: number) => (typeof body[name] === 'string' ? (body[name] as string).slice(0, max) : '');
  };
  const statusOf = (volunteer: Volunteer): StatusForm => ({ screening: volunteer.screening, trainedOn: volunteer.trainedOn ?? '', insuranceOn: volunteer.insuranceConfirmedOn ?? '', agreement: volunteer.agreement ?? '', version: String(volunteer.version) });
  const freshAssignment = (now: Date): AssignmentForm => ({ role: '', hours: '', startsOn: copenhagenDate(now) });

  app.get('/:slug/frivillige', signedIn, async (c) => {
    const { offering, signed } = await enter(c);
    return c.html(<VolunteersAdminPage signedIn={signed} offering={offering} volunteers={await deps.volunteers.volunteersOf(offering.id)} form={{ name: '', contact: '', interests: '', area: '', languages: '' }} problems={[]} />);
  });
  app.post('/:slug/frivillige', signedIn, async (c) => {
    const { offering, signed, actor } = await enter(c);
    const field = await text(c);
    const form = { name: field('name', 400), contact: field('contact', 400), interests: field('interests', 5000), area: field('area', 400), languages: field('languages', 400) };
    const outcome = await applyToVolunteer(deps.volunteers, actor.now, offering, form, { cameThrough: 'in_person', actor });
    if (!outcome.ok) return c.html(<VolunteersAdminPage signedIn={signed} offering={offering} volunteers={await deps.volunteers.volunteersOf(offering.id)} form={form} problems={outcome.problems} />, 400);
    return c.redirect(`/admin/tilbud/${offering.slug}/frivillige/${outcome.id}`, 303);
  });
  app.get('/:slug/frivillige/:volunteer', signedIn, async (c) => {
    const { offering, signed, actor } = await enter(c);
    const volunteer = await volunteerOf(offering.id, c.req.param('volunteer'));
    const notice = c.req.query('gemt') === 'status' ? 'Det er gemt.' : c.req.query('gemt') === 'opgave' ? 'Opgaven er givet.' : null;
    return c.html(<VolunteerAdminPage signedIn={signed} offering={offering} volunteer={volunteer} status={statusOf(volunteer)} assignment={freshAssignment(actor.now)} problems={[]} notice={notice} refusal={null} stale={false} />);
  });
  app.post('/:slug/frivillige/:volunteer', signedIn, async (c) => {
    const { offering, signed, actor } = await enter(c);
    const volunteer = await volunteerOf(offering.id, c.req.param('volunteer'));
    const field = await text(c);
    const form: StatusForm = { screening: field('screening', 20), trainedOn: field('trainedOn', 20), insuranceOn: field('insuranceOn', 20), agreement: field('agreement', 5000), version: field('version', 12) };
    const outcome = await saveVolunteerStatus(deps.volunteers, actor, offering, volunteer, Number(form.version) || 0, form);
    const again = (problems: { field: string; message: string }[], stale: boolean, status: 400 | 409) =>
      c.html(<VolunteerAdminPage signedIn={signed} offering={offering} volunteer={volunteer} status={stale ? statusOf(volunteer) : form} assignment={freshAssignment(actor.now)} problems={problems} notice={null} refusal={null} stale={stale} />, status);
    if (!outcome.ok) return again(outcome.problems, false, 400);
    if (outcome.outcome === 'not_found') throw new NotFoundError('Den frivillige findes ikke på dette tilbud.');
    if (outcome.outcome === 'stale') return again([], true, 409);
    return c.redirect(`/admin/tilbud/${offering.slug}/frivillige/${volunteer.id}?gemt=status`, 303);
  });
  app.post('/:slug/frivillige/:volunteer/opgaver', signedIn, async (c) => {
    const { offering, signed, actor } = await enter(c);
    const volunteer = await volunteerOf(offering.id, c.req.param('volunteer'));
    const field = await text(c);
    const form: AssignmentForm = { role: field('role', 20), hours: field('hours', 10), startsOn: field('startsOn', 20) };
    const outcome = await assignVolunteer(deps.volunteers, actor, offering, volunteer, form);
    const again = (problems: { field: string; message: string }[], refusal: string | null, status: 400 | 409) =>
      c.html(<VolunteerAdminPage signedIn={signed} offering={offering} volunteer={volunteer} status={statusOf(volunteer)} assignment={form} problems={problems} notice={null} refusal={refusal} stale={false} />, status);
    if (!outcome.ok) return again(outcome.problems, null, 400);
    if (outcome.outcome.kind === 'not_found') throw new NotFoundError('Den frivillige findes ikke på dette tilbud.');
    if (outcome.outcome.kind === 'refused') return again([], outcome.outcome.message, 409);
    return c.redirect(`/admin/tilbud/${offering.slug}/frivillige/${volunteer.id}?gemt=opgave`, 303);
  });
  return app;
}
