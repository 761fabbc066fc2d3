import { type Context, Hono } from 'hono';
import { NotFoundError } from '../../app/errors.ts';
import {
  addPeerCounsellor,
  addPeerModule,
  addPeerSession,
  assignPeerCounsellor,
  certifyPeerCounsellor,
  closePeerCohort,
  cohortDeletionFacts,
  createPeerCohort,
  deletePeerCohort,
  type PeerCohort,
  recordPeerAttendance,
  recordSessionAttendance,
} from '../../app/run-peer-counsellors.ts';
import { cohortDeletionRefusal } from '../../domain/peer/peer.ts';
import { ConfirmDeletePage } from '../../web/pages/admin/confirm-delete-page.tsx';
import { site } from '../../domain/access/policy.ts';
import { copenhagenDate } from '../../domain/time.ts';
import { type CohortPageState, PeerCohortAdminPage, PeerSessionAttendanceAdminPage, PeerListAdminPage, PeerNetworkAdminPage } from '../../web/pages/admin/peer-pages.tsx';
import { type AdminDeps, type AdminEnv, authorize, requireSession, sourceOf } from './guard.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Peer counsellors' back office (ADR 036) at /admin/peermedarbejdere, a city-wide programme kept by those who keep the
 * city-wide councils ('council.city'). Authorised before anything is looked up.
 */
export function peerAdminRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  const signedIn = requireSession();
  const text = async (c: Context<AdminEnv>) => {
    const body = await c.req.parseBody();
    return (name: string, max: number) => (typeof body[name] === 'string' ? (body[name] as string).slice(0, max) : '');
  };
  const entered = (c: Context<AdminEnv>) => {
    const session = authorize(c, 'council.city', site);
    return { signedIn: { name: session.principal.name, csrfToken: session.csrfToken }, actor: { principal: session.principal, source: sourceOf(c), now: deps.access.now() } };
  };
  const cohortOf = async (id: string | undefined) => {
    const cohort = id && uuid.test(id) ? await deps.peer.cohort(id) : null;
    if (!cohort) throw new NotFoundError('Holdet findes ikke. Se listen over peerhold.');
    return cohort;
  };
  const personOf = (cohort: PeerCohort, id: string | undefined) => {
    const person = cohort.counsellors.find((item) => item.id === id);
    if (!person) throw new NotFoundError('Peermedarbejderen findes ikke på dette hold.');
    return person;
  };
  const list = async (c: Context<AdminEnv>, form: Parameters<typeof PeerListAdminPage>[0]['form'], problems: { field: string; message: string }[], status: 200 | 400) => {
    const { signedIn: who } = entered(c);
    const notice = c.req.query('gemt') === 'slettet' ? 'Holdet er slettet.' : null;
    return c.html(<PeerListAdminPage signedIn={who} years={await deps.peer.years()} cohorts={await deps.peer.cohorts()} courses={await deps.peer.courses()} form={form} problems={problems} notice={notice} />, status);
  };
  const show = async (c: Context<AdminEnv>, cohort: PeerCohort, state: CohortPageState, status: 200 | 400 | 409 = 200) => {
    const { signedIn: who, actor } = entered(c);
    return c.html(
      <PeerCohortAdminPage
        signedIn={who}
        cohort={cohort}
        sessions={cohort.courseId ? await deps.peer.sessionsOf(cohort.courseId) : []}
        participants={cohort.courseId ? await deps.peer.participantsOf(cohort.courseId) : []}
        offerings={await deps.peer.offerings()}
        courses={await deps.peer.courses()}
        today={copenhagenDate(actor.now)}
        {...state}
      />,
      status,
    );
  };

  app.get('/peermedarbejdere', signedIn, async (c) => {
    entered(c);
    return list(c, { name: '', year: String(deps.access.now().getUTCFullYear()), targetMin: '10', targetMax: '12', course: '' }, [], 200);
  });
  app.post('/peermedarbejdere', signedIn, async (c) => {
    const { actor } = entered(c);
    const field = await text(c);
    const form = { name: field('name', 500), year: field('year', 10), targetMin: field('targetMin', 10), targetMax: field('targetMax', 10), course: field('course', 40) };
    const outcome = await createPeerCohort(deps.peer, actor, form);
    if (!outcome.ok) return list(c, form, outcome.problems, 400);
    return c.redirect(`/admin/peermedarbejdere/${outcome.id}`, 303);
  });

  app.get('/peermedarbejdere/netvaerk', signedIn, async (c) => {
    const { signedIn: who, actor } = entered(c);
    const members = await deps.peer.certifiedAcrossCohorts();
    await deps.audit.append({ at: actor.now, actorId: actor.principal.accountId, actorName: actor.principal.name, action: 'peer.network_read', resourceType: 'peer_cohort', resourceId: null, summary: `Listen over peernetværket er læst (${members.length} certificerede).`, source: actor.source });
    return c.html(<PeerNetworkAdminPage signedIn={who} members={members} />);
  });

  const notices: Record<string, string> = { lukket: 'Holdet er lukket. Alt registreret og årets tal står fortsat.', modul: 'Modulet er tilføjet.', deltager: 'Peermedarbejderen er skrevet på holdet.', fremmoede: 'Fremmødet er registreret.', certificeret: 'Peermedarbejderen er certificeret.', opgave: 'Opgaven er givet.', moede: 'Mødet er sat på.' };
  const blank = { notice: null, problems: [], problemsAt: null };
  app.get('/peermedarbejdere/:cohort', signedIn, async (c) => {
    entered(c);
    const cohort = await cohortOf(c.req.param('cohort'));
    return show(c, cohort, { ...blank, notice: notices[c.req.query('gemt') ?? ''] ?? null });
  });
  const confirmDelete = async (c: Context<AdminEnv>, cohort: PeerCohort, refusal: string | null, status: 200 | 409) => {
    const { signedIn: who } = entered(c);
    const certified = (await deps.peer.cohorts()).find((item) => item.id === cohort.id)?.certified ?? 0;
    const base = `/admin/peermedarbejdere/${cohort.id}`;
    const why = refusal ?? cohortDeletionRefusal(cohortDeletionFacts(cohort, certified));
    const upcoming = cohort.sessions.filter((session) => session.kind === 'peer_meeting' && session.date >= copenhagenDate(deps.access.now())).length;
    return c.html(
      <ConfirmDeletePage
        signedIn={who}
        what={`peerholdet «${cohort.name}»`}
        consequences={[
          `Holdets ${cohort.modules.length} moduler og ${cohort.counsellors.length} peermedarbejdere med deres fremmøde slettes.`,
          ...(cohort.sessions.length ? [`Holdets ${cohort.sessions.length} peermøder og supervisioner slettes${upcoming ? `; ${upcoming} kommende peermøder forsvinder fra tilbuddenes sider og kalenderen` : ''}.`] : []),
        ]}
        action={`${base}/slet`}
        back={{ href: base, text: `Tilbage til ${cohort.name}` }}
        refusal={why}
        instead={why && !cohort.closedOn ? { action: `${base}/luk`, label: 'Luk holdet i stedet' } : undefined}
      />,
      status,
    );
  };
  app.get('/peermedarbejdere/:cohort/slet', signedIn, async (c) => {
    entered(c);
    return confirmDelete(c, await cohortOf(c.req.param('cohort')), null, 200);
  });
  app.post('/peermedarbejdere/:cohort/slet', signedIn, async (c) => {
    const { actor } = entered(c);
    const cohort = await cohortOf(c.req.param('cohort'));
    const outcome = await deletePeerCohort(deps.peer, actor, cohort);
    if (outcome === 'not_found') throw new NotFoundError('Holdet findes ikke. Se listen over peerhold.');
    if (outcome !== 'deleted') return confirmDelete(c, cohort, outcome.refused, 409);
    return c.redirect('/admin/peermedarbejdere?gemt=slettet', 303);
  });
  app.post('/peermedarbejdere/:cohort/luk', signedIn, async (c) => {
    const { actor } = entered(c);
    const cohort = await cohortOf(c.req.param('cohort'));
    if ((await closePeerCohort(deps.peer, actor, cohort)) === 'not_found') throw new NotFoundError('Holdet findes ikke. Se listen over peerhold.');
    return c.redirect(`/admin/peermedarbejdere/${cohort.id}?gemt=lukket`, 303);
  });
  app.post('/peermedarbejdere/:cohort/moduler', signedIn, async (c) => {
    const { actor } = entered(c);
    const cohort = await cohortOf(c.req.param('cohort'));
    const field = await text(c);
    const outcome = await addPeerModule(deps.peer, actor, cohort, { title: field('title', 500), hours: field('hours', 10), session: field('session', 40) });
    if (!outcome.ok) return show(c, cohort, { ...blank, problems: outcome.problems, problemsAt: 'module' }, 400);
    return c.redirect(`/admin/peermedarbejdere/${cohort.id}?gemt=modul`, 303);
  });
  app.post('/peermedarbejdere/:cohort/moeder', signedIn, async (c) => {
    const { actor } = entered(c);
    const cohort = await cohortOf(c.req.param('cohort'));
    const field = await text(c);
    const outcome = await addPeerSession(deps.peer, actor, cohort, { kind: field('kind', 20), offering: field('offering', 40), date: field('date', 20), startsAt: field('startsAt', 10), endsAt: field('endsAt', 10) });
    if (!outcome.ok) return show(c, cohort, { ...blank, problems: outcome.problems, problemsAt: 'session' }, 400);
    return c.redirect(`/admin/peermedarbejdere/${cohort.id}?gemt=moede`, 303);
  });
  const sessionOf = (cohort: PeerCohort, id: string | undefined) => {
    const session = cohort.sessions.find((item) => item.id === id);
    if (!session) throw new NotFoundError('Mødet findes ikke på dette hold.');
    return session;
  };
  app.get('/peermedarbejdere/:cohort/moeder/:session/fremmoede', signedIn, async (c) => {
    const { signedIn: who, actor } = entered(c);
    const cohort = await cohortOf(c.req.param('cohort'));
    const session = sessionOf(cohort, c.req.param('session'));
    return c.html(<PeerSessionAttendanceAdminPage signedIn={who} cohort={cohort} session={session} today={copenhagenDate(actor.now)} problems={[]} notice={c.req.query('gemt') === '1' ? 'Fremmødet er gemt.' : null} />);
  });
  app.post('/peermedarbejdere/:cohort/moeder/:session/fremmoede', signedIn, async (c) => {
    const { signedIn: who, actor } = entered(c);
    const cohort = await cohortOf(c.req.param('cohort'));
    const session = sessionOf(cohort, c.req.param('session'));
    const body = await c.req.parseBody({ all: true });
    const ticked = ([] as unknown[]).concat(body.present ?? []).filter((value): value is string => typeof value === 'string').slice(0, 500);
    const outcome = await recordSessionAttendance(deps.peer, actor, cohort, session, ticked);
    if (!outcome.ok) return c.html(<PeerSessionAttendanceAdminPage signedIn={who} cohort={cohort} session={session} today={copenhagenDate(actor.now)} problems={outcome.problems} notice={null} />, 400);
    return c.redirect(`/admin/peermedarbejdere/${cohort.id}/moeder/${session.id}/fremmoede?gemt=1`, 303);
  });
  app.post('/peermedarbejdere/:cohort/deltagere', signedIn, async (c) => {
    const { actor } = entered(c);
    const cohort = await cohortOf(c.req.param('cohort'));
    const field = await text(c);
    const outcome = await addPeerCounsellor(deps.peer, actor, cohort, { name: field('name', 400), phone: field('phone', 100), participant: field('participant', 40) });
    if (!outcome.ok) return show(c, cohort, { ...blank, problems: outcome.problems, problemsAt: 'counsellor' }, 400);
    return c.redirect(`/admin/peermedarbejdere/${cohort.id}?gemt=deltager`, 303);
  });
  app.post('/peermedarbejdere/:cohort/deltagere/:counsellor/fremmoede', signedIn, async (c) => {
    const { actor } = entered(c);
    const cohort = await cohortOf(c.req.param('cohort'));
    const person = personOf(cohort, c.req.param('counsellor'));
    const field = await text(c);
    const module = cohort.modules.find((item) => item.id === field('module', 40));
    if (!module) return show(c, cohort, { ...blank, problems: [{ field: 'module', message: 'Vælg et modul på listen.' }], problemsAt: person.id }, 400);
    await recordPeerAttendance(deps.peer, actor, cohort, person, module);
    return c.redirect(`/admin/peermedarbejdere/${cohort.id}?gemt=fremmoede`, 303);
  });
  app.post('/peermedarbejdere/:cohort/deltagere/:counsellor/certificer', signedIn, async (c) => {
    const { actor } = entered(c);
    const cohort = await cohortOf(c.req.param('cohort'));
    const person = personOf(cohort, c.req.param('counsellor'));
    const outcome = await certifyPeerCounsellor(deps.peer, actor, cohort, person);
    if (outcome.kind === 'not_found') throw new NotFoundError('Peermedarbejderen findes ikke på dette hold.');
    if (outcome.kind === 'refused') return show(c, cohort, { ...blank, problems: [{ field: 'certify', message: outcome.message }], problemsAt: person.id }, 409);
    return c.redirect(`/admin/peermedarbejdere/${cohort.id}?gemt=certificeret`, 303);
  });
  app.post('/peermedarbejdere/:cohort/deltagere/:counsellor/opgaver', signedIn, async (c) => {
    const { actor } = entered(c);
    const cohort = await cohortOf(c.req.param('cohort'));
    const person = personOf(cohort, c.req.param('counsellor'));
    const field = await text(c);
    const outcome = await assignPeerCounsellor(deps.peer, actor, cohort, person, { offering: field('offering', 40), course: field('course', 40), since: field('since', 20) });
    if (!outcome.ok) return show(c, cohort, { ...blank, problems: outcome.problems, problemsAt: person.id }, person.certifiedOn ? 400 : 409);
    return c.redirect(`/admin/peermedarbejdere/${cohort.id}?gemt=opgave`, 303);
  });
  return app;
}
