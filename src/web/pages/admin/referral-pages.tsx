import type { Referral } from '../../../app/course-store.ts';
import type { ReferralFormProblem, MoveProblem } from '../../../domain/course/referral-form.ts';
import { consentHolds, needsReason, nextStates, type ReferralState } from '../../../domain/course/referral.ts';
import { type Course, courseSpan, freePlaces, type CourseOccupancy, upcomingSessions } from '../../../domain/course/model.ts';
import { formatDanishDate } from '../../../domain/time.ts';
import { referralStateLabels } from '../../../domain/vocabulary.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';
import { Badge, type BadgeVariant, ExampleDataBadge } from '../../components/badge.tsx';
import { Button, Choices, CsrfField, ErrorSummary, Select, TextArea, TextInput } from '../../components/form.tsx';
import { StructuredList } from '../../components/structured-list.tsx';
import { QrCodeSvg } from '../../qr/qr-svg.tsx';

/** The referral pages of the back office (ADR 025): refer a citizen, the referrer's own list, one referral, an offering's inbox. */

type SignedIn = { name: string; csrfToken: string };

const dateTime = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'long', timeStyle: 'short' });

const stateVariant: Record<ReferralState, BadgeVariant | undefined> = {
  sent: 'info',
  accepted: 'success',
  waitlisted: 'warning',
  declined: 'error',
  started: 'success',
  completed: undefined,
  stopped: 'error',
};

export function StateBadge({ state }: { state: ReferralState }) {
  return <Badge variant={stateVariant[state]}>{referralStateLabels[state]}</Badge>;
}

/** What the page may say about the citizen: their first name, or why it is gone. */
function citizenText(referral: Referral): string {
  if (referral.consentWithdrawnAt) return 'Samtykket er trukket tilbage; oplysningerne er slettet';
  if (referral.anonymisedAt || referral.citizenName === null) return 'Oplysningerne er slettet';
  return referral.citizenName;
}

function courseWhen(course: Course): string {
  const span = courseSpan(course);
  if (!span) return 'ingen datoer endnu';
  return span.first === span.last ? formatDanishDate(span.first) : `${formatDanishDate(span.first)} til ${formatDanishDate(span.last)}`;
}

export type ReferralListItem = { referral: Referral; course: Course };

/** "Mine henvisninger": the referrer's own referrals, newest first, each with its state and its latest change. */
export function MyReferralsPage(props: { signedIn: SignedIn; items: ReferralListItem[]; canRefer: boolean }) {
  return (
    <AdminLayout title="Mine henvisninger" signedIn={props.signedIn}>
      <h1>Mine henvisninger</h1>
      <p>
        De borgere, du har henvist til forløb. Du kan følge hver henvisning her, og du får en mail, hver gang tilbuddet flytter den. Kun du
        og medarbejderne på det tilbud, der holder forløbet, kan se borgerens oplysninger.
      </p>
      {props.canRefer && (
        <p>
          <a href="/admin/henvisninger/ny" class="button button-primary">
            Henvis en borger
          </a>
        </p>
      )}
      {props.items.length === 0 ? (
        <p>Du har ikke henvist nogen endnu.</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--compact">
            <caption class="sr-only">Dine henvisninger, nyeste først</caption>
            <thead>
              <tr>
                <th scope="col">Borger</th>
                <th scope="col">Forløb</th>
                <th scope="col">Tilstand</th>
                <th scope="col">Sidst ændret</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map(({ referral, course }) => (
                <tr>
                  <td>
                    <a href={`/admin/henvisninger/${referral.id}`}>{citizenText(referral)}</a>
                  </td>
                  <td>{course.title}</td>
                  <td>
                    <StateBadge state={referral.state} />
                  </td>
                  <td>{dateTime.format(referral.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}

export type ReferralFormValues = {
  course: string;
  citizenName: string;
  citizenContact: string;
  organisation: string;
  consentGiven: boolean;
  shared: string;
  sharedWith: string;
  until: string;
};

export type ReferableCourse = { course: Course; occupancy: CourseOccupancy };

/** The form to refer a citizen, with the citizen's consent: what, with whom, until when. */
export function ReferralFormPage(props: {
  signedIn: SignedIn;
  courses: ReferableCourse[];
  values: ReferralFormValues;
  problems: ReferralFormProblem[];
  /** The personal link's token, made with the form so that sending it twice is one referral. */
  token: string;
}) {
  const problem = (field: ReferralFormProblem['field']) => props.problems.find((item) => item.field === field)?.message;
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}Henvis en borger`} signedIn={props.signedIn}>
      <h1>Henvis en borger til et forløb</h1>
      {props.courses.length === 0 ? (
        <>
          <p>
            Der er ingen forløb, du kan henvise til lige nu. Du kan henvise til de visiterede forløb, som dine roller dækker, og som ikke er
            aflyst eller slut. Åbne forløb kræver ingen henvisning: borgeren melder sig selv til på forløbets side, gerne sammen med dig.
          </p>
          <p>
            <a href="/forloeb">Se alle forløb</a>
          </p>
        </>
      ) : (
        <>
          <p>
            Skriv så lidt om borgeren som muligt: et fornavn er nok. Tal med borgeren om, hvad der deles, med hvem og hvor længe, før du
            sender henvisningen. Borgeren får et personligt link, hvor de kan følge henvisningen og trække samtykket tilbage.
          </p>
          <ErrorSummary problems={props.problems} />
          <form method="post" action="/admin/henvisninger/ny" novalidate>
            <CsrfField token={props.signedIn.csrfToken} />
            <input type="hidden" name="henvisning" value={props.token} />
            <Select
              id="course"
              name="course"
              label="Forløb"
              hint="Visiterede forløb, der ikke er slut. Er forløbet fuldt, kommer borgeren på ventelisten i den rækkefølge, tilbuddet tager stilling."
              error={problem('course')}
              options={[
                { value: '', text: 'Vælg et forløb', selected: props.values.course === '' },
                ...props.courses.map(({ course, occupancy }) => {
                  const free = freePlaces(course, occupancy);
                  return {
                    value: course.id,
                    text: `${course.title} – ${course.offering.name}, ${courseWhen(course)} (${free === 0 ? `fuldt, ${occupancy.waitlisted} på venteliste` : free === 1 ? '1 ledig plads' : `${free} ledige pladser`})`,
                    selected: props.values.course === course.id,
                  };
                }),
              ]}
            />
            <TextInput
              id="citizenName"
              name="citizenName"
              label="Borgerens fornavn"
              hint="Kun fornavnet eller det navn, borgeren vil kaldes. Skriv ikke CPR-nummer eller diagnoser."
              value={props.values.citizenName}
              error={problem('citizenName')}
              width="m"
            />
            <TextInput
              id="citizenContact"
              name="citizenContact"
              label="Borgerens e-mail eller telefon (valgfri)"
              hint="Kun hvis borgeren vil kontaktes af holdlederne."
              value={props.values.citizenContact}
              error={problem('citizenContact')}
            />
            <TextInput
              id="organisation"
              name="organisation"
              label="Du henviser fra"
              hint="Fx »Regionspsykiatrien, Distriktspsykiatri Amager«, »Bostøtten i Valby« eller »Voksenenheden«."
              value={props.values.organisation}
              error={problem('organisation')}
            />
            <h2>Borgerens samtykke</h2>
            <div class={problem('consentGiven') ? 'form-group form-error' : 'form-group'}>
              <fieldset aria-describedby={problem('consentGiven') ? 'consentGiven-error' : undefined}>
                <legend class="form-label">Samtykke</legend>
                {problem('consentGiven') && (
                  <span class="form-error-message" id="consentGiven-error">
                    <span class="sr-only">Fejl</span>
                    {problem('consentGiven')}
                  </span>
                )}
                <div class="form-group-checkbox">
                  <input type="checkbox" id="consentGiven" name="consentGiven" class="form-checkbox" value="ja" checked={props.values.consentGiven} />
                  <label class="form-label" for="consentGiven">
                    Borgeren har givet samtykke til henvisningen, som det står herunder
                  </label>
                </div>
              </fieldset>
            </div>
            <TextArea
              id="shared"
              name="shared"
              label="Hvad deles"
              hint="Fx »Fornavn og telefonnummer, og at borgeren har svært ved store grupper«."
              value={props.values.shared}
              error={problem('shared')}
              rows={3}
            />
            <TextInput
              id="sharedWith"
              name="sharedWith"
              label="Med hvem"
              hint="Fx »Holdlederne på forløbet«."
              value={props.values.sharedWith}
              error={problem('sharedWith')}
            />
            <TextInput
              id="until"
              name="until"
              label="Samtykket gælder til og med"
              hint="En dato, fx 31.12.2027. Derefter slettes borgerens navn og kontakt."
              value={props.values.until}
              error={problem('until')}
              width="s"
            />
            <Button>Send henvisningen</Button>
          </form>
        </>
      )}
      <p>
        <a href="/admin/henvisninger">Mine henvisninger</a>
      </p>
    </AdminLayout>
  );
}

/**
 * The referral is sent: the citizen's personal link, shown this once (only its hash is kept), and a
 * sheet to print and hand over with the link and a QR code.
 */
export function ReferralReceiptPage(props: { signedIn: SignedIn; referral: Referral; course: Course; link: string; again: boolean; today: string }) {
  const sessions = upcomingSessions(props.course, props.today);
  return (
    <AdminLayout title="Henvisningen er sendt" signedIn={props.signedIn} stylesheets={['/static/print.css']}>
      <div class="d-print-none">
        <h1>Henvisningen er sendt</h1>
        <Alert variant="success">
          {props.again ? 'Henvisningen var allerede sendt; den er ikke sendt to gange. ' : ''}
          {props.course.offering.name} har fået henvisningen til {props.course.title}. Du får en mail, når de har taget stilling.
        </Alert>
        <h2>Borgerens personlige link</h2>
        <p>
          Giv linket til borgeren. Med det kan borgeren se henvisningen og trække sit samtykke tilbage. <strong>Linket vises kun her</strong>{' '}
          – det gemmes ikke, så skriv det ned, send det til borgeren eller udskriv arket herunder, før du forlader siden.
        </p>
        <p class="handout-url">
          <code>{props.link}</code>
        </p>
        <p>Vil du udskrive arket, så brug browserens udskrift (Ctrl+P eller ⌘+P). Kun arket kommer med på papiret.</p>
      </div>
      <section class="handout" aria-labelledby="handout-title">
        <div class="handout-head">
          <div>
            <p class="handout-source">Tilbudsvifte · Københavns Kommune</p>
            <h2 id="handout-title">Din henvisning til {props.course.title}</h2>
            <p class="handout-meta">
              Hos {props.course.offering.name}, {courseWhen(props.course)}.
            </p>
            {props.course.isExample && <ExampleDataBadge />}
          </div>
          <figure class="handout-qr">
            <QrCodeSvg text={props.link} label="QR-kode til dit personlige link" />
            <figcaption>Scan koden med telefonens kamera</figcaption>
          </figure>
        </div>
        {sessions.length > 0 && (
          <ul class="handout-places">
            {sessions.slice(0, 12).map((session) => (
              <li>
                <p class="handout-meta">
                  {formatDanishDate(session.date)} kl. {session.startsAt}–{session.endsAt}
                  {session.location ? `, ${session.location.name}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
        <div class="handout-foot">
          <p>
            På dit personlige link kan du se, om du har fået plads, og du kan trække dit samtykke tilbage. Linket er kun til dig:
          </p>
          <p class="handout-url">{props.link}</p>
          <p>
            Du er henvist af {props.referral.referrerName}, {props.referral.referrerOrganisation}.
          </p>
        </div>
      </section>
      <p class="d-print-none">
        <a href={`/admin/henvisninger/${props.referral.id}`}>Se henvisningen</a> · <a href="/admin/henvisninger">Mine henvisninger</a> ·{' '}
        <a href="/admin/henvisninger/ny">Henvis en borger mere</a>
      </p>
    </AdminLayout>
  );
}

export type MoveNotice =
  | { kind: 'moved'; to: ReferralState }
  | { kind: 'full'; course: Course; occupancy: CourseOccupancy }
  | { kind: 'stale'; by: string | null; at: Date | null }
  | { kind: 'not_allowed' };

/** One referral: the course, the citizen and their consent, the history, and for the running offering the next moves. */
export function ReferralPage(props: {
  signedIn: SignedIn;
  referral: Referral;
  course: Course;
  occupancy: CourseOccupancy;
  today: string;
  /** The running offering's staff move the referral on; the referrer only follows it. */
  mayMove: boolean;
  isReferrer: boolean;
  notice: MoveNotice | null;
  form: { to: string; reason: string };
  problems: MoveProblem[];
}) {
  const { referral, course } = props;
  const holds = consentHolds({ until: referral.consentUntil, withdrawnAt: referral.consentWithdrawnAt }, props.today);
  const moves = nextStates(referral.state);
  const problem = (field: MoveProblem['field']) => props.problems.find((item) => item.field === field)?.message;
  const title = `Henvisning til ${course.title}`;
  return (
    <AdminLayout title={`${props.problems.length ? 'Fejl: ' : ''}${title}`} signedIn={props.signedIn}>
      <h1>{title}</h1>
      <ErrorSummary problems={props.problems} />
      {props.notice?.kind === 'moved' && (
        <Alert variant="success">
          Henvisningen er nu »{referralStateLabels[props.notice.to]}«. Henviseren har fået besked.
        </Alert>
      )}
      {props.notice?.kind === 'full' && (
        <Alert variant="warning">
          Forløbet er fuldt ({props.notice.occupancy.enrolled} af {props.notice.course.capacity} pladser er taget), så borgeren kan ikke
          optages nu. Intet er ændret.{' '}
          {moves.includes('waitlisted')
            ? 'Sæt henvisningen på ventelisten herunder: så får borgeren den næste ledige plads i tur og orden, og henviseren får besked.'
            : 'Henvisningen står på ventelisten og rykker selv op, når en plads bliver ledig.'}
        </Alert>
      )}
      {props.notice?.kind === 'stale' && (
        <Alert variant="warning">
          {props.notice.by ? `${props.notice.by} har` : 'En anden har'} ændret henvisningen til »{referralStateLabels[referral.state]}«
          {props.notice.at ? ` ${dateTime.format(props.notice.at)}` : ''}, mens du havde siden åben. Dit valg er ikke gemt. Se henvisningen,
          som den er nu, og vælg igen, hvis der stadig skal ske noget.
        </Alert>
      )}
      {props.notice?.kind === 'not_allowed' && (
        <Alert variant="warning">
          Henvisningen kan ikke flyttes sådan længere. {referral.consentWithdrawnAt ? 'Borgeren har trukket sit samtykke tilbage.' : ''} Intet
          er ændret.
        </Alert>
      )}
      {referral.consentWithdrawnAt && (
        <Alert variant="info">
          Borgeren trak sit samtykke tilbage {dateTime.format(referral.consentWithdrawnAt)}. Borgerens navn og kontakt er slettet, og
          pladsen på forløbet er givet videre.
        </Alert>
      )}
      <p>
        <StateBadge state={referral.state} />
        {referral.reason && <> Begrundelse: {referral.reason}</>}
      </p>
      <h2>Forløbet</h2>
      <StructuredList
        rows={[
          { label: 'Forløb', value: course.title },
          { label: 'Tilbud', value: course.offering.name },
          { label: 'Datoer', value: courseWhen(course) },
          {
            label: 'Pladser',
            value: `${props.occupancy.enrolled} af ${course.capacity} taget, ${props.occupancy.waitlisted} på venteliste`,
          },
        ]}
      />
      <h2>Borgeren</h2>
      <StructuredList
        rows={[
          { label: 'Fornavn', value: citizenText(referral) },
          { label: 'Kontakt', value: referral.citizenContact ?? (referral.citizenName === null ? 'Slettet' : 'Ikke oplyst') },
          { label: 'Henvist af', value: `${referral.referrerName}, ${referral.referrerOrganisation}` },
          { label: 'Henvist', value: dateTime.format(referral.createdAt) },
        ]}
      />
      <h2>Samtykket</h2>
      {referral.consentWithdrawnAt ? (
        <p>Trukket tilbage af borgeren {dateTime.format(referral.consentWithdrawnAt)}.</p>
      ) : holds ? (
        <p>Samtykket gælder til og med {formatDanishDate(referral.consentUntil!)}.</p>
      ) : (
        <Alert variant="warning">
          Samtykket gælder ikke længere{referral.consentUntil ? ` – det gjaldt til og med ${formatDanishDate(referral.consentUntil)}` : ''}.
          Borgerens navn og kontakt slettes. Tal med borgeren, hvis samarbejdet skal fortsætte.
        </Alert>
      )}
      <StructuredList
        rows={[
          { label: 'Hvad deles', value: referral.consentShared ?? 'Slettet' },
          { label: 'Med hvem', value: referral.consentWith ?? 'Slettet' },
          { label: 'Registreret', value: referral.consentRecordedAt ? dateTime.format(referral.consentRecordedAt) : 'Ukendt' },
        ]}
      />
      <h2>Historik</h2>
      <div class="table--responsive-scroll">
        <table class="table table--compact">
          <caption class="sr-only">Henvisningens ændringer, ældste først</caption>
          <thead>
            <tr>
              <th scope="col">Hvornår</th>
              <th scope="col">Tilstand</th>
              <th scope="col">Af</th>
              <th scope="col">Begrundelse</th>
            </tr>
          </thead>
          <tbody>
            {referral.events.map((event) => (
              <tr>
                <td>{dateTime.format(event.at)}</td>
                <td>{referralStateLabels[event.state]}</td>
                <td>{event.byName}</td>
                <td>{event.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.mayMove && moves.length > 0 && !referral.consentWithdrawnAt && (
        <>
          <h2>Hvad sker der nu?</h2>
          <form method="post" action={`/admin/henvisninger/${referral.id}`} novalidate>
            <CsrfField token={props.signedIn.csrfToken} />
            <input type="hidden" name="fra" value={referral.state} />
            <div class={problem('to') ? 'form-group form-error' : 'form-group'} id="to">
              {problem('to') && (
                <span class="form-error-message" id="to-error">
                  <span class="sr-only">Fejl</span>
                  {problem('to')}
                </span>
              )}
              <Choices
                id="til"
                name="til"
                legend="Flyt henvisningen til"
                hint={`Henviseren får en mail om ændringen. ${moves.some(needsReason) ? 'Afviser eller stopper du, skal du skrive en begrundelse.' : ''}`}
                type="radio"
                items={moves.map((state) => ({ value: state, label: moveLabels[state], checked: props.form.to === state }))}
              />
            </div>
            <TextArea
              id="reason"
              name="reason"
              label="Begrundelse (skal udfyldes ved afvisning og stop)"
              hint="Henviseren ser den. Skriv ikke borgerens navn eller helbredsoplysninger."
              value={props.form.reason}
              error={problem('reason')}
              rows={3}
            />
            <Button>Gem</Button>
          </form>
        </>
      )}
      <p>
        {props.isReferrer && <a href="/admin/henvisninger">Mine henvisninger</a>}
        {props.isReferrer && props.mayMove && ' · '}
        {props.mayMove && <a href={`/admin/tilbud/${course.offering.slug}/henvisninger`}>Henvisninger til {course.offering.name}</a>}
      </p>
    </AdminLayout>
  );
}

const moveLabels: Record<ReferralState, string> = {
  sent: 'Sendt',
  accepted: 'Optag borgeren på forløbet',
  waitlisted: 'Sæt på ventelisten',
  declined: 'Afvis henvisningen',
  started: 'Borgeren er startet',
  completed: 'Borgeren har gennemført forløbet',
  stopped: 'Borgeren er stoppet',
};

/** The running offering's inbox: the referrals to its courses, new ones first, then waiting, running and closed. */
export function ReferralInboxPage(props: { signedIn: SignedIn; offering: { slug: string; name: string }; items: ReferralListItem[] }) {
  const groups: { title: string; states: ReferralState[] }[] = [
    { title: 'Nye', states: ['sent'] },
    { title: 'På venteliste', states: ['waitlisted'] },
    { title: 'Optaget og i gang', states: ['accepted', 'started'] },
    { title: 'Afsluttet', states: ['completed', 'stopped', 'declined'] },
  ];
  return (
    <AdminLayout title={`Henvisninger til ${props.offering.name}`} signedIn={props.signedIn}>
      <h1>Henvisninger til {props.offering.name}</h1>
      <p>
        Borgere, som samarbejdspartnere og kolleger har henvist til jeres forløb. Tag stilling til nye henvisninger: henviseren får en mail,
        hver gang I flytter en henvisning. Kun medarbejderne her og henviseren ser borgerens oplysninger, og hver visning skrives i
        revisionsloggen.
      </p>
      {groups.map((group) => {
        const items = props.items.filter((item) => group.states.includes(item.referral.state));
        return (
          <section aria-labelledby={`gruppe-${group.states[0]}`}>
            <h2 id={`gruppe-${group.states[0]}`}>
              {group.title} ({items.length})
            </h2>
            {items.length === 0 ? (
              <p>Ingen.</p>
            ) : (
              <div class="table--responsive-scroll">
                <table class="table table--compact">
                  <caption class="sr-only">{group.title}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Borger</th>
                      <th scope="col">Forløb</th>
                      <th scope="col">Tilstand</th>
                      <th scope="col">Henvist af</th>
                      <th scope="col">Henvist</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map(({ referral, course }) => (
                      <tr>
                        <td>
                          <a href={`/admin/henvisninger/${referral.id}`}>{citizenText(referral)}</a>
                        </td>
                        <td>{course.title}</td>
                        <td>
                          <StateBadge state={referral.state} />
                        </td>
                        <td>{referral.referrerOrganisation}</td>
                        <td>{dateTime.format(referral.createdAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
    </AdminLayout>
  );
}

/** What the front page says about referrals: the person's own, and each offering's inbox with its new ones. */
export type ReferralSummary = { mayRefer: boolean; mine: number; inboxes: { slug: string; name: string; waiting: number }[] };

/** The front page's referral section; nothing for a person who neither refers nor receives referrals. */
export function ReferralDashboardSection({ summary }: { summary: ReferralSummary }) {
  if (!summary.mayRefer && summary.mine === 0 && summary.inboxes.length === 0) return null;
  return (
    <section aria-labelledby="henvisninger">
      <h2 id="henvisninger">Henvisninger</h2>
      <ul class="nobullet-list">
        {(summary.mayRefer || summary.mine > 0) && (
          <li>
            <a href="/admin/henvisninger">Mine henvisninger ({summary.mine})</a>
          </li>
        )}
        {summary.mayRefer && (
          <li>
            <a href="/admin/henvisninger/ny">Henvis en borger til et forløb</a>
          </li>
        )}
        {summary.inboxes.map((inbox) => (
          <li>
            <a href={`/admin/tilbud/${inbox.slug}/henvisninger`}>Henvisninger til {inbox.name}</a>
            {inbox.waiting === 0 ? ' – ingen nye' : inbox.waiting === 1 ? ' – 1 ny' : ` – ${inbox.waiting} nye`}
          </li>
        ))}
      </ul>
    </section>
  );
}
