import { type Context, Hono } from 'hono';
import { NotFoundError } from '../../app/errors.ts';
import { addMeetingProposal, createUserMeeting, leaveMeeting, registerForMeeting, saveUserMeeting, tallyMeetingProposal, type UserMeeting } from '../../app/run-user-meeting.ts';
import { site } from '../../domain/access/policy.ts';
import { randomTokens } from '../../security/tokens.ts';
import { type MeetingAdminState, UserMeetingAdminPage, UserMeetingListAdminPage } from '../../web/pages/admin/user-meeting-pages.tsx';
import { type AdminDeps, type AdminEnv, authorize, requireSession, sourceOf } from './guard.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
type Problems = { field: string; message: string }[];

/**
 * The annual city-wide user meeting's back office (ADR 036) at /admin/brugermoede, kept by those who keep the
 * city-wide councils ('council.city'). Authorised before anything is looked up; reading the registrations is audited.
 */
export function userMeetingAdminRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  const signedIn = requireSession();
  const form = async (c: Context<AdminEnv>) => {
    const body = await c.req.parseBody();
    return {
      text: (name: string, max: number) => (typeof body[name] === 'string' ? (body[name] as string).slice(0, max) : ''),
      checked: (name: string) => body[name] === 'ja',
    };
  };
  const entered = (c: Context<AdminEnv>) => {
    const session = authorize(c, 'council.city', site);
    return { session, signedIn: { name: session.principal.name, csrfToken: session.csrfToken }, actor: { principal: session.principal, source: sourceOf(c), now: deps.access.now() } };
  };
  const meetingOf = async (id: string | undefined) => {
    const meeting = id && uuid.test(id) ? await deps.meetings.meetingById(id) : null;
    if (!meeting) throw new NotFoundError('Brugermødet findes ikke. Se listen over brugermøder.');
    return meeting;
  };
  const emptyMeeting = { title: '', heldOn: '', startsAt: '13:00', place: '', seats: '', agenda: '' };

  app.get('/brugermoede', signedIn, async (c) => {
    const { signedIn: who } = entered(c);
    return c.html(<UserMeetingListAdminPage signedIn={who} meetings={await deps.meetings.meetings()} form={emptyMeeting} problems={[]} />);
  });

  app.post('/brugermoede', signedIn, async (c) => {
    const { signedIn: who, actor } = entered(c);
    const { text } = await form(c);
    const meetingForm = { title: text('title', 500), heldOn: text('heldOn', 20), startsAt: text('startsAt', 10), place: text('place', 1000), seats: text('seats', 10), agenda: text('agenda', 10000) };
    const meetings = await deps.meetings.meetings();
    const outcome = await createUserMeeting(deps.meetings, actor, meetingForm, (slug) => meetings.some((meeting) => meeting.slug === slug));
    if (!outcome.ok) return c.html(<UserMeetingListAdminPage signedIn={who} meetings={meetings} form={meetingForm} problems={outcome.problems} />, 400);
    return c.redirect(`/admin/brugermoede/${outcome.id}`, 303);
  });

  const notices: Record<string, string> = {
    gemt: 'Mødet er gemt.',
    tilmeldt: 'Personen er tilmeldt.',
    venteliste: 'Alle pladser er taget: personen er sat på ventelisten.',
    afmeldt: 'Personen er meldt fra.',
    rykket: 'Personen er meldt fra, og den første på ventelisten har fået pladsen. Giv vedkommende besked.',
    forslag: 'Forslaget er sat på.',
    stemmer: 'Stemmerne er gemt.',
  };
  const show = async (c: Context<AdminEnv>, meeting: UserMeeting, state: MeetingAdminState, status: 200 | 400 | 409 = 200) => {
    const { signedIn: who, actor } = entered(c);
    const registrations = await deps.meetings.registrations(meeting.id);
    await deps.audit.append({
      at: actor.now,
      actorId: actor.principal.accountId,
      actorName: actor.principal.name,
      action: 'user_meeting.registrations_read',
      resourceType: 'user_meeting',
      resourceId: meeting.id,
      summary: `Tilmeldingerne til «${meeting.title}» er læst.`,
      source: actor.source,
    });
    return c.html(<UserMeetingAdminPage signedIn={who} meeting={meeting} registrations={registrations} councils={await deps.meetings.councils()} {...state} />, status);
  };
  const blank = (meeting: UserMeeting): MeetingAdminState => ({
    notice: null,
    meetingForm: { title: meeting.title, heldOn: meeting.heldOn, startsAt: meeting.startsAt, place: meeting.place, seats: String(meeting.seats), agenda: meeting.agenda, minutes: meeting.minutes ?? '', publishMinutes: meeting.minutesPublished, registrationOpen: meeting.registrationOpen },
    registrationForm: { name: '', phone: '', meetsAtOffering: true, accessNeeds: '', interpreter: '' },
    proposalForm: { council: '', title: '', text: '' },
    problems: [],
    problemsAt: null,
  });

  app.get('/brugermoede/:meeting', signedIn, async (c) => {
    entered(c);
    const meeting = await meetingOf(c.req.param('meeting'));
    return show(c, meeting, { ...blank(meeting), notice: notices[c.req.query('gemt') ?? ''] ?? null });
  });

  app.post('/brugermoede/:meeting', signedIn, async (c) => {
    const { actor } = entered(c);
    const meeting = await meetingOf(c.req.param('meeting'));
    const { text, checked } = await form(c);
    const meetingForm = { title: text('title', 500), heldOn: text('heldOn', 20), startsAt: text('startsAt', 10), place: text('place', 1000), seats: text('seats', 10), agenda: text('agenda', 10000), minutes: text('minutes', 20000), publishMinutes: checked('publishMinutes'), registrationOpen: checked('registrationOpen') };
    const version = Number(text('version', 10));
    const outcome = await saveUserMeeting(deps.meetings, actor, meeting, version, meetingForm);
    const problems: Problems | null = !outcome.ok
      ? outcome.problems
      : outcome.outcome === 'stale'
        ? [{ field: 'title', message: 'Mødet er ændret af en anden, siden du hentede siden. Dine ændringer står i felterne; hent siden igen i et andet vindue, og skriv dem ind der.' }]
        : null;
    if (problems) return show(c, meeting, { ...blank(meeting), meetingForm, problems, problemsAt: 'meeting' }, outcome.ok ? 409 : 400);
    if (outcome.outcome === 'not_found') throw new NotFoundError('Brugermødet findes ikke.');
    return c.redirect(`/admin/brugermoede/${meeting.id}?gemt=gemt`, 303);
  });

  app.post('/brugermoede/:meeting/tilmeldinger', signedIn, async (c) => {
    const { actor } = entered(c);
    const meeting = await meetingOf(c.req.param('meeting'));
    const { text, checked } = await form(c);
    const registrationForm = { name: text('name', 400), phone: text('phone', 100), meetsAtOffering: checked('meetsAtOffering'), accessNeeds: text('accessNeeds', 2000), interpreter: text('interpreter', 400) };
    // Registered in person: the key is made and thrown away; leaving goes through staff.
    const outcome = await registerForMeeting(deps.meetings, meeting, registrationForm, randomTokens.create().hash, actor.now, { cameThrough: 'staff', actor });
    if (!outcome.ok) return show(c, meeting, { ...blank(meeting), registrationForm, problems: outcome.problems, problemsAt: 'registration' }, 400);
    if (outcome.outcome.kind === 'closed') return show(c, meeting, { ...blank(meeting), registrationForm, problems: [{ field: 'name', message: 'Tilmeldingen er lukket. Åbn den under «Mødet» først.' }], problemsAt: 'registration' }, 409);
    if (outcome.outcome.kind === 'not_found') throw new NotFoundError('Brugermødet findes ikke.');
    return c.redirect(`/admin/brugermoede/${meeting.id}?gemt=${outcome.outcome.kind === 'registered' ? 'tilmeldt' : 'venteliste'}`, 303);
  });

  app.post('/brugermoede/:meeting/tilmeldinger/:registration/afmeld', signedIn, async (c) => {
    const { actor } = entered(c);
    const meeting = await meetingOf(c.req.param('meeting'));
    const id = c.req.param('registration');
    const outcome = uuid.test(id) ? await leaveMeeting(deps.meetings, meeting.id, { id }, actor.now, { actor }) : { kind: 'not_found' as const };
    if (outcome.kind === 'not_found') throw new NotFoundError('Tilmeldingen findes ikke på dette møde.');
    return c.redirect(`/admin/brugermoede/${meeting.id}?gemt=${outcome.kind === 'left' && outcome.movedUp > 0 ? 'rykket' : 'afmeldt'}`, 303);
  });

  app.post('/brugermoede/:meeting/forslag', signedIn, async (c) => {
    const { actor } = entered(c);
    const meeting = await meetingOf(c.req.param('meeting'));
    const { text } = await form(c);
    const proposalForm = { council: text('council', 40), title: text('title', 500), text: text('text', 10000) };
    const outcome = await addMeetingProposal(deps.meetings, actor, meeting, proposalForm);
    if (!outcome.ok) return show(c, meeting, { ...blank(meeting), proposalForm, problems: outcome.problems, problemsAt: 'proposal' }, 400);
    return c.redirect(`/admin/brugermoede/${meeting.id}?gemt=forslag`, 303);
  });

  app.post('/brugermoede/:meeting/forslag/:proposal/stemmer', signedIn, async (c) => {
    const { actor } = entered(c);
    const meeting = await meetingOf(c.req.param('meeting'));
    const proposalId = c.req.param('proposal');
    if (!meeting.proposals.some((proposal) => proposal.id === proposalId)) throw new NotFoundError('Forslaget findes ikke på dette møde.');
    const { text } = await form(c);
    const outcome = await tallyMeetingProposal(deps.meetings, actor, meeting, proposalId, { for: text('for', 10), against: text('against', 10), blank: text('blank', 10) });
    if (!outcome.ok) return show(c, meeting, { ...blank(meeting), problems: outcome.problems, problemsAt: proposalId }, 400);
    return c.redirect(`/admin/brugermoede/${meeting.id}?gemt=stemmer`, 303);
  });
  return app;
}
