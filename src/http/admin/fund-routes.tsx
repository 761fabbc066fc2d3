import { type Context, Hono } from 'hono';
import { NotFoundError } from '../../app/errors.ts';
import { createFundRound, grantProposal, printVotingCodes, screenProposal, setFundPhase } from '../../app/run-user-fund.ts';
import { site } from '../../domain/access/policy.ts';
import { FundCodesPage, FundListAdminPage, FundRoundAdminPage, type RoundForm } from '../../web/pages/admin/fund-pages.tsx';
import { type AdminDeps, type AdminEnv, authorize, requireSession, sourceOf } from './guard.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The user fund's back office (ADR 033): the pools at /admin/pulje ('fund.manage'), and the voting codes an
 * offering prints at /admin/tilbud/{slug}/pulje ('fund.codes'). Authorised before anything is looked up.
 */
export function fundAdminRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  const signedIn = requireSession();
  const signedInOf = (session: { principal: { name: string }; csrfToken: string }) => ({ name: session.principal.name, csrfToken: session.csrfToken });
  const form = async (c: Context<AdminEnv>) => {
    const body = await c.req.parseBody();
    return (name: string, max: number) => (typeof body[name] === 'string' ? (body[name] as string).slice(0, max) : '');
  };
  const manager = (c: Context<AdminEnv>) => {
    const session = authorize(c, 'fund.manage', site);
    return { session, actor: { principal: session.principal, source: sourceOf(c), now: deps.access.now() } };
  };
  const roundOf = async (id: string | undefined) => {
    const round = id && uuid.test(id) ? await deps.fund.roundById(id) : null;
    if (!round) throw new NotFoundError('Puljen findes ikke. Se listen over brugerpuljer.');
    return round;
  };
  const listPage = async (c: Context<AdminEnv>, session: ReturnType<typeof manager>['session'], roundForm: RoundForm, problems: { field: string; message: string }[], status: 200 | 400) =>
    c.html(<FundListAdminPage signedIn={signedInOf(session)} rounds={await deps.fund.rounds()} districts={await deps.fund.districts()} form={roundForm} problems={problems} />, status);

  app.get('/pulje', signedIn, async (c) => {
    const { session } = manager(c);
    return listPage(c, session, { name: '', year: deps.access.now().getUTCFullYear().toString(), amount: '', district: '' }, [], 200);
  });

  app.post('/pulje', signedIn, async (c) => {
    const { session, actor } = manager(c);
    const text = await form(c);
    const roundForm = { name: text('name', 500), year: text('year', 10), amount: text('amount', 40), district: text('district', 80) };
    const outcome = await createFundRound(deps.fund, actor, roundForm);
    if (!outcome.ok) return listPage(c, session, roundForm, outcome.problems, 400);
    return c.redirect(`/admin/pulje/${outcome.id}`, 303);
  });

  const notices: Record<string, string> = { fase: 'Fasen er skiftet.', gennemgang: 'Gennemgangen er gemt.', bevilling: 'Bevillingen er gemt.' };
  app.get('/pulje/:round', signedIn, async (c) => {
    const { session } = manager(c);
    const round = await roundOf(c.req.param('round'));
    return c.html(<FundRoundAdminPage signedIn={signedInOf(session)} round={round} notice={notices[c.req.query('gemt') ?? ''] ?? null} problems={[]} problemFor={null} />);
  });

  app.post('/pulje/:round/fase', signedIn, async (c) => {
    const { actor } = manager(c);
    const round = await roundOf(c.req.param('round'));
    const text = await form(c);
    if (!(await setFundPhase(deps.fund, actor, round, text('phase', 20)))) throw new NotFoundError('Den fase findes ikke. Hent siden igen.');
    return c.redirect(`/admin/pulje/${round.id}?gemt=fase`, 303);
  });

  const onProposal = (path: string, run: typeof screenProposal | typeof grantProposal, fields: readonly string[]) =>
    app.post(`/pulje/:round/forslag/:proposal/${path}`, signedIn, async (c) => {
      const { session, actor } = manager(c);
      const round = await roundOf(c.req.param('round'));
      const proposalId = c.req.param('proposal');
      if (!round.proposals.some((proposal) => proposal.id === proposalId)) throw new NotFoundError('Forslaget findes ikke i denne pulje.');
      const text = await form(c);
      const input = Object.fromEntries(fields.map((name) => [name, text(name, 5000)]));
      const outcome = await run(deps.fund, actor, round, proposalId, input as never);
      if (!outcome.ok) return c.html(<FundRoundAdminPage signedIn={signedInOf(session)} round={round} notice={null} problems={outcome.problems} problemFor={proposalId} />, 400);
      if (outcome.outcome === 'not_accepted') {
        return c.html(<FundRoundAdminPage signedIn={signedInOf(session)} round={round} notice={null} problems={[{ field: 'granted', message: 'Kun forslag, der er med i afstemningen, kan få en bevilling.' }]} problemFor={proposalId} />, 409);
      }
      return c.redirect(`/admin/pulje/${round.id}?gemt=${path}`, 303);
    });
  onProposal('gennemgang', screenProposal, ['verdict', 'rejection', 'note']);
  onProposal('bevilling', grantProposal, ['granted', 'responsible', 'followUp']);

  // Voting codes at the offering.
  const offeringOf = async (c: Context<AdminEnv>) => {
    const slug = c.req.param('slug') ?? '';
    const offering = /^[a-z0-9-]{1,120}$/.test(slug) ? await deps.backOffice.offeringForEdit(slug) : null;
    if (!offering) throw new NotFoundError('Tilbuddet findes ikke. Måske har det fået et nyt navn; se listen på forsiden.');
    const session = authorize(c, 'fund.codes', offering);
    return { offering, session, actor: { principal: session.principal, source: sourceOf(c), now: deps.access.now() } };
  };
  const openRounds = async () => (await deps.fund.rounds()).filter((round) => round.phase !== 'closed');

  app.get('/tilbud/:slug/pulje', signedIn, async (c) => {
    const { offering, session } = await offeringOf(c);
    return c.html(<FundCodesPage signedIn={signedInOf(session)} offering={offering} rounds={await openRounds()} form={{ round: '', count: '20' }} problems={[]} codes={null} />);
  });

  app.post('/tilbud/:slug/pulje', signedIn, async (c) => {
    const { offering, session, actor } = await offeringOf(c);
    const text = await form(c);
    const codesForm = { round: text('round', 40), count: text('count', 10) };
    const rounds = await openRounds();
    const round = rounds.find((item) => item.id === codesForm.round);
    if (!round) return c.html(<FundCodesPage signedIn={signedInOf(session)} offering={offering} rounds={rounds} form={codesForm} problems={[{ field: 'round', message: 'Vælg en pulje på listen.' }]} codes={null} />, 400);
    const outcome = await printVotingCodes(deps.fund, actor, round, offering, codesForm.count);
    if (!outcome.ok) return c.html(<FundCodesPage signedIn={signedInOf(session)} offering={offering} rounds={rounds} form={codesForm} problems={outcome.problems} codes={null} />, 400);
    return c.html(<FundCodesPage signedIn={signedInOf(session)} offering={offering} rounds={rounds} form={codesForm} problems={[]} codes={{ round, codes: outcome.codes }} />);
  });

  return app;
}
