import { type Context, Hono } from 'hono';
import { NotFoundError } from '../../app/errors.ts';
import { endFriendship, matchFriend, recordFollowUp, requestFriend } from '../../app/run-network-friends.ts';
import { copenhagenDate } from '../../domain/time.ts';
import { friendFigures } from '../../domain/volunteer/friends.ts';
import { type FriendRequestForm, FriendsAdminPage } from '../../web/pages/admin/friend-pages.tsx';
import { type AdminDeps, type AdminEnv, authorize, requireSession, sourceOf } from './guard.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const emptyForm: FriendRequestForm = { name: '', contact: '', interests: '', area: '', languages: '' };

/** /admin/tilbud/{slug}/netvaerksvenner (ADR 033): requests, matches, follow-ups and endings ('volunteer.manage'). */
export function friendAdminRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  const signedIn = requireSession();
  const enter = async (c: Context<AdminEnv>) => {
    const slug = c.req.param('slug') ?? '';
    const offering = /^[a-z0-9-]{1,120}$/.test(slug) ? await deps.backOffice.offeringForEdit(slug) : null;
    if (!offering) throw new NotFoundError('Tilbuddet findes ikke. Måske har det fået et nyt navn; se listen på forsiden.');
    const session = authorize(c, 'volunteer.manage', offering);
    return { offering, signed: { name: session.principal.name, csrfToken: session.csrfToken }, actor: { principal: session.principal, source: sourceOf(c), now: deps.access.now() } };
  };
  const text = async (c: Context<AdminEnv>) => {
    const body = await c.req.parseBody();
    return (name: string, max: number) => (typeof body[name] === 'string' ? (body[name] as string).slice(0, max) : '');
  };
  const page = async (c: Context<AdminEnv>, entered: Awaited<ReturnType<typeof enter>>, state: { form: FriendRequestForm; problems: { field: string; message: string }[]; notice: string | null; refusal: { request: string; message: string } | null }, status: 200 | 400 | 409) => {
    const today = copenhagenDate(entered.actor.now);
    const [requests, candidates] = await Promise.all([deps.friends.requestsOf(entered.offering.id), deps.friends.candidates(entered.offering.id)]);
    const figures = friendFigures(
      requests.map((request) => ({ requestedOn: request.requestedOn, firstMatchedOn: request.matches[0]?.matchedOn ?? null, active: request.matches.some((match) => match.endedOn === null) })),
      today,
    );
    return c.html(<FriendsAdminPage signedIn={entered.signed} offering={entered.offering} today={today} requests={requests} candidates={candidates} figures={figures} {...state} />, status);
  };
  const notices: Record<string, string> = { oenske: 'Ønsket er gemt.', match: 'Matchet er gemt. Husk opfølgning efter en måned.', opfoelgning: 'Opfølgningen er gemt.', afslut: 'Venskabet er afsluttet.' };
  const back = (slug: string, what: string) => `/admin/tilbud/${slug}/netvaerksvenner?gemt=${what}`;

  app.get('/:slug/netvaerksvenner', signedIn, async (c) => {
    const entered = await enter(c);
    return page(c, entered, { form: emptyForm, problems: [], notice: notices[c.req.query('gemt') ?? ''] ?? null, refusal: null }, 200);
  });
  app.post('/:slug/netvaerksvenner', signedIn, async (c) => {
    const entered = await enter(c);
    const field = await text(c);
    const form = { name: field('name', 400), contact: field('contact', 400), interests: field('interests', 5000), area: field('area', 400), languages: field('languages', 400) };
    const outcome = await requestFriend(deps.friends, entered.actor, entered.offering, form);
    if (!outcome.ok) return page(c, entered, { form, problems: outcome.problems, notice: null, refusal: null }, 400);
    return c.redirect(back(entered.offering.slug, 'oenske'), 303);
  });
  app.post('/:slug/netvaerksvenner/:request/match', signedIn, async (c) => {
    const entered = await enter(c);
    const request = c.req.param('request');
    const field = await text(c);
    const outcome = uuid.test(request)
      ? await matchFriend(deps.friends, entered.actor, entered.offering, request, { volunteer: field('volunteer', 40), userConsent: field('userConsent', 5) === 'ja', volunteerConsent: field('volunteerConsent', 5) === 'ja' })
      : { kind: 'not_found' as const };
    if (outcome.kind === 'not_found') throw new NotFoundError('Ønsket findes ikke på dette tilbud.');
    if (outcome.kind === 'refused') return page(c, entered, { form: emptyForm, problems: [], notice: null, refusal: { request, message: outcome.message } }, 409);
    return c.redirect(back(entered.offering.slug, 'match'), 303);
  });
  app.post('/:slug/netvaerksvenner/venskab/:match/opfoelgning', signedIn, async (c) => {
    const entered = await enter(c);
    const match = c.req.param('match');
    const which = (await text(c))('which', 2);
    if (!uuid.test(match) || (which !== '1' && which !== '3') || (await recordFollowUp(deps.friends, entered.actor, entered.offering, match, which === '1' ? 1 : 3)) === 'not_found') {
      throw new NotFoundError('Venskabet findes ikke på dette tilbud.');
    }
    return c.redirect(back(entered.offering.slug, 'opfoelgning'), 303);
  });
  app.post('/:slug/netvaerksvenner/venskab/:match/afslut', signedIn, async (c) => {
    const entered = await enter(c);
    const match = c.req.param('match');
    const by = (await text(c))('by', 20);
    if (by !== 'user' && by !== 'volunteer' && by !== 'staff') throw new NotFoundError('Vælg, hvem der ønsker at afslutte.');
    if (!uuid.test(match) || (await endFriendship(deps.friends, entered.actor, entered.offering, match, by)) === 'not_found') throw new NotFoundError('Venskabet findes ikke, eller det er allerede afsluttet.');
    return c.redirect(back(entered.offering.slug, 'afslut'), 303);
  });
  return app;
}
