import type { DueOffering } from '../../../app/list-due-offerings.ts';
import { type Freshness, freshnessLimits, freshnessStateWords } from '../../../domain/freshness.ts';
import { formatDanishDate } from '../../../domain/time.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';
import { Button, CsrfField } from '../../components/form.tsx';

type SignedIn = { name: string; csrfToken: string };

/** What happens next to a record, in one sentence for the people who answer for it. */
export function nextStep(freshness: Freshness): string {
  switch (freshness.state) {
    case 'fresh':
    case 'due_soon':
      return `Bekræft inden ${formatDanishDate(freshness.warnOn)}; ellers får den offentlige side en advarsel.`;
    case 'stale':
      return `Den offentlige side viser en advarsel. Fra ${formatDanishDate(freshness.expiresOn)} forsvinder stedet fra søgningen.`;
    case 'expired':
      return 'Stedet er ude af søgningen, indtil nogen bekræfter oplysningerne.';
  }
}

function lastVerified(freshness: Freshness, byName: string | null): string {
  if (!freshness.verifiedOn) return 'Ikke bekræftet på platformen endnu. Oplysningerne kommer fra kommunens dokumenter fra 2010–2016.';
  return `Sidst bekræftet ${formatDanishDate(freshness.verifiedOn)}${byName ? ` af ${byName}` : ''}.`;
}

/** The verification panel on an offering's back-office page: when it was last verified, and the one-click button. */
export function VerifyPanel(props: {
  signedIn: SignedIn;
  slug: string;
  version: number;
  freshness: Freshness;
  verifiedByName: string | null;
  canVerify: boolean;
  verified: boolean;
  conflict: boolean;
}) {
  const { freshness } = props;
  return (
    <section aria-labelledby="bekraeftelse">
      <h2 id="bekraeftelse">Er oplysningerne stadig rigtige?</h2>
      {props.verified && <Alert variant="success">Tak. Oplysningerne er bekræftet, og det står nu på den offentlige side.</Alert>}
      {props.conflict && (
        <Alert variant="warning">
          En anden har ændret oplysningerne, siden du åbnede siden, så vi har ikke registreret din bekræftelse. Se oplysningerne igennem
          nedenfor, og bekræft igen, hvis de er rigtige.
        </Alert>
      )}
      <p>
        {lastVerified(freshness, props.verifiedByName)} Status: <strong>{freshnessStateWords.da[freshness.state]}</strong>.{' '}
        {nextStep(freshness)}
      </p>
      {props.canVerify && (
        <form method="post" action={`/admin/tilbud/${props.slug}/bekraeft`}>
          <CsrfField token={props.signedIn.csrfToken} />
          <input type="hidden" name="version" value={String(props.version)} />
          <p>Har du set oplysningerne igennem, og er de stadig rigtige, er ét klik nok. Retter du noget og gemmer, tæller det også.</p>
          <Button variant="secondary">Oplysningerne er stadig rigtige</Button>
        </form>
      )}
    </section>
  );
}

const groupOrder = (name: string) => (name === outsideCentres ? '\uffff' : name);
const outsideCentres = 'Uden for centrene';

/** Counts of what needs verifying, in words: '1 er ude af søgningen, 2 har en advarsel'. */
export function dueSummary(due: readonly DueOffering[]): string {
  const count = (state: DueOffering['freshness']['state']) => due.filter((item) => item.freshness.state === state).length;
  return [
    count('expired') ? `${count('expired')} er ude af søgningen` : null,
    count('stale') ? `${count('stale')} har en advarsel på den offentlige side` : null,
    count('due_soon') ? `${count('due_soon')} skal snart bekræftes` : null,
  ]
    .filter(Boolean)
    .join(', ');
}

/** What needs verifying among the offerings the person's roles cover, by centre, most urgent first. */
export function DuePage(props: { signedIn: SignedIn; due: DueOffering[] }) {
  const groups = new Map<string, DueOffering[]>();
  for (const item of props.due) {
    const key = item.centreName ?? outsideCentres;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const names = [...groups.keys()].sort((a, b) => groupOrder(a).localeCompare(groupOrder(b), 'da'));
  return (
    <AdminLayout title="Forfald" signedIn={props.signedIn}>
      <h1>Forfald</h1>
      <p>
        Oplysningerne om hvert tilbud skal bekræftes af nogen, der kender stedet. {freshnessLimits.remindAfterDays} dage efter sidste
        bekræftelse kommer en påmindelse, efter {freshnessLimits.warnAfterDays} dage (et halvt år) viser den offentlige side en
        advarsel, og efter {freshnessLimits.expireAfterDays} dage (ni måneder) forsvinder stedet fra søgningen, indtil nogen bekræfter.
      </p>
      {props.due.length === 0 ? (
        <p>Alle de tilbud, dine roller dækker, er bekræftet for nylig. Der er intet at gøre.</p>
      ) : (
        <p>
          {props.due.length} {props.due.length === 1 ? 'tilbud skal' : 'tilbud skal'} bekræftes: {dueSummary(props.due)}.
        </p>
      )}
      {names.map((name) => (
        <section aria-labelledby={`gruppe-${names.indexOf(name)}`}>
          <h2 id={`gruppe-${names.indexOf(name)}`}>{name}</h2>
          <div class="table--responsive-scroll">
            <table class="table table--compact">
              <caption class="sr-only">Tilbud under {name}, der skal bekræftes</caption>
              <thead>
                <tr>
                  <th scope="col">Tilbud</th>
                  <th scope="col">Ansvarlig</th>
                  <th scope="col">Sidst bekræftet</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {groups.get(name)!.map((item) => (
                  <tr>
                    <td>
                      <a href={`/admin/tilbud/${item.slug}`}>{item.name}</a>
                    </td>
                    <td>{item.ownerName ?? 'Ikke oplyst'}</td>
                    <td>{item.freshness.verifiedOn ? formatDanishDate(item.freshness.verifiedOn) : 'Aldrig på platformen'}</td>
                    <td>
                      <strong>{freshnessStateWords.da[item.freshness.state]}</strong>. {nextStep(item.freshness)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </AdminLayout>
  );
}
