import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { NotFoundError } from '../../app/errors.ts';
import { closeAccount, inviteAccount, roleLabels, scopeOf } from '../../app/manage-accounts.ts';
import { createPasswordLink, firstLinkHours } from '../../app/staff-access.ts';
import { type Grant, type Role, roles, site } from '../../domain/access/policy.ts';
import { AccountPage, AccountsPage, type GrantProblem, type InviteForm, type Scopes } from '../../web/pages/admin/account-pages.tsx';
import { type AdminDeps, type AdminEnv, authorize, requireSession, sourceOf } from './guard.ts';

const scopeWords = { offering: 'et tilbud', operator: 'en selvejende organisation', centre: 'et center' } as const;

/** A role and its scope from the form, or the problems with them in the words the form shows. */
export function readGrant(body: Record<string, unknown>, scopes: Scopes): { grant: Grant | null; problems: GrantProblem[] } {
  const role = typeof body.role === 'string' && (roles as readonly string[]).includes(body.role) ? (body.role as Role) : null;
  if (!role) return { grant: null, problems: [{ field: 'role', message: 'Vælg en rolle.' }] };
  const [kind, id] = typeof body.scope === 'string' && body.scope.includes(':') ? body.scope.split(':') : [null, null];
  const needed = scopeOf[role];
  if (!needed) {
    if (kind) return { grant: null, problems: [{ field: 'scope', message: `${roleLabels[role]} dækker hele tilbudsviften. Vælg «Hele tilbudsviften».` }] };
    return { grant: { role, offeringId: null, organizationId: null }, problems: [] };
  }
  const known = { offering: scopes.offerings, operator: scopes.operators, centre: scopes.centres }[needed].some((item) => item.id === id);
  if (kind !== needed || !known) {
    return { grant: null, problems: [{ field: 'scope', message: `${roleLabels[role]} skal dække ${scopeWords[needed]}. Vælg ${scopeWords[needed]} på listen.` }] };
  }
  return { grant: { role, offeringId: needed === 'offering' ? id! : null, organizationId: needed === 'offering' ? null : id! }, problems: [] };
}

const person = z.object({
  name: z.string().trim().min(2, { error: 'Skriv personens navn.' }).max(200, { error: 'Navnet må højst have 200 tegn.' }),
  email: z.email({ error: 'Skriv en e-mail som navn@kk.dk.' }).max(254, { error: 'E-mailen er for lang.' }),
});

/** Accounts for the system administrator (ADR 012): list, invite, roles, new link, close and reopen. */
export function accountRoutes(deps: AdminDeps) {
  const app = new Hono<AdminEnv>();
  app.use('*', requireSession());
  const linkTo = (token: string) => `${deps.baseUrl}/admin/adgangskode/${token}`;
  const audit = (c: Context<AdminEnv>, entry: { action: string; resourceId: string; summary: string; detail?: Record<string, unknown> }) => {
    const session = c.get('session')!;
    return deps.audit.append({
      ...entry,
      at: deps.access.now(),
      actorId: session.principal.accountId,
      actorName: session.principal.name,
      resourceType: 'account',
      source: sourceOf(c),
    });
  };

  const listPage = async (c: Context<AdminEnv>, form: InviteForm, problems: GrantProblem[], invited: string | null, status: 200 | 400 | 409) => {
    const session = c.get('session')!;
    const accounts = await deps.accounts.accounts();
    // The list shows everyone's email: a read of personal data.
    await audit(c, { action: 'account.read', resourceId: 'alle', summary: `Så listen over konti (${accounts.length})` });
    return c.html(
      <AccountsPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        accounts={accounts}
        scopes={await deps.accounts.scopes()}
        form={form}
        problems={problems}
        invited={invited}
      />,
      status,
    );
  };
  const empty: InviteForm = { email: '', name: '', role: '', scope: '' };

  app.get('/', (c) => {
    authorize(c, 'account.manage', site);
    return listPage(c, empty, [], c.req.query('oprettet') ? 'Kontoen er oprettet, og personen har fået en mail med et link.' : null, 200);
  });

  app.post('/', async (c) => {
    authorize(c, 'account.manage', site);
    const body = await c.req.parseBody();
    const form: InviteForm = {
      email: typeof body.email === 'string' ? body.email.trim().slice(0, 254) : '',
      name: typeof body.name === 'string' ? body.name.trim().slice(0, 200) : '',
      role: typeof body.role === 'string' ? body.role : '',
      scope: typeof body.scope === 'string' ? body.scope : '',
    };
    const parsed = person.safeParse(form);
    const problems: GrantProblem[] = parsed.success ? [] : parsed.error.issues.map((issue) => ({ field: issue.path[0] as 'name' | 'email', message: issue.message }));
    const { grant, problems: grantProblems } = readGrant(body, await deps.accounts.scopes());
    problems.push(...grantProblems);
    if (!parsed.success || !grant) return listPage(c, form, problems, null, 400);
    const outcome = await inviteAccount(deps.access, { ...parsed.data, grant }, linkTo);
    if (outcome.status === 'exists') {
      return listPage(c, form, [{ field: 'email', message: 'Der er allerede en konto med den e-mail. Giv den en rolle mere på kontoens side.' }], null, 409);
    }
    await audit(c, { action: 'account.create', resourceId: outcome.accountId, summary: `Oprettede en konto til ${parsed.data.name} som ${roleLabels[grant.role].toLocaleLowerCase('da')}` });
    if (deps.logLinks) deps.logger.info({ link: linkTo(outcome.token) }, 'one-time link (development: no mail server is set up)');
    return c.redirect('/admin/konti?oprettet=1', 303);
  });

  const load = async (c: Context<AdminEnv>) => {
    const account = await deps.accounts.account(c.req.param('id') ?? '');
    if (!account) throw new NotFoundError('Kontoen findes ikke.');
    return account;
  };
  const notices: Record<string, string> = {
    rolle: 'Rollen er givet.',
    fjernet: 'Rollen er fjernet.',
    link: `Personen har fået en mail med et nyt link, der virker i ${firstLinkHours} timer.`,
    lukket: 'Kontoen er lukket, og personen er logget ud alle steder.',
    aabnet: 'Kontoen er åbnet igen.',
  };
  const accountPage = async (c: Context<AdminEnv>, problems: GrantProblem[], status: 200 | 400) => {
    const session = c.get('session')!;
    const account = await load(c);
    await audit(c, { action: 'account.read', resourceId: account.id, summary: `Så kontoen for ${account.name}` });
    return c.html(
      <AccountPage
        signedIn={{ name: session.principal.name, csrfToken: session.csrfToken }}
        account={account}
        scopes={await deps.accounts.scopes()}
        problems={problems}
        notice={notices[c.req.query('besked') ?? ''] ?? null}
        isSelf={account.id === session.principal.accountId}
      />,
      status,
    );
  };

  app.get('/:id', (c) => {
    authorize(c, 'account.manage', site);
    return accountPage(c, [], 200);
  });

  app.post('/:id/rolle', async (c) => {
    authorize(c, 'account.manage', site);
    const account = await load(c);
    const { grant, problems } = readGrant(await c.req.parseBody(), await deps.accounts.scopes());
    if (!grant) return accountPage(c, problems, 400);
    await deps.access.store.addGrant(account.id, grant);
    await audit(c, { action: 'account.grant', resourceId: account.id, summary: `Gav ${account.name} rollen ${roleLabels[grant.role].toLocaleLowerCase('da')}`, detail: { grant } });
    return c.redirect(`/admin/konti/${account.id}?besked=rolle`, 303);
  });

  app.post('/:id/rolle/fjern', async (c) => {
    authorize(c, 'account.manage', site);
    const account = await load(c);
    const body = await c.req.parseBody();
    const grant = account.grants.find((item) => item.id === body.grant);
    if (!grant || !(await deps.accounts.removeGrant(account.id, grant.id))) throw new NotFoundError('Rollen findes ikke længere på kontoen.');
    await audit(c, { action: 'account.revoke', resourceId: account.id, summary: `Fjernede rollen ${roleLabels[grant.role].toLocaleLowerCase('da')} fra ${account.name}`, detail: { grant } });
    return c.redirect(`/admin/konti/${account.id}?besked=fjernet`, 303);
  });

  app.post('/:id/link', async (c) => {
    authorize(c, 'account.manage', site);
    const account = await load(c);
    const token = await createPasswordLink(deps.access, account.id, firstLinkHours * 60);
    await deps.access.store.queueMail({
      recipient: account.email,
      subject: 'Vælg en adgangskode til Tilbudsvifte',
      body: `Hej ${account.name}\n\nBrug linket inden for ${firstLinkHours} timer til at vælge en adgangskode; det virker én gang:\n\n${linkTo(token)}\n`,
      createdAt: deps.access.now(),
    });
    await audit(c, { action: 'account.password_link', resourceId: account.id, summary: `Sendte et nyt link til ${account.name}` });
    if (deps.logLinks) deps.logger.info({ link: linkTo(token) }, 'one-time link (development: no mail server is set up)');
    return c.redirect(`/admin/konti/${account.id}?besked=link`, 303);
  });

  for (const [path, disabled] of [
    ['luk', true],
    ['aabn', false],
  ] as const) {
    app.post(`/:id/${path}`, async (c) => {
      const session = authorize(c, 'account.manage', site);
      const account = await load(c);
      if (account.id === session.principal.accountId) throw new NotFoundError('Du kan ikke lukke din egen konto. Bed en anden systemadministrator om det.');
      if (disabled) await closeAccount(deps.access, deps.accounts, account.id);
      else await deps.accounts.setDisabled(account.id, false);
      await audit(c, { action: disabled ? 'account.close' : 'account.reopen', resourceId: account.id, summary: `${disabled ? 'Lukkede' : 'Åbnede'} kontoen for ${account.name}` });
      return c.redirect(`/admin/konti/${account.id}?besked=${disabled ? 'lukket' : 'aabnet'}`, 303);
    });
  }
  return app;
}
