import type { ActivityChange } from '../../../app/edit-activities.ts';
import type { SavedTimesChange, TimesProposal } from '../../../app/edit-schedule.ts';
import type { Activity, Schedule } from '../../../domain/schedule/model.ts';
import { activityFacts, type DiffLine, diffActivity, diffSchedules } from '../../../domain/schedule/schedule-diff.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';
import { Button, CsrfField, ErrorSummary, TextArea } from '../../components/form.tsx';
import { proposalStatusWords, ScheduleText, timesProposalPath } from './schedule-pages.tsx';

type SignedIn = { name: string; csrfToken: string };
type OfferingRef = { slug: string; name: string };

const dateTime = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'long', timeStyle: 'short' });

/** A list of differences as a table: what, before and after (ADR 022). */
export function DiffTable({ lines, caption, beforeLabel, afterLabel }: { lines: DiffLine[]; caption: string; beforeLabel: string; afterLabel: string }) {
  if (lines.length === 0) return <p>Ingen synlig forskel.</p>;
  return (
    <div class="table--responsive-scroll">
      <table class="table table--compact">
        <caption class="align-text-left">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Hvad</th>
            <th scope="col">{beforeLabel}</th>
            <th scope="col">{afterLabel}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr>
              <th scope="row">{line.what}</th>
              <td>{line.before ?? '–'}</td>
              <td>{line.after ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What a proposal changes, as differences from what it was written against. */
export function proposalLines(proposal: TimesProposal): DiffLine[] {
  const change = proposal.change;
  if (change.kind === 'schedule') return diffSchedules(change.base, change.schedule);
  return diffActivity(change.base, proposedActivity(change));
}

/** The activity a proposal leads to (null: removed). */
function proposedActivity({ change, base }: { change: ActivityChange; base: Activity | null }): Activity | null {
  switch (change.kind) {
    case 'add':
    case 'edit':
      return change.activity;
    case 'cancel':
      return base && { ...base, cancelledOn: [...base.cancelledOn, change.date].sort() };
    case 'remove':
      return null;
  }
}

/** The hours or the activity as saved now, when they differ from what a proposal or an undo expected. */
export type TimesNow = { kind: 'schedule'; schedule: Schedule } | { kind: 'activity'; activity: Activity | null };

function ActivityFacts({ activity }: { activity: Activity | null }) {
  if (!activity) return <p>Aktiviteten findes ikke længere. En anden har fjernet den.</p>;
  return (
    <dl>
      {activityFacts(activity).map(([name, value]) => (
        <>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}

/** One proposed change of hours or an activity: the differences, what changed since, and approve or reject with a reason. */
export function TimesProposalPage(props: {
  signedIn: SignedIn;
  offering: OfferingRef;
  proposal: TimesProposal;
  /** What is saved now, when it is no longer what the proposal was written against; null when unchanged. */
  changedSince: TimesNow | null;
  canDecide: boolean;
  problem: { field: string; message: string } | null;
  /** Just decided by this person. */
  decided: boolean;
}) {
  const { proposal, offering } = props;
  const change = proposal.change;
  const pending = proposal.status === 'pending';
  const subject = change.kind === 'schedule' ? 'Åbningstiderne' : 'Aktiviteten';
  return (
    <AdminLayout title={`${props.problem ? 'Fejl: ' : ''}Forslag for ${offering.name}: ${proposal.summary}`} signedIn={props.signedIn}>
      <h1>
        Forslag for {offering.name}: {proposal.summary}
      </h1>
      <p>
        Foreslået af {proposal.proposedBy.name} {dateTime.format(proposal.createdAt)}. Status: {proposalStatusWords[proposal.status]}
        {proposal.decidedByName ? ` af ${proposal.decidedByName}` : ''}
        {proposal.decidedAt ? ` ${dateTime.format(proposal.decidedAt)}` : ''}
        {proposal.reason ? ` – «${proposal.reason}»` : ''}.
      </p>
      {props.decided && proposal.status === 'approved' && <Alert variant="success">Forslaget er godkendt og står på den offentlige side nu.</Alert>}
      {props.decided && proposal.status === 'rejected' && <Alert variant="success">Forslaget er afvist. Redaktøren kan se din begrundelse.</Alert>}
      <ErrorSummary problems={props.problem ? [props.problem] : []} />
      {pending && props.changedSince && (
        <Alert variant="warning">
          {subject} er ændret, siden forslaget blev skrevet. Forslaget kan ikke godkendes, som det er, for det ville overskrive den ændring.
          Intet er ændret, og intet er gået tabt: forslaget og det, der er gemt nu, står begge nedenfor. Afvis forslaget med en begrundelse, så
          kan redaktøren sende det igen ud fra det, der gælder nu.
        </Alert>
      )}
      {change.kind === 'schedule' && change.schedule.rules.length === 0 && (
        <Alert variant="warning">Forslaget fjerner alle faste åbningstider. Så viser den offentlige side ingen åbningstider for stedet.</Alert>
      )}
      <section aria-labelledby="proposal-heading">
        <h2 id="proposal-heading">Det foreslåede</h2>
        <DiffTable lines={proposalLines(proposal)} caption="Forskelle fra det, forslaget blev skrevet ud fra" beforeLabel="Før" afterLabel="Foreslået" />
      </section>
      {pending && props.changedSince && (
        <section aria-labelledby="changed-heading">
          <h2 id="changed-heading" tabindex={-1}>
            Ændret siden forslaget
          </h2>
          {props.changedSince.kind === 'schedule' && change.kind === 'schedule' ? (
            <DiffTable
              lines={diffSchedules(change.base, props.changedSince.schedule)}
              caption="Forskelle fra det, forslaget blev skrevet ud fra, til det, der er gemt nu"
              beforeLabel="Da forslaget blev skrevet"
              afterLabel="Gemt nu"
            />
          ) : props.changedSince.kind === 'activity' && change.kind === 'activity' ? (
            <DiffTable
              lines={diffActivity(change.base, props.changedSince.activity)}
              caption="Forskelle fra det, forslaget blev skrevet ud fra, til det, der er gemt nu"
              beforeLabel="Da forslaget blev skrevet"
              afterLabel="Gemt nu"
            />
          ) : null}
        </section>
      )}
      {props.canDecide && pending && (
        <form method="post" action={timesProposalPath(offering.slug, proposal.id)} novalidate>
          <CsrfField token={props.signedIn.csrfToken} />
          <TextArea
            id="reason"
            name="reason"
            label="Begrundelse"
            hint="Skal udfyldes, hvis du afviser. Redaktøren ser den."
            value=""
            rows={3}
            error={props.problem?.field === 'reason' ? props.problem.message : undefined}
          />
          <div class="button-row">
            {!props.changedSince && (
              <button type="submit" name="beslutning" value="godkend" class="button button-primary">
                Godkend og offentliggør
              </button>
            )}
            <button type="submit" name="beslutning" value="afvis" class="button button-secondary">
              Afvis
            </button>
          </div>
        </form>
      )}
      <ul class="nobullet-list">
        <li>
          <a href={`/admin/tilbud/${offering.slug}/${change.kind === 'schedule' ? 'aabningstider' : 'aktiviteter'}`}>
            {change.kind === 'schedule' ? 'Til åbningstiderne' : 'Til aktiviteterne'} for {offering.name}
          </a>
        </li>
        <li>
          <a href="/admin/godkendelser">Alle ændringer til godkendelse</a>
        </li>
      </ul>
    </AdminLayout>
  );
}

/** A proposal of hours or activities with the offering it concerns, for the lists on the front page and at /admin/godkendelser. */
export type TimesProposalLink = TimesProposal & { offering: OfferingRef };

/** List items linking to proposals of hours and activities: the offering, what, from whom, when and the status. */
export function TimesProposalLinks({ proposals }: { proposals: TimesProposalLink[] }) {
  return (
    <>
      {proposals.map((proposal) => (
        <li>
          <a href={timesProposalPath(proposal.offering.slug, proposal.id)}>
            {proposal.offering.name}: {proposal.summary.toLocaleLowerCase('da')} fra {proposal.proposedBy.name}, {dateTime.format(proposal.createdAt)}:{' '}
            {proposalStatusWords[proposal.status]}
          </a>
          {proposal.reason ? ` – «${proposal.reason}»` : ''}
        </li>
      ))}
    </>
  );
}

/** What a saved change of hours or an activity changed. */
function changeLines(change: SavedTimesChange): DiffLine[] {
  return change.kind === 'schedule' ? diffSchedules(change.before, change.after) : diffActivity(change.before, change.after);
}

/** Every saved change of the hours and activities, newest first, each restorable (ADR 022). */
export function TimesHistoryPage(props: {
  signedIn: SignedIn;
  offering: OfferingRef;
  /** Each change with the fingerprint of what it would restore over, as it is now. */
  changes: (SavedTimesChange & { readAt: string })[];
  canRestore: boolean;
  restored: boolean;
}) {
  const { offering } = props;
  return (
    <AdminLayout title={`Historik for åbningstider og aktiviteter – ${offering.name}`} signedIn={props.signedIn}>
      <h1>Historik for åbningstider og aktiviteter – {offering.name}</h1>
      <ul class="nobullet-list">
        <li>
          <a href={`/admin/tilbud/${offering.slug}/aabningstider`}>Til åbningstiderne</a>
        </li>
        <li>
          <a href={`/admin/tilbud/${offering.slug}/aktiviteter`}>Til aktiviteterne</a>
        </li>
      </ul>
      {props.restored && <Alert variant="success">Gendannet. Det står på den offentlige side nu, og det er skrevet i historikken.</Alert>}
      {/* Several changes by one person in the same minute share a heading, so the entries are blocks, not landmarks. */}
      {props.changes.length === 0 ? (
        <p>Åbningstider og aktiviteter er ikke ændret på platformen endnu.</p>
      ) : (
        props.changes.map((change) => (
          <div class="history-entry">
            <h2 class="h3" id={`change-${change.auditId}`}>
              {dateTime.format(change.at)}: {change.actorName}
            </h2>
            <p>{change.summary}</p>
            <DiffTable lines={changeLines(change)} caption="Det, ændringen ændrede" beforeLabel="Før" afterLabel="Efter" />
            {props.canRestore && (
              <form method="post" action={`/admin/tilbud/${offering.slug}/tider/gendan`}>
                <CsrfField token={props.signedIn.csrfToken} />
                <input type="hidden" name="post" value={change.auditId} />
                <input type="hidden" name="readAt" value={change.readAt} />
                <Button variant="secondary">
                  {change.kind === 'schedule' ? 'Gendan åbningstiderne fra før denne ændring' : 'Gendan aktiviteten fra før denne ændring'}
                </Button>
              </form>
            )}
          </div>
        ))
      )}
    </AdminLayout>
  );
}

/** An undo or a restore that was refused because someone changed the hours or the activity since: both shown, nothing changed. */
export function TimesChangedSincePage(props: { signedIn: SignedIn; offering: OfferingRef; undo: boolean; change: SavedTimesChange; now: TimesNow }) {
  const { offering, change, now } = props;
  const verb = props.undo ? 'fortrydes' : 'gendannes';
  const subject = change.kind === 'schedule' ? 'åbningstiderne' : 'aktiviteten';
  return (
    <AdminLayout title={`Ændringen kan ikke ${verb} – ${offering.name}`} signedIn={props.signedIn}>
      <h1>Ændringen kan ikke {verb}</h1>
      <Alert variant="warning">
        {`En anden har ændret ${subject}, siden ${props.undo ? 'ændringen blev gemt' : 'du åbnede historikken'}. Intet er ændret: det, der er gemt nu, og det, du ville sætte tilbage, står begge nedenfor. Ret til i formularen, hvis noget stadig skal ændres.`}
      </Alert>
      <section aria-labelledby="now-heading">
        <h2 id="now-heading">Gemt nu</h2>
        {now.kind === 'schedule' ? <ScheduleText schedule={now.schedule} /> : <ActivityFacts activity={now.activity} />}
      </section>
      <section aria-labelledby="back-heading">
        <h2 id="back-heading">Det, du ville sætte tilbage</h2>
        {change.kind === 'schedule' ? <ScheduleText schedule={change.before} /> : <ActivityFacts activity={change.before} />}
      </section>
      <ul class="nobullet-list">
        <li>
          <a href={`/admin/tilbud/${offering.slug}/${change.kind === 'schedule' ? 'aabningstider' : 'aktiviteter'}`}>
            {change.kind === 'schedule' ? 'Til åbningstiderne' : 'Til aktiviteterne'}
          </a>
        </li>
        <li>
          <a href={`/admin/tilbud/${offering.slug}/tider/historik`}>Historik for åbningstider og aktiviteter</a>
        </li>
      </ul>
    </AdminLayout>
  );
}
