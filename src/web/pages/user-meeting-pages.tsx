import type { MeetingRegistration, UserMeeting } from '../../app/run-user-meeting.ts';
import { outcomeOf } from '../../domain/user-meeting/user-meeting.ts';
import type { Locale } from '../../domain/locale.ts';
import { formatDate } from '../../domain/time.ts';
import { Alert } from '../components/alert.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Button, Choices, ErrorSummary, TextInput } from '../components/form.tsx';
import { DanishText, danishLang, WithDanish } from '../i18n/danish-text.tsx';
import { hrefIn, messages, type PageLanguage } from '../i18n/index.ts';
import { Layout } from '../layout.tsx';

export type RegistrationForm = { name: string; phone: string; meetsAtOffering: boolean; accessNeeds: string; interpreter: string; token: string };

const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

const meetingWords = {
  da: {
    meeting: 'Brugermødet',
    lead: 'Én gang om året mødes brugerne af tilbuddene i hele byen. Rådene stiller forslag, og de fremmødte stemmer om dem.',
    noDate: 'Der er ikke sat en dato for næste brugermøde endnu. Spørg på dit tilbud.',
    example: 'Eksempeldata',
    at: 'kl.',
    seats: (seats: number, free: number, waiting: number) => `${seats} pladser, ${free} ledige${waiting > 0 ? `, ${waiting} på venteliste` : ''}.`,
    agenda: 'Dagsorden',
    proposals: 'Forslag fra rådene',
    from: 'Fra',
    adopted: 'Vedtaget',
    notAdopted: 'Ikke vedtaget',
    tally: (yes: number, no: number, blank: number) => `${yes} for, ${no} imod, ${blank} hverken for eller imod.`,
    minutes: 'Referat',
    register: 'Tilmeld dig',
    full: 'Alle pladser er taget. Tilmelder du dig nu, kommer du på ventelisten. Melder nogen fra, får den, der har ventet længst, pladsen.',
    little: 'Vi spørger kun om det, vi skal bruge på dagen. Du kan også blive tilmeldt på dit tilbud.',
    name: 'Fornavn',
    nameHint: 'Et kaldenavn er også fint.',
    phone: 'Telefon (frivilligt)',
    phoneHint: 'Så vi kan ringe, hvis du får en plads fra ventelisten.',
    noPhone: 'Uden telefon',
    atOffering: 'Jeg kan træffes på mit tilbud',
    access: 'Har du brug for noget for at kunne deltage? (frivilligt)',
    accessHint: 'Fx kørestol, høreslynge eller en stille plads.',
    interpreter: 'Har du brug for tolk? Skriv sproget (frivilligt)',
    interpreterHint: 'Fx arabisk eller tegnsprog.',
    send: 'Tilmeld',
    deleted: 'Dine oplysninger slettes en måned efter mødet.',
    closed: 'Tilmeldingen er lukket. Spørg på dit tilbud.',
    mine: 'Din tilmelding til brugermødet',
    mineCrumb: 'Din tilmelding',
    seat: ['Du har en plads på ', '.'] as const,
    waitingOn: ['Du er på ventelisten til ', '.'] as const,
    first: 'Du er den første, der får en plads, hvis nogen melder fra.',
    ahead: (n: number) => `Der er ${n} før dig.`,
    left: ['Du har meldt fra ', '.'] as const,
    thanks: 'Tak, du er tilmeldt. Gem linket til denne side: med det kan du melde fra. Vi sender det ikke.',
    as: 'Du er tilmeldt som ',
    byPhone: (phone: string) => `, telefon ${phone}`,
    byOffering: ', og vi giver besked på dit tilbud',
    needs: (needs: string) => ` Det skal du bruge: ${needs}.`,
    tolk: (language: string) => ` Tolk: ${language}.`,
    cannotCome: 'Kan du ikke komme alligevel, så meld fra, så pladsen kan gå videre.',
    leave: 'Meld fra',
    back: 'Tilbage til brugermødet',
  },
  en: {
    meeting: 'The user meeting',
    lead: 'Once a year the users of the offerings across the city meet. The councils make proposals, and those present vote on them.',
    noDate: 'No date has been set for the next user meeting yet. Ask at your offering.',
    example: 'Example data',
    at: 'at',
    seats: (seats: number, free: number, waiting: number) => `${seats} ${seats === 1 ? 'seat' : 'seats'}, ${free} free${waiting > 0 ? `, ${waiting} on the waiting list` : ''}.`,
    agenda: 'Agenda',
    proposals: 'Proposals from the councils',
    from: 'From',
    adopted: 'Adopted',
    notAdopted: 'Not adopted',
    tally: (yes: number, no: number, blank: number) => `${yes} for, ${no} against, ${blank} neither for nor against.`,
    minutes: 'Minutes',
    register: 'Register',
    full: 'All seats are taken. If you register now, you go on the waiting list. If someone cancels, the person who has waited longest gets the seat.',
    little: 'We only ask for what we need on the day. You can also be registered at your offering.',
    name: 'First name',
    nameHint: 'A nickname is fine too.',
    phone: 'Phone (optional)',
    phoneHint: 'So we can call if you get a seat from the waiting list.',
    noPhone: 'Without a phone',
    atOffering: 'I can be reached at my offering',
    access: 'Do you need anything to be able to take part? (optional)',
    accessHint: 'E.g. a wheelchair, a hearing loop or a quiet seat.',
    interpreter: 'Do you need an interpreter? Write the language (optional)',
    interpreterHint: 'E.g. Arabic or sign language.',
    send: 'Register',
    deleted: 'Your details are deleted a month after the meeting.',
    closed: 'Registration is closed. Ask at your offering.',
    mine: 'Your registration for the user meeting',
    mineCrumb: 'Your registration',
    seat: ['You have a seat at ', '.'] as const,
    waitingOn: ['You are on the waiting list for ', '.'] as const,
    first: 'You are the first to get a seat if someone cancels.',
    ahead: (n: number) => `There ${n === 1 ? 'is 1 person' : `are ${n} people`} ahead of you.`,
    left: ['You have cancelled your place at ', '.'] as const,
    thanks: 'Thank you, you are registered. Save the link to this page: with it you can cancel. We do not send it.',
    as: 'You are registered as ',
    byPhone: (phone: string) => `, phone ${phone}`,
    byOffering: ', and we will tell you at your offering',
    needs: (needs: string) => ` What you need: ${needs}.`,
    tolk: (language: string) => ` Interpreter: ${language}.`,
    cannotCome: 'If you cannot come after all, cancel, so the seat can go to someone else.',
    leave: 'Cancel',
    back: 'Back to the user meeting',
  },
} satisfies Record<Locale, unknown>;

function Crumbs({ locale, last }: { locale: Locale; last?: string }) {
  const t = meetingWords[locale];
  return (
    <Breadcrumbs
      ariaLabel={messages[locale].breadcrumbs}
      items={[{ text: messages[locale].allOfferings, href: hrefIn(locale, '/') }, ...(last ? [{ text: t.meeting, href: hrefIn(locale, '/brugermoede') }, { text: last }] : [{ text: t.meeting }])]}
    />
  );
}

/** The agenda, the councils' proposals with their votes, and the minutes once published; their own words stay Danish. */
function MeetingBody({ meeting, locale }: { meeting: UserMeeting; locale: Locale }) {
  const t = meetingWords[locale];
  const lang = danishLang(locale);
  return (
    <>
      <h2>{t.agenda}</h2>
      <ol lang={lang}>
        {lines(meeting.agenda).map((line) => (
          <li>{line}</li>
        ))}
      </ol>
      {meeting.proposals.length > 0 && (
        <>
          <h2>{t.proposals}</h2>
          {meeting.proposals.map((proposal) => (
            <div class="mb-5">
              <h3 lang={lang}>{proposal.title}</h3>
              {proposal.councilName && (
                <p class="mb-2">
                  {t.from} <DanishText locale={locale}>{proposal.councilName}</DanishText>
                </p>
              )}
              <p lang={lang}>{proposal.text}</p>
              {proposal.tally && (
                <p>
                  <strong>{outcomeOf(proposal.tally) === 'adopted' ? t.adopted : t.notAdopted}</strong>: {t.tally(proposal.tally.for, proposal.tally.against, proposal.tally.blank)}
                </p>
              )}
            </div>
          ))}
        </>
      )}
      {meeting.minutesPublished && meeting.minutes && (
        <>
          <h2>{t.minutes}</h2>
          {lines(meeting.minutes).map((line) => (
            <p lang={lang}>{line}</p>
          ))}
        </>
      )}
    </>
  );
}

/** When and where: the date in the page's language, the time and the place (the place's own words stay Danish). */
function WhenWhere({ meeting, locale }: { meeting: UserMeeting; locale: Locale }) {
  const t = meetingWords[locale];
  return (
    <>
      {formatDate(meeting.heldOn, locale)} {t.at} {meeting.startsAt}
    </>
  );
}

/** /brugermoede: the next city-wide user meeting and a short form to take a seat or a place on the waiting list. */
export function UserMeetingPage(props: { meeting: UserMeeting | null; today: string; form: RegistrationForm; problems: { field: string; message: string }[] } & PageLanguage) {
  const { meeting, form, problems, locale } = props;
  const t = meetingWords[locale];
  const error = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const title = meeting ? meeting.title : t.meeting;
  const open = meeting?.registrationOpen === true && meeting.heldOn >= props.today;
  const full = meeting !== null && meeting.registered >= meeting.seats;
  return (
    <Layout title={`${problems.length ? messages[locale].form.error : ''}${title}`} locale={locale} path={props.path}>
      <Crumbs locale={locale} />
      <h1 lang={meeting ? danishLang(locale) : undefined}>{title}</h1>
      <p class="font-lead">{t.lead}</p>
      {meeting === null ? (
        <p>{t.noDate}</p>
      ) : (
        <>
          {meeting.isExample && <p class="font-italic">{t.example}</p>}
          <p>
            <strong>
              <WhenWhere meeting={meeting} locale={locale} />
            </strong>
            , <DanishText locale={locale}>{meeting.place}</DanishText>. {t.seats(meeting.seats, Math.max(0, meeting.seats - meeting.registered), meeting.waiting)}
          </p>
          <MeetingBody meeting={meeting} locale={locale} />
          {open && (
            <>
              <h2 id="tilmeld">{t.register}</h2>
              {full && <Alert variant="info" locale={locale}>{t.full}</Alert>}
              <p>{t.little}</p>
              <ErrorSummary problems={problems} locale={locale} />
              <form method="post" action={hrefIn(locale, '/brugermoede')} novalidate>
                <input type="hidden" name="noegle" value={form.token} />
                <TextInput id="name" name="name" label={t.name} value={form.name} error={error('name')} autocomplete="given-name" hint={t.nameHint} />
                <TextInput id="phone" name="phone" label={t.phone} type="tel" value={form.phone} error={error('phone')} autocomplete="tel" hint={t.phoneHint} />
                <Choices id="meetsAtOffering" name="meetsAtOffering" legend={t.noPhone} type="checkbox" items={[{ value: 'ja', label: t.atOffering, checked: form.meetsAtOffering }]} />
                <TextInput id="accessNeeds" name="accessNeeds" label={t.access} value={form.accessNeeds} error={error('accessNeeds')} hint={t.accessHint} />
                <TextInput id="interpreter" name="interpreter" label={t.interpreter} value={form.interpreter} error={error('interpreter')} hint={t.interpreterHint} />
                <Button>{t.send}</Button>
              </form>
              <p>{t.deleted}</p>
            </>
          )}
          {!open && meeting.heldOn >= props.today && <p>{t.closed}</p>}
        </>
      )}
    </Layout>
  );
}

/** /brugermoede/tilmelding/{key}: the person's own registration, by the link only they have; one button to leave. */
export function MyMeetingRegistrationPage(props: { registration: MeetingRegistration; meeting: UserMeeting; ahead: number; token: string; fresh: boolean } & PageLanguage) {
  const { registration, meeting, locale } = props;
  const t = meetingWords[locale];
  const [before, after] = registration.state === 'registered' ? t.seat : registration.state === 'waiting' ? t.waitingOn : t.left;
  return (
    <Layout title={t.mine} locale={locale} path={props.path} noIndex>
      <Crumbs locale={locale} last={t.mineCrumb} />
      <h1>{t.mine}</h1>
      {props.fresh && registration.state !== 'left' && <Alert variant="success" locale={locale}>{t.thanks}</Alert>}
      <p>
        <strong>
          <WithDanish locale={locale} segments={[before, { da: meeting.title }, after]} />
          {registration.state === 'waiting' && ` ${props.ahead === 0 ? t.first : t.ahead(props.ahead)}`}
        </strong>
      </p>
      <p>
        <WhenWhere meeting={meeting} locale={locale} />, <DanishText locale={locale}>{meeting.place}</DanishText>.
      </p>
      <p>
        {t.as}
        {registration.name}
        {registration.phone ? t.byPhone(registration.phone) : t.byOffering}.{registration.accessNeeds && t.needs(registration.accessNeeds)}
        {registration.interpreter && t.tolk(registration.interpreter)}
      </p>
      {registration.state !== 'left' && (
        <form method="post" action={hrefIn(locale, `/brugermoede/tilmelding/${props.token}/afmeld`)}>
          <p>{t.cannotCome}</p>
          <Button variant="secondary">{t.leave}</Button>
        </form>
      )}
      <p>
        <a href={hrefIn(locale, '/brugermoede')}>{t.back}</a>
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
