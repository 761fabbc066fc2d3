import { Alert } from '../../components/alert.tsx';
import { Button, ErrorSummary, TextInput } from '../../components/form.tsx';
import { AdminLayout } from '../../admin-layout.tsx';

export type SignInProblem = { field: 'email' | 'password'; message: string };

/** Sign-in with email and password, and single sign-on when it is set up. */
export function SignInPage(props: {
  formToken: string;
  back: string;
  email: string;
  problems: SignInProblem[];
  notice: string | null;
  /** The button to the organisation's sign-in, with its words (OIDC_NAME); null when it is not set up. */
  singleSignOn: { name: string } | null;
}) {
  const problem = (field: SignInProblem['field']) => props.problems.find((item) => item.field === field)?.message;
  return (
    <AdminLayout title={props.problems.length ? 'Fejl: Log ind' : 'Log ind'} signedIn={null}>
      <h1>Log ind</h1>
      <p>For medarbejdere på tilbuddene, i centrene og i forvaltningen.</p>
      {props.notice && <Alert variant="success">{props.notice}</Alert>}
      <ErrorSummary problems={props.problems} />
      {props.singleSignOn && (
        <p>
          <a class="button button-primary" href={`/admin/sso?tilbage=${encodeURIComponent(props.back)}`}>
            {props.singleSignOn.name}
          </a>
        </p>
      )}
      <form method="post" action="/admin/log-ind" novalidate>
        <input type="hidden" name="_form" value={props.formToken} />
        <input type="hidden" name="tilbage" value={props.back} />
        <TextInput id="email" name="email" label="E-mail" type="email" autocomplete="username" value={props.email} error={problem('email')} />
        <TextInput id="password" name="password" label="Adgangskode" type="password" autocomplete="current-password" error={problem('password')} />
        <Button>Log ind</Button>
      </form>
      <p>
        <a href="/admin/glemt-adgangskode">Har du glemt din adgangskode?</a>
      </p>
    </AdminLayout>
  );
}

/** Ask for a link to choose a new password. The answer is the same whether the email has an account or not. */
export function ForgotPasswordPage(props: { formToken: string; email: string; problem: string | null; sent: boolean }) {
  return (
    <AdminLayout title={props.problem ? 'Fejl: Glemt adgangskode' : 'Glemt adgangskode'} signedIn={null}>
      <h1>Glemt adgangskode</h1>
      {props.sent ? (
        <Alert variant="success">
          Hvis der er en konto med den e-mail, har vi sendt et link til at vælge en ny adgangskode. Linket virker i en time og kun én
          gang. Kommer der ingen mail, så tjek stavemåden, eller spørg din leder.
        </Alert>
      ) : (
        <p>Skriv den e-mail, du logger ind med. Vi sender et link, hvor du kan vælge en ny adgangskode.</p>
      )}
      <ErrorSummary problems={props.problem ? [{ field: 'email', message: props.problem }] : []} />
      <form method="post" action="/admin/glemt-adgangskode" novalidate>
        <input type="hidden" name="_form" value={props.formToken} />
        <TextInput id="email" name="email" label="E-mail" type="email" autocomplete="username" value={props.email} error={props.problem ?? undefined} />
        <Button>Send link</Button>
      </form>
      <p>
        <a href="/admin/log-ind">Tilbage til log ind</a>
      </p>
    </AdminLayout>
  );
}

/** Choose a password through a one-time link, or be told plainly why the link no longer works. */
export function SetPasswordPage(props: { formToken: string; action: string; problem: string | null; linkProblem: string | null }) {
  return (
    <AdminLayout title={props.problem || props.linkProblem ? 'Fejl: Vælg adgangskode' : 'Vælg adgangskode'} signedIn={null}>
      <h1>Vælg adgangskode</h1>
      {props.linkProblem ? (
        <>
          <Alert variant="warning">{props.linkProblem}</Alert>
          <p>
            <a href="/admin/glemt-adgangskode">Få et nyt link</a>
          </p>
        </>
      ) : (
        <>
          <p>Vælg en adgangskode på mindst 12 tegn. En sætning af nogle ord er let at huske og svær at gætte.</p>
          <ErrorSummary problems={props.problem ? [{ field: 'password', message: props.problem }] : []} />
          <form method="post" action={props.action} novalidate>
            <input type="hidden" name="_form" value={props.formToken} />
            <TextInput id="password" name="password" label="Ny adgangskode" type="password" autocomplete="new-password" error={props.problem ?? undefined} />
            <TextInput id="repeated" name="repeated" label="Gentag adgangskoden" type="password" autocomplete="new-password" />
            <Button>Gem adgangskode</Button>
          </form>
        </>
      )}
    </AdminLayout>
  );
}

/** Why single sign-on did not sign the person in, and the way forward: back to the sign-in page. */
export function SignOnProblemPage(props: { title: string; text: string; back: string }) {
  const signIn = props.back === '/admin' ? '/admin/log-ind' : `/admin/log-ind?tilbage=${encodeURIComponent(props.back)}`;
  return (
    <AdminLayout title={props.title} signedIn={null}>
      <h1>{props.title}</h1>
      <Alert variant="warning">{props.text}</Alert>
      <p>
        <a href={signIn}>Tilbage til log ind</a>
      </p>
    </AdminLayout>
  );
}
