import type { Volunteer } from '../../../app/run-volunteers.ts';
import { formatDanishDate } from '../../../domain/time.ts';
import { volunteerWords } from '../../../domain/volunteer/volunteer.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';
import { Button, CsrfField, ErrorSummary, Select, TextArea, TextInput } from '../../components/form.tsx';

type SignedIn = { name: string; csrfToken: string };
type Problems = { field: string; message: string }[];
const problemOf = (problems: Problems, field: string) => problems.find((problem) => problem.field === field)?.message;

/** /admin/tilbud/{slug}/frivillige: the volunteers, their status, and a form for one met in person. */
export function VolunteersAdminPage(props: { signedIn: SignedIn; offering: { slug: string; name: string }; volunteers: Volunteer[]; form: { name: string; contact: string; interests: string; area: string; languages: string }; problems: Problems }) {
  const base = `/admin/tilbud/${props.offering.slug}/frivillige`;
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}Frivillige – ${props.offering.name}`} signedIn={props.signedIn}>
      <p>
        <a href={`/admin/tilbud/${props.offering.slug}`}>{props.offering.name}</a>
      </p>
      <h1>Frivillige</h1>
      <p>
        Den offentlige side, hvor man melder sig: <a href={`/tilbud/${props.offering.slug}/frivillig`}>/tilbud/{props.offering.slug}/frivillig</a>
      </p>
      {props.volunteers.length === 0 ? (
        <p>Ingen frivillige endnu.</p>
      ) : (
        <ul>
          {props.volunteers.map((volunteer) => (
            <li>
              <a href={`${base}/${volunteer.id}`}>{volunteer.name}</a> – {volunteerWords.screening[volunteer.screening]}
              {volunteer.insuranceConfirmedOn ? ', forsikret' : ', ikke forsikret endnu'}
              {volunteer.assignments.length > 0 && `, ${volunteer.assignments.length} opgaver`}
            </li>
          ))}
        </ul>
      )}
      <h2>Skriv en frivillig op, du har mødt</h2>
      <ErrorSummary problems={props.problems} />
      <form method="post" action={base} novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        <TextInput id="name" name="name" label="Fornavn" value={props.form.name} error={problemOf(props.problems, 'name')} autocomplete="off" />
        <TextInput id="contact" name="contact" label="Telefon eller e-mail" value={props.form.contact} error={problemOf(props.problems, 'contact')} autocomplete="off" />
        <TextArea id="interests" name="interests" label="Interesser (frivilligt)" value={props.form.interests} rows={2} error={problemOf(props.problems, 'interests')} />
        <TextInput id="area" name="area" label="Bydel (frivilligt)" value={props.form.area} error={problemOf(props.problems, 'area')} />
        <TextInput id="languages" name="languages" label="Sprog (frivilligt)" value={props.form.languages} error={problemOf(props.problems, 'languages')} />
        <Button>Skriv op</Button>
      </form>
    </AdminLayout>
  );
}

export type StatusForm = { screening: string; trainedOn: string; insuranceOn: string; agreement: string; version: string };
export type AssignmentForm = { role: string; hours: string; startsOn: string };

/** One volunteer: screening, training, insurance and agreement; and the assignments, refused until screened and insured. */
export function VolunteerAdminPage(props: { signedIn: SignedIn; offering: { slug: string; name: string }; volunteer: Volunteer; status: StatusForm; assignment: AssignmentForm; problems: Problems; notice: string | null; refusal: string | null; stale: boolean }) {
  const { volunteer, status, assignment, problems } = props;
  const base = `/admin/tilbud/${props.offering.slug}/frivillige/${volunteer.id}`;
  return (
    <AdminLayout title={`${problems.length || props.refusal ? 'Fejl: ' : ''}${volunteer.name} – frivillig`} signedIn={props.signedIn}>
      <p>
        <a href={`/admin/tilbud/${props.offering.slug}/frivillige`}>Frivillige – {props.offering.name}</a>
      </p>
      <h1>{volunteer.name}</h1>
      <p>
        {volunteer.contact}. {volunteer.interests && `Interesser: ${volunteer.interests}. `}
        {volunteer.cameThrough === 'public_form' ? 'Meldte sig på hjemmesiden.' : 'Skrevet op på stedet.'} Slettes {formatDanishDate(volunteer.deleteAfter)}.
      </p>
      <p class="form-hint">Formål: {volunteerWords.purpose}</p>
      {props.notice && <Alert variant="success">{props.notice}</Alert>}
      {props.stale && <Alert variant="warning">En anden har ændret oplysningerne, siden du åbnede siden. Se dem her, og gem igen.</Alert>}
      <h2>Screening, introduktion og forsikring</h2>
      <ErrorSummary problems={problems.filter((problem) => ['screening', 'trainedOn', 'insuranceOn', 'agreement'].includes(problem.field))} />
      <form method="post" action={base} novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        <input type="hidden" name="version" value={status.version} />
        <Select id="screening" name="screening" label="Screening" error={problemOf(problems, 'screening')} options={Object.entries(volunteerWords.screening).map(([value, text]) => ({ value, text, selected: status.screening === value }))} />
        <TextInput id="trainedOn" name="trainedOn" label="Introduktion gennemført (dato)" type="date" width="s" value={status.trainedOn} error={problemOf(problems, 'trainedOn')} />
        <TextInput id="insuranceOn" name="insuranceOn" label="Forsikring bekræftet (dato)" type="date" width="s" value={status.insuranceOn} error={problemOf(problems, 'insuranceOn')} />
        <TextArea id="agreement" name="agreement" label="Aftale" value={status.agreement} rows={3} error={problemOf(problems, 'agreement')} hint="Hvad er aftalt om opgaver, tavshedspligt og kontakt." />
        <Button>Gem</Button>
      </form>
      <h2>Opgaver</h2>
      {volunteer.assignments.length === 0 ? (
        <p>Ingen opgaver endnu.</p>
      ) : (
        <ul>
          {volunteer.assignments.map((item) => (
            <li>
              {volunteerWords.roles[item.role]}, {item.hoursPerWeek} timer om ugen fra {formatDanishDate(item.startsOn)}
            </li>
          ))}
        </ul>
      )}
      {props.refusal && <Alert variant="error">{props.refusal}</Alert>}
      <ErrorSummary problems={problems.filter((problem) => ['role', 'hours', 'startsOn'].includes(problem.field))} />
      <form method="post" action={`${base}/opgaver`} novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        <Select id="role" name="role" label="Opgave" error={problemOf(problems, 'role')} options={[{ value: '', text: 'Vælg', selected: assignment.role === '' }, ...Object.entries(volunteerWords.roles).map(([value, text]) => ({ value, text, selected: assignment.role === value }))]} />
        <TextInput id="hours" name="hours" label="Timer om ugen" width="xs" value={assignment.hours} error={problemOf(problems, 'hours')} />
        <TextInput id="startsOn" name="startsOn" label="Begynder" type="date" width="s" value={assignment.startsOn} error={problemOf(problems, 'startsOn')} />
        <Button variant="secondary">Giv opgaven</Button>
      </form>
    </AdminLayout>
  );
}
