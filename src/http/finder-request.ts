import type { RangeRepository } from '../app/ports.ts';
import { type Origin, type RangeSearch, searchRange } from '../app/search-range.ts';
import { instantOf } from '../domain/schedule/open-filter.ts';
import type { Locale } from '../domain/locale.ts';
import { addDays, copenhagenDate, formatDate } from '../domain/time.ts';
import { type Geocoder, geocodeNotice } from '../geo/geocoder.ts';
import { parseFinderQuery } from './finder-query.ts';

/** A shared position ("55.6761,12.5683", as the position button writes it); 'outside' when not in Denmark. */
function readPosition(text: string): { latitude: number; longitude: number } | 'outside' | null {
  const match = /^\s*(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(text);
  if (!match) return null;
  const latitude = Number(match[1]);
  const longitude = Number(match[2]);
  const inDenmark = latitude >= 54.5 && latitude <= 57.8 && longitude >= 8 && longitude <= 15.3;
  return inDenmark ? { latitude, longitude } : 'outside';
}

export type FinderDeps = { range: RangeRepository; geocoder: Geocoder; now: () => Date };

export type FinderRequest = { date: string; search: RangeSearch; near: string | null; notices: string[] };

/** How many results the list shows on one page. */
export const resultsPerPage = 20;

/** The request's own notices, in each language (the query's are in finder-query.ts, the address's in geocoder.ts). */
const noticeWords = {
  da: {
    past: (date: string, time: string) =>
      `${date} kl. ${time} er gået, så vi har ikke brugt tidspunktet. Vælg et tidspunkt fra nu og frem, eller vælg «Åbent nu».`,
    tooFar: 'Vi kender kun åbningstiderne et år frem, så vi har ikke brugt tidspunktet. Vælg en dag inden for det næste år.',
    outside: 'Den position ligger ikke i Danmark, så vi har ikke sorteret efter afstand. Skriv en adresse eller et postnummer i stedet.',
    yourPosition: 'din position',
    district: 'Vi kender ikke den bydel, så den er ikke brugt i søgningen.',
    centre: 'Vi kender ikke det center, så det er ikke brugt i søgningen.',
    pastLastPage: (asked: number, count: number) =>
      count === 1
        ? `Der er ingen side ${asked}. Alle stederne står på én side, og den ser du her.`
        : `Der er ingen side ${asked}. Søgningen har ${count} sider, så vi viser den sidste.`,
  },
  en: {
    past: (date: string, time: string) =>
      `${date} at ${time} has passed, so we have not used the time. Choose a time from now on, or choose “Open now”.`,
    tooFar: 'We know the opening hours only one year ahead, so we have not used the time. Choose a day within the next year.',
    outside: 'That position is not in Denmark, so we have not sorted by distance. Write an address or a postcode instead.',
    yourPosition: 'your position',
    district: 'We do not know that district, so it is not used in the search.',
    centre: 'We do not know that centre, so it is not used in the search.',
    pastLastPage: (asked: number, count: number) =>
      count === 1
        ? `There is no page ${asked}. All the places fit on one page, which you see here.`
        : `There is no page ${asked}. The search has ${count} pages, so we show the last one.`,
  },
} satisfies Record<Locale, unknown>;

/**
 * One finder query string, as the list (/) and the map (/kort) both read it: criteria from the URL,
 * the address geocoded, the search run, and every problem turned into a plain Danish notice. The list
 * asks for the page in the URL (`paged`); the map shows every result.
 */
export async function runFinderRequest(
  deps: FinderDeps,
  query: Record<string, string[]>,
  locale: Locale = 'da',
  { paged = false }: { paged?: boolean } = {},
): Promise<FinderRequest> {
  const say = noticeWords[locale];
  const now = deps.now();
  const date = copenhagenDate(now);
  const parsed = parseFinderQuery(query, { today: date, locale });
  const { near, notices } = parsed;
  let criteria = parsed.criteria;
  const open = criteria.open;
  if (open?.kind === 'at') {
    const instant = instantOf(open.date, open.time);
    // A minute's grace: "now" typed into the form has passed by the time it arrives.
    if (instant < now.getTime() - 60_000) {
      notices.push(say.past(formatDate(open.date, locale), open.time));
      criteria = { ...criteria, open: null };
    } else if (open.date > addDays(date, 366)) {
      notices.push(say.tooFar);
      criteria = { ...criteria, open: null };
    }
  }
  let origin: Origin | null = null;
  const position = near ? readPosition(near) : null;
  if (position === 'outside') {
    notices.push(say.outside);
  } else if (position) {
    origin = { ...position, label: say.yourPosition, isApproximate: false, isSharedPosition: true };
  } else if (near) {
    const outcome = await deps.geocoder.search(near);
    if (outcome.status === 'found') {
      const { best } = outcome;
      origin = { latitude: best.latitude, longitude: best.longitude, label: best.label, isApproximate: best.precision !== 'address' };
    } else {
      notices.push(geocodeNotice(outcome, locale));
    }
  }
  const search = await searchRange({
    range: deps.range,
    criteria,
    now,
    origin,
    locale,
    ...(paged ? { page: { page: parsed.page, perPage: resultsPerPage } } : {}),
  });
  if (search.dropped.includes('district')) notices.push(say.district);
  if (search.dropped.includes('centre')) notices.push(say.centre);
  // Only a list of results has pages: the map and the front page's list by centre ignore the number.
  const paging = search.paging;
  if (paging && search.isFiltered) {
    if (parsed.pageNotice) notices.push(parsed.pageNotice);
    if (paging.requested > paging.page) notices.push(say.pastLastPage(paging.requested, paging.pageCount));
  }
  return { date, search, near, notices };
}
