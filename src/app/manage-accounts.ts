import type { Grant, Role } from '../domain/access/policy.ts';
import { type AccessDeps, createPasswordLink, firstLinkHours, signOutEverywhere } from './staff-access.ts';

/**
 * The system administrator keeps the accounts: who exists, which roles they hold over what, who is
 * closed. A new account gets no password, only a one-time link by mail (24 hours) to choose one.
 */

export type GrantRow = Grant & { id: string; scopeName: string | null };
export type AccountRow = { id: string; email: string; name: string; isDisabled: boolean; hasPassword: boolean; grants: GrantRow[] };
export type ScopeChoice = { id: string; name: string };

export type AccountAdminStore = {
  accounts(): Promise<AccountRow[]>;
  account(id: string): Promise<AccountRow | null>;
  setDisabled(accountId: string, disabled: boolean): Promise<void>;
  removeGrant(accountId: string, grantId: string): Promise<boolean>;
  /** What a scoped role can cover: offerings, operators and centres, by name. */
  scopes(): Promise<{ offerings: ScopeChoice[]; operators: ScopeChoice[]; centres: ScopeChoice[] }>;
};

/** The roles a grant needs a scope for, and which. */
export const scopeOf: Record<Role, 'offering' | 'operator' | 'centre' | null> = {
  offering_staff: 'offering',
  operator_editor: 'operator',
  centre_lead: 'centre',
  planner: null,
  editor: null,
  system_admin: null,
  referrer: null,
};

export const roleLabels: Record<Role, string> = {
  offering_staff: 'Medarbejder på et tilbud',
  operator_editor: 'Redaktør for en selvejende organisation',
  centre_lead: 'Centerleder',
  planner: 'Planlægger i forvaltningen',
  editor: 'Redaktør (udgivelse)',
  system_admin: 'Systemadministrator',
  referrer: 'Henviser (samarbejdspartner)',
};

/** Make an account with one grant and send the person a link to choose a password. */
export async function inviteAccount(
  deps: AccessDeps,
  person: { email: string; name: string; grant: Grant },
  linkTo: (token: string) => string,
): Promise<{ status: 'created'; accountId: string; token: string } | { status: 'exists'; accountId: string }> {
  const existing = await deps.store.accountByEmail(person.email);
  if (existing) return { status: 'exists', accountId: existing.id };
  const accountId = await deps.store.createAccount({ email: person.email, name: person.name });
  await deps.store.addGrant(accountId, person.grant);
  const token = await createPasswordLink(deps, accountId, firstLinkHours * 60);
  await deps.store.queueMail({
    recipient: person.email,
    subject: 'Du har fået en konto i Tilbudsvifte',
    body:
      `Hej ${person.name}\n\nDu har fået en konto i Tilbudsvifte, hvor du kan holde oplysningerne om dine tilbud opdateret.\n` +
      `Vælg din adgangskode her inden for ${firstLinkHours} timer; linket virker én gang:\n\n${linkTo(token)}\n`,
    createdAt: deps.now(),
  });
  return { status: 'created', accountId, token };
}

/** Close an account: it can no longer sign in, and every session it has ends now. */
export async function closeAccount(deps: AccessDeps, store: AccountAdminStore, accountId: string): Promise<void> {
  await store.setDisabled(accountId, true);
  await signOutEverywhere(deps, accountId);
}
