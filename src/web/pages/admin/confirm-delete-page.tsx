import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';
import { Button, CsrfField } from '../../components/form.tsx';

/**
 * The confirmation before something is deleted (a council meeting, a user job, a peer cohort): what goes with it,
 * a button that deletes, a way back. When deleting would lose records others depend on, the refusal in a plain
 * sentence instead of the button, and what to do instead.
 */
export function ConfirmDeletePage(props: {
  signedIn: { name: string; csrfToken: string };
  /** What is deleted, e.g. «brugerjobbet «Caféhjælper»». */
  what: string;
  /** The sentences that say what goes with it. */
  consequences: string[];
  action: string;
  back: { href: string; text: string };
  /** Why it cannot be deleted, and what to do instead; null when it can. */
  refusal: string | null;
  /** Something to do instead of deleting, e.g. closing a cohort: a second form. */
  instead?: { action: string; label: string } | undefined;
}) {
  return (
    <AdminLayout title={`${props.refusal ? 'Kan ikke slettes' : 'Slet'}: ${props.what}`} signedIn={props.signedIn}>
      <p>
        <a href={props.back.href}>{props.back.text}</a>
      </p>
      <h1>Slet {props.what}?</h1>
      {props.refusal ? (
        <Alert variant="warning">{props.refusal}</Alert>
      ) : (
        <>
          {props.consequences.map((line) => (
            <p>{line}</p>
          ))}
          <p>Sletningen kan ikke fortrydes. Den står i loggen med dit navn.</p>
          <form method="post" action={props.action}>
            <CsrfField token={props.signedIn.csrfToken} />
            <Button>Ja, slet {props.what}</Button>
          </form>
        </>
      )}
      {props.instead && (
        <form method="post" action={props.instead.action}>
          <CsrfField token={props.signedIn.csrfToken} />
          <Button variant="secondary">{props.instead.label}</Button>
        </form>
      )}
      <p>
        <a href={props.back.href}>Nej, gå tilbage</a>
      </p>
    </AdminLayout>
  );
}
