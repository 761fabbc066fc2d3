import { Hono } from 'hono';
import { z } from 'zod';
import { changedFields, type EditableField, editableFields, fieldLabels, type OfferingTexts } from '../../app/edit-offering.ts';
import { NotFoundError } from '../../app/errors.ts';
import { can, site } from '../../domain/access/policy.ts';
import { AuditPage, DashboardPage, type FieldProblem, OfferingEditPage } from '../../web/pages/admin/back-office-pages.tsx';
import { type AdminDeps, type AdminEnv, authorize, requireSession, sourceOf } from './guard.ts';

const roleNames: Record<string, string> = {
  offering_staff: 'medarbejder på et tilbud',
  operator_editor: 'redaktør for en selvejende organisation',
  centre_lead: 'centerleder',
  planner: 'planlægger i forvaltningen',
  editor: 'redaktør',
  system_admin: 'systemadministrator',
};

const optional = (max: number, label: string) => z.string().trim().max(max, { error: `${label} må højst have ${max} tegn.` });

/** What the edit form may hold, with the words shown at each field. */
export const textsSchema = z.object({
  description: optional(4000, 'Beskrivelsen').min(1, { error: 'Skriv en beskrivelse af stedet. Den står øverst på den offentlige side.' }),
  firstVisit: optional(2000, 'Teksten om første gang'),
  whoMeetsYou: optional(2000, 'Teksten om hvem der møder dig'),
  email: z.union([z.literal(''), z.email({ error: 'Skriv en e-mail som navn@kk.dk, eller lad feltet stå tomt.' })]),
  phone: z
    .string()
    .trim()
    .regex(/^$|^(\+45 ?)?(\d{2} ?){3}\d{2}$/, { error: 'Skriv et dansk telefonnummer med 8 cifre, fx 33 17 33 17, eller lad feltet stå tomt.' }),
  url: z
    .string()
    .trim()
    .max(500, { error: 'Adressen er for lang.' })
    .regex(/^$|^https?:\/\/[^\s]+\.[^\s]+$/, { error: 'Skriv en hel adresse, der begynder med https://, eller lad feltet stå tomt.' }),
});

function readTexts(body: Record<string, unknown>): { texts: OfferingTexts; problems: FieldProblem[] } {
  const raw = Object.fromEntries(editableFields.map((field) => [field, typeof body[field] === 'string' ? (body[field] as string) : ''])) as OfferingTexts;
  const parsed = textsSchema.safeParse(raw);
  if (parsed.success) return { texts: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue) => ({ field: issue.path[0] as EditableField, message: issue.message }));
  return { texts: raw, problems };
}

/** The back office behind sign-in: the person's offerings, editing with undo, and the audit log. */
export function backOfficeRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  app.use('*', requireSession());

  app.get('/', async (c) => {
    const session = authorize(c, 'admin.enter', site);
    const principal = session.principal;
    const all = await deps.backOffice.offeringList();
    const visible = all
      .filter((offering) => can(principal, 'offering.view', offering))
      .sort((a, b) => a.name.localeCompare(b.name, 'da'))
      .map((offering) => ({ ...offering, canEdit: can(principal, 'offering.edit', offering) }));
    return c.html(
      <DashboardPage
        signedIn={{ name: principal.name, csrfToken: session.csrfToken }}
        roles={[...new Set(principal.grants.map((grant) => roleNames[grant.role]!))]}
        offerings={visible}
        canReadAudit={can(principal, 'audit.read', site)}
      />,
    );
  });

  const load = async (slug: string) => {
    const offering = /^[a-z0-9-]{1,120}$/.test(slug) ? await deps.backOffice.offeringForEdit(slug) : null;
    if (!offering) throw new NotFoundError('Tilbuddet findes ikke. Måske har det fået et nyt navn; se listen på forsiden.');
    return offering;
  };

  app.get('/tilbud/:slug', async (c) => {
    const offering = await load(c.req.param('slug'));
    const session = authorize(c, 'offering.view', offering);
    return c.html(
      <OfferingEditPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        offering={offering}
        texts={offering.texts}
        canEdit={can(session.principal, 'offering.edit', offering)}
        problems={[]}
        saved={c.req.query('gemt') ? { auditId: c.req.query('gemt')! } : null}
        undone={c.req.query('fortrudt') === '1'}
        conflict={null}
      />,
    );
  });

  app.post('/tilbud/:slug', async (c) => {
    const offering = await load(c.req.param('slug'));
    const session = authorize(c, 'offering.edit', offering);
    const body = await c.req.parseBody();
    const { texts, problems } = readTexts(body);
    const page = (props: { texts: OfferingTexts; problems: FieldProblem[]; version: number; conflict: { theirs: OfferingTexts; mine: OfferingTexts } | null }, status: 200 | 400 | 409) =>
      c.html(
        <OfferingEditPage
          signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
          offering={{ ...offering, version: props.version }}
          texts={props.texts}
          canEdit
          problems={props.problems}
          saved={null}
          undone={false}
          conflict={props.conflict}
        />,
        status,
      );
    const version = Number(body.version);
    if (problems.length) return page({ texts, problems, version: Number.isInteger(version) ? version : offering.version, conflict: null }, 400);
    if (!Number.isInteger(version)) return page({ texts, problems: [], version: offering.version, conflict: { theirs: offering.texts, mine: texts } }, 409);
    const outcome = await deps.backOffice.saveTexts(offering.id, version, texts, (before, newVersion) => ({
      at: deps.access.now(),
      actorId: session.principal.accountId,
      actorName: session.principal.name,
      action: 'offering.edit',
      resourceType: 'offering',
      resourceId: offering.id,
      summary: `Rettede ${changedFields(before, texts).map((field) => fieldLabels[field].toLocaleLowerCase('da')).join(', ')} for ${offering.name}`,
      detail: { before, after: texts, version: newVersion },
      source: sourceOf(c),
    }));
    if (outcome.status === 'not_found') throw new NotFoundError('Tilbuddet findes ikke længere.');
    // Someone saved in between: keep what this person typed, show both, and let the next save be deliberate.
    if (outcome.status === 'conflict') {
      return page({ texts, problems: [], version: outcome.current.version, conflict: { theirs: outcome.current.texts, mine: texts } }, 409);
    }
    if (outcome.status === 'unchanged') return c.redirect(`/admin/tilbud/${offering.slug}`, 303);
    return c.redirect(`/admin/tilbud/${offering.slug}?gemt=${outcome.auditId}`, 303);
  });

  app.post('/tilbud/:slug/fortryd', async (c) => {
    const offering = await load(c.req.param('slug'));
    const session = authorize(c, 'offering.edit', offering);
    const body = await c.req.parseBody();
    const change = await deps.backOffice.savedChange(typeof body.aendring === 'string' ? body.aendring : '');
    if (!change || change.offeringId !== offering.id) {
      throw new NotFoundError('Ændringen findes ikke, så der er intet at fortryde.');
    }
    const outcome = await deps.backOffice.saveTexts(offering.id, change.version, change.before, (before, newVersion) => ({
      at: deps.access.now(),
      actorId: session.principal.accountId,
      actorName: session.principal.name,
      action: 'offering.edit',
      resourceType: 'offering',
      resourceId: offering.id,
      summary: `Fortrød en ændring af ${offering.name}`,
      detail: { before, after: change.before, version: newVersion, undoes: body.aendring },
      source: sourceOf(c),
    }));
    if (outcome.status === 'conflict') {
      return c.html(
        <OfferingEditPage
          signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
          offering={{ ...offering, version: outcome.current.version }}
          texts={change.before}
          canEdit
          problems={[]}
          saved={null}
          undone={false}
          conflict={{ theirs: outcome.current.texts, mine: change.before }}
        />,
        409,
      );
    }
    return c.redirect(`/admin/tilbud/${offering.slug}?fortrudt=1`, 303);
  });

  const auditQuery = z.object({
    q: z.string().trim().transform((text) => text.slice(0, 200)).optional(),
    side: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  });

  app.get('/revision', async (c) => {
    const session = authorize(c, 'audit.read', site);
    const query = auditQuery.parse({ q: c.req.query('q') || undefined, side: c.req.query('side') ?? 1 });
    const pageSize = 50;
    const { entries, total } = await deps.audit.search({ text: query.q, limit: pageSize, offset: (query.side - 1) * pageSize });
    return c.html(
      <AuditPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        text={query.q ?? ''}
        entries={entries}
        total={total}
        page={query.side}
        pageSize={pageSize}
      />,
    );
  });

  return app;
}
