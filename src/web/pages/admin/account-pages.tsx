import type { AccountRow, ScopeChoice } from '../../../app/manage-accounts.ts';
import { roleLabels } from '../../../app/manage-accounts.ts';
import { roles } from '../../../domain/access/policy.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';
import { Button, CsrfField, ErrorSummary, TextInput } from '../../components/form.tsx';

type SignedIn = { name: string; csrfToken: string };
export type Scopes = { offerings: ScopeChoice[]; operators: ScopeChoice[]; centres: ScopeChoice[] };
export type GrantProblem = { field: 'role' | 'scope' | 'email' | 'name'; message: string };
export type InviteForm = { email: string; name: string; role: string; scope: string };

/** A role and what it covers: one select for the role, one (grouped) for the offering, operator or centre. */
function GrantFields({ scopes, values, problems }: { scopes: Scopes; values: { role: string; scope: string }; problems: GrantProblem[] }) {
  const problem = (field: GrantProblem['field']) => problems.find((item) => item.field === field)?.message;
  const option = (kind: string, item: ScopeChoice) => (
    <option value={`${kind}:${item.id}`} selected={values.scope === `${kind}:${item.id}`}>
      {item.name}
    </option>
  );
  return (
    <>
      <div class={problem('role') ? 'form-group form-error' : 'form-group'}>
        <label class="form-label" for="role">
          Rolle
        </label>
        {problem('role') && (
          <span class="form-error-message" id="role-error">
            <span class="sr-only">Fejl: </span>
            {problem('role')}
          </span>
        )}
        <select class="form-select" id="role" name="role" aria-describedby={problem('role') ? 'role-error' : undefined}>
          <option value="">Vælg en rolle</option>
          {roles.map((role) => (
            <option value={role} selected={values.role === role}>
              {roleLabels[role]}
            </option>
          ))}
        </select>
      </div>
      <div class={problem('scope') ? 'form-group form-error' : 'form-group'}>
        <label class="form-label" for="scope">
          Hvad rollen dækker
        </label>
        <span class="form-hint" id="scope-hint">
          Et tilbud for medarbejdere, en organisation for redaktører, et center for centerledere. Planlæggere, redaktører og
          systemadministratorer dækker det hele.
        </span>
        {problem('scope') && (
          <span class="form-error-message" id="scope-error">
            <span class="sr-only">Fejl: </span>
            {problem('scope')}
          </span>
        )}
        <select class="form-select" id="scope" name="scope" aria-describedby={problem('scope') ? 'scope-hint scope-error' : 'scope-hint'}>
          <option value="">Hele tilbudsviften</option>
          <optgroup label="Tilbud">{scopes.offerings.map((item) => option('offering', item))}</optgroup>
          <optgroup label="Selvejende organisationer">{scopes.operators.map((item) => option('operator', item))}</optgroup>
          <optgroup label="Centre">{scopes.centres.map((item) => option('centre', item))}</optgroup>
        </select>
      </div>
    </>
  );
}

/** Every account, and a form to invite a new one. */
export function AccountsPage(props: {
  signedIn: SignedIn;
  accounts: AccountRow[];
  scopes: Scopes;
  form: InviteForm;
  problems: GrantProblem[];
  invited: string | null;
}) {
  const problem = (field: GrantProblem['field']) => props.problems.find((item) => item.field === field)?.message;
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}Konti`} signedIn={props.signedIn}>
      <h1>Konti</h1>
      {props.invited && <Alert variant="success">{props.invited}</Alert>}
      <div class="table--responsive-scroll">
        <table class="table table--compact">
          <caption class="sr-only">Alle konti</caption>
          <thead>
            <tr>
              <th scope="col">Navn</th>
              <th scope="col">E-mail</th>
              <th scope="col">Roller</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {props.accounts.map((account) => (
              <tr>
                <td>
                  <a href={`/admin/konti/${account.id}`}>{account.name}</a>
                </td>
                <td>{account.email}</td>
                <td>{account.grants.map((grant) => `${roleLabels[grant.role]}${grant.scopeName ? ` (${grant.scopeName})` : ''}`).join('; ') || 'ingen'}</td>
                <td>{account.isDisabled ? 'lukket' : account.hasPassword ? 'aktiv' : 'har ikke valgt adgangskode'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Opret en konto</h2>
      <p>Personen får en mail med et link, der virker i et døgn, til at vælge sin adgangskode.</p>
      <ErrorSummary problems={props.problems} />
      <form method="post" action="/admin/konti" novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        <TextInput id="name" name="name" label="Navn" value={props.form.name} error={problem('name')} autocomplete="off" />
        <TextInput id="email" name="email" label="E-mail" type="email" value={props.form.email} error={problem('email')} />
        <GrantFields scopes={props.scopes} values={props.form} problems={props.problems} />
        <Button>Opret og send link</Button>
      </form>
    </AdminLayout>
  );
}

/** One account: its roles (add, remove), a new password link, close or reopen. */
export function AccountPage(props: { signedIn: SignedIn; account: AccountRow; scopes: Scopes; problems: GrantProblem[]; notice: string | null; isSelf: boolean }) {
  const { account } = props;
  const action = (path: string) => `/admin/konti/${account.id}/${path}`;
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}${account.name}`} signedIn={props.signedIn}>
      <h1>{account.name}</h1>
      <p>
        {account.email} · {account.isDisabled ? 'lukket' : account.hasPassword ? 'aktiv' : 'har ikke valgt adgangskode'}
      </p>
      {props.notice && <Alert variant="success">{props.notice}</Alert>}
      <h2>Roller</h2>
      {account.grants.length === 0 ? (
        <p>Kontoen har ingen roller og kan ikke se noget i administrationen.</p>
      ) : (
        <ul class="nobullet-list">
          {account.grants.map((grant) => (
            <li>
              <form method="post" action={action('rolle/fjern')} class="button-row">
                <CsrfField token={props.signedIn.csrfToken} />
                <input type="hidden" name="grant" value={grant.id} />
                <span>
                  {roleLabels[grant.role]}
                  {grant.scopeName ? ` – ${grant.scopeName}` : ''}
                </span>
                <button type="submit" class="button button-tertiary">
                  Fjern rollen<span class="sr-only"> {roleLabels[grant.role]}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h3>Giv en rolle mere</h3>
      <ErrorSummary problems={props.problems} />
      <form method="post" action={action('rolle')} novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        <GrantFields scopes={props.scopes} values={{ role: '', scope: '' }} problems={props.problems} />
        <Button variant="secondary">Giv rollen</Button>
      </form>
      <h2>Adgang</h2>
      <form method="post" action={action('link')}>
        <CsrfField token={props.signedIn.csrfToken} />
        <p>Har personen glemt sin adgangskode eller ikke nået at vælge en, kan du sende et nyt link.</p>
        <Button variant="secondary">Send et nyt link</Button>
      </form>
      {!props.isSelf && (
        <form method="post" action={action(account.isDisabled ? 'aabn' : 'luk')}>
          <CsrfField token={props.signedIn.csrfToken} />
          <p>
            {account.isDisabled
              ? 'Kontoen er lukket. Åbner du den, kan personen logge ind igen med sin adgangskode.'
              : 'Lukker du kontoen, bliver personen logget ud alle steder og kan ikke logge ind igen. Historikken bevares.'}
          </p>
          <Button variant="secondary">{account.isDisabled ? 'Åbn kontoen' : 'Luk kontoen'}</Button>
        </form>
      )}
      <p>
        <a href="/admin/konti">Alle konti</a>
      </p>
    </AdminLayout>
  );
}
