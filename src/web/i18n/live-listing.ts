import type { ListingKind } from '../../domain/gloria/listing-spec.ts';
import type { Locale } from './index.ts';

/** The words of a live listing (ADR 038), Danish and English. Dates and the place are formatted before they get here. */

type Words = {
  title: Record<ListingKind, string>;
  wholeCity: string;
  /** «23. november 2026 til 29. november 2026». */
  period: (from: string, to: string) => string;
  empty: Record<ListingKind, (where: string, period: string | null) => string>;
  unknownDistrict: (slug: string) => string;
  fetched: (date: string, time: string) => string;
  more: (shown: number, total: number) => string;
  at: string;
  nextMeeting: (date: string) => string;
  noMeeting: string;
  opened: (date: string) => string;
  opens: (date: string) => string;
  closes: (date: string) => string;
  closesUndated: string;
};

export const listingWords: Record<Locale, Words> = {
  da: {
    title: { aktiviteter: 'Aktiviteter', forloeb: 'Åbne forløb', nye: 'Nye steder', lukker: 'Steder der lukker' },
    wholeCity: 'Hele byen',
    period: (from, to) => (from === to ? from : `${from} til ${to}`),
    empty: {
      aktiviteter: (where, period) => `Der er ingen aktiviteter${period ? ` fra ${period}` : ''} (${where}).`,
      forloeb: (where, period) => `Der er ingen åbne forløb${period ? ` fra ${period}` : ' lige nu'} (${where}).`,
      nye: (where, period) => `Ingen steder er åbnet${period ? ` fra ${period}` : ''} (${where}).`,
      lukker: (where, period) => `Ingen steder lukker${period ? ` fra ${period}` : ''} (${where}).`,
    },
    unknownDistrict: (slug) => `Vi kender ikke bydelen «${slug}», så listen viser hele byen.`,
    fetched: (date, time) => `Hentet fra Tilbudsviften ${date} kl. ${time}.`,
    more: (shown, total) => `Viser ${shown} af ${total}.`,
    at: 'hos',
    nextMeeting: (date) => `næste gang ${date}`,
    noMeeting: 'datoer følger',
    opened: (date) => `åbnede ${date}`,
    opens: (date) => `åbner ${date}`,
    closes: (date) => `lukker ${date}`,
    closesUndated: 'lukker, dato ikke fastsat',
  },
  en: {
    title: { aktiviteter: 'Activities', forloeb: 'Open courses', nye: 'New places', lukker: 'Places that are closing' },
    wholeCity: 'The whole city',
    period: (from, to) => (from === to ? from : `${from} to ${to}`),
    empty: {
      aktiviteter: (where, period) => `There are no activities${period ? ` from ${period}` : ''} (${where}).`,
      forloeb: (where, period) => `There are no open courses${period ? ` from ${period}` : ' at the moment'} (${where}).`,
      nye: (where, period) => `No places have opened${period ? ` from ${period}` : ''} (${where}).`,
      lukker: (where, period) => `No places are closing${period ? ` from ${period}` : ''} (${where}).`,
    },
    unknownDistrict: (slug) => `We do not know the district “${slug}”, so the list shows the whole city.`,
    fetched: (date, time) => `Taken from Tilbudsviften on ${date} at ${time}.`,
    more: (shown, total) => `Showing ${shown} of ${total}.`,
    at: 'at',
    nextMeeting: (date) => `next on ${date}`,
    noMeeting: 'dates to follow',
    opened: (date) => `opened ${date}`,
    opens: (date) => `opens ${date}`,
    closes: (date) => `closes ${date}`,
    closesUndated: 'closing, no date set yet',
  },
};
