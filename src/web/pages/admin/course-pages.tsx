import type { Child } from 'hono/jsx';
import type { CourseFields, CourseTarget, Participant } from '../../../app/course-store.ts';
import type { CourseFigures, OperatorYear } from '../../../domain/course/figures.ts';
import { progressText } from '../../../domain/course/figures.ts';
import { type Course, type CourseOccupancy, type CourseSession, courseKinds, courseRunners, courseSpan, courseTracks } from '../../../domain/course/model.ts';
import { formatDate } from '../../../domain/time.ts';
import { courseFormatLabels, courseKindLabels, courseRunnerLabels, courseTrackLabels } from '../../../domain/vocabulary.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';
import { Button, CsrfField, ErrorSummary, Select, TextArea, TextInput } from '../../components/form.tsx';
import { StructuredList } from '../../components/structured-list.tsx';

/**
 * The back office's course pages (ADR 024): an offering's courses, one course's catalogue fields and
 * meetings, its list of participants, the attendance tick list (made for a phone), the before/after
 * rating, and the figures without names.
 */

type SignedIn = { name: string; csrfToken: string };

/** A problem with what was typed, at the id of the field it belongs to. */
export type Problem = { field: string; message: string };
/** What the course form holds as typed (strings), to show it again. */
export type CourseDraft = { [K in keyof CourseFields]: string };
/** What the meeting form holds as typed. */
export type SessionDraft = { date: string; startsAt: string; endsAt: string; where: 'here' | 'elsewhere'; placeNote: string };

type OfferingRef = { slug: string; name: string };

const stylesheets = ['/static/course-admin.css'];
const day = (date: string) => formatDate(date, 'da');
const sessionWhen = (session: Pick<CourseSession, 'date' | 'startsAt' | 'endsAt'>) => `${day(session.date)} kl. ${session.startsAt}–${session.endsAt}`;
const sessionPlace = (session: CourseSession) => session.placeNote ?? session.location?.name ?? 'På tilbuddet';
const percent = (share: number) => `${Math.round(share * 100)} %`;
const decimal = (value: number) => value.toLocaleString('da-DK', { maximumFractionDigits: 1 });

function messagesOf(problems: Problem[]) {
  const messageOf = new Map<string, string>();
  for (const problem of problems) if (!messageOf.has(problem.field)) messageOf.set(problem.field, problem.message);
  return (id: string) => messageOf.get(id);
}

function courseBase(offering: OfferingRef, course?: Pick<Course, 'id'>) {
  return `/admin/tilbud/${offering.slug}/forloeb${course ? `/${course.id}` : ''}`;
}

function spanText(course: Pick<Course, 'sessions'>) {
  const span = courseSpan(course);
  if (!span) return 'Ingen møder endnu';
  return span.first === span.last ? day(span.first) : `${day(span.first)} – ${day(span.last)}`;
}

function occupancyText(course: Pick<Course, 'capacity'>, occupancy: CourseOccupancy) {
  const waiting = occupancy.waitlisted ? `, ${occupancy.waitlisted} på venteliste` : '';
  return `${occupancy.enrolled} af ${course.capacity} pladser taget${waiting}`;
}

/** The links between one course's pages; the current one is not a link. */
function CourseLinks(props: { offering: OfferingRef; course: Course; current: 'edit' | 'participants' | 'figures'; canEdit: boolean; canSeeParticipants: boolean }) {
  const base = courseBase(props.offering, props.course);
  const links: { key: typeof props.current; href: string; text: string; show: boolean }[] = [
    { key: 'edit', href: base, text: 'Forløbet og møderne', show: props.canEdit },
    { key: 'participants', href: `${base}/deltagere`, text: 'Deltagere og fremmøde', show: props.canSeeParticipants },
    { key: 'figures', href: `${base}/tal`, text: 'Tal', show: true },
  ];
  return (
    <nav aria-label="Forløbets sider">
      <ul class="nobullet-list course-links">
        <li>
          <a href={courseBase(props.offering)}>Alle forløb på {props.offering.name}</a>
        </li>
        {links
          .filter((link) => link.show)
          .map((link) => (
            <li>{link.key === props.current ? <strong aria-current="page">{link.text}</strong> : <a href={link.href}>{link.text}</a>}</li>
          ))}
      </ul>
    </nav>
  );
}

export type CoursesPageProps = {
  signedIn: SignedIn;
  offering: OfferingRef;
  courses: { course: Course; occupancy: CourseOccupancy }[];
  canEdit: boolean;
  canSeeParticipants: boolean;
  done: 'created' | 'cancelled' | null;
};

/** /admin/tilbud/{slug}/forloeb: the offering's courses. */
export function CoursesPage(props: CoursesPageProps) {
  const { offering } = props;
  return (
    <AdminLayout title={`Forløb på ${offering.name}`} signedIn={props.signedIn} stylesheets={stylesheets}>
      <h1>Forløb på {offering.name}</h1>
      <p>
        <a href={`/admin/tilbud/${offering.slug}`}>Tilbage til {offering.name}</a> · <a href="/admin/forloeb/tal">Tal for alle forløb</a>
      </p>
      {props.done === 'created' && <Alert variant="success">Forløbet er oprettet. Tilføj møderne nedenfor på forløbets side.</Alert>}
      {props.done === 'cancelled' && <Alert variant="success">Forløbet er aflyst. Deltagerne med en e-mail har fået besked; de andre ser det på deres personlige side.</Alert>}
      {props.canEdit && (
        <p>
          <a class="button button-primary" href={`${courseBase(offering)}/nyt`}>
            Opret et forløb
          </a>
        </p>
      )}
      {props.courses.length === 0 ? (
        <p>Tilbuddet har ingen forløb endnu.</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--compact">
            <caption class="sr-only">Tilbuddets forløb</caption>
            <thead>
              <tr>
                <th scope="col">Forløb</th>
                <th scope="col">Møder</th>
                <th scope="col">Pladser</th>
                <th scope="col">Sider</th>
              </tr>
            </thead>
            <tbody>
              {props.courses.map(({ course, occupancy }) => (
                <tr>
                  <th scope="row">
                    {props.canEdit ? <a href={courseBase(offering, course)}>{course.title}</a> : course.title}
                    <br />
                    <span class="weight-normal">
                      {courseKindLabels[course.kind]}
                      {course.status === 'cancelled' ? ' – aflyst' : ''}
                      {course.isExample ? ' (eksempeldata)' : ''}
                    </span>
                  </th>
                  <td>{spanText(course)}</td>
                  <td>{occupancyText(course, occupancy)}</td>
                  <td>
                    <ul class="nobullet-list">
                      {props.canSeeParticipants && (
                        <li>
                          <a href={`${courseBase(offering, course)}/deltagere`}>
                            Deltagere<span class="sr-only"> på {course.title}</span>
                          </a>
                        </li>
                      )}
                      <li>
                        <a href={`${courseBase(offering, course)}/tal`}>
                          Tal<span class="sr-only"> for {course.title}</span>
                        </a>
                      </li>
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}

function Radios(props: { id: string; name: string; legend: string; hint?: string; options: { value: string; text: string }[]; selected: string; error?: string | undefined }) {
  const described = [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'form-group form-error' : 'form-group'}>
      <fieldset aria-describedby={described}>
        <legend class="form-label" id={props.id}>
          {props.legend}
        </legend>
        {props.hint && (
          <span class="form-hint" id={`${props.id}-hint`}>
            {props.hint}
          </span>
        )}
        {props.error && (
          <span class="form-error-message" id={`${props.id}-error`}>
            <span class="sr-only">Fejl:</span>
            {props.error}
          </span>
        )}
        {props.options.map((option) => (
          <div class="form-group-radio">
            <input type="radio" class="form-radio" id={`${props.id}.${option.value}`} name={props.name} value={option.value} checked={props.selected === option.value} />
            <label class="form-label" for={`${props.id}.${option.value}`}>
              {option.text}
            </label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

function CourseFieldsForm(props: { draft: CourseDraft; error: (id: string) => string | undefined; enrolled: number | null }) {
  const { draft, error } = props;
  const at = 'course';
  return (
    <>
      <TextInput id={`${at}.title`} name={`${at}.title`} label="Titel" hint="fx «Hverdagsøkonomi – styr på budgettet»" value={draft.title} error={error(`${at}.title`)} />
      <Radios
        id={`${at}.kind`}
        name={`${at}.kind`}
        legend="Slags forløb"
        hint="Et åbent forløb kan alle melde sig til; til et visiteret forløb henvises borgeren og vurderer målet før og efter."
        options={courseKinds.map((kind) => ({ value: kind, text: courseKindLabels[kind] }))}
        selected={draft.kind}
        error={error(`${at}.kind`)}
      />
      <Select
        id={`${at}.track`}
        name={`${at}.track`}
        label="Spor"
        options={courseTracks.map((track) => ({ value: track, text: courseTrackLabels[track], selected: draft.track === track }))}
        error={error(`${at}.track`)}
      />
      <TextArea id={`${at}.purpose`} name={`${at}.purpose`} label="Formål" rows={3} value={draft.purpose} error={error(`${at}.purpose`)} />
      <TextInput id={`${at}.targetGroup`} name={`${at}.targetGroup`} label="Målgruppe" hint="fx «Unge 18–30, der vil i gang med uddannelse»" value={draft.targetGroup} error={error(`${at}.targetGroup`)} />
      <TextArea
        id={`${at}.goal`}
        name={`${at}.goal`}
        label="Mål (skal udfyldes for visiterede forløb)"
        hint="Det målbare mål, som borgeren vurderer fra 1 til 10 før og efter, fx «Jeg kan selv lægge et budget for måneden»."
        rows={2}
        value={draft.goal}
        error={error(`${at}.goal`)}
      />
      <Select
        id={`${at}.runBy`}
        name={`${at}.runBy`}
        label="Holdes af"
        options={courseRunners.map((runner) => ({ value: runner, text: courseRunnerLabels[runner], selected: draft.runBy === runner }))}
        error={error(`${at}.runBy`)}
      />
      <Radios
        id={`${at}.format`}
        name={`${at}.format`}
        legend="Form"
        options={(['group', 'individual'] as const).map((format) => ({ value: format, text: courseFormatLabels[format] }))}
        selected={draft.format}
        error={error(`${at}.format`)}
      />
      <TextInput
        id={`${at}.capacity`}
        name={`${at}.capacity`}
        label="Antal pladser"
        hint={
          props.enrolled === null
            ? 'Fra 1 til 500.'
            : `${props.enrolled} er tilmeldt nu. Flere pladser giver de første på ventelisten en plads (de får besked). Færre pladser end tilmeldte: alle tilmeldte beholder deres plads, og ingen rykker op fra ventelisten, før der er plads under det nye antal.`
        }
        width="xs"
        value={draft.capacity}
        error={error(`${at}.capacity`)}
      />
      <TextInput id={`${at}.language`} name={`${at}.language`} label="Sprog" hint="fx «dansk» eller «dansk og engelsk»" width="m" value={draft.language} error={error(`${at}.language`)} />
      <TextInput id={`${at}.price`} name={`${at}.price`} label="Pris" hint="Tom: gratis, som forløb normalt er." width="m" value={draft.price} error={error(`${at}.price`)} />
      <TextArea id={`${at}.howToJoin`} name={`${at}.howToJoin`} label="Sådan kommer man med" rows={2} value={draft.howToJoin} error={error(`${at}.howToJoin`)} />
    </>
  );
}

function SessionFieldsForm(props: { prefix: string; draft: SessionDraft; error: (id: string) => string | undefined }) {
  const { prefix, draft, error } = props;
  return (
    <>
      <div class="course-fields">
        <TextInput id={`${prefix}.date`} name="date" label="Dato" type="date" width="m" value={draft.date} error={error(`${prefix}.date`)} />
        <TextInput id={`${prefix}.startsAt`} name="startsAt" label="Begynder" hint="fx 13:00" width="xs" value={draft.startsAt} error={error(`${prefix}.startsAt`)} />
        <TextInput id={`${prefix}.endsAt`} name="endsAt" label="Slutter" hint="fx 14:30" width="xs" value={draft.endsAt} error={error(`${prefix}.endsAt`)} />
      </div>
      <Radios
        id={`${prefix}.where`}
        name="where"
        legend="Hvor"
        options={[
          { value: 'here', text: 'På tilbuddet' },
          { value: 'elsewhere', text: 'Et andet sted (fx et lånt lokale)' },
        ]}
        selected={draft.where}
      />
      <TextInput id={`${prefix}.placeNote`} name="placeNote" label="Stedet, hvis det er et andet" hint="fx «Lokale 2, Sundby Bibliotek, Jemtelandsgade 3»" value={draft.placeNote} error={error(`${prefix}.placeNote`)} />
    </>
  );
}

export const emptySessionDraft: SessionDraft = { date: '', startsAt: '', endsAt: '', where: 'here', placeNote: '' };
export function sessionDraftOf(session: CourseSession): SessionDraft {
  const elsewhere = session.placeNote ?? session.location?.name ?? null;
  return { date: session.date, startsAt: session.startsAt, endsAt: session.endsAt, where: elsewhere ? 'elsewhere' : 'here', placeNote: elsewhere ?? '' };
}

export type CoursePageProps = {
  signedIn: SignedIn;
  offering: OfferingRef;
  /** Null: a new course. */
  saved: { course: Course; occupancy: CourseOccupancy } | null;
  draft: CourseDraft;
  version: number;
  problems: Problem[];
  /** The course as someone else saved it while this person was editing. */
  conflict: Course | null;
  /** A meeting form sent back with problems: which one ('new' or a session id) and what was typed. */
  sessionForm: { key: string; draft: SessionDraft } | null;
  cancelReason: string;
  canSeeParticipants: boolean;
  done: 'created' | 'saved' | 'unchanged' | 'session_added' | 'session_moved' | 'session_cancelled' | null;
  /** How many were told by email of the last change. */
  told: number | null;
  today: string;
};

const doneText: Record<NonNullable<CoursePageProps['done']>, string> = {
  created: 'Forløbet er oprettet. Tilføj møderne nedenfor.',
  saved: 'Forløbet er gemt.',
  unchanged: 'Der var ingen ændringer at gemme.',
  session_added: 'Mødet er tilføjet.',
  session_moved: 'Mødet er flyttet.',
  session_cancelled: 'Mødet er aflyst.',
};

/** /admin/tilbud/{slug}/forloeb/{id} (and /nyt): the catalogue fields, the meetings, and cancelling the course. */
export function CoursePage(props: CoursePageProps) {
  const { offering, saved } = props;
  const course = saved?.course ?? null;
  const error = messagesOf(props.problems);
  const base = courseBase(offering, course ?? undefined);
  const title = course ? course.title : 'Nyt forløb';
  const cancelled = course?.status === 'cancelled';
  const told = props.told === null ? '' : props.told === 1 ? ' 1 deltager fik besked på e-mail.' : ` ${props.told} deltagere fik besked på e-mail.`;
  const shrunk = saved && saved.occupancy.enrolled > saved.course.capacity;
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}${title} – ${offering.name}`} signedIn={props.signedIn} stylesheets={stylesheets}>
      <h1>{title}</h1>
      {course ? (
        <CourseLinks offering={offering} course={course} current="edit" canEdit canSeeParticipants={props.canSeeParticipants} />
      ) : (
        <p>
          <a href={courseBase(offering)}>Tilbage til forløbene på {offering.name}</a>
        </p>
      )}
      {props.done && (
        <Alert variant="success">
          {doneText[props.done]}
          {told}
        </Alert>
      )}
      {cancelled && <Alert variant="warning">Forløbet er aflyst: «{course!.cancelReason}». Det kan ikke rettes længere.</Alert>}
      {shrunk && (
        <Alert variant="info">
          Forløbet har færre pladser ({saved.course.capacity}) end tilmeldte ({saved.occupancy.enrolled}). Alle tilmeldte beholder deres plads; ingen rykker op fra
          ventelisten, før der er plads under det nye antal.
        </Alert>
      )}
      {props.conflict && (
        <>
          <Alert variant="warning">
            En anden har gemt en ændring af forløbet, mens du rettede. Intet er gemt fra dig: din version står i formularen, og den gemte står her. Ret til, og
            gem igen.
          </Alert>
          <section class="saved-by-other" aria-labelledby="theirs-heading">
            <h2 id="theirs-heading">Gemt af en anden</h2>
            <StructuredList
              rows={[
                { label: 'Titel', value: props.conflict.title },
                { label: 'Slags', value: courseKindLabels[props.conflict.kind] },
                { label: 'Spor', value: courseTrackLabels[props.conflict.track] },
                { label: 'Formål', value: props.conflict.purpose },
                { label: 'Målgruppe', value: props.conflict.targetGroup },
                { label: 'Mål', value: props.conflict.goal ?? '–' },
                { label: 'Holdes af', value: courseRunnerLabels[props.conflict.runBy] },
                { label: 'Form', value: courseFormatLabels[props.conflict.format] },
                { label: 'Pladser', value: String(props.conflict.capacity) },
                { label: 'Sprog', value: props.conflict.language },
                { label: 'Pris', value: props.conflict.price ?? 'Gratis' },
                { label: 'Sådan kommer man med', value: props.conflict.howToJoin },
              ]}
            />
          </section>
        </>
      )}
      <ErrorSummary problems={props.problems} />
      {!cancelled && (
        <section aria-labelledby="form-heading">
          <h2 id="form-heading">{course ? 'Ret forløbet' : 'Om forløbet'}</h2>
          {course?.isExample && <p>Forløbet er eksempeldata.</p>}
          <form method="post" action={course ? base : `${base}/nyt`} novalidate>
            <CsrfField token={props.signedIn.csrfToken} />
            {course && <input type="hidden" name="version" value={String(props.version)} />}
            <CourseFieldsForm draft={props.draft} error={error} enrolled={saved ? saved.occupancy.enrolled : null} />
            <Button>{course ? 'Gem forløbet' : 'Opret forløbet'}</Button>
          </form>
        </section>
      )}
      {course && (
        <section aria-labelledby="sessions-heading">
          <h2 id="sessions-heading">Møder</h2>
          {course.sessions.length === 0 ? (
            <p>Forløbet har ingen møder endnu.</p>
          ) : (
            <p>Flytter eller aflyser du et møde, får alle tilmeldte og alle på ventelisten med en e-mail besked; de andre ser det på deres personlige side.</p>
          )}
          <ol class="course-sessions">
            {course.sessions.map((session) => {
              const key = session.id;
              const open = props.sessionForm?.key === key;
              const draft = open ? props.sessionForm!.draft : sessionDraftOf(session);
              return (
                <li>
                  <p>
                    <strong>{sessionWhen(session)}</strong>, {sessionPlace(session)}
                    {session.isCancelled ? ' – aflyst' : ''}
                  </p>
                  {!session.isCancelled && !cancelled && (
                    <details class="details" open={open}>
                      <summary class="details-summary">
                        Flyt eller aflys mødet<span class="sr-only"> {sessionWhen(session)}</span>
                      </summary>
                      <div class="details-text">
                        <form method="post" action={`${base}/moeder/${session.id}`} novalidate>
                          <CsrfField token={props.signedIn.csrfToken} />
                          <SessionFieldsForm prefix={`move.${key}`} draft={draft} error={error} />
                          <Button>Flyt mødet</Button>
                        </form>
                        <form method="post" action={`${base}/moeder/${session.id}/aflys`} novalidate>
                          <CsrfField token={props.signedIn.csrfToken} />
                          <Button variant="secondary">Aflys kun dette møde</Button>
                        </form>
                      </div>
                    </details>
                  )}
                </li>
              );
            })}
          </ol>
          {!cancelled && (
            <>
              <h3>Tilføj et møde</h3>
              <form method="post" action={`${base}/moeder`} novalidate>
                <CsrfField token={props.signedIn.csrfToken} />
                <SessionFieldsForm prefix="session" draft={props.sessionForm?.key === 'new' ? props.sessionForm.draft : emptySessionDraft} error={error} />
                <Button variant="secondary">Tilføj mødet</Button>
              </form>
            </>
          )}
        </section>
      )}
      {course && !cancelled && (
        <section aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">Aflys forløbet</h2>
          <p>
            Alle {saved!.occupancy.enrolled} tilmeldte og {saved!.occupancy.waitlisted} på ventelisten får besked på e-mail, hvis de har givet en; de andre ser det
            på deres personlige side. Et aflyst forløb kan ikke genåbnes.
          </p>
          <form method="post" action={`${base}/aflys`} novalidate>
            <CsrfField token={props.signedIn.csrfToken} />
            <TextArea
              id="cancel.reason"
              name="reason"
              label="Begrundelse"
              hint="Står i beskeden til deltagerne, fx «Holdlederen er syg, og vi kan ikke finde en afløser.»"
              rows={2}
              value={props.cancelReason}
              error={error('cancel.reason')}
            />
            <Button variant="secondary">Aflys forløbet</Button>
          </form>
        </section>
      )}
    </AdminLayout>
  );
}

const stateWords: Record<Participant['state'], string> = { enrolled: 'Tilmeldt', waitlisted: 'På venteliste', left: 'Meldt fra', removed: 'Taget af listen' };

export type ParticipantsPageProps = {
  signedIn: SignedIn;
  offering: OfferingRef;
  course: Course;
  participants: Participant[];
  canEdit: boolean;
  /** Someone to confirm taking off the list. */
  confirmRemove: Participant | null;
  done: 'removed' | 'attendance' | 'rating' | null;
  /** How many moved up from the waiting list just now. */
  promoted: number;
  problems: Problem[];
  today: string;
};

function PeopleTable(props: { caption: string; people: Participant[]; base: string; csrf: string; rating: boolean }) {
  return (
    <div class="table--responsive-scroll">
      <table class="table table--compact">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Nr.</th>
            <th scope="col">Navn</th>
            <th scope="col">Kontakt</th>
            <th scope="col">Handling</th>
          </tr>
        </thead>
        <tbody>
          {props.people.map((person) => (
            <tr>
              <td>{person.position}</td>
              <th scope="row">
                {person.displayName}
                {person.referralId && <span class="weight-normal"> (henvist)</span>}
              </th>
              <td>{person.contact ?? '–'}</td>
              <td>
                <ul class="nobullet-list">
                  {props.rating && (
                    <li>
                      <a href={`${props.base}/deltagere/${person.id}/vurdering`}>
                        Selvvurdering<span class="sr-only"> for {person.displayName}</span>
                      </a>
                    </li>
                  )}
                  <li>
                    <form method="post" action={`${props.base}/deltagere/${person.id}/fjern`}>
                      <CsrfField token={props.csrf} />
                      <button type="submit" class="button button-tertiary">
                        Tag af listen<span class="sr-only"> ({person.displayName})</span>
                      </button>
                    </form>
                  </li>
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /admin/tilbud/{slug}/forloeb/{id}/deltagere: enrolled and waiting in order, contacts only if given; every view audited. */
export function ParticipantsPage(props: ParticipantsPageProps) {
  const { offering, course } = props;
  const base = courseBase(offering, course);
  const enrolled = props.participants.filter((person) => person.state === 'enrolled');
  const waiting = props.participants.filter((person) => person.state === 'waitlisted');
  const gone = props.participants.filter((person) => person.state === 'left' || person.state === 'removed');
  const confirm = props.confirmRemove;
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}Deltagere – ${course.title}`} signedIn={props.signedIn} stylesheets={stylesheets}>
      <h1>Deltagere på {course.title}</h1>
      <CourseLinks offering={offering} course={course} current="participants" canEdit={props.canEdit} canSeeParticipants />
      <p>Listen er fortrolig: kun medarbejderne på {offering.name} ser den, og hver visning skrives i revisionsloggen.</p>
      {props.done === 'removed' && (
        <Alert variant="success">
          Deltageren er taget af listen.
          {props.promoted === 1 ? ' Den første på ventelisten har fået pladsen og får besked, hvis de har givet en e-mail.' : ''}
          {props.promoted > 1 ? ` ${props.promoted} fra ventelisten har fået en plads og får besked, hvis de har givet en e-mail.` : ''}
        </Alert>
      )}
      {props.done === 'attendance' && <Alert variant="success">Fremmødet er gemt.</Alert>}
      {props.done === 'rating' && <Alert variant="success">Selvvurderingen er gemt.</Alert>}
      <ErrorSummary problems={props.problems} />
      {confirm && (
        <section class="confirm-box" aria-labelledby="confirm-heading">
          <h2 id="confirm-heading">Tag {confirm.displayName} af listen?</h2>
          <p>
            {confirm.state === 'enrolled'
              ? 'Pladsen går til den første på ventelisten, som får besked, hvis de har givet en e-mail.'
              : 'Personen forsvinder fra ventelisten; de andre rykker op i rækken.'}{' '}
            Personen kan se på sin personlige side, at de ikke længere er med.
          </p>
          <form method="post" action={`${base}/deltagere/${confirm.id}/fjern`} id="remove.confirm">
            <CsrfField token={props.signedIn.csrfToken} />
            <input type="hidden" name="confirm" value="ja" />
            <Button>Ja, tag {confirm.displayName} af listen</Button>
          </form>
          <p>
            <a href={`${base}/deltagere`}>Nej, behold {confirm.displayName}</a>
          </p>
        </section>
      )}
      <section aria-labelledby="attendance-heading">
        <h2 id="attendance-heading">Fremmøde</h2>
        {course.sessions.filter((session) => !session.isCancelled).length === 0 ? (
          <p>Forløbet har ingen møder endnu.</p>
        ) : (
          <ul class="nobullet-list course-session-links">
            {course.sessions
              .filter((session) => !session.isCancelled)
              .map((session) => (
                <li>
                  <a href={`${base}/moeder/${session.id}/fremmoede`}>
                    Fremmøde {sessionWhen(session)}
                    {session.date === props.today ? ' (i dag)' : ''}
                  </a>
                </li>
              ))}
          </ul>
        )}
      </section>
      <h2>Tilmeldte ({enrolled.length} af {course.capacity})</h2>
      {enrolled.length === 0 ? (
        <p>Ingen er tilmeldt endnu.</p>
      ) : (
        <PeopleTable caption="Tilmeldte i den rækkefølge, de kom" people={enrolled} base={base} csrf={props.signedIn.csrfToken} rating={course.kind === 'referred'} />
      )}
      <h2>Venteliste ({waiting.length})</h2>
      {waiting.length === 0 ? (
        <p>Ingen venter.</p>
      ) : (
        <PeopleTable caption="Ventelisten i rækkefølge: den første får den næste ledige plads" people={waiting} base={base} csrf={props.signedIn.csrfToken} rating={false} />
      )}
      {gone.length > 0 && (
        <>
          <h2>Ikke længere med ({gone.length})</h2>
          <ul>
            {gone.map((person) => (
              <li>
                {person.displayName}: {stateWords[person.state].toLowerCase()}
              </li>
            ))}
          </ul>
        </>
      )}
    </AdminLayout>
  );
}

export type AttendancePageProps = {
  signedIn: SignedIn;
  offering: OfferingRef;
  course: Course;
  session: CourseSession;
  /** Who is on the list for the meeting, with their mark (null: not recorded), or what was just chosen. */
  people: { participant: Participant; present: boolean | null }[];
  problems: Problem[];
  today: string;
};

/** /admin/…/moeder/{id}/fremmoede: one form, two big choices per person, works without JavaScript. */
export function AttendancePage(props: AttendancePageProps) {
  const { offering, course, session } = props;
  const base = courseBase(offering, course);
  const future = session.date > props.today;
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}Fremmøde ${day(session.date)} – ${course.title}`} signedIn={props.signedIn} stylesheets={stylesheets}>
      <h1>Fremmøde {sessionWhen(session)}</h1>
      <p>
        {course.title}. <a href={`${base}/deltagere`}>Tilbage til deltagerne</a>
      </p>
      <ErrorSummary problems={props.problems} />
      {session.isCancelled ? (
        <p>Mødet er aflyst, så der er intet fremmøde at registrere.</p>
      ) : future ? (
        <p>Mødet er ikke holdt endnu. Fremmødet registreres på dagen eller bagefter.</p>
      ) : props.people.length === 0 ? (
        <p>Ingen er tilmeldt forløbet.</p>
      ) : (
        <form method="post" action={`${base}/moeder/${session.id}/fremmoede`} novalidate class="attendance-form">
          <CsrfField token={props.signedIn.csrfToken} />
          {props.people.map(({ participant, present }, index) => (
            <fieldset class="attendance-person" id={index === 0 ? 'attendance' : undefined}>
              <legend class="h4">{participant.displayName}</legend>
              <div class="attendance-choices">
                {[
                  { value: 'present', text: 'Kom', checked: present === true },
                  { value: 'absent', text: 'Kom ikke', checked: present === false },
                ].map((choice) => (
                  <div class="form-group-radio">
                    <input type="radio" class="form-radio" id={`p.${participant.id}.${choice.value}`} name={`p.${participant.id}`} value={choice.value} checked={choice.checked} />
                    <label class="form-label" for={`p.${participant.id}.${choice.value}`}>
                      {choice.text}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          ))}
          <Button>Gem fremmødet</Button>
        </form>
      )}
    </AdminLayout>
  );
}

export type RatingPageProps = {
  signedIn: SignedIn;
  offering: OfferingRef;
  course: Course;
  participant: Participant;
  before: string;
  after: string;
  problems: Problem[];
};

/** The citizen's own rating of the course goal, 1 to 10, before and after, recorded by staff with them. */
export function RatingPage(props: RatingPageProps) {
  const { offering, course, participant } = props;
  const base = courseBase(offering, course);
  const error = messagesOf(props.problems);
  const options = (selected: string) => [
    { value: '', text: 'Ikke vurderet', selected: selected === '' },
    ...Array.from({ length: 10 }, (_, index) => ({ value: String(index + 1), text: String(index + 1), selected: selected === String(index + 1) })),
  ];
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}Selvvurdering – ${course.title}`} signedIn={props.signedIn} stylesheets={stylesheets}>
      <h1>Selvvurdering: {participant.displayName}</h1>
      <p>
        {course.title}. <a href={`${base}/deltagere`}>Tilbage til deltagerne</a>
      </p>
      <p>
        Borgeren vurderer selv, sammen med dig, hvor langt de er med målet: <strong>«{course.goal}»</strong>. 1 er slet ikke, 10 er helt.
      </p>
      <ErrorSummary problems={props.problems} />
      <form method="post" action={`${base}/deltagere/${participant.id}/vurdering`} novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        <Select id="rating.before" name="before" label="Før forløbet" options={options(props.before)} error={error('rating.before')} />
        <Select id="rating.after" name="after" label="Efter forløbet" options={options(props.after)} error={error('rating.after')} />
        <Button>Gem vurderingen</Button>
      </form>
    </AdminLayout>
  );
}

function figureRows(course: Course, figures: CourseFigures): { label: string; value: Child }[] {
  return [
    { label: 'Møder holdt', value: `${figures.sessionsHeld} af ${figures.sessionsPlanned}${figures.sessionsCancelled ? ` (${figures.sessionsCancelled} aflyst)` : ''}` },
    { label: 'Deltagere', value: `${figures.participants}${figures.waitlisted ? ` (${figures.waitlisted} på venteliste)` : ''}` },
    {
      label: 'Gennemsnitligt fremmøde',
      value: figures.attendance
        ? `${decimal(figures.attendance.presentPerMeeting)} pr. møde, ${percent(figures.attendance.share)} af de registrerede (${figures.attendance.meetings} møder)`
        : 'Intet fremmøde registreret endnu',
    },
    {
      label: 'Gennemførte',
      value: !figures.completion
        ? course.kind === 'referred'
          ? 'Ingen henvisninger er afsluttet endnu'
          : 'Tælles, når forløbet er slut'
        : figures.completion.kind === 'open'
          ? `${percent(figures.completion.rate)}: ${figures.completion.finished} af ${figures.completion.of} var stadig med til sidst`
          : `${percent(figures.completion.rate)}: ${figures.completion.completed} gennemført, ${figures.completion.stopped} stoppet`,
    },
    ...(course.kind === 'referred'
      ? [
          {
            label: 'Selvvurdering før → efter',
            value: figures.rating
              ? `${decimal(figures.rating.before)} → ${decimal(figures.rating.after)} (${figures.rating.change >= 0 ? '+' : '−'}${decimal(Math.abs(figures.rating.change))}, ${figures.rating.pairs} ${figures.rating.pairs === 1 ? 'borger' : 'borgere'})`
              : 'Ingen har vurderet både før og efter endnu',
          },
        ]
      : []),
  ];
}

export type CourseFiguresPageProps = {
  signedIn: SignedIn;
  offering: OfferingRef;
  course: Course;
  figures: CourseFigures;
  canEdit: boolean;
  canSeeParticipants: boolean;
};

/** /admin/…/forloeb/{id}/tal: the course's figures, without a name. */
export function CourseFiguresPage(props: CourseFiguresPageProps) {
  const { offering, course } = props;
  return (
    <AdminLayout title={`Tal for ${course.title}`} signedIn={props.signedIn} stylesheets={stylesheets}>
      <h1>Tal for {course.title}</h1>
      <CourseLinks offering={offering} course={course} current="figures" canEdit={props.canEdit} canSeeParticipants={props.canSeeParticipants} />
      <p>
        {courseKindLabels[course.kind]} på {offering.name}, {spanText(course)}
        {course.status === 'cancelled' ? '. Aflyst' : ''}
        {course.isExample ? ' (eksempeldata)' : ''}.
      </p>
      <StructuredList rows={figureRows(course, props.figures)} />
    </AdminLayout>
  );
}

export type CourseOverviewPageProps = {
  signedIn: SignedIn;
  years: OperatorYear[];
  operatorNames: Map<string, string>;
  targets: CourseTarget[];
  courses: { course: Course; figures: CourseFigures }[];
  seesEverything: boolean;
};

/** /admin/forloeb/tal: courses delivered per operator and year against the yearly target, and each course's figures. */
export function CourseOverviewPage(props: CourseOverviewPageProps) {
  return (
    <AdminLayout title="Tal for forløb" signedIn={props.signedIn} stylesheets={stylesheets}>
      <h1>Tal for forløb</h1>
      <p>
        Et forløb tælles i det år, dets sidste møde holdes, hvis det ikke er aflyst. Tallene viser ingen navne.
        {props.seesEverything ? '' : ' Du ser de forløb, dine roller dækker.'}
      </p>
      <h2>Leverede forløb pr. operatør og år</h2>
      {props.years.length === 0 ? (
        <p>Der er ingen forløb eller mål at vise.</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--compact">
            <caption class="sr-only">Leverede forløb pr. operatør og år mod årets mål</caption>
            <thead>
              <tr>
                <th scope="col">Operatør</th>
                <th scope="col">År</th>
                <th scope="col">Fremdrift</th>
                <th scope="col">Mål</th>
              </tr>
            </thead>
            <tbody>
              {props.years.map((entry) => (
                <tr>
                  <th scope="row">{props.operatorNames.get(entry.operatorId) ?? 'Ukendt operatør'}</th>
                  <td>{entry.year}</td>
                  <td>
                    {progressText(entry)}
                    {entry.target !== null && entry.delivered >= entry.target ? ' – målet er nået' : ''}
                  </td>
                  <td>{entry.target === null ? 'Intet mål' : `Mindst ${entry.target}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.targets.length > 0 && (
        <ul>
          {props.targets.map((target) => (
            <li>
              {target.organizationName}: mindst {target.minimumPerYear} forløb om året fra {target.fromYear}
              {target.toYear ? ` til ${target.toYear}` : ''}. Kilde: «{target.basis}»
            </li>
          ))}
        </ul>
      )}
      <h2>Forløbene ({props.courses.length})</h2>
      {props.courses.length === 0 ? (
        <p>Dine roller dækker ingen forløb.</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--compact">
            <caption class="sr-only">Hvert forløbs tal</caption>
            <thead>
              <tr>
                <th scope="col">Forløb</th>
                <th scope="col">Møder holdt</th>
                <th scope="col">Deltagere</th>
                <th scope="col">Fremmøde</th>
                <th scope="col">Gennemførte</th>
              </tr>
            </thead>
            <tbody>
              {props.courses.map(({ course, figures }) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/tilbud/${course.offering.slug}/forloeb/${course.id}/tal`}>{course.title}</a>
                    <br />
                    <span class="weight-normal">
                      {course.offering.name}
                      {course.status === 'cancelled' ? ', aflyst' : ''}
                      {course.isExample ? ' (eksempeldata)' : ''}
                    </span>
                  </th>
                  <td>
                    {figures.sessionsHeld} af {figures.sessionsPlanned}
                  </td>
                  <td>{figures.participants}</td>
                  <td>{figures.attendance ? percent(figures.attendance.share) : '–'}</td>
                  <td>{figures.completion ? percent(figures.completion.rate) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}
