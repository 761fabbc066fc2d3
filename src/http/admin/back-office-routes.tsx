import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AuditEntry } from '../../app/audit.ts';
import type { CurrentSession } from '../../app/staff-access.ts';
import { type OfferingForEdit, type OfferingListItem, applyProposal, changedFields, type EditableField, editableFields, fieldLabels, type OfferingTexts } from '../../app/edit-offering.ts';
import { ForbiddenError, NotFoundError } from '../../app/errors.ts';
import { can, editGoesToReview, policies, site } from '../../domain/access/policy.ts';
import { byDanishName } from '../../domain/sorting.ts';
import { statusOn } from '../../domain/status.ts';
import { type StatusChangeProblem, statusChangeLabels, statusChangeProblems } from '../../domain/status-change.ts';
import { describeStatus } from '../../domain/status-text.ts';
import { copenhagenDate } from '../../domain/time.ts';
import { type StatusForm, StatusPage } from '../../web/pages/admin/status-page.tsx';
import { listCorrectionTasks } from '../../app/list-correction-tasks.ts';
import { listDueOfferings } from '../../app/list-due-offerings.ts';
import { freshnessOf } from '../../domain/freshness.ts';
import { dueSummary } from '../../web/pages/admin/freshness-pages.tsx';
import { operationsRoutes } from './operations-routes.tsx';
import { correctionTaskRoutes } from './correction-task-routes.tsx';
import { freshnessRoutes } from './freshness-routes.tsx';
import { referralSummary } from './referral-routes.tsx';
import {
  AuditPage,
  DashboardPage,
  type FieldProblem,
  HistoryPage,
  OfferingEditPage,
  ProposalPage,
  ProposalsPage,
} from '../../web/pages/admin/back-office-pages.tsx';
import { type AdminDeps, type AdminEnv, authorize, requireSession, sessionOf, sourceOf } from './guard.ts';

const roleNames: Record<string, string> = {
  offering_staff: 'medarbejder på et tilbud',
  operator_editor: 'redaktør for en selvejende organisation',
  centre_lead: 'centerleder',
  planner: 'planlægger i forvaltningen',
  editor: 'redaktør',
  system_admin: 'systemadministrator',
  referrer: 'henviser',
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

/** Proposals of hours and activities (ADR 022) with their offering and its scope, for the lists beside the texts' proposals. */
async function timesProposalLinks(deps: AdminDeps, offerings: OfferingListItem[], filter: { status?: 'pending' }) {
  const byId = new Map(offerings.map((offering) => [offering.id, offering]));
  return (await deps.times.proposals(filter)).flatMap((proposal) => {
    const scope = byId.get(proposal.offeringId);
    return scope ? [{ ...proposal, offering: { slug: scope.slug, name: scope.name }, scope }] : [];
  });
}

/** The back office behind sign-in: the person's offerings, editing with undo, and the audit log. */
export function backOfficeRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  app.use('*', requireSession());

  /** An audit entry for something the signed-in person did to an offering. */
  const offeringEntry = (
    c: Context<AdminEnv>,
    session: CurrentSession,
    offeringId: string,
    action: string,
    summary: string,
    detail: Record<string, unknown>,
  ): AuditEntry => ({
    at: deps.access.now(),
    actorId: session.principal.accountId,
    actorName: session.principal.name,
    action,
    resourceType: 'offering',
    resourceId: offeringId,
    summary,
    detail,
    source: sourceOf(c),
  });

  app.get('/', async (c) => {
    const session = authorize(c, 'admin.enter', site);
    const principal = session.principal;
    const all = await deps.backOffice.offeringList();
    const visible = all
      .filter((offering) => can(principal, 'offering.view', offering))
      .sort((a, b) => a.name.localeCompare(b.name, 'da'))
      .map((offering) => ({ ...offering, canEdit: can(principal, 'offering.edit', offering) }));
    const coursesAt = await deps.courses.courseCountsByOffering();
    const readsCorrections = principal.grants.some((grant) => policies['correction.read'].includes(grant.role));
    const [pending, due, tasks, times, referrals] = await Promise.all([
      deps.backOffice.proposals({}),
      listDueOfferings({ store: deps.freshness, now: deps.access.now(), principal }),
      readsCorrections
        ? listCorrectionTasks({ store: deps.corrections, offerings: async () => all, principal, now: deps.access.now() })
        : null,
      timesProposalLinks(deps, all, {}),
      referralSummary(deps, principal, all),
    ]);
    return c.html(
      <DashboardPage
        signedIn={{ name: principal.name, csrfToken: session.csrfToken }}
        roles={[...new Set(principal.grants.map((grant) => roleNames[grant.role]!))]}
        offerings={visible.map((offering) => ({
          ...offering,
          // Courses: the list for those who see figures, and a way to make the first for those who edit them.
          courses: can(principal, 'course.stats', offering) ? { count: coursesAt.get(offering.id) ?? 0, canEdit: can(principal, 'course.edit', offering) } : null,
        }))}
        canReadAudit={can(principal, 'audit.read', site)}
        canSeeOperations={can(principal, 'operations.read', site)}
        canSeeBudget={can(principal, 'budget.read', site)}
        decisions={
          pending.filter((proposal) => proposal.status === 'pending' && can(principal, 'review.decide', proposal.scope)).length +
          times.filter((proposal) => proposal.status === 'pending' && can(principal, 'review.decide', proposal.scope)).length
        }
        proposals={pending.filter((proposal) => proposal.proposedBy.id === principal.accountId).slice(0, 10)}
        timesProposals={times.filter((proposal) => proposal.proposedBy.id === principal.accountId).slice(0, 10)}
        due={{ count: due.length, summary: dueSummary(due), isUrgent: due.some((item) => item.freshness.state !== 'due_soon') }}
        openTasks={tasks ? tasks.open.length : null}
        referrals={referrals}
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
    const pending = await deps.backOffice.proposals({ offeringId: offering.id, status: 'pending' });
    const facts = await deps.freshness.recordOf(offering.id);
    return c.html(
      <OfferingEditPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        offering={offering}
        texts={offering.texts}
        canEdit={can(session.principal, 'offering.edit', offering)}
        problems={[]}
        saved={c.req.query('gemt') ? { auditId: c.req.query('gemt')! } : null}
        undone={c.req.query('fortrudt') === '1' || c.req.query('gendannet') === '1'}
        conflict={null}
        goesToReview={editGoesToReview(session.principal, offering, offering.operatorNeedsReview)}
        proposed={c.req.query('foreslaaet') === '1'}
        pending={pending.filter((proposal) => can(session.principal, 'review.decide', proposal.scope) || proposal.proposedBy.id === session.principal.accountId)}
        verification={
          facts
            ? {
                freshness: freshnessOf(facts.record, deps.access.now()),
                verifiedByName: facts.verifiedByName,
                canVerify: can(session.principal, 'offering.verify', offering),
                verified: c.req.query('bekraeftet') === '1',
                conflict: c.req.query('bekraeft') === 'aendret',
              }
            : undefined
        }
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
    if (body.handling === 'forhaandsvis') {
      return c.html(
        <OfferingEditPage
          signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
          offering={{ ...offering, version: Number.isInteger(version) ? version : offering.version }}
          texts={texts}
          canEdit
          problems={[]}
          saved={null}
          undone={false}
          conflict={null}
          preview
          goesToReview={editGoesToReview(session.principal, offering, offering.operatorNeedsReview)}
        />,
      );
    }
    if (!Number.isInteger(version)) return page({ texts, problems: [], version: offering.version, conflict: { theirs: offering.texts, mine: texts } }, 409);
    if (editGoesToReview(session.principal, offering, offering.operatorNeedsReview)) {
      if (version !== offering.version) {
        return page({ texts, problems: [], version: offering.version, conflict: { theirs: offering.texts, mine: texts } }, 409);
      }
      await deps.backOffice.propose(
        { offeringId: offering.id, baseVersion: version, baseTexts: offering.texts, texts, by: { id: session.principal.accountId, name: session.principal.name } },
        offeringEntry(c, session, offering.id, 'offering.propose', `Foreslog en ændring af ${changedFields(offering.texts, texts).map((field) => fieldLabels[field].toLocaleLowerCase('da')).join(', ')} for ${offering.name}`, { before: offering.texts, after: texts }),
      );
      return c.redirect(`/admin/tilbud/${offering.slug}?foreslaaet=1`, 303);
    }
    const outcome = await deps.backOffice.saveTexts(offering.id, version, texts, (before, newVersion) => offeringEntry(c, session, offering.id, 'offering.edit', `Rettede ${changedFields(before, texts).map((field) => fieldLabels[field].toLocaleLowerCase('da')).join(', ')} for ${offering.name}`, { before, after: texts, version: newVersion }));
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
    const outcome = await deps.backOffice.saveTexts(offering.id, change.version, change.before, (before, newVersion) => offeringEntry(c, session, offering.id, 'offering.edit', `Fortrød en ændring af ${offering.name}`, { before, after: change.before, version: newVersion, undoes: body.aendring }));
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

  app.get('/tilbud/:slug/historik', async (c) => {
    const offering = await load(c.req.param('slug'));
    const session = authorize(c, 'offering.history', offering);
    return c.html(
      <HistoryPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        offering={offering}
        changes={await deps.backOffice.history(offering.id)}
        canRestore={can(session.principal, 'offering.edit', offering) && !editGoesToReview(session.principal, offering, offering.operatorNeedsReview)}
      />,
    );
  });

  app.post('/tilbud/:slug/gendan', async (c) => {
    const offering = await load(c.req.param('slug'));
    const session = authorize(c, 'offering.edit', offering);
    if (editGoesToReview(session.principal, offering, offering.operatorNeedsReview)) {
      throw new ForbiddenError('Dine ændringer af dette tilbud skal godkendes af centret, så du kan ikke gendanne direkte. Ret teksterne, og send dem til godkendelse.');
    }
    const body = await c.req.parseBody();
    const change = await deps.backOffice.savedChange(typeof body.post === 'string' ? body.post : '');
    if (!change || change.offeringId !== offering.id) throw new NotFoundError('Den version findes ikke i tilbuddets historik.');
    const outcome = await deps.backOffice.saveTexts(offering.id, offering.version, change.before, (before, newVersion) => offeringEntry(c, session, offering.id, 'offering.edit', `Gendannede teksterne for ${offering.name} fra før en tidligere ændring`, { before, after: change.before, version: newVersion, restores: body.post }));
    if (outcome.status === 'conflict') return c.redirect(`/admin/tilbud/${offering.slug}/historik`, 303);
    return c.redirect(`/admin/tilbud/${offering.slug}?gendannet=1`, 303);
  });

  const statusPage = async (
    c: Context<AdminEnv>,
    offering: OfferingForEdit,
    form: StatusForm,
    problems: StatusChangeProblem[],
    status: 200 | 400,
  ) => {
    const session = sessionOf(c);
    const events = await deps.backOffice.statusEvents(offering.id);
    const today = copenhagenDate(deps.access.now());
    const others = byDanishName((await deps.backOffice.offeringList()).filter((item) => item.id !== offering.id));
    return c.html(
      <StatusPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        offering={offering}
        stateText={describeStatus(statusOn(events, today), events) ?? 'I drift.'}
        events={events}
        others={others}
        canRecord={can(session.principal, 'offering.status', offering)}
        form={form}
        problems={problems}
        saved={c.req.query('gemt') === '1'}
      />,
      status,
    );
  };
  const noStatusForm: StatusForm = { kind: '', occursOn: '', relatedOfferingId: '', note: '' };

  app.get('/tilbud/:slug/status', async (c) => {
    const offering = await load(c.req.param('slug'));
    authorize(c, 'offering.view', offering);
    return statusPage(c, offering, noStatusForm, [], 200);
  });

  app.post('/tilbud/:slug/status', async (c) => {
    const offering = await load(c.req.param('slug'));
    const session = authorize(c, 'offering.status', offering);
    const body = await c.req.parseBody();
    const text = (name: string, max: number) => (typeof body[name] === 'string' ? (body[name] as string).slice(0, max) : '');
    const form: StatusForm = { kind: text('kind', 40), occursOn: text('occursOn', 40), relatedOfferingId: text('relatedOfferingId', 40), note: text('note', 2000) };
    const today = copenhagenDate(deps.access.now());
    const events = await deps.backOffice.statusEvents(offering.id);
    const { change, problems } = statusChangeProblems(form, {
      today,
      offeringId: offering.id,
      state: statusOn(events, today).state,
      knownOfferings: new Set((await deps.backOffice.offeringList()).map((item) => item.id)),
    });
    if (!change) return statusPage(c, offering, form, problems, 400);
    await deps.backOffice.addStatusEvent(offering.id, change, today, {
      at: deps.access.now(),
      actorId: session.principal.accountId,
      actorName: session.principal.name,
      action: 'offering.status',
      resourceType: 'offering',
      resourceId: offering.id,
      summary: `Registrerede for ${offering.name}: ${statusChangeLabels[change.kind].toLocaleLowerCase('da')}${change.occursOn ? ` (${change.occursOn})` : ''}`,
      detail: { change },
      source: sourceOf(c),
    });
    return c.redirect(`/admin/tilbud/${offering.slug}/status?gemt=1`, 303);
  });

  app.post('/tilbud/:slug/status/fjern', async (c) => {
    const offering = await load(c.req.param('slug'));
    const session = authorize(c, 'offering.status', offering);
    const body = await c.req.parseBody();
    const removed = await deps.backOffice.removeStatusEvent(offering.id, typeof body.event === 'string' ? body.event : '', (event) => offeringEntry(c, session, offering.id, 'offering.status_remove', `Fjernede for ${offering.name}: ${statusChangeLabels[event.status].toLocaleLowerCase('da')}`, { event }));
    if (!removed) throw new NotFoundError('Den statusændring findes ikke, eller den stammer fra kildedokumenterne og kan ikke fjernes.');
    return c.redirect(`/admin/tilbud/${offering.slug}/status?gemt=1`, 303);
  });

  app.get('/godkendelser', async (c) => {
    const session = authorize(c, 'admin.enter', site);
    const pending = await deps.backOffice.proposals({ status: 'pending' });
    const times = await timesProposalLinks(deps, await deps.backOffice.offeringList(), { status: 'pending' });
    return c.html(
      <ProposalsPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        proposals={pending.filter((proposal) => can(session.principal, 'review.decide', proposal.scope))}
        timesProposals={times.filter((proposal) => can(session.principal, 'review.decide', proposal.scope))}
      />,
    );
  });

  const loadProposal = async (id: string) => {
    const proposal = await deps.backOffice.proposal(id);
    if (!proposal) throw new NotFoundError('Ændringen findes ikke. Måske er den allerede behandlet; se listen over ændringer til godkendelse.');
    return proposal;
  };

  app.get('/godkendelser/:id', async (c) => {
    const proposal = await loadProposal(c.req.param('id'));
    const session = sessionOf(c);
    // The person who proposed it may follow it; deciding takes the centre's role.
    if (proposal.proposedBy.id !== session.principal.accountId) authorize(c, 'review.decide', proposal.scope);
    const offering = await load(proposal.offering.slug);
    return c.html(
      <ProposalPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        proposal={proposal}
        current={offering.texts}
        changedSince={offering.version !== proposal.baseVersion}
        canDecide={can(session.principal, 'review.decide', proposal.scope)}
        problem={null}
      />,
    );
  });

  app.post('/godkendelser/:id', async (c) => {
    const proposal = await loadProposal(c.req.param('id'));
    const session = authorize(c, 'review.decide', proposal.scope);
    const body = await c.req.parseBody();
    const decision = body.beslutning === 'godkend' ? 'approved' : body.beslutning === 'afvis' ? 'rejected' : null;
    const reason = typeof body.reason === 'string' ? body.reason.trim().slice(0, 1000) : '';
    const offering = await load(proposal.offering.slug);
    const again = (problem: string) =>
      c.html(
        <ProposalPage
          signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
          proposal={proposal}
          current={offering.texts}
          changedSince={offering.version !== proposal.baseVersion}
          canDecide
          problem={problem}
        />,
        400,
      );
    if (!decision) return again('Vælg «Godkend og offentliggør» eller «Afvis».');
    if (decision === 'rejected' && !reason) return again('Skriv en begrundelse, når du afviser. Redaktøren ser den og kan rette til.');
    const at = deps.access.now();
    const by = { id: session.principal.accountId, name: session.principal.name };
    const outcome = await deps.backOffice.decide(proposal.id, { status: decision, by, reason: reason || null, at }, (before) => {
      const common = { at, actorId: by.id, actorName: by.name, resourceType: 'offering', resourceId: proposal.offering.id, source: sourceOf(c) };
      const decided = {
        ...common,
        action: decision === 'approved' ? 'review.approve' : 'review.reject',
        summary: `${decision === 'approved' ? 'Godkendte' : 'Afviste'} en ændring af ${proposal.offering.name} fra ${proposal.proposedBy.name}`,
        detail: { proposal: proposal.id, reason: reason || null },
      };
      if (!before) return [decided];
      return [
        decided,
        {
          ...common,
          action: 'offering.edit',
          summary: `Offentliggjorde en godkendt ændring af ${changedFields(before, applyProposal(before, proposal)).map((field) => fieldLabels[field].toLocaleLowerCase('da')).join(', ')} for ${proposal.offering.name}`,
          detail: { before, after: applyProposal(before, proposal), version: offering.version + 1, proposal: proposal.id },
        },
      ];
    });
    if (outcome === 'not_found') throw new NotFoundError('Ændringen findes ikke længere.');
    return c.redirect(`/admin/godkendelser/${proposal.id}`, 303);
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

  app.route('/', freshnessRoutes(deps));
  app.route('/', correctionTaskRoutes(deps));
  app.route('/', operationsRoutes(deps));

  return app;
}
