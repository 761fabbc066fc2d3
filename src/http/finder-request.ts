import type { RangeRepository } from '../app/ports.ts';
import { type Origin, type RangeSearch, searchRange } from '../app/search-range.ts';
import { copenhagenDate } from '../domain/time.ts';
import type { Geocoder } from '../geo/geocoder.ts';
import { parseFinderQuery } from './finder-query.ts';

export type FinderDeps = { range: RangeRepository; geocoder: Geocoder; now: () => Date };

export type FinderRequest = { date: string; search: RangeSearch; near: string | null; notices: string[] };

/**
 * One finder query string, as the list (/) and the map (/kort) both read it: criteria from the URL,
 * the address geocoded, the search run, and every problem turned into a plain Danish notice.
 */
export async function runFinderRequest(deps: FinderDeps, query: Record<string, string[]>): Promise<FinderRequest> {
  const date = copenhagenDate(deps.now());
  const { criteria, near, notices } = parseFinderQuery(query);
  let origin: Origin | null = null;
  if (near) {
    const outcome = await deps.geocoder.search(near);
    if (outcome.status === 'found') {
      const { best } = outcome;
      origin = { latitude: best.latitude, longitude: best.longitude, label: best.label, isApproximate: best.precision !== 'address' };
    } else {
      notices.push(outcome.status === 'not_found' ? `${outcome.message} ${outcome.suggestion}` : outcome.message);
    }
  }
  const search = await searchRange({ range: deps.range, criteria, date, origin });
  if (search.dropped.includes('district')) notices.push('Vi kender ikke den bydel, så den er ikke brugt i søgningen.');
  if (search.dropped.includes('centre')) notices.push('Vi kender ikke det center, så det er ikke brugt i søgningen.');
  return { date, search, near, notices };
}
