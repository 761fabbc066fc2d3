import type { MeetingRegistration, UserMeeting } from '../../../app/run-user-meeting.ts';
import { outcomeOf, userMeetingWords } from '../../../domain/user-meeting/user-meeting.ts';
import { formatDanishDate } from '../../../domain/time.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';
import { Button, Choices, CsrfField, ErrorSummary, Select, TextArea, TextInput } from '../../components/form.tsx';

type SignedIn = { name: string; csrfToken: string };
type Problems = { field: string; message: string }[];
export type MeetingForm = { title: string; heldOn: string; startsAt: string; place: string; seats: string; agenda: string };
const problemOf = (problems: Problems, field: string) => problems.find((problem) => problem.field === field)?.message;

function MeetingFields({ form, problems }: { form: MeetingForm; problems: Problems }) {
  return (
    <>
      <TextInput id="title" name="title" label="Navn" value={form.title} error={problemOf(problems, 'title')} hint="Fx «Brugermødet 2027»." />
      <TextInput id="heldOn" name="heldOn" label="Dag" type="date" value={form.heldOn} error={problemOf(problems, 'heldOn')} width="s" />
      <TextInput id="startsAt" name="startsAt" label="Begynder kl." value={form.startsAt} error={problemOf(problems, 'startsAt')} width="xs" />
      <TextInput id="place" name="place" label="Sted med adresse" value={form.place} error={problemOf(problems, 'place')} />
      <TextInput id="seats" name="seats" label="Pladser i lokalerne tilsammen" value={form.seats} error={problemOf(problems, 'seats')} width="xs" hint="Flere tilmeldte end pladser kommer på venteliste." />
      <TextArea id="agenda" name="agenda" label="Dagsorden" value={form.agenda} rows={5} error={problemOf(problems, 'agenda')} hint="Ét punkt pr. linje. Skriv ingen navne." />
    </>
  );
}

/** /admin/brugermoede: the meetings and a form for the next one. */
export function UserMeetingListAdminPage(props: { signedIn: SignedIn; meetings: UserMeeting[]; form: MeetingForm; problems: Problems }) {
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}Brugermøder`} signedIn={props.signedIn}>
      <h1>Brugermøder</h1>
      {props.meetings.length === 0 ? (
        <p>Der er ingen brugermøder endnu.</p>
      ) : (
        <ul>
          {props.meetings.map((meeting) => (
            <li>
              <a href={`/admin/brugermoede/${meeting.id}`}>{meeting.title}</a> – {formatDanishDate(meeting.heldOn)}, {meeting.registered} af {meeting.seats} pladser taget, {meeting.waiting} på venteliste
            </li>
          ))}
        </ul>
      )}
      <h2>Opret et brugermøde</h2>
      <ErrorSummary problems={props.problems} />
      <form method="post" action="/admin/brugermoede" novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        <MeetingFields form={props.form} problems={props.problems} />
        <Button>Opret mødet</Button>
      </form>
    </AdminLayout>
  );
}

export type MeetingAdminState = {
  notice: string | null;
  meetingForm: MeetingForm & { minutes: string; publishMinutes: boolean; registrationOpen: boolean };
  registrationForm: { name: string; phone: string; meetsAtOffering: boolean; accessNeeds: string; interpreter: string };
  proposalForm: { council: string; title: string; text: string };
  problems: Problems;
  /** Which form the problems belong to: 'meeting', 'registration', 'proposal' or a proposal's id. */
  problemsAt: string | null;
};

/** /admin/brugermoede/{id}: the meeting, who is coming and who waits, the proposals with their tallies, the minutes. */
export function UserMeetingAdminPage(props: { signedIn: SignedIn; meeting: UserMeeting; registrations: MeetingRegistration[]; councils: { id: string; name: string }[] } & MeetingAdminState) {
  const { meeting, registrations } = props;
  const base = `/admin/brugermoede/${meeting.id}`;
  const problemsAt = (where: string) => (props.problemsAt === where ? props.problems : []);
  const coming = registrations.filter((row) => row.state === 'registered');
  const waiting = registrations.filter((row) => row.state === 'waiting');
  const needs = coming.filter((row) => row.accessNeeds).length;
  const languages = [...new Set(coming.map((row) => row.interpreter).filter((value): value is string => value !== null))];
  const mf = props.meetingForm;
  const rf = props.registrationForm;
  const pf = props.proposalForm;
  const Rows = ({ rows, caption }: { rows: MeetingRegistration[]; caption: string }) => (
    <div class="table--responsive-scroll">
      <table class="table table--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Nr.</th>
            <th scope="col">Fornavn</th>
            <th scope="col">Kontakt</th>
            <th scope="col">Behov og tolk</th>
            <th scope="col">Status</th>
            <th scope="col">Meld fra</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <td>{row.position}</td>
              <td>{row.name}</td>
              <td>{row.phone ?? 'Træffes på sit tilbud'}</td>
              <td>{[row.accessNeeds, row.interpreter ? `Tolk: ${row.interpreter}` : null].filter(Boolean).join('. ') || '–'}</td>
              <td>
                {userMeetingWords.states[row.state]}
                {row.movedUpAt && row.state === 'registered' ? ' (rykket op fra ventelisten – giv besked)' : ''}
              </td>
              <td>
                <form method="post" action={`${base}/tilmeldinger/${row.id}/afmeld`}>
                  <CsrfField token={props.signedIn.csrfToken} />
                  <button type="submit" class="button button-tertiary" aria-label={`Meld fra: nr. ${row.position}`}>
                    Meld fra
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}${meeting.title}`} signedIn={props.signedIn}>
      <p>
        <a href="/admin/brugermoede">Brugermøder</a>
      </p>
      <h1>{meeting.title}</h1>
      <p>
        {formatDanishDate(meeting.heldOn)} kl. {meeting.startsAt}, {meeting.place}. {meeting.registered} af {meeting.seats} pladser taget, {meeting.waiting} på venteliste. Offentlig side: <a href="/brugermoede">/brugermoede</a>
      </p>
      {props.notice && <Alert variant="success">{props.notice}</Alert>}

      <h2>Tilmeldte ({coming.length})</h2>
      <p>
        {needs} har skrevet et behov for at kunne deltage. Tolk: {languages.length ? languages.join(', ') : 'ingen'}. Tilmeldingerne slettes en måned efter mødet.
      </p>
      {coming.length > 0 && <Rows rows={coming} caption="Tilmeldte i den rækkefølge, de kom" />}
      <h2>Venteliste ({waiting.length})</h2>
      {waiting.length === 0 ? <p>Ingen venter.</p> : <Rows rows={waiting} caption="Venteliste: den øverste får den næste ledige plads" />}

      <h3>Tilmeld en, du har talt med</h3>
      <ErrorSummary problems={problemsAt('registration')} />
      <form method="post" action={`${base}/tilmeldinger`} novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        <TextInput id="name" name="name" label="Fornavn" value={rf.name} error={problemOf(problemsAt('registration'), 'name')} />
        <TextInput id="phone" name="phone" label="Telefon (frivilligt)" type="tel" value={rf.phone} error={problemOf(problemsAt('registration'), 'phone')} />
        <Choices id="meetsAtOffering" name="meetsAtOffering" legend="Uden telefon" type="checkbox" items={[{ value: 'ja', label: 'Træffes på sit tilbud', checked: rf.meetsAtOffering }]} />
        <TextInput id="accessNeeds" name="accessNeeds" label="Behov for at kunne deltage (frivilligt)" value={rf.accessNeeds} error={problemOf(problemsAt('registration'), 'accessNeeds')} />
        <TextInput id="interpreter" name="interpreter" label="Tolk, sprog (frivilligt)" value={rf.interpreter} error={problemOf(problemsAt('registration'), 'interpreter')} />
        <Button variant="secondary">Tilmeld</Button>
      </form>

      <h2>Forslag fra rådene ({meeting.proposals.length})</h2>
      <p>Stemmerne tælles i salen (håndsoprækning eller stemmesedler), og tallene skrives ind her.</p>
      {meeting.proposals.map((proposal, index) => {
        const id = (name: string) => `${name}-${index + 1}`;
        const problems = problemsAt(proposal.id);
        return (
          <section aria-labelledby={id('forslag')} class="mb-7">
            <h3 id={id('forslag')}>{proposal.title}</h3>
            <p>
              {proposal.councilName ? `Fra ${proposal.councilName}. ` : ''}
              {proposal.text}
            </p>
            {proposal.tally && (
              <p>
                <strong>{outcomeOf(proposal.tally) === 'adopted' ? 'Vedtaget' : 'Ikke vedtaget'}</strong>
              </p>
            )}
            <ErrorSummary problems={problems} />
            <form method="post" action={`${base}/forslag/${proposal.id}/stemmer`} novalidate>
              <CsrfField token={props.signedIn.csrfToken} />
              <TextInput id={id('for')} name="for" label="For" value={String(proposal.tally?.for ?? '')} error={problemOf(problems, 'for')} width="xs" />
              <TextInput id={id('against')} name="against" label="Imod" value={String(proposal.tally?.against ?? '')} error={problemOf(problems, 'against')} width="xs" />
              <TextInput id={id('blank')} name="blank" label="Hverken for eller imod" value={String(proposal.tally?.blank ?? '')} error={problemOf(problems, 'blank')} width="xs" />
              <Button variant="secondary">Gem stemmerne</Button>
            </form>
          </section>
        );
      })}
      <h3>Sæt et forslag på</h3>
      <ErrorSummary problems={problemsAt('proposal')} />
      <form method="post" action={`${base}/forslag`} novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        <Select
          id="council"
          name="council"
          label="Rådet, der stiller forslaget"
          error={problemOf(problemsAt('proposal'), 'council')}
          options={[{ value: '', text: 'Vælg', selected: pf.council === '' }, ...props.councils.map((council) => ({ value: council.id, text: council.name, selected: pf.council === council.id }))]}
        />
        <TextInput id="proposal-title" name="title" label="Overskrift" value={pf.title} error={problemOf(problemsAt('proposal'), 'title')} />
        <TextArea id="proposal-text" name="text" label="Forslaget" value={pf.text} rows={3} error={problemOf(problemsAt('proposal'), 'text')} hint="Står offentligt. Skriv ingen navne." />
        <Button variant="secondary">Sæt forslaget på</Button>
      </form>

      <h2>Mødet</h2>
      <ErrorSummary problems={problemsAt('meeting')} />
      <form method="post" action={base} novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        <input type="hidden" name="version" value={String(meeting.version)} />
        <MeetingFields form={mf} problems={problemsAt('meeting')} />
        <TextArea id="minutes" name="minutes" label="Referat" value={mf.minutes} rows={6} error={problemOf(problemsAt('meeting'), 'minutes')} hint="Skriv ingen navne på deltagere." />
        <Choices id="registrationOpen" name="registrationOpen" legend="Tilmelding" type="checkbox" items={[{ value: 'ja', label: 'Tilmeldingen er åben', checked: mf.registrationOpen }]} />
        <Choices id="publishMinutes" name="publishMinutes" legend="Referat" type="checkbox" items={[{ value: 'ja', label: 'Vis referatet på /brugermoede', checked: mf.publishMinutes }]} />
        <Button>Gem mødet</Button>
      </form>
    </AdminLayout>
  );
}
