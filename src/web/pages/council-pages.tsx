import type { Council, CouncilWhole } from '../../app/run-councils.ts';
import { councilWords, publicPresence, shownByName } from '../../domain/council/council.ts';
import type { Locale } from '../../domain/locale.ts';
import { formatDate } from '../../domain/time.ts';
import { ExampleDataBadge } from '../components/badge.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { danishLang } from '../i18n/danish-text.tsx';
import { hrefIn, messages, type PageLanguage } from '../i18n/index.ts';
import { Layout } from '../layout.tsx';

/** The councils' words in each language; the councils' own texts stay Danish and are marked so. */
const words = {
  da: {
    listTitle: 'Brugerråd og aktivitetsråd',
    listIntro: 'Brugerne er med til at forme tilbuddene. Her er rådene, deres møder, referater og beslutninger. Medlemmer står kun med navn, hvis de selv har sagt ja til det.',
    none: 'Der er ingen råd endnu.',
    cityWide: 'Hele byen',
    kinds: councilWords.kinds,
    members: 'Medlemmer',
    membersNamed: (names: string[], others: number) =>
      `${names.join(', ')}${names.length && others ? ' og ' : ''}${others ? `${others} ${others === 1 ? 'medlem' : 'medlemmer'}, der ikke står med navn` : ''}.`,
    noMembers: 'Rådet har ingen medlemmer endnu.',
    chair: 'formand',
    howToJoin: 'Sådan bliver du medlem',
    meetings: 'Møder',
    noMeetings: 'Rådet har ikke holdt møder endnu.',
    meeting: (date: string, time: string | null) => `Møde ${date}${time ? ` kl. ${time}` : ''}`,
    agenda: 'Dagsorden',
    minutes: 'Referat',
    noMinutes: 'Referatet kommer efter mødet.',
    decisions: 'Beslutninger',
    present: 'Til stede',
    nobodyPresent: 'Ikke registreret.',
    followUps: councilWords.followUps,
    at: 'Rådet hører til',
  },
  en: {
    listTitle: 'User councils and activity councils',
    listIntro: 'Users help shape the offerings. Here are the councils, their meetings, minutes and decisions. Members are named only if they have said yes to it themselves.',
    none: 'There are no councils yet.',
    cityWide: 'The whole city',
    kinds: councilWords.kindsEnglish,
    members: 'Members',
    membersNamed: (names: string[], others: number) =>
      `${names.join(', ')}${names.length && others ? ' and ' : ''}${others ? `${others} ${others === 1 ? 'member' : 'members'} not named` : ''}.`,
    noMembers: 'The council has no members yet.',
    chair: 'chair',
    howToJoin: 'How to join',
    meetings: 'Meetings',
    noMeetings: 'The council has not met yet.',
    meeting: (date: string, time: string | null) => `Meeting ${date}${time ? ` at ${time}` : ''}`,
    agenda: 'Agenda',
    minutes: 'Minutes',
    noMinutes: 'The minutes follow after the meeting.',
    decisions: 'Decisions',
    present: 'Present',
    nobodyPresent: 'Not recorded.',
    followUps: { activity: 'Becomes an activity', hours: 'Becomes user-run opening hours' },
    at: 'The council belongs to',
  },
} satisfies Record<Locale, unknown>;

export function councilWordsIn(locale: Locale) {
  return words[locale];
}

/** A text kept as typed: paragraphs by blank lines, lines by line breaks. */
function Paragraphs({ text, lang }: { text: string; lang: string | undefined }) {
  return (
    <>
      {text
        .split(/\r?\n\s*\r?\n/)
        .filter((part) => part.trim())
        .map((part) => (
          <p lang={lang}>
            {part.split(/\r?\n/).map((line, index) => (
              <>
                {index > 0 && <br />}
                {line}
              </>
            ))}
          </p>
        ))}
    </>
  );
}

/** /raad: every council, city-wide first, then by offering. */
export function CouncilListPage(props: { councils: (Council & { offering: { slug: string; name: string } | null })[] } & PageLanguage) {
  const t = words[props.locale];
  const lang = danishLang(props.locale);
  return (
    <Layout title={t.listTitle} locale={props.locale} path={props.path}>
      <Breadcrumbs ariaLabel={messages[props.locale].breadcrumbs} items={[{ text: messages[props.locale].allOfferings, href: hrefIn(props.locale, '/') }, { text: t.listTitle }]} />
      <h1>{t.listTitle}</h1>
      <p class="font-lead">{t.listIntro}</p>
      {props.councils.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul class="nobullet-list">
          {props.councils.map((council) => (
            <li>
              <a href={hrefIn(props.locale, `/raad/${council.slug}`)} lang={lang}>
                {council.name}
              </a>
              {` · ${t.kinds[council.kind]} · `}
              {council.offering ? <span lang={lang}>{council.offering.name}</span> : t.cityWide}
              {council.isExample && (
                <>
                  {' '}
                  <ExampleDataBadge locale={props.locale} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** /raad/{slug}: the council, its named members, and its meetings with agenda, minutes, decisions and who was present. */
export function CouncilPage(props: { council: CouncilWhole } & PageLanguage) {
  const { council, locale } = props;
  const t = words[locale];
  const lang = danishLang(locale);
  const current = council.members.filter((member) => member.anonymisedAt === null);
  const presence = publicPresence(current);
  const chairs = new Set(current.filter((member) => member.role === 'chair' && shownByName(member)).map((member) => member.name));
  const byId = new Map(council.members.map((member) => [member.id, member]));
  return (
    <Layout title={council.name} locale={locale} path={props.path}>
      <Breadcrumbs
        ariaLabel={messages[locale].breadcrumbs}
        items={[
          { text: messages[locale].allOfferings, href: hrefIn(locale, '/') },
          { text: t.listTitle, href: hrefIn(locale, '/raad') },
          { text: council.name, lang },
        ]}
      />
      <h1 lang={lang}>
        {council.name}
        {council.isExample && (
          <>
            {' '}
            <ExampleDataBadge locale={locale} />
          </>
        )}
      </h1>
      <p>
        {t.kinds[council.kind]}.{' '}
        {council.offering && (
          <>
            {t.at}{' '}
            <a href={hrefIn(locale, `/tilbud/${council.offering.slug}`)} lang={lang}>
              {council.offering.name}
            </a>
            .
          </>
        )}
      </p>
      {council.purpose && <Paragraphs text={council.purpose} lang={lang} />}
      <section aria-labelledby="medlemmer">
        <h2 id="medlemmer">{t.members}</h2>
        {current.length === 0 ? (
          <p>{t.noMembers}</p>
        ) : (
          <p>{t.membersNamed(presence.names.map((name) => (chairs.has(name) ? `${name} (${t.chair})` : name)), presence.others)}</p>
        )}
      </section>
      {council.howToJoin && (
        <section aria-labelledby="bliv-medlem">
          <h2 id="bliv-medlem">{t.howToJoin}</h2>
          <Paragraphs text={council.howToJoin} lang={lang} />
        </section>
      )}
      <section aria-labelledby="moeder">
        <h2 id="moeder">{t.meetings}</h2>
        {council.meetings.length === 0 && <p>{t.noMeetings}</p>}
        {council.meetings.map((meeting) => {
          const present = publicPresence(meeting.presentIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])));
          return (
            <article aria-labelledby={`moede-${meeting.id}`}>
              <h3 id={`moede-${meeting.id}`}>{t.meeting(formatDate(meeting.date, locale), meeting.time)}</h3>
              <h4>{t.agenda}</h4>
              <Paragraphs text={meeting.agenda} lang={lang} />
              <h4>{t.minutes}</h4>
              {meeting.minutes ? <Paragraphs text={meeting.minutes} lang={lang} /> : <p>{t.noMinutes}</p>}
              {meeting.decisions.length > 0 && (
                <>
                  <h4>{t.decisions}</h4>
                  <ul>
                    {meeting.decisions.map((decision) => (
                      <li>
                        <span lang={lang}>{decision.text}</span>
                        {decision.becomes && ` (${t.followUps[decision.becomes]})`}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <p>
                <strong>{t.present}:</strong> {present.names.length + present.others === 0 ? t.nobodyPresent : t.membersNamed(present.names, present.others)}
              </p>
            </article>
          );
        })}
      </section>
    </Layout>
  );
}

/** The offering page's section: its councils, with a link to each. */
export function OfferingCouncils({ councils, locale }: { councils: Council[]; locale: Locale }) {
  const t = words[locale];
  const lang = danishLang(locale);
  return (
    <section aria-labelledby="raad">
      <h2 id="raad">{t.listTitle}</h2>
      <ul>
        {councils.map((council) => (
          <li>
            <a href={hrefIn(locale, `/raad/${council.slug}`)} lang={lang}>
              {council.name}
            </a>{' '}
            ({t.kinds[council.kind].toLocaleLowerCase(locale)})
          </li>
        ))}
      </ul>
    </section>
  );
}
