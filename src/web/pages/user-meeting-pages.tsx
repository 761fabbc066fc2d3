import type { MeetingRegistration, UserMeeting } from '../../app/run-user-meeting.ts';
import { outcomeOf } from '../../domain/user-meeting/user-meeting.ts';
import { formatDanishDate, formatDate } from '../../domain/time.ts';
import { Alert } from '../components/alert.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Button, Choices, ErrorSummary, TextInput } from '../components/form.tsx';
import { hrefIn, messages, type PageLanguage } from '../i18n/index.ts';
import { Layout } from '../layout.tsx';

export type RegistrationForm = { name: string; phone: string; meetsAtOffering: boolean; accessNeeds: string; interpreter: string; token: string };

const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

function Crumbs({ locale, last }: { locale: PageLanguage['locale']; last?: string }) {
  return (
    <Breadcrumbs
      ariaLabel={messages[locale].breadcrumbs}
      items={[{ text: messages[locale].allOfferings, href: hrefIn(locale, '/') }, ...(last ? [{ text: 'Brugermødet', href: '/brugermoede' }, { text: last }] : [{ text: 'Brugermødet' }])]}
    />
  );
}

/** The agenda, the councils' proposals with their votes, and the minutes once published. */
function MeetingBody({ meeting }: { meeting: UserMeeting }) {
  return (
    <>
      <h2>Dagsorden</h2>
      <ol>
        {lines(meeting.agenda).map((line) => (
          <li>{line}</li>
        ))}
      </ol>
      {meeting.proposals.length > 0 && (
        <>
          <h2>Forslag fra rådene</h2>
          {meeting.proposals.map((proposal) => (
            <div class="mb-5">
              <h3>{proposal.title}</h3>
              {proposal.councilName && <p class="mb-2">Fra {proposal.councilName}</p>}
              <p>{proposal.text}</p>
              {proposal.tally && (
                <p>
                  <strong>{outcomeOf(proposal.tally) === 'adopted' ? 'Vedtaget' : 'Ikke vedtaget'}</strong>: {proposal.tally.for} for, {proposal.tally.against} imod, {proposal.tally.blank} hverken for eller imod.
                </p>
              )}
            </div>
          ))}
        </>
      )}
      {meeting.minutesPublished && meeting.minutes && (
        <>
          <h2>Referat</h2>
          {lines(meeting.minutes).map((line) => (
            <p>{line}</p>
          ))}
        </>
      )}
    </>
  );
}

/** /brugermoede: the next city-wide user meeting and a short form to take a seat or a place on the waiting list. */
export function UserMeetingPage(props: { meeting: UserMeeting | null; today: string; form: RegistrationForm; problems: { field: string; message: string }[] } & PageLanguage) {
  const { meeting, form, problems } = props;
  const error = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const title = meeting ? meeting.title : 'Brugermødet';
  const open = meeting?.registrationOpen === true && meeting.heldOn >= props.today;
  const full = meeting !== null && meeting.registered >= meeting.seats;
  return (
    <Layout title={`${problems.length ? 'Fejl: ' : ''}${title}`} locale={props.locale} path={props.path}>
      <Crumbs locale={props.locale} />
      <h1>{title}</h1>
      <p class="font-lead">Én gang om året mødes brugerne af tilbuddene i hele byen. Rådene stiller forslag, og de fremmødte stemmer om dem.</p>
      {meeting === null ? (
        <p>Der er ikke sat en dato for næste brugermøde endnu. Spørg på dit tilbud.</p>
      ) : (
        <>
          {meeting.isExample && <p class="font-italic">Eksempeldata</p>}
          <p>
            <strong>
              {formatDanishDate(meeting.heldOn)} kl. {meeting.startsAt}
            </strong>
            , {meeting.place}. {meeting.seats} pladser, {Math.max(0, meeting.seats - meeting.registered)} ledige{meeting.waiting > 0 ? `, ${meeting.waiting} på venteliste` : ''}.
          </p>
          <MeetingBody meeting={meeting} />
          {open && (
            <>
              <h2 id="tilmeld">Tilmeld dig</h2>
              {full && <Alert variant="info">Alle pladser er taget. Tilmelder du dig nu, kommer du på ventelisten. Melder nogen fra, får den, der har ventet længst, pladsen.</Alert>}
              <p>Vi spørger kun om det, vi skal bruge på dagen. Du kan også blive tilmeldt på dit tilbud.</p>
              <ErrorSummary problems={problems} locale={props.locale} />
              <form method="post" action="/brugermoede" novalidate>
                <input type="hidden" name="noegle" value={form.token} />
                <TextInput id="name" name="name" label="Fornavn" value={form.name} error={error('name')} autocomplete="given-name" hint="Et kaldenavn er også fint." />
                <TextInput id="phone" name="phone" label="Telefon (frivilligt)" type="tel" value={form.phone} error={error('phone')} autocomplete="tel" hint="Så vi kan ringe, hvis du får en plads fra ventelisten." />
                <Choices id="meetsAtOffering" name="meetsAtOffering" legend="Uden telefon" type="checkbox" items={[{ value: 'ja', label: 'Jeg kan træffes på mit tilbud', checked: form.meetsAtOffering }]} />
                <TextInput id="accessNeeds" name="accessNeeds" label="Har du brug for noget for at kunne deltage? (frivilligt)" value={form.accessNeeds} error={error('accessNeeds')} hint="Fx kørestol, høreslynge eller en stille plads." />
                <TextInput id="interpreter" name="interpreter" label="Har du brug for tolk? Skriv sproget (frivilligt)" value={form.interpreter} error={error('interpreter')} hint="Fx arabisk eller tegnsprog." />
                <Button>Tilmeld</Button>
              </form>
              <p>Dine oplysninger slettes en måned efter mødet.</p>
            </>
          )}
          {!open && meeting.heldOn >= props.today && <p>Tilmeldingen er lukket. Spørg på dit tilbud.</p>}
        </>
      )}
    </Layout>
  );
}

/** /brugermoede/tilmelding/{key}: the person's own registration, by the link only they have; one button to leave. */
export function MyMeetingRegistrationPage(props: { registration: MeetingRegistration; meeting: UserMeeting; ahead: number; token: string; fresh: boolean } & PageLanguage) {
  const { registration, meeting } = props;
  const state =
    registration.state === 'registered'
      ? `Du har en plads på ${meeting.title}.`
      : registration.state === 'waiting'
        ? `Du er på ventelisten til ${meeting.title}. ${props.ahead === 0 ? 'Du er den første, der får en plads, hvis nogen melder fra.' : `Der er ${props.ahead} før dig.`}`
        : `Du har meldt fra ${meeting.title}.`;
  return (
    <Layout title="Din tilmelding til brugermødet" locale={props.locale} path={props.path} noIndex>
      <Crumbs locale={props.locale} last="Din tilmelding" />
      <h1>Din tilmelding til brugermødet</h1>
      {props.fresh && registration.state !== 'left' && <Alert variant="success">Tak, du er tilmeldt. Gem linket til denne side: med det kan du melde fra. Vi sender det ikke.</Alert>}
      <p>
        <strong>{state}</strong>
      </p>
      <p>
        {formatDanishDate(meeting.heldOn)} kl. {meeting.startsAt}, {meeting.place}.
      </p>
      <p>
        Du er tilmeldt som {registration.name}
        {registration.phone ? `, telefon ${registration.phone}` : ', og vi giver besked på dit tilbud'}.{registration.accessNeeds && ` Det skal du bruge: ${registration.accessNeeds}.`}
        {registration.interpreter && ` Tolk: ${registration.interpreter}.`}
      </p>
      {registration.state !== 'left' && (
        <form method="post" action={`/brugermoede/tilmelding/${props.token}/afmeld`}>
          <p>Kan du ikke komme alligevel, så meld fra, så pladsen kan gå videre.</p>
          <Button variant="secondary">Meld fra</Button>
        </form>
      )}
      <p>
        <a href="/brugermoede">Tilbage til brugermødet</a>
      </p>
    </Layout>
  );
}

const peerWords = {
  da: {
    title: 'Peermedarbejdere',
    lead: 'Peermedarbejdere har selv erfaring med psykisk sårbarhed. De er uddannet til at støtte andre på tilbuddene og i forløbene.',
    certified: (year: number, n: number) => `I ${year} er ${n} ${n === 1 ? 'peermedarbejder' : 'peermedarbejdere'} certificeret`,
    target: (min: number, max: number) => `. Målet er ${min}–${max}.`,
    held: (n: number) => `Der er holdt ${n} ${n === 1 ? 'peermøde' : 'peermøder'} i år.`,
    meetings: 'Peermøder',
    noMeetings: 'Der er ingen peermøder sat på lige nu.',
    at: (date: string, from: string, to: string) => `${date} kl. ${from}–${to}, `,
    network: 'Peernetværket i byen',
    noNetwork: 'Der er ingen peermedarbejdere på tilbuddene endnu.',
    meetHere: 'Her kan du møde en peermedarbejder:',
    more: 'Vil du vide mere, så spørg på dit tilbud.',
  },
  en: {
    title: 'Peer counsellors',
    lead: 'Peer counsellors have lived experience of mental illness themselves. They are trained to support others at the offerings and in the courses.',
    certified: (year: number, n: number) => `In ${year}, ${n} ${n === 1 ? 'peer counsellor is' : 'peer counsellors are'} certified`,
    target: (min: number, max: number) => `. The target is ${min}–${max}.`,
    held: (n: number) => `${n} ${n === 1 ? 'peer meeting has' : 'peer meetings have'} been held this year.`,
    meetings: 'Peer meetings',
    noMeetings: 'There are no peer meetings planned right now.',
    at: (date: string, from: string, to: string) => `${date} at ${from}–${to}, `,
    network: 'The peer network in the city',
    noNetwork: 'There are no peer counsellors at the offerings yet.',
    meetHere: 'You can meet a peer counsellor here:',
    more: 'To know more, ask at your offering.',
  },
} satisfies Record<PageLanguage['locale'], unknown>;

/** /peermedarbejdere: how many peer counsellors are certified this year, against the target; a number only. */
export function PeerFigurePage(props: { figure: { year: number; certified: number; targetMin: number; targetMax: number; peerMeetings?: { held: number } }; meetings: { offeringName: string; offeringSlug: string; date: string; startsAt: string; endsAt: string }[]; network: { name: string; slug: string }[] } & PageLanguage) {
  const { figure, locale } = props;
  const t = peerWords[locale];
  const lang = locale === 'da' ? undefined : 'da';
  return (
    <Layout title={t.title} locale={locale} path={props.path}>
      <Breadcrumbs ariaLabel={messages[locale].breadcrumbs} items={[{ text: messages[locale].allOfferings, href: hrefIn(locale, '/') }, { text: t.title }]} />
      <h1>{t.title}</h1>
      <p class="font-lead">{t.lead}</p>
      <p>
        <strong>{t.certified(figure.year, figure.certified)}</strong>
        {figure.targetMax ? t.target(figure.targetMin, figure.targetMax) : '.'}
        {figure.peerMeetings?.held ? ` ${t.held(figure.peerMeetings.held)}` : ''}
      </p>
      <h2>{t.meetings}</h2>
      {props.meetings.length === 0 ? (
        <p>{t.noMeetings}</p>
      ) : (
        <ul>
          {props.meetings.map((meeting) => (
            <li>
              {t.at(formatDate(meeting.date, locale), meeting.startsAt, meeting.endsAt)}
              <a href={hrefIn(locale, `/tilbud/${meeting.offeringSlug}`)} lang={lang}>
                {meeting.offeringName}
              </a>
            </li>
          ))}
        </ul>
      )}
      <h2>{t.network}</h2>
      {props.network.length === 0 ? (
        <p>{t.noNetwork}</p>
      ) : (
        <>
          <p>{t.meetHere}</p>
          <ul>
            {props.network.map((offering) => (
              <li>
                <a href={hrefIn(locale, `/tilbud/${offering.slug}`)} lang={lang}>
                  {offering.name}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>{t.more}</p>
    </Layout>
  );
}
