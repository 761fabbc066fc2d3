import type { JSX } from 'hono/jsx/jsx-runtime';
import type { LiveListing, LiveListingItem } from '../../app/get-live-listings.ts';
import { formatListingLine } from '../../domain/gloria/listing-spec.ts';
import { capitalise } from '../../domain/locale.ts';
import { activityKindLabel } from '../../domain/schedule/schedule-text.ts';
import { cityTimeZone, formatDate } from '../../domain/time.ts';
import { DanishText } from '../i18n/danish-text.tsx';
import { hrefIn, intlLocale, type Locale } from '../i18n/index.ts';
import { listingWords } from '../i18n/live-listing.ts';
import { ExampleDataBadge } from './badge.tsx';

/**
 * A live listing (ADR 038): a labelled region with its title, the items linking to the places and courses,
 * and where and when it was read; an empty listing says so in a sentence. Used by articles and, until
 * they come, by the brochure's district view.
 */

const clocks = {
  da: new Intl.DateTimeFormat('da-DK', { timeZone: cityTimeZone, hour: '2-digit', minute: '2-digit' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: cityTimeZone, hour: '2-digit', minute: '2-digit' }),
};
const hhmm = (instant: number | Date, locale: Locale) => clocks[locale].format(instant).replace('.', ':');
const weekdays = {
  da: new Intl.DateTimeFormat(intlLocale.da, { timeZone: 'UTC', weekday: 'long' }),
  en: new Intl.DateTimeFormat(intlLocale.en, { timeZone: 'UTC', weekday: 'long' }),
};
const dayLabel = (date: string, locale: Locale) =>
  `${capitalise(weekdays[locale].format(new Date(`${date}T00:00:00Z`)), locale)} ${formatDate(date, locale)}`;

/** The id a listing's heading gets: from its line, so two different listings on a page never share one. */
export const listingId = (listing: LiveListing) =>
  `liste-${formatListingLine(listing.spec)
    .replace(/^\[\[liste: |\]\]$/g, '')
    .replace(/[^a-z0-9]+/gi, '-')
    .toLowerCase()}`;

function Place({ place, locale }: { place: { slug: string; name: string }; locale: Locale }) {
  return (
    <a href={hrefIn(locale, `/tilbud/${encodeURIComponent(place.slug)}`)}>
      <DanishText locale={locale}>{place.name}</DanishText>
    </a>
  );
}

function Example({ item, locale }: { item: LiveListingItem; locale: Locale }) {
  return item.isExample ? (
    <>
      {' '}
      <ExampleDataBadge locale={locale} />
    </>
  ) : null;
}

function Item({ item, locale, today, showDistrict }: { item: LiveListingItem; locale: Locale; today: string; showDistrict: boolean }) {
  const t = listingWords[locale];
  const date = (value: string) => formatDate(value, locale);
  switch (item.kind) {
    case 'activity':
      return (
        <li>
          <strong>
            {dayLabel(item.date, locale)} {hhmm(item.start, locale)}
            {item.end !== null && `–${hhmm(item.end, locale)}`}
          </strong>{' '}
          <DanishText locale={locale}>{item.name}</DanishText> ({activityKindLabel(item.activityKind, locale).toLocaleLowerCase(intlLocale[locale])}) {t.at}{' '}
          <Place place={item.place} locale={locale} />
          <Example item={item} locale={locale} />
        </li>
      );
    case 'course':
      return (
        <li>
          <a href={hrefIn(locale, `/forloeb/${encodeURIComponent(item.slug)}`)}>
            <DanishText locale={locale}>{item.title}</DanishText>
          </a>{' '}
          {t.at} <Place place={item.place} locale={locale} />, {item.nextDate ? t.nextMeeting(date(item.nextDate)) : t.noMeeting}
          <Example item={item} locale={locale} />
        </li>
      );
    case 'opened':
    case 'closing':
      return (
        <li>
          <Place place={item.place} locale={locale} />
          {showDistrict && item.district && (
            <>
              {' '}
              (<DanishText locale={locale}>{item.district}</DanishText>)
            </>
          )}
          {', '}
          {item.kind === 'opened'
            ? item.on && (item.on > today ? t.opens(date(item.on)) : t.opened(date(item.on)))
            : item.on
              ? t.closes(date(item.on))
              : t.closesUndated}
          <Example item={item} locale={locale} />
        </li>
      );
  }
}

export function LiveListingView({ listing, locale, headingLevel = 2 }: { listing: LiveListing; locale: Locale; headingLevel?: 2 | 3 }) {
  const t = listingWords[locale];
  const id = listingId(listing);
  const where = listing.district?.name ?? t.wholeCity;
  const period = listing.period ? t.period(formatDate(listing.period.from, locale), formatDate(listing.period.to, locale)) : null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="live-listing" aria-labelledby={id}>
      <Heading id={id}>
        {t.title[listing.spec.kind]}: <DanishText locale={locale}>{where}</DanishText>
      </Heading>
      {period && listing.items.length > 0 && <p class="live-listing-period">{capitalise(period, locale)}</p>}
      {listing.unknownDistrict && <p>{t.unknownDistrict(listing.unknownDistrict)}</p>}
      {listing.items.length === 0 ? (
        <p>{t.empty[listing.spec.kind](where, period)}</p>
      ) : (
        <ul class="live-listing-items">
          {listing.items.map((item) => (
            <Item item={item} locale={locale} today={listing.today} showDistrict={listing.district === null} />
          ))}
        </ul>
      )}
      {listing.total > listing.items.length && <p>{t.more(listing.items.length, listing.total)}</p>}
      <p class="live-listing-source">
        <small>{t.fetched(formatDate(listing.today, locale), hhmm(listing.fetchedAt, locale))}</small>
      </p>
    </section>
  );
}

/** Listings by their line, as views: what a Gloria text's body (`GloriaBody`) fills in for its listing lines. */
export function listingViews(listings: ReadonlyMap<string, LiveListing>, locale: Locale, headingLevel: 2 | 3 = 2): Map<string, JSX.Element> {
  return new Map([...listings].map(([line, listing]) => [line, <LiveListingView listing={listing} locale={locale} headingLevel={headingLevel} />]));
}
