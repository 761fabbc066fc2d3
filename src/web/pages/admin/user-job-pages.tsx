import type { UserJob, UserJobApplication, UserJobHolder } from '../../../app/run-user-jobs.ts';
import { copenhagenDate, formatDanishDate } from '../../../domain/time.ts';
import { applicationPurpose, userJobWords } from '../../../domain/user-job/user-job.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';
import { Button, CsrfField, ErrorSummary, Select, TextArea, TextInput } from '../../components/form.tsx';

type SignedIn = { name: string; csrfToken: string };
type Problems = { field: string; message: string }[];
const problemOf = (problems: Problems, field: string) => problems.find((problem) => problem.field === field)?.message;

export type JobForm = { kind: string; title: string; description: string; hours: string; seats: string; howToApply: string };

/** /admin/tilbud/{slug}/brugerjob: the offering's user jobs and a form for a new one. */
export function UserJobsAdminPage(props: { signedIn: SignedIn; offering: { slug: string; name: string }; jobs: UserJob[]; unanswered: Map<string, number>; form: JobForm; problems: Problems; notice: string | null }) {
  const { form, problems } = props;
  const base = `/admin/tilbud/${props.offering.slug}/brugerjob`;
  return (
    <AdminLayout title={`${problems.length ? 'Fejl: ' : ''}Brugerjob – ${props.offering.name}`} signedIn={props.signedIn}>
      <p>
        <a href={`/admin/tilbud/${props.offering.slug}`}>{props.offering.name}</a>
      </p>
      <h1>Brugerjob</h1>
      {props.notice && <Alert variant="success">{props.notice}</Alert>}
      <p>Et job med en ledig plads står på den offentlige liste over brugerjob (/brugerjob). Hvem der har jobbet, ses kun her.</p>
      {props.jobs.length === 0 ? (
        <p>Der er ingen brugerjob endnu.</p>
      ) : (
        <ul>
          {props.jobs.map((job) => (
            <li>
              <a href={`${base}/${job.id}`}>{job.title}</a> – {userJobWords.kinds[job.kind]}, {job.hoursPerWeek} timer om ugen, {job.holding} af {job.seats} pladser besat
              {props.unanswered.get(job.id) ? (
                <strong>{` – ${props.unanswered.get(job.id) === 1 ? 'en ubesvaret ansøgning' : `${props.unanswered.get(job.id)} ubesvarede ansøgninger`}`}</strong>
              ) : (
                ''
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>Nyt brugerjob</h2>
      <ErrorSummary problems={problems} />
      <form method="post" action={base} novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        <Select id="kind" name="kind" label="Slags job" error={problemOf(problems, 'kind')} options={[{ value: '', text: 'Vælg', selected: form.kind === '' }, ...Object.entries(userJobWords.kinds).map(([value, text]) => ({ value, text, selected: form.kind === value }))]} />
        <TextInput id="title" name="title" label="Titel" value={form.title} error={problemOf(problems, 'title')} />
        <TextArea id="description" name="description" label="Hvad går jobbet ud på?" value={form.description} rows={3} error={problemOf(problems, 'description')} />
        <TextInput id="hours" name="hours" label="Timer om ugen" value={form.hours} error={problemOf(problems, 'hours')} width="xs" />
        <TextInput id="seats" name="seats" label="Antal pladser" value={form.seats} error={problemOf(problems, 'seats')} width="xs" />
        <TextArea id="howToApply" name="howToApply" label="Sådan søger man" value={form.howToApply} rows={2} error={problemOf(problems, 'howToApply')} hint="Fx «Spørg en medarbejder i caféen» eller «Ring til os». Står offentligt." />
        <Button>Opret jobbet</Button>
      </form>
    </AdminLayout>
  );
}

export type HolderForm = { name: string; contact: string; since: string };

/** /admin/tilbud/{slug}/brugerjob/{id}: who holds the job, and the form for a new holder. */
export function UserJobAdminPage(props: { signedIn: SignedIn; offering: { slug: string; name: string }; job: UserJob & { holders: UserJobHolder[] }; applications: UserJobApplication[]; form: HolderForm; problems: Problems; notice: string | null }) {
  const { job, form, problems } = props;
  const base = `/admin/tilbud/${props.offering.slug}/brugerjob/${job.id}`;
  const current = job.holders.filter((holder) => holder.endedOn === null);
  return (
    <AdminLayout title={`${problems.length ? 'Fejl: ' : ''}${job.title}`} signedIn={props.signedIn}>
      <p>
        <a href={`/admin/tilbud/${props.offering.slug}/brugerjob`}>Brugerjob – {props.offering.name}</a>
      </p>
      <h1>{job.title}</h1>
      <p>
        {userJobWords.kinds[job.kind]}, {job.hoursPerWeek} timer om ugen, {job.holding} af {job.seats} pladser besat.
      </p>
      {props.notice && <Alert variant="success">{props.notice}</Alert>}
      <h2>Har jobbet nu</h2>
      <p class="form-hint">Formål: {userJobWords.holderPurpose} Slettes to år efter start, eller et år efter personen stopper.</p>
      {current.length === 0 ? (
        <p>Ingen har jobbet lige nu.</p>
      ) : (
        <ul>
          {current.map((holder) => (
            <li>
              {holder.name} ({holder.contact ?? 'træffes på stedet'}), siden {formatDanishDate(holder.since)}, slettes {formatDanishDate(holder.deleteAfter)}
              <form method="post" action={`${base}/indehavere/${holder.id}/slut`}>
                <CsrfField token={props.signedIn.csrfToken} />
                <button type="submit" class="button button-secondary">
                  Stoppet<span class="sr-only">: {holder.name}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h2>Ansøgninger fra hjemmesiden ({props.applications.filter((item) => !item.answeredAt).length} ubesvarede)</h2>
      <p class="form-hint">
        Formål: {applicationPurpose} Ansøgeren har fået at vide, at I svarer inden for en uge. Hver ansøgning slettes af sig selv på den dato, der står ved den.
      </p>
      {props.applications.length === 0 ? (
        <p>Ingen har søgt jobbet på hjemmesiden.</p>
      ) : (
        <ul>
          {props.applications.map((item) => (
            <li>
              <strong>{item.name}</strong>, {item.phone ? `telefon ${item.phone}` : 'kommer forbi tilbuddet'}, søgte {formatDanishDate(copenhagenDate(item.createdAt))}. {item.message && <q>{item.message}</q>} Slettes {formatDanishDate(item.deleteAfter)}.{' '}
              {item.answeredAt ? (
                `Besvaret ${formatDanishDate(copenhagenDate(item.answeredAt))}${item.answeredBy ? ` af ${item.answeredBy}` : ''}.`
              ) : (
                <form method="post" action={`${base}/ansoegninger/${item.id}/besvaret`}>
                  <CsrfField token={props.signedIn.csrfToken} />
                  <button type="submit" class="button button-secondary">
                    Markér som besvaret<span class="sr-only">: {item.name}</span>
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>Giv en bruger jobbet</h2>
      <ErrorSummary problems={problems} />
      <form method="post" action={`${base}/indehavere`} novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        <TextInput id="name" name="name" label="Navn" value={form.name} error={problemOf(problems, 'name')} hint="Et fornavn er nok." autocomplete="off" />
        <TextInput id="contact" name="contact" label="Telefon (frivilligt)" value={form.contact} error={problemOf(problems, 'contact')} hint="Lad feltet stå tomt, hvis personen træffes på stedet." autocomplete="off" />
        <TextInput id="since" name="since" label="Startede" type="date" width="s" value={form.since} error={problemOf(problems, 'since')} />
        <Button>Gem</Button>
      </form>
      <h2>Slet jobbet</h2>
      <p>
        <a href={`${base}/slet`}>Slet brugerjobbet «{job.title}»</a>
      </p>
    </AdminLayout>
  );
}
