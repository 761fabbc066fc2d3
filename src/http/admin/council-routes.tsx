import { type Context, Hono } from 'hono';
import { NotFoundError } from '../../app/errors.ts';
import { addCouncilMember, createCouncil, type CouncilMeeting, type CouncilWhole, deleteCouncilMeeting, saveCouncilMeeting, withdrawCouncilMember } from '../../app/run-councils.ts';
import { meetingDeletionRefusal } from '../../domain/council/council.ts';
import { ConfirmDeletePage } from '../../web/pages/admin/confirm-delete-page.tsx';
import { type Action, type Resource, site } from '../../domain/access/policy.ts';
import { formatDanishDate } from '../../domain/time.ts';
import { CouncilAdminPage, CouncilListAdminPage, type CouncilScope, MeetingAdminPage, type MeetingForm, type MemberForm } from '../../web/pages/admin/council-pages.tsx';
import { type AdminDeps, type AdminEnv, authorize, requireSession, sourceOf } from './guard.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const emptyMember: MemberForm = { name: '', contact: '', role: 'member', namedPublicly: '', consentHow: '', consentGiven: false };

type Scoped = { scope: CouncilScope; resource: Resource; offering: { id: string; slug: string; name: string } | null };

/**
 * The councils' back office (ADR 033), mounted twice: an offering's councils at /admin/tilbud/{slug}/raad
 * ('council.manage' on the offering) and the city-wide ones at /admin/raad ('council.city'). The person is
 * authorised before any council is looked up, so a refusal says nothing about what exists.
 */
function councilRoutesFor(deps: AdminDeps, prefix: string, action: Action, scopeOf: (c: Context<AdminEnv>) => Promise<Scoped>) {
  const app = new Hono<AdminEnv>();
  const signedIn = requireSession();

  const enter = async (c: Context<AdminEnv>) => {
    const scoped = await scopeOf(c);
    const session = authorize(c, action, scoped.resource);
    const actor = { principal: session.principal, source: sourceOf(c), now: deps.access.now() };
    return { ...scoped, session, actor };
  };
  const councilIn = async (scoped: Scoped, id: string | undefined) => {
    const council = id && uuid.test(id) ? await deps.councils.councilById(id) : null;
    if (!council || council.offeringId !== (scoped.offering?.id ?? null)) throw new NotFoundError('Rådet findes ikke her. Se listen over råd.');
    return council;
  };
  const body = async (c: Context<AdminEnv>) => {
    const form = await c.req.parseBody({ all: true });
    const text = (name: string, max: number) => (typeof form[name] === 'string' ? (form[name] as string).slice(0, max) : '');
    const list = (name: string) => {
      const value = form[name];
      return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((item): item is string => typeof item === 'string').slice(0, 200);
    };
    return { text, list };
  };
  const signedInOf = (session: { principal: { name: string }; csrfToken: string }) => ({ name: session.principal.name, csrfToken: session.csrfToken });

  const councilPage = async (c: Context<AdminEnv>, entered: Awaited<ReturnType<typeof enter>>, council: CouncilWhole, state: { form: MemberForm; problems: { field: string; message: string }[]; notice: string | null }, status: 200 | 400) => {
    // The member list holds names and contacts: reading it is audited, naming no one.
    await deps.councils.audit({
      at: entered.actor.now,
      actorId: entered.actor.principal.accountId,
      actorName: entered.actor.principal.name,
      action: 'council.members_read',
      resourceType: 'council',
      resourceId: council.id,
      summary: `Medlemslisten for «${council.name}» er læst.`,
      source: entered.actor.source,
    });
    return c.html(<CouncilAdminPage signedIn={signedInOf(entered.session)} scope={entered.scope} council={council} {...state} />, status);
  };

  const meetingForm = (meeting: CouncilWhole['meetings'][number] | null): MeetingForm =>
    meeting
      ? {
          date: meeting.date,
          time: meeting.time ?? '',
          agenda: meeting.agenda,
          minutes: meeting.minutes ?? '',
          decisions: meeting.decisions.map((decision) => (decision.becomes === 'activity' ? `Aktivitet: ${decision.text}` : decision.becomes === 'hours' ? `Åbningstid: ${decision.text}` : decision.text)).join('\n'),
          present: meeting.presentIds,
          version: String(meeting.version),
        }
      : { date: '', time: '', agenda: '', minutes: '', decisions: '', present: [], version: '' };

  app.get(prefix, signedIn, async (c) => {
    const entered = await enter(c);
    const councils = await deps.councils.councilsOf(entered.offering?.id ?? null);
    return c.html(<CouncilListAdminPage signedIn={signedInOf(entered.session)} scope={entered.scope} councils={councils} form={{ kind: '', name: '', purpose: '', howToJoin: '' }} problems={[]} />);
  });

  app.post(prefix, signedIn, async (c) => {
    const entered = await enter(c);
    const { text } = await body(c);
    const form = { kind: text('kind', 20), name: text('name', 500), purpose: text('purpose', 5000), howToJoin: text('howToJoin', 5000) };
    const outcome = await createCouncil(deps.councils, entered.actor, entered.offering, form);
    if (!outcome.ok) {
      const councils = await deps.councils.councilsOf(entered.offering?.id ?? null);
      return c.html(<CouncilListAdminPage signedIn={signedInOf(entered.session)} scope={entered.scope} councils={councils} form={form} problems={outcome.problems} />, 400);
    }
    return c.redirect(`${entered.scope.base}/${outcome.id}`, 303);
  });

  app.get(`${prefix}/:council`, signedIn, async (c) => {
    const entered = await enter(c);
    const council = await councilIn(entered, c.req.param('council'));
    const notices: Record<string, string> = { medlem: 'Medlemmet er skrevet op.', trukket: 'Samtykket er trukket tilbage. Navn og kontakt er slettet og vises ingen steder mere.', slettet: 'Mødet er slettet.' };
    const notice = notices[c.req.query('gemt') ?? ''] ?? null;
    return councilPage(c, entered, council, { form: emptyMember, problems: [], notice }, 200);
  });

  app.post(`${prefix}/:council/medlemmer`, signedIn, async (c) => {
    const entered = await enter(c);
    const council = await councilIn(entered, c.req.param('council'));
    const { text } = await body(c);
    const form: MemberForm = {
      name: text('name', 500),
      contact: text('contact', 500),
      role: text('role', 20),
      namedPublicly: text('namedPublicly', 10),
      consentHow: text('consentHow', 20),
      consentGiven: text('consentGiven', 10) === 'ja',
    };
    const outcome = await addCouncilMember(deps.councils, entered.actor, council, form);
    if (!outcome.ok) return councilPage(c, entered, council, { form, problems: outcome.problems, notice: null }, 400);
    return c.redirect(`${entered.scope.base}/${council.id}?gemt=medlem`, 303);
  });

  app.post(`${prefix}/:council/medlemmer/:member/traek-tilbage`, signedIn, async (c) => {
    const entered = await enter(c);
    const council = await councilIn(entered, c.req.param('council'));
    const member = c.req.param('member');
    const outcome = uuid.test(member) ? await withdrawCouncilMember(deps.councils, entered.actor, council, member) : 'not_found';
    if (outcome === 'not_found') throw new NotFoundError('Medlemmet findes ikke i rådet, eller samtykket er allerede trukket tilbage.');
    return c.redirect(`${entered.scope.base}/${council.id}?gemt=trukket`, 303);
  });

  const meetingPage = (c: Context<AdminEnv>, entered: Awaited<ReturnType<typeof enter>>, council: CouncilWhole, meetingId: string | null, form: MeetingForm, problems: { field: string; message: string }[], notice: string | null, stale: boolean, status: 200 | 400 | 409) => {
    const meeting = meetingId ? (council.meetings.find((item) => item.id === meetingId) ?? null) : null;
    return c.html(<MeetingAdminPage signedIn={signedInOf(entered.session)} scope={entered.scope} council={council} meeting={meeting} form={form} problems={problems} notice={notice} stale={stale} />, status);
  };

  const readMeetingForm = async (c: Context<AdminEnv>): Promise<MeetingForm> => {
    const { text, list } = await body(c);
    return { date: text('date', 20), time: text('time', 10), agenda: text('agenda', 20_000), minutes: text('minutes', 40_000), decisions: text('decisions', 40_000), present: list('present'), version: text('version', 12) };
  };

  const saveMeeting = async (c: Context<AdminEnv>, meetingId: string | null) => {
    const entered = await enter(c);
    const council = await councilIn(entered, c.req.param('council'));
    if (meetingId && !council.meetings.some((meeting) => meeting.id === meetingId)) throw new NotFoundError('Mødet findes ikke i dette råd.');
    const form = await readMeetingForm(c);
    const outcome = await saveCouncilMeeting(deps.councils, entered.actor, council, meetingId, meetingId ? Number(form.version) || 0 : null, form);
    if (!outcome.ok) return meetingPage(c, entered, council, meetingId, form, outcome.problems, null, false, 400);
    if (outcome.outcome === 'not_found') throw new NotFoundError('Mødet findes ikke i dette råd.');
    if (outcome.outcome === 'stale') return meetingPage(c, entered, council, meetingId, form, [], null, true, 409);
    return c.redirect(`${entered.scope.base}/${council.id}/moeder/${outcome.id}?gemt=1`, 303);
  };

  app.get(`${prefix}/:council/nyt-moede`, signedIn, async (c) => {
    const entered = await enter(c);
    const council = await councilIn(entered, c.req.param('council'));
    return meetingPage(c, entered, council, null, meetingForm(null), [], null, false, 200);
  });
  app.post(`${prefix}/:council/nyt-moede`, signedIn, (c) => saveMeeting(c, null));

  app.get(`${prefix}/:council/moeder/:meeting`, signedIn, async (c) => {
    const entered = await enter(c);
    const council = await councilIn(entered, c.req.param('council'));
    const meeting = council.meetings.find((item) => item.id === c.req.param('meeting'));
    if (!meeting) throw new NotFoundError('Mødet findes ikke i dette råd.');
    const notice = c.req.query('gemt') ? `Mødet ${formatDanishDate(meeting.date)} er gemt.` : null;
    return meetingPage(c, entered, council, meeting.id, meetingForm(meeting), [], notice, false, 200);
  });
  app.post(`${prefix}/:council/moeder/:meeting`, signedIn, (c) => {
    const meeting = c.req.param('meeting');
    if (!uuid.test(meeting)) return saveMeeting(c, '00000000-0000-4000-8000-000000000000');
    return saveMeeting(c, meeting);
  });

  const confirmDelete = (c: Context<AdminEnv>, entered: Awaited<ReturnType<typeof enter>>, council: CouncilWhole, meeting: CouncilMeeting, refusal: string | null, status: 200 | 409) => {
    const base = `${entered.scope.base}/${council.id}/moeder/${meeting.id}`;
    return c.html(
      <ConfirmDeletePage
        signedIn={signedInOf(entered.session)}
        what={`mødet ${formatDanishDate(meeting.date)} i ${council.name}`}
        consequences={[
          'Mødet forsvinder fra rådets offentlige side med dagsorden og referat.',
          ...(meeting.presentIds.length ? [`Det er ikke længere registreret, hvem der var med (${meeting.presentIds.length}).`] : []),
        ]}
        action={`${base}/slet`}
        back={{ href: base, text: 'Tilbage til mødet' }}
        refusal={refusal ?? meetingDeletionRefusal({ decisions: meeting.decisions.length })}
      />,
      status,
    );
  };
  const meetingIn = (council: CouncilWhole, id: string | undefined) => {
    const meeting = council.meetings.find((item) => item.id === id);
    if (!meeting) throw new NotFoundError('Mødet findes ikke i dette råd.');
    return meeting;
  };
  app.get(`${prefix}/:council/moeder/:meeting/slet`, signedIn, async (c) => {
    const entered = await enter(c);
    const council = await councilIn(entered, c.req.param('council'));
    return confirmDelete(c, entered, council, meetingIn(council, c.req.param('meeting')), null, 200);
  });
  app.post(`${prefix}/:council/moeder/:meeting/slet`, signedIn, async (c) => {
    const entered = await enter(c);
    const council = await councilIn(entered, c.req.param('council'));
    const meeting = meetingIn(council, c.req.param('meeting'));
    const outcome = await deleteCouncilMeeting(deps.councils, entered.actor, council, meeting);
    if (outcome === 'not_found') throw new NotFoundError('Mødet findes ikke i dette råd.');
    if (outcome !== 'deleted') return confirmDelete(c, entered, council, meeting, outcome.refused, 409);
    return c.redirect(`${entered.scope.base}/${council.id}?gemt=slettet`, 303);
  });

  return app;
}

/** An offering's councils under /admin/tilbud/{slug}/raad; mounted at /admin/tilbud. */
export function offeringCouncilRoutes(deps: AdminDeps) {
  return councilRoutesFor(deps, '/:slug/raad', 'council.manage', async (c) => {
    const slug = c.req.param('slug') ?? '';
    const offering = /^[a-z0-9-]{1,120}$/.test(slug) ? await deps.backOffice.offeringForEdit(slug) : null;
    if (!offering) throw new NotFoundError('Tilbuddet findes ikke. Måske har det fået et nyt navn; se listen på forsiden.');
    return {
      offering: { id: offering.id, slug: offering.slug, name: offering.name },
      resource: offering,
      scope: { base: `/admin/tilbud/${offering.slug}/raad`, title: offering.name, backHref: `/admin/tilbud/${offering.slug}`, backText: offering.name, city: false, offeringSlug: offering.slug },
    };
  });
}

/** The city-wide councils under /admin/raad; mounted at /admin. */
export function cityCouncilRoutes(deps: AdminDeps) {
  return councilRoutesFor(deps, '/raad', 'council.city', async () => ({
    offering: null,
    resource: site,
    scope: { base: '/admin/raad', title: 'hele byen', backHref: '/admin', backText: 'Forside', city: true, offeringSlug: null },
  }));
}
