import type { CorrectionTask } from '../../../app/correction-store.ts';
import type { TaskWithOffering } from '../../../app/list-correction-tasks.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';
import { Button, CsrfField, ErrorSummary, TextArea } from '../../components/form.tsx';

type SignedIn = { name: string; csrfToken: string };

const dateTime = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'long', timeStyle: 'short' });

const excerpt = (text: string) => (text.length > 140 ? `${text.slice(0, 139)}…` : text);

/** The corrections citizens sent for the offerings the person answers for: open ones, then recently closed. */
export function CorrectionTasksPage(props: { signedIn: SignedIn; open: TaskWithOffering[]; closed: TaskWithOffering[]; mayRead: boolean }) {
  return (
    <AdminLayout title="Rettelser fra borgere" signedIn={props.signedIn}>
      <h1>Rettelser fra borgere</h1>
      <p>
        Forslag til rettelser, som borgere har sendt fra tilbuddenes offentlige sider. Se på hver rettelse, ret tilbuddet, hvis der er
        en fejl, og luk opgaven med en kort note. Har borgeren skrevet sin e-mail, bliver den slettet, når opgaven lukkes.
      </p>
      {!props.mayRead && (
        <p>Dine roller giver ikke adgang til rettelser. Dem ser medarbejderne, redaktørerne og lederne, der har ansvaret for tilbuddene.</p>
      )}
      <h2>Åbne ({props.open.length})</h2>
      {props.open.length === 0 ? (
        <p>Der er ingen åbne rettelser.</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--compact">
            <caption class="sr-only">Åbne rettelser, ældste først</caption>
            <thead>
              <tr>
                <th scope="col">Modtaget</th>
                <th scope="col">Tilbud</th>
                <th scope="col">Rettelse</th>
                <th scope="col">E-mail til svar</th>
              </tr>
            </thead>
            <tbody>
              {props.open.map((task) => (
                <tr>
                  <td>
                    <a href={`/admin/opgaver/${task.id}`}>{dateTime.format(task.createdAt)}</a>
                  </td>
                  <td>{task.offering.name}</td>
                  <td>{excerpt(task.text)}</td>
                  <td>{task.contactEmail ? 'Ja' : 'Nej'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Lukket de sidste 30 dage ({props.closed.length})</h2>
      {props.closed.length === 0 ? (
        <p>Ingen rettelser er lukket de sidste 30 dage.</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--compact">
            <caption class="sr-only">Lukkede rettelser, nyeste først</caption>
            <thead>
              <tr>
                <th scope="col">Lukket</th>
                <th scope="col">Tilbud</th>
                <th scope="col">Rettelse</th>
                <th scope="col">Lukket af</th>
              </tr>
            </thead>
            <tbody>
              {props.closed.map((task) => (
                <tr>
                  <td>
                    <a href={`/admin/opgaver/${task.id}`}>{task.closedAt ? dateTime.format(task.closedAt) : ''}</a>
                  </td>
                  <td>{task.offering.name}</td>
                  <td>{excerpt(task.text)}</td>
                  <td>{task.closedByName ?? 'En tidligere konto'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}

/** One correction: what the citizen wrote, their email while the task is open, and closing it with a note. */
export function CorrectionTaskPage(props: {
  signedIn: SignedIn;
  task: CorrectionTask;
  offering: { slug: string; name: string };
  canClose: boolean;
  canEdit: boolean;
  note: string;
  problem: string | null;
  justClosed: boolean;
  closedByOther: boolean;
}) {
  const { task } = props;
  return (
    <AdminLayout title={`${props.problem ? 'Fejl: ' : ''}Rettelse til ${props.offering.name}`} signedIn={props.signedIn}>
      <h1>Rettelse til {props.offering.name}</h1>
      {props.justClosed && <Alert variant="success">Opgaven er lukket. Borgerens e-mail er slettet, hvis der var en.</Alert>}
      {props.closedByOther && <Alert variant="warning">En anden har lukket opgaven, mens du havde den åben. Din note er ikke gemt.</Alert>}
      <p>
        Modtaget {dateTime.format(task.createdAt)}. <a href={`/tilbud/${props.offering.slug}`}>Se den offentlige side</a>
        {props.canEdit && (
          <>
            {' · '}
            <a href={`/admin/tilbud/${props.offering.slug}`}>Ret tilbuddet</a>
          </>
        )}
      </p>
      <h2>Borgeren skrev</h2>
      <p class="preserve-lines">{task.text}</p>
      {task.status === 'open' ? (
        <>
          <h2>Svar til borgeren</h2>
          {task.contactEmail ? (
            <p>
              Borgeren har skrevet sin e-mail: <a href={`mailto:${task.contactEmail}`}>{task.contactEmail}</a>. Brug den kun til at spørge
              eller svare om denne rettelse. Den slettes, når opgaven lukkes, og det er skrevet i revisionsloggen, at du har set den.
            </p>
          ) : (
            <p>Borgeren har ikke skrevet en e-mail, så der er ingen at svare.</p>
          )}
          <ErrorSummary problems={props.problem ? [{ field: 'note', message: props.problem }] : []} />
          {props.canClose && (
            <form method="post" action={`/admin/opgaver/${task.id}`} novalidate>
              <CsrfField token={props.signedIn.csrfToken} />
              <TextArea
                id="note"
                name="note"
                label="Hvad har I gjort?"
                hint="Fx »Rettet telefonnummeret« eller »Oplysningerne var rigtige«. Noten bliver i systemet; borgeren ser den ikke."
                value={props.note}
                rows={3}
                error={props.problem ?? undefined}
              />
              <Button>Luk opgaven</Button>
            </form>
          )}
        </>
      ) : (
        <>
          <h2>Lukket</h2>
          <p>
            Lukket {task.closedAt ? dateTime.format(task.closedAt) : ''} af {task.closedByName ?? 'en tidligere konto'}.
          </p>
          <p class="preserve-lines">{task.resolutionNote}</p>
        </>
      )}
      <p>
        <a href="/admin/opgaver">Alle rettelser</a>
      </p>
    </AdminLayout>
  );
}
