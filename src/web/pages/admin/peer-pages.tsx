import type { PeerCohort, PeerNetworkMember, PeerSession, PeerYear, SessionFigure } from '../../../app/run-peer-counsellors.ts';
import { againstTarget, attended, progress, sessionWords } from '../../../domain/peer/peer.ts';
import { formatDanishDate } from '../../../domain/time.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';
import { Button, Choices, CsrfField, ErrorSummary, Select, TextInput } from '../../components/form.tsx';

type SignedIn = { name: string; csrfToken: string };
type Problems = { field: string; message: string }[];
const problemOf = (problems: Problems, field: string) => problems.find((problem) => problem.field === field)?.message;
const heldText = (figure: SessionFigure) => (figure.held ? `${figure.held} (${figure.attendances} ${figure.attendances === 1 ? 'fremmøde' : 'fremmøder'})` : '–');
const targetWords = { below: 'under målet', within: 'inden for målet', above: 'over målet' } as const;

export type CohortForm = { name: string; year: string; targetMin: string; targetMax: string; course: string };

/** /admin/peermedarbejdere: certified per year against the target, the cohorts, and a form for a new one. */
export function PeerListAdminPage(props: { signedIn: SignedIn; years: PeerYear[]; cohorts: { id: string; name: string; year: number; counsellors: number; certified: number; closedOn: string | null }[]; courses: { id: string; title: string }[]; form: CohortForm; problems: Problems; notice?: string | null }) {
  const { form, problems } = props;
  return (
    <AdminLayout title={`${problems.length ? 'Fejl: ' : ''}Peermedarbejdere`} signedIn={props.signedIn}>
      <h1>Peermedarbejdere</h1>
      {props.notice && <Alert variant="success">{props.notice}</Alert>}
      <h2>Certificerede pr. år</h2>
      {props.years.length === 0 ? (
        <p>Ingen hold endnu.</p>
      ) : (
        <table class="table table--compact">
          <caption>Certificerede peermedarbejdere mod målet; peermøder og supervision med registreret fremmøde</caption>
          <thead>
            <tr>
              <th scope="col">År</th>
              <th scope="col">Certificerede</th>
              <th scope="col">Mål</th>
              <th scope="col">Status</th>
              <th scope="col">Peermøder holdt</th>
              <th scope="col">Supervision holdt</th>
            </tr>
          </thead>
          <tbody>
            {props.years.map((year) => (
              <tr>
                <td>{year.year}</td>
                <td>{year.certified}</td>
                <td>{year.targetMax ? `${year.targetMin}–${year.targetMax}` : 'Intet mål'}</td>
                <td>{year.targetMax ? targetWords[againstTarget(year.certified, { min: year.targetMin, max: year.targetMax })] : '–'}</td>
                <td>{heldText(year.peerMeetings)}</td>
                <td>{heldText(year.supervision)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href="/admin/peermedarbejdere/netvaerk">Peernetværket: alle certificerede peermedarbejdere og deres opgaver</a>
      </p>
      <h2>Hold</h2>
      <ul>
        {props.cohorts.map((cohort) => (
          <li>
            <a href={`/admin/peermedarbejdere/${cohort.id}`}>{cohort.name}</a> – {cohort.year}, {cohort.counsellors} peermedarbejdere, {cohort.certified} certificeret
            {cohort.closedOn && `, lukket ${formatDanishDate(cohort.closedOn)}`}
          </li>
        ))}
      </ul>
      <h2>Opret et hold</h2>
      <ErrorSummary problems={problems} />
      <form method="post" action="/admin/peermedarbejdere" novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        <TextInput id="name" name="name" label="Navn" value={form.name} error={problemOf(problems, 'name')} hint="Fx «Peerhold 2027»." />
        <TextInput id="year" name="year" label="År" value={form.year} error={problemOf(problems, 'year')} width="xs" />
        <TextInput id="targetMin" name="targetMin" label="Mål: mindst" value={form.targetMin} error={problemOf(problems, 'targetMin')} width="xs" />
        <TextInput id="targetMax" name="targetMax" label="Mål: højst" value={form.targetMax} error={problemOf(problems, 'targetMax')} width="xs" hint="Det første år er målet 10–12." />
        <Select
          id="course"
          name="course"
          label="Uddannelsens forløb i forløbssystemet (frivilligt)"
          error={problemOf(problems, 'course')}
          options={[{ value: '', text: 'Intet', selected: form.course === '' }, ...props.courses.map((course) => ({ value: course.id, text: course.title, selected: form.course === course.id }))]}
        />
        <Button>Opret holdet</Button>
      </form>
    </AdminLayout>
  );
}

/** /admin/peermedarbejdere/netvaerk: the city-wide peer network, every certified counsellor across cohorts. */
export function PeerNetworkAdminPage(props: { signedIn: SignedIn; members: PeerNetworkMember[] }) {
  return (
    <AdminLayout title="Peernetværket" signedIn={props.signedIn}>
      <p>
        <a href="/admin/peermedarbejdere">Tilbage til peermedarbejdere</a>
      </p>
      <h1>Peernetværket</h1>
      <p>Alle certificerede peermedarbejdere på tværs af holdene, og hvor de har opgaver. Listen er kun til medarbejdere; den offentlige side nævner ingen.</p>
      {props.members.length === 0 ? (
        <p>Ingen er certificeret endnu.</p>
      ) : (
        <table class="table table--compact">
          <caption>{props.members.length === 1 ? '1 certificeret peermedarbejder' : `${props.members.length} certificerede peermedarbejdere`}</caption>
          <thead>
            <tr>
              <th scope="col">Fornavn</th>
              <th scope="col">Hold</th>
              <th scope="col">Certificeret</th>
              <th scope="col">Opgaver</th>
            </tr>
          </thead>
          <tbody>
            {props.members.map((member) => (
              <tr>
                <td>{member.name ?? 'Uden navn'}</td>
                <td>
                  <a href={`/admin/peermedarbejdere/${member.cohortId}`}>{member.cohortName}</a>
                </td>
                <td>{formatDanishDate(member.certifiedOn)}</td>
                <td>
                  {member.assignments.length === 0
                    ? 'Ingen opgave endnu'
                    : member.assignments.map((item, index) => (
                        <>
                          {index > 0 && '; '}
                          {item.offeringName}
                          {item.courseTitle && ` (${item.courseTitle})`} fra {formatDanishDate(item.since)}
                        </>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}

export type CohortPageState = { notice: string | null; problems: Problems; problemsAt: string | null };

/** /admin/peermedarbejdere/{id}: modules with hours, each counsellor's progress, certification and assignments. */
export function PeerCohortAdminPage(
  props: {
    signedIn: SignedIn;
    cohort: PeerCohort;
    sessions: { id: string; date: string; startsAt: string }[];
    participants: { id: string; name: string }[];
    offerings: { id: string; name: string }[];
    courses: { id: string; title: string }[];
    today: string;
  } & CohortPageState,
) {
  const { cohort } = props;
  const base = `/admin/peermedarbejdere/${cohort.id}`;
  const at = (where: string) => (props.problemsAt === where ? props.problems : []);
  const sessionText = (id: string | null) => {
    const session = props.sessions.find((item) => item.id === id);
    return session ? `gang ${formatDanishDate(session.date)} kl. ${session.startsAt} i forløbet` : 'registreres her';
  };
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}${cohort.name}`} signedIn={props.signedIn}>
      <p>
        <a href="/admin/peermedarbejdere">Peermedarbejdere</a>
      </p>
      <h1>{cohort.name}</h1>
      <p>
        {cohort.year}. Mål: {cohort.targetMin}–{cohort.targetMax} certificerede. {cohort.courseTitle ? `Forløb: ${cohort.courseTitle}.` : 'Intet forløb i forløbssystemet.'}
      </p>
      {props.notice && <Alert variant="success">{props.notice}</Alert>}
      {cohort.closedOn && <Alert variant="info">Holdet er lukket {formatDanishDate(cohort.closedOn)}. Der kan ikke føjes moduler, peermedarbejdere eller møder til; alt registreret og årets tal står fortsat.</Alert>}
      <h2>Moduler ({progress(cohort.modules, new Set(), new Set()).hoursAll} timer i alt)</h2>
      {cohort.modules.length === 0 ? (
        <p>Ingen moduler endnu.</p>
      ) : (
        <ol>
          {cohort.modules.map((module) => (
            <li>
              {module.title}, {module.hours} timer – fremmøde {sessionText(module.courseSessionId)}
            </li>
          ))}
        </ol>
      )}
      <h3>Nyt modul</h3>
      <ErrorSummary problems={at('module')} />
      {!cohort.closedOn && (
        <form method="post" action={`${base}/moduler`} novalidate>
          <CsrfField token={props.signedIn.csrfToken} />
          <TextInput id="module-title" name="title" label="Modul" value="" error={problemOf(at('module'), 'title')} />
          <TextInput id="module-hours" name="hours" label="Timer" value="" error={problemOf(at('module'), 'hours')} width="xs" />
          <Select
            id="module-session"
            name="session"
            label="Fremmøde"
            error={problemOf(at('module'), 'session')}
            options={[{ value: '', text: 'Registreres her', selected: true }, ...props.sessions.map((session) => ({ value: session.id, text: `Fra forløbet: ${formatDanishDate(session.date)} kl. ${session.startsAt}`, selected: false }))]}
          />
          <Button variant="secondary">Tilføj modulet</Button>
        </form>
      )}

      <h2>Peermøder og supervision</h2>
      {cohort.sessions.length === 0 ? (
        <p>Ingen endnu.</p>
      ) : (
        <ul>
          {cohort.sessions.map((session) => (
            <li>
              {sessionWords[session.kind]} {formatDanishDate(session.date)} kl. {session.startsAt}–{session.endsAt}
              {session.offeringName ? ` på ${session.offeringName}` : ''}
              {' – '}
              <a href={`${base}/moeder/${session.id}/fremmoede`}>{session.date > props.today ? 'Fremmøde (på dagen)' : session.present.size ? `Fremmøde: ${session.present.size} af ${cohort.counsellors.length}` : 'Registrér fremmøde'}</a>
            </li>
          ))}
        </ul>
      )}
      <p>Peermøder står på siden /peermedarbejdere med tilbud og tid, aldrig med navne.</p>
      <ErrorSummary problems={at('session')} />
      {!cohort.closedOn && (
        <form method="post" action={`${base}/moeder`} novalidate>
          <CsrfField token={props.signedIn.csrfToken} />
          <Select
            id="session-kind"
            name="kind"
            label="Slags"
            error={problemOf(at('session'), 'kind')}
            options={[
              { value: 'peer_meeting', text: 'Peermøde på et tilbud', selected: true },
              { value: 'supervision', text: 'Supervision', selected: false },
            ]}
          />
          <Select id="session-offering" name="offering" label="Tilbud" error={problemOf(at('session'), 'offering')} options={[{ value: '', text: 'Intet (kun supervision)', selected: true }, ...props.offerings.map((item) => ({ value: item.id, text: item.name, selected: false }))]} />
          <TextInput id="session-date" name="date" label="Dag" type="date" value="" error={problemOf(at('session'), 'date')} width="s" />
          <TextInput id="session-starts" name="startsAt" label="Fra kl." value="" error={problemOf(at('session'), 'startsAt')} width="xs" />
          <TextInput id="session-ends" name="endsAt" label="Til kl." value="" error={problemOf(at('session'), 'endsAt')} width="xs" />
          <Button variant="secondary">Sæt på</Button>
        </form>
      )}

      <h2>Peermedarbejdere ({cohort.counsellors.length})</h2>
      {cohort.counsellors.map((person, index) => {
        const id = (name: string) => `${name}-${index + 1}`;
        const state = progress(cohort.modules, person.recorded, person.presentAtSessions);
        const open = cohort.modules.filter((module) => !attended(module, person.recorded, person.presentAtSessions) && module.courseSessionId === null);
        const problems = at(person.id);
        return (
          <section aria-labelledby={id('peer')} class="mb-7">
            <h3 id={id('peer')}>{person.name}</h3>
            <p>
              {person.phone ?? 'Træffes på tilbuddet'}. {state.hoursDone} af {state.hoursAll} timer.{' '}
              {person.certifiedOn ? <strong>Certificeret {formatDanishDate(person.certifiedOn)}.</strong> : state.missing.length ? `Mangler: ${state.missing.map((module) => module.title).join(', ')}.` : 'Alle moduler er gennemført.'}
            </p>
            {person.assignments.length > 0 && (
              <ul>
                {person.assignments.map((item) => (
                  <li>
                    {item.offeringName}
                    {item.courseTitle ? `, forløbet ${item.courseTitle}` : ''} fra {formatDanishDate(item.since)}
                  </li>
                ))}
              </ul>
            )}
            <ErrorSummary problems={problems} />
            {open.length > 0 && (
              <form method="post" action={`${base}/deltagere/${person.id}/fremmoede`} novalidate>
                <CsrfField token={props.signedIn.csrfToken} />
                <Select id={id('module')} name="module" label="Registrér fremmøde på modul" options={open.map((module, position) => ({ value: module.id, text: module.title, selected: position === 0 }))} />
                <Button variant="secondary">Registrér fremmøde</Button>
              </form>
            )}
            {!person.certifiedOn && (
              <form method="post" action={`${base}/deltagere/${person.id}/certificer`} novalidate>
                <CsrfField token={props.signedIn.csrfToken} />
                <Button variant="secondary">Certificér</Button>
              </form>
            )}
            {person.certifiedOn && (
              <form method="post" action={`${base}/deltagere/${person.id}/opgaver`} novalidate>
                <CsrfField token={props.signedIn.csrfToken} />
                <Select id={id('offering')} name="offering" label="Tilbud" error={problemOf(problems, 'offering')} options={[{ value: '', text: 'Vælg', selected: true }, ...props.offerings.map((item) => ({ value: item.id, text: item.name, selected: false }))]} />
                <Select id={id('course')} name="course" label="Forløb (frivilligt)" error={problemOf(problems, 'course')} options={[{ value: '', text: 'Intet', selected: true }, ...props.courses.map((item) => ({ value: item.id, text: item.title, selected: false }))]} />
                <TextInput id={id('since')} name="since" label="Fra" type="date" value={props.today} error={problemOf(problems, 'since')} width="s" />
                <Button variant="secondary">Giv opgaven</Button>
              </form>
            )}
          </section>
        );
      })}
      {!cohort.closedOn && <h3>Skriv en peermedarbejder på holdet</h3>}
      <ErrorSummary problems={at('counsellor')} />
      {!cohort.closedOn && (
        <form method="post" action={`${base}/deltagere`} novalidate>
          <CsrfField token={props.signedIn.csrfToken} />
          <TextInput id="name" name="name" label="Fornavn" value="" error={problemOf(at('counsellor'), 'name')} />
          <TextInput id="phone" name="phone" label="Telefon (frivilligt)" type="tel" value="" error={problemOf(at('counsellor'), 'phone')} hint="Tomt: træffes på tilbuddet." />
          {cohort.courseId && (
            <Select
              id="participant"
              name="participant"
              label="Samme person i forløbet (så fremmødet dér tæller)"
              error={problemOf(at('counsellor'), 'participant')}
              options={[{ value: '', text: 'Ingen', selected: true }, ...props.participants.map((item) => ({ value: item.id, text: item.name, selected: false }))]}
            />
          )}
          <Button variant="secondary">Skriv på holdet</Button>
        </form>
      )}
      <h2>Luk eller slet holdet</h2>
      <p>
        <a href={`${base}/slet`}>Slet peerholdet «{cohort.name}»</a>
      </p>
      {!cohort.closedOn && (
        <form method="post" action={`${base}/luk`}>
          <CsrfField token={props.signedIn.csrfToken} />
          <p>Er holdet færdigt, så luk det: der kan ikke føjes mere til, og alt registreret står fortsat.</p>
          <Button variant="secondary">Luk holdet</Button>
        </form>
      )}
    </AdminLayout>
  );
}

const sessionTitle = (session: PeerSession) => `${sessionWords[session.kind]} ${formatDanishDate(session.date)} kl. ${session.startsAt}–${session.endsAt}${session.offeringName ? ` på ${session.offeringName}` : ''}`;

/** /admin/peermedarbejdere/{id}/moeder/{session}/fremmoede: who of the cohort came, as a tick list. */
export function PeerSessionAttendanceAdminPage(props: { signedIn: SignedIn; cohort: PeerCohort; session: PeerSession; today: string; problems: Problems; notice: string | null }) {
  const { cohort, session } = props;
  const base = `/admin/peermedarbejdere/${cohort.id}`;
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}Fremmøde: ${sessionTitle(session)} – ${cohort.name}`} signedIn={props.signedIn}>
      <p>
        <a href={base}>Tilbage til {cohort.name}</a>
      </p>
      <h1>Fremmøde: {sessionTitle(session)}</h1>
      {props.notice && <Alert variant="success">{props.notice}</Alert>}
      <ErrorSummary problems={props.problems} />
      {session.date > props.today ? (
        <p>Mødet er ikke holdt endnu. Fremmødet registreres på dagen eller bagefter.</p>
      ) : cohort.counsellors.length === 0 ? (
        <p>Der er ingen peermedarbejdere på holdet.</p>
      ) : (
        <form method="post" action={`${base}/moeder/${session.id}/fremmoede`} novalidate>
          <CsrfField token={props.signedIn.csrfToken} />
          <Choices
            id="present"
            name="present"
            type="checkbox"
            legend="Hvem kom?"
            hint="Sæt kryds ved dem, der kom. Fremmødet tæller med i årets tal for peermøder og supervision."
            items={cohort.counsellors.map((person) => ({ value: person.id, label: person.name ?? 'Uden navn', checked: session.present.has(person.id) }))}
          />
          <Button>Gem fremmødet</Button>
        </form>
      )}
    </AdminLayout>
  );
}
