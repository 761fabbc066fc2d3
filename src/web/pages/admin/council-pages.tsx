import type { Council, CouncilMeeting, CouncilWhole } from '../../../app/run-councils.ts';
import { councilLimits, councilWords } from '../../../domain/council/council.ts';
import { formatDanishDate } from '../../../domain/time.ts';
import { AdminLayout } from '../../admin-layout.tsx';
import { Alert } from '../../components/alert.tsx';
import { Button, Choices, CsrfField, ErrorSummary, TextArea, TextInput } from '../../components/form.tsx';

type SignedIn = { name: string; csrfToken: string };
type Problems = { field: string; message: string }[];

const dateTime = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short' });
const problemOf = (problems: Problems, field: string) => problems.find((problem) => problem.field === field)?.message;

/** Where the councils of one scope live: an offering's, or the city-wide ones. */
export type CouncilScope = { base: string; title: string; backHref: string; backText: string; city: boolean; offeringSlug: string | null };

function RadioGroup(props: { id: string; name: string; legend: string; value: string; error?: string | undefined; items: [string, string][] }) {
  return (
    <div class={props.error ? 'form-group form-error' : 'form-group'}>
      <fieldset aria-describedby={props.error ? `${props.id}-error` : undefined}>
        <legend class="form-label">{props.legend}</legend>
        {props.error && (
          <span class="form-error-message" id={`${props.id}-error`}>
            <span class="sr-only">Fejl</span>
            {props.error}
          </span>
        )}
        {props.items.map(([value, label], index) => (
          <div class="form-group-radio">
            <input type="radio" class="form-radio" id={index === 0 ? props.id : `${props.id}-${index + 1}`} name={props.name} value={value} checked={props.value === value} />
            <label class="form-label" for={index === 0 ? props.id : `${props.id}-${index + 1}`}>
              {label}
            </label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

/** /admin/tilbud/{slug}/raad or /admin/raad: the councils and a form for a new one. */
export function CouncilListAdminPage(props: { signedIn: SignedIn; scope: CouncilScope; councils: Council[]; form: { kind: string; name: string; purpose: string; howToJoin: string }; problems: Problems }) {
  const { scope, form, problems } = props;
  return (
    <AdminLayout title={`${problems.length ? 'Fejl: ' : ''}Råd – ${scope.title}`} signedIn={props.signedIn}>
      <p>
        <a href={scope.backHref}>{scope.backText}</a>
      </p>
      <h1>Råd – {scope.title}</h1>
      <p>Brugerråd og aktivitetsråd giver brugerne indflydelse på tilbuddet. Rådets møder, dagsordener, referater og beslutninger er offentlige; medlemmernes navne kun hos dem, der har sagt ja til det.</p>
      {props.councils.length === 0 ? (
        <p>Der er ingen råd endnu.</p>
      ) : (
        <ul>
          {props.councils.map((council) => (
            <li>
              <a href={`${scope.base}/${council.id}`}>{council.name}</a> ({councilWords.kinds[council.kind].toLocaleLowerCase('da')})
            </li>
          ))}
        </ul>
      )}
      <h2>Opret et råd</h2>
      <ErrorSummary problems={problems} />
      <form method="post" action={scope.base} novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        {!scope.city && (
          <RadioGroup
            id="kind"
            name="kind"
            legend="Slags råd"
            value={form.kind}
            error={problemOf(problems, 'kind')}
            items={[
              ['user', councilWords.kinds.user],
              ['activity', councilWords.kinds.activity],
            ]}
          />
        )}
        <TextInput id="name" name="name" label="Navn" value={form.name} error={problemOf(problems, 'name')} hint="Fx «Brugerrådet på Nabo» eller «Aktivitetsrådet for caféen»." />
        <TextArea id="purpose" name="purpose" label="Hvad rådet arbejder med (frivilligt)" value={form.purpose} rows={3} error={problemOf(problems, 'purpose')} />
        <TextArea id="howToJoin" name="howToJoin" label="Sådan bliver man medlem (frivilligt)" value={form.howToJoin} rows={3} error={problemOf(problems, 'howToJoin')} hint="Står på den offentlige side. Fx «Spørg en medarbejder, eller kom til næste møde.»" />
        <Button>Opret rådet</Button>
      </form>
    </AdminLayout>
  );
}

export type MemberForm = { name: string; contact: string; role: string; namedPublicly: string; consentHow: string; consentGiven: boolean };

/** /admin/…/raad/{id}: the members with their consent, the form for a new member, and the meetings. */
export function CouncilAdminPage(props: { signedIn: SignedIn; scope: CouncilScope; council: CouncilWhole; form: MemberForm; problems: Problems; notice: string | null }) {
  const { scope, council, form, problems } = props;
  const base = `${scope.base}/${council.id}`;
  const current = council.members.filter((member) => member.anonymisedAt === null);
  const gone = council.members.length - current.length;
  return (
    <AdminLayout title={`${problems.length ? 'Fejl: ' : ''}${council.name}`} signedIn={props.signedIn}>
      <p>
        <a href={scope.base}>Råd – {scope.title}</a>
      </p>
      <h1>{council.name}</h1>
      <p>
        {councilWords.kinds[council.kind]}. Offentlig side: <a href={`/raad/${council.slug}`}>/raad/{council.slug}</a>
      </p>
      {props.notice && <Alert variant="success">{props.notice}</Alert>}
      <h2>Medlemmer ({current.length})</h2>
      <p class="form-hint">
        Formål: {councilWords.memberPurpose} Oplysningerne slettes, når samtykket udløber efter to år, eller med det samme, hvis medlemmet trækker det tilbage.
      </p>
      {current.length === 0 ? (
        <p>Ingen medlemmer endnu.</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--compact">
            <caption class="sr-only">Rådets medlemmer</caption>
            <thead>
              <tr>
                <th scope="col">Navn</th>
                <th scope="col">Rolle</th>
                <th scope="col">Navn offentligt</th>
                <th scope="col">Kontakt</th>
                <th scope="col">Samtykke</th>
                <th scope="col">Slettes</th>
                <th scope="col">
                  <span class="sr-only">Handling</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {current.map((member) => (
                <tr>
                  <td>{member.name}</td>
                  <td>{member.role === 'chair' ? 'Formand' : 'Medlem'}</td>
                  <td>{member.namedPublicly ? 'Ja' : 'Nej'}</td>
                  <td>{member.contact ?? 'Træffes på stedet'}</td>
                  <td>
                    {councilWords.consentHow[member.consentHow]}, {dateTime.format(member.consentAt)} ({member.consentRecordedByName})
                  </td>
                  <td>{formatDanishDate(member.deleteAfter)}</td>
                  <td>
                    <form method="post" action={`${base}/medlemmer/${member.id}/traek-tilbage`}>
                      <CsrfField token={props.signedIn.csrfToken} />
                      <button type="submit" class="button button-secondary">
                        Samtykke trukket tilbage<span class="sr-only">: {member.name}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {gone > 0 && <p>{gone} tidligere medlemmer er slettet; de står uden navn i gamle referater.</p>}
      <h2>Skriv et medlem op</h2>
      <p>Spørg om så lidt som muligt: et navn at kalde personen, og om de vil kontaktes i telefonen eller træffes på stedet.</p>
      <ErrorSummary problems={problems} />
      <form method="post" action={`${base}/medlemmer`} novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        <TextInput id="name" name="name" label="Navn" value={form.name} error={problemOf(problems, 'name')} hint="Det navn, personen vil kaldes. Et fornavn er nok." autocomplete="off" />
        <TextInput id="contact" name="contact" label="Telefon eller anden kontakt (frivilligt)" type="text" value={form.contact} error={problemOf(problems, 'contact')} hint="Lad feltet stå tomt, hvis personen træffes på stedet." autocomplete="off" />
        <RadioGroup id="role" name="role" legend="Rolle" value={form.role} error={problemOf(problems, 'role')} items={[['member', 'Medlem'], ['chair', 'Formand']]} />
        <RadioGroup
          id="namedPublicly"
          name="namedPublicly"
          legend="Må navnet stå på de offentlige sider?"
          value={form.namedPublicly}
          error={problemOf(problems, 'namedPublicly')}
          items={[
            ['nej', 'Nej, vis mig uden navn'],
            ['ja', 'Ja, mit navn må stå på rådets side og i referaterne'],
          ]}
        />
        <RadioGroup
          id="consentHow"
          name="consentHow"
          legend="Hvordan er samtykket givet?"
          value={form.consentHow}
          error={problemOf(problems, 'consentHow')}
          items={Object.entries(councilWords.consentHow)}
        />
        <div class={problemOf(problems, 'consentGiven') ? 'form-group form-error' : 'form-group'}>
          {problemOf(problems, 'consentGiven') && (
            <span class="form-error-message" id="consentGiven-error">
              <span class="sr-only">Fejl</span>
              {problemOf(problems, 'consentGiven')}
            </span>
          )}
          <div class="form-group-checkbox">
            <input type="checkbox" class="form-checkbox" id="consentGiven" name="consentGiven" value="ja" checked={form.consentGiven} aria-describedby={problemOf(problems, 'consentGiven') ? 'consentGiven-error' : undefined} />
            <label class="form-label" for="consentGiven">
              Personen har sagt ja til at være medlem og ved, at oplysningerne slettes efter to år eller når de beder om det
            </label>
          </div>
        </div>
        <Button>Skriv medlemmet op</Button>
      </form>
      <h2>Møder</h2>
      <p>
        <a href={`${base}/nyt-moede`}>Nyt møde</a>
      </p>
      {council.meetings.length === 0 ? (
        <p>Ingen møder endnu.</p>
      ) : (
        <ul>
          {council.meetings.map((meeting) => (
            <li>
              <a href={`${base}/moeder/${meeting.id}`}>Møde {formatDanishDate(meeting.date)}</a>
              {meeting.minutes ? ' – med referat' : ' – dagsorden'}
              {meeting.decisions.length > 0 && `, ${meeting.decisions.length} beslutninger`}
            </li>
          ))}
        </ul>
      )}
    </AdminLayout>
  );
}

export type MeetingForm = { date: string; time: string; agenda: string; minutes: string; decisions: string; present: string[]; version: string };

/** A meeting's form: date, agenda, minutes, decisions, and who was present (from the member list, never typed). */
export function MeetingAdminPage(props: { signedIn: SignedIn; scope: CouncilScope; council: CouncilWhole; meeting: CouncilMeeting | null; form: MeetingForm; problems: Problems; notice: string | null; stale: boolean }) {
  const { scope, council, meeting, form, problems } = props;
  const base = `${scope.base}/${council.id}`;
  const action = meeting ? `${base}/moeder/${meeting.id}` : `${base}/nyt-moede`;
  const title = meeting ? `Møde ${formatDanishDate(meeting.date)}` : 'Nyt møde';
  const members = council.members.filter((member) => member.anonymisedAt === null);
  return (
    <AdminLayout title={`${problems.length ? 'Fejl: ' : ''}${title} – ${council.name}`} signedIn={props.signedIn}>
      <p>
        <a href={base}>{council.name}</a>
      </p>
      <h1>{title}</h1>
      {props.notice && <Alert variant="success">{props.notice}</Alert>}
      {props.stale && <Alert variant="warning">Mødet er ændret af en anden, siden du åbnede siden. Din tekst står herunder; se den gemte udgave på rådets side, og gem igen.</Alert>}
      <ErrorSummary problems={problems} />
      <form method="post" action={action} novalidate>
        <CsrfField token={props.signedIn.csrfToken} />
        <input type="hidden" name="version" value={form.version} />
        <TextInput id="date" name="date" label="Dato" type="date" width="s" value={form.date} error={problemOf(problems, 'date')} />
        <TextInput id="time" name="time" label="Klokken (frivilligt)" type="time" width="xs" value={form.time} error={problemOf(problems, 'time')} />
        <TextArea id="agenda" name="agenda" label="Dagsorden" value={form.agenda} rows={5} error={problemOf(problems, 'agenda')} hint={`Et punkt pr. linje. Højst ${councilLimits.agenda} tegn. Skriv ikke medlemmers navne.`} />
        <TextArea
          id="minutes"
          name="minutes"
          label="Referat (efter mødet)"
          value={form.minutes}
          rows={8}
          error={problemOf(problems, 'minutes')}
          hint="Offentligt på rådets side. Skriv ikke medlemmers navne: de fremmødte vises fra listen herunder, og kun med navn hos dem, der har sagt ja til det."
        />
        <TextArea
          id="decisions"
          name="decisions"
          label="Beslutninger"
          value={form.decisions}
          rows={4}
          error={problemOf(problems, 'decisions')}
          hint="En beslutning pr. linje. Begynd linjen med «Aktivitet:» eller «Åbningstid:», når beslutningen skal blive en ny aktivitet eller brugerstyret åbningstid."
        />
        {members.length > 0 && (
          <Choices
            id="present"
            name="present"
            type="checkbox"
            legend="Hvem var med?"
            hint="Kun navne på dem, der har sagt ja, vises offentligt; de andre tælles med uden navn."
            items={members.map((member) => ({ value: member.id, label: member.name ?? '', checked: form.present.includes(member.id) }))}
          />
        )}
        {problemOf(problems, 'present') && <Alert variant="error">{problemOf(problems, 'present')}</Alert>}
        <Button>Gem mødet</Button>
      </form>
      {meeting?.decisions.some((decision) => decision.becomes) && scope.offeringSlug && (
        <>
          <h2>Beslutninger, der skal føres ud i livet</h2>
          <ul>
            {meeting.decisions
              .filter((decision) => decision.becomes)
              .map((decision) => (
                <li>
                  {decision.text} –{' '}
                  {decision.becomes === 'activity' ? (
                    <a href={`/admin/tilbud/${scope.offeringSlug}/aktiviteter/ny?${new URLSearchParams({ beslutning: decision.text, besluttet: meeting.date })}`}>opret aktiviteten</a>
                  ) : (
                    <a href={`/admin/tilbud/${scope.offeringSlug}/aabningstider?${new URLSearchParams({ beslutning: decision.text, besluttet: meeting.date })}`}>sæt åbningstiden på</a>
                  )}
                  {' '}(går til godkendelse, hvis dine ændringer skal godkendes)
                </li>
              ))}
          </ul>
        </>
      )}
      {meeting && (
        <p>
          <a href={`${base}/moeder/${meeting.id}/slet`}>Slet mødet {formatDanishDate(meeting.date)}</a>
        </p>
      )}
    </AdminLayout>
  );
}
