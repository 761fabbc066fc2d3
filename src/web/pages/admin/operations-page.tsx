import type { OutboxSummary } from '../../../app/deliver-outbox.ts';
import { deliveryRules, maxAttempts } from '../../../app/deliver-outbox.ts';
import type { JobState } from '../../../jobs/runner.ts';
import type { MailRoute } from '../../../mail/create-mail-transport.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';

type SignedIn = { name: string; csrfToken: string };

const dateTime = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'medium', timeStyle: 'short' });

function MailRouteNote({ route }: { route: MailRoute }) {
  switch (route.kind) {
    case 'smtp':
      return <p>Mails sendes gennem mailserveren {route.host}.</p>;
    case 'log':
      return (
        <Alert variant="info">
          Der er ingen mailserver sat op (SMTP_HOST og SMTP_FROM), og adressen er ikke https, så mails skrives i serverens log i stedet for at
          blive sendt. Det er kun til udvikling.
        </Alert>
      );
    case 'none':
      return (
        <Alert variant="warning">
          Der er ingen mailserver sat op (SMTP_HOST og SMTP_FROM), så mails venter i udbakken og bliver ikke sendt. Mails, der har ventet mere
          end {deliveryRules.maxAgeDays} døgn, opgives, når en mailserver bliver sat op.
        </Alert>
      );
  }
}

/** The outbox's state and the background jobs, for the system administrator (ADR 020): counts and errors, never a mail's body or recipient. */
export function OperationsPage(props: { signedIn: SignedIn; mail: MailRoute; outbox: OutboxSummary; jobs: (JobState & { label: string })[] }) {
  const { outbox } = props;
  return (
    <AdminLayout title="Mails og baggrundsjob" signedIn={props.signedIn}>
      <h1>Mails og baggrundsjob</h1>
      <MailRouteNote route={props.mail} />
      <h2>Udbakken</h2>
      <p>
        Mails med links til adgangskoder, invitationer og påmindelser. En mail, der ikke kan sendes, prøves igen efter{' '}
        {deliveryRules.retryDelaysMinutes.slice(0, -1).join(', ')} og {deliveryRules.retryDelaysMinutes.at(-1)} minutter; efter {maxAttempts}{' '}
        forsøg, eller hvis mailserveren afviser den for altid, opgives den. Ingen mail sendes to gange.
      </p>
      <div class="table--responsive-scroll">
        <table class="table table--compact">
          <caption class="sr-only">Mails i udbakken efter tilstand</caption>
          <thead>
            <tr>
              <th scope="col">Tilstand</th>
              <th scope="col">Antal</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Venter på at blive sendt</th>
              <td>
                {outbox.waiting}
                {outbox.retrying > 0 ? ` (heraf ${outbox.retrying} efter et mislykket forsøg)` : ''}
              </td>
            </tr>
            <tr>
              <th scope="row">Sendt</th>
              <td>{outbox.sent}</td>
            </tr>
            <tr>
              <th scope="row">Opgivet</th>
              <td>{outbox.failed}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <h2>Mails med problemer</h2>
      {outbox.problems.length === 0 ? (
        <p>Ingen mails har haft problemer.</p>
      ) : (
        // Wider than a phone: the region scrolls, so it takes focus to be scrolled by keyboard (DKFDS styles its focus).
        <section class="table--responsive-scroll" tabindex={0} aria-label="Mails med problemer">
          <table class="table table--compact">
            <caption class="sr-only">De nyeste mails, der ikke er kommet af sted i første forsøg</caption>
            <thead>
              <tr>
                <th scope="col">Lagt i udbakken</th>
                <th scope="col">Emne</th>
                <th scope="col">Forsøg</th>
                <th scope="col">Status</th>
                <th scope="col">Sidste fejl</th>
              </tr>
            </thead>
            <tbody>
              {outbox.problems.map((problem) => (
                <tr>
                  <td>{dateTime.format(problem.createdAt)}</td>
                  <td>{problem.subject}</td>
                  <td>{problem.attempts}</td>
                  <td>
                    {problem.failedAt
                      ? `Opgivet ${dateTime.format(problem.failedAt)}`
                      : problem.nextAttemptAt
                        ? `Prøves igen ${dateTime.format(problem.nextAttemptAt)}`
                        : 'Venter'}
                  </td>
                  <td>{problem.lastError}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <h2>Baggrundsjob</h2>
      {props.jobs.length === 0 ? (
        <p>Ingen baggrundsjob har kørt endnu.</p>
      ) : (
        <section class="table--responsive-scroll" tabindex={0} aria-label="Baggrundsjob">
          <table class="table table--compact">
            <caption class="sr-only">Baggrundsjob, hvornår de sidst kørte, og hvornår de kører næste gang</caption>
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Sidst kørt</th>
                <th scope="col">Næste gang</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {props.jobs.map((job) => (
                <tr>
                  <td>{job.label}</td>
                  <td>{job.lastStartedAt ? dateTime.format(job.lastStartedAt) : 'Aldrig'}</td>
                  <td>{dateTime.format(job.nextRunAt)}</td>
                  <td>
                    {job.running
                      ? 'Kører nu'
                      : job.lastError
                        ? `Fejlede${job.failures > 1 ? ` ${job.failures} gange i træk` : ''}: ${job.lastError}`
                        : job.lastFinishedAt
                          ? 'Gik godt'
                          : 'Ikke kørt endnu'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </AdminLayout>
  );
}
