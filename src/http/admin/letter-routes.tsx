import { type Context, Hono } from 'hono';
import { NotFoundError } from '../../app/errors.ts';
import { logLetter, replyToLetter } from '../../app/log-letters.ts';
import { can, site } from '../../domain/access/policy.ts';
import type { Letter, LetterForm } from '../../domain/planning/correspondence.ts';
import type { ChangeProblem } from '../../domain/planning/scenario.ts';
import { LetterListPage, LetterPage } from '../../web/pages/admin/letter-pages.tsx';
import { type AdminDeps, type AdminEnv, authorize, requireSession, sourceOf } from './guard.ts';

const emptyForm = (): LetterForm => ({ caseNumber: '', scenarioId: '', receivedOn: '', senderKind: '', subject: '', summary: '', senderName: '', senderContact: '', replyText: '', repliedOn: '' });

/**
 * /admin/planlaegning/breve (ADR 035): the correspondence log. Every range role with 'planning.read' reads the
 * letters; those with 'planning.edit' log them, reply, and alone see the senders' names and contacts.
 */
export function letterAdminRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  const signedIn = requireSession();
  const { letters, scenarios } = deps.planning;
  const now = () => deps.access.now();
  const text = (body: Record<string, unknown>, name: string, max: number) => (typeof body[name] === 'string' ? (body[name] as string).slice(0, max) : '');

  const listPage = async (c: Context<AdminEnv>, form: LetterForm, problems: ChangeProblem[], status: 200 | 400) => {
    const session = authorize(c, 'planning.read', site);
    const canEdit = can(session.principal, 'planning.edit', site);
    const shown = (await letters.list({})).map((letter): Letter => (canEdit ? letter : { ...letter, senderName: null, senderContact: null }));
    return c.html(
      <LetterListPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        letters={shown}
        scenarios={(await scenarios.list({ publishedOnly: false })).map((item) => ({ id: item.id, title: item.title }))}
        canEdit={canEdit}
        form={form}
        problems={problems}
      />,
      status,
    );
  };

  const letterPage = async (c: Context<AdminEnv>, letter: Letter, state: { form?: { replyText: string; repliedOn: string; version: number }; problems?: ChangeProblem[]; notice?: string | null; stale?: boolean }, status: 200 | 400 | 409 = 200) => {
    const session = authorize(c, 'planning.read', site);
    const canEdit = can(session.principal, 'planning.edit', site);
    const scenario = letter.scenarioId ? await scenarios.get(letter.scenarioId) : null;
    return c.html(
      <LetterPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        letter={canEdit ? letter : { ...letter, senderName: null, senderContact: null }}
        scenarioTitle={scenario?.title ?? null}
        canEdit={canEdit}
        form={state.form ?? { replyText: letter.reply?.text ?? '', repliedOn: letter.reply?.on ?? '', version: letter.version }}
        problems={state.problems ?? []}
        notice={state.notice ?? null}
        stale={state.stale ?? false}
      />,
      status,
    );
  };

  const load = async (id: string) => {
    const letter = await letters.get(id);
    if (!letter) throw new NotFoundError('Brevet findes ikke. Se listen over breve under Planlægning.');
    return letter;
  };

  app.get('/breve', signedIn, (c) => listPage(c, emptyForm(), [], 200));

  app.post('/breve', signedIn, async (c) => {
    const session = authorize(c, 'planning.edit', site);
    const body = await c.req.parseBody();
    const form: LetterForm = {
      caseNumber: text(body, 'caseNumber', 60),
      scenarioId: text(body, 'scenarioId', 60),
      receivedOn: text(body, 'receivedOn', 20),
      senderKind: text(body, 'senderKind', 20),
      subject: text(body, 'subject', 300),
      summary: text(body, 'summary', 4500),
      senderName: text(body, 'senderName', 300),
      senderContact: text(body, 'senderContact', 400),
      replyText: text(body, 'replyText', 8500),
      repliedOn: text(body, 'repliedOn', 20),
    };
    const outcome = await logLetter({ letters, scenarios, now: now() }, form, session.principal, sourceOf(c));
    if (outcome.kind === 'invalid') return listPage(c, form, outcome.problems, 400);
    return c.redirect(`/admin/planlaegning/breve/${outcome.id}?gemt=ny`, 303);
  });

  app.get('/breve/:letter', signedIn, async (c) => {
    authorize(c, 'planning.read', site);
    const letter = await load(c.req.param('letter'));
    const saved = c.req.query('gemt');
    return letterPage(c, letter, { notice: saved === 'ny' ? 'Brevet er logget.' : saved === 'svar' ? 'Svaret er gemt.' : null });
  });

  app.post('/breve/:letter/svar', signedIn, async (c) => {
    const session = authorize(c, 'planning.edit', site);
    const letter = await load(c.req.param('letter'));
    const body = await c.req.parseBody();
    const form = { replyText: text(body, 'replyText', 8500), repliedOn: text(body, 'repliedOn', 20), version: Number(text(body, 'version', 12)) || 0 };
    const outcome = await replyToLetter({ letters, now: now() }, letter.id, { ...form, baseVersion: form.version }, session.principal, sourceOf(c));
    if (outcome.kind === 'invalid') return letterPage(c, letter, { form, problems: outcome.problems }, 400);
    if (outcome.kind === 'stale') return letterPage(c, outcome.current, { form: { ...form, version: outcome.current.version }, stale: true }, 409);
    return c.redirect(`/admin/planlaegning/breve/${letter.id}?gemt=svar`, 303);
  });

  return app;
}
