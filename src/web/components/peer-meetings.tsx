import type { PublicPeerMeeting } from '../../app/run-peer-counsellors.ts';
import type { Locale } from '../../domain/locale.ts';
import { formatDate } from '../../domain/time.ts';
import { danishLang } from '../i18n/danish-text.tsx';
import { hrefIn } from '../i18n/index.ts';

/** The public words for peer meetings (ADR 036): where and when, never who comes. Both languages. */
export const peerMeetingWords = {
  da: {
    title: 'Peermøder her',
    heading: (count: number) => `Peermøder (${count})`,
    what: 'Et peermøde er et åbent møde med en peermedarbejder, der selv har erfaring med psykisk sårbarhed. Du behøver ikke melde dig til.',
    label: 'Peermøde',
    more: 'Om peermedarbejdere og alle peermøder',
    at: (time: string) => `kl. ${time}`,
  },
  en: {
    title: 'Peer meetings here',
    heading: (count: number) => `Peer meetings (${count})`,
    what: 'A peer meeting is an open meeting with a peer counsellor who has lived experience of mental illness. You need not sign up.',
    label: 'Peer meeting',
    more: 'About peer counsellors and every peer meeting',
    at: (time: string) => `at ${time}`,
  },
} satisfies Record<Locale, unknown>;

const span = (meeting: PublicPeerMeeting) => `${meeting.startsAt}\u2060–\u2060${meeting.endsAt}`;

/** The offering page's section: the peer meetings to come at this place. */
export function OfferingPeerMeetings({ meetings, locale }: { meetings: readonly PublicPeerMeeting[]; locale: Locale }) {
  const t = peerMeetingWords[locale];
  return (
    <section aria-labelledby="peermoeder">
      <h2 id="peermoeder">{t.title}</h2>
      <p>{t.what}</p>
      <ul>
        {meetings.map((meeting) => (
          <li>
            {`${formatDate(meeting.date, locale)} ${t.at(span(meeting))}`}
          </li>
        ))}
      </ul>
      <p>
        <a href={hrefIn(locale, '/peermedarbejdere')}>{t.more}</a>
      </p>
    </section>
  );
}

/** One day's peer meetings in the city calendar: time, place, nothing about anyone. */
export function CalendarPeerMeetings({ meetings, locale, heading }: { meetings: readonly PublicPeerMeeting[]; locale: Locale; heading: 'h3' | 'h4' }) {
  const t = peerMeetingWords[locale];
  const Heading = heading;
  return (
    <>
      <Heading>{t.heading(meetings.length)}</Heading>
      <ul class="calendar-list">
        {meetings.map((meeting) => (
          <li>
            <strong>{`${span(meeting)} ${t.label}`}</strong>
            {' · '}
            <a href={hrefIn(locale, `/tilbud/${encodeURIComponent(meeting.offeringSlug)}`)} lang={danishLang(locale)}>
              {meeting.offeringName}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
