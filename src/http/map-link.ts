import type { FinderCriteria } from '../domain/finder.ts';
import { finderParams, interestWords, openWords, profileWords, staffingWords, targetGroupWords } from './finder-query.ts';
import { shortlistParams } from './shortlist-query.ts';

/**
 * The finder's query string for a search, the inverse of `parseFinderQuery`: what the front page and the
 * map page link to each other with, so a search keeps its choices when the view changes. Values the
 * finder dropped are not repeated, so the notice about them is not shown again.
 */
export function finderQueryString(criteria: FinderCriteria, near: string | null): string {
  const params = new URLSearchParams();
  if (criteria.text) params.append(finderParams.text, criteria.text);
  if (near) params.append(finderParams.near, near);
  if (criteria.districtSlug) params.append(finderParams.district, criteria.districtSlug);
  if (criteria.profile) params.append(finderParams.profile, profileWords[criteria.profile]);
  for (const group of criteria.targetGroups) params.append(finderParams.targetGroup, targetGroupWords[group]);
  for (const interest of criteria.interests) params.append(finderParams.interest, interestWords[interest]);
  if (criteria.staffing) params.append(finderParams.staffing, staffingWords[criteria.staffing]);
  if (criteria.centreSlug) params.append(finderParams.centre, criteria.centreSlug);
  if (criteria.open) {
    params.append(finderParams.open, openWords[criteria.open.kind]);
    if (criteria.open.kind === 'at') {
      params.append(finderParams.day, criteria.open.date);
      params.append(finderParams.time, criteria.open.time);
    }
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** `/kort` with the same search: the map of the places the list shows. */
export function mapHref(criteria: FinderCriteria, near: string | null): string {
  return `/kort${finderQueryString(criteria, near)}`;
}

/** The front page's list with the same search. */
export function listHref(criteria: FinderCriteria, near: string | null): string {
  return `/${finderQueryString(criteria, near)}`;
}

/**
 * One page of the front page's list with the same search, keeping the shortlist, at the results:
 * `/?q=musik&side=2#resultater`. Page 1 has no `side`, so it is the same address as the search itself.
 */
export function listPageHref(criteria: FinderCriteria, near: string | null, page: number, shortlist: readonly string[] = []): string {
  const params = new URLSearchParams(finderQueryString(criteria, near));
  if (page > 1) params.append(finderParams.page, String(page));
  if (shortlist.length > 0) params.append(shortlistParams.places, shortlist.join(','));
  const query = params.toString().replaceAll('%2C', ',');
  return `/${query ? `?${query}` : ''}#resultater`;
}
