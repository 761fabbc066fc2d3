import type { RangeSearch, SearchResult } from '../../app/search-range.ts';
import type { Location } from '../../domain/range.ts';
import { describeStatus } from '../../domain/status-text.ts';
import { formatDistance, formatWalk, walkingMinutes } from '../../geo/distance.ts';
import { listHref } from '../../http/map-link.ts';
import { Alert } from '../components/alert.tsx';
import { areaLabel } from '../components/area-label.ts';
import {
  layoutRangeMap,
  type MapLayout,
  type MapOrigin,
  type MapPlace,
  MarkerSymbol,
  outsideMapText,
  profileLabel,
  RangeMap,
  Swatch,
} from '../components/range-map.tsx';
import { DanishText, danishLang, WithPlaceNames } from '../i18n/danish-text.tsx';
import { hrefIn, type Locale, messages, type PageLanguage } from '../i18n/index.ts';
import { Layout } from '../layout.tsx';
import { assetHref } from '../../http/static-assets.ts';

type Located = { result: SearchResult; place: MapPlace };
type Unplaced = { result: SearchResult; reason: string };

/** The first location with a point, as the finder measures distance to; otherwise why there is none. */
function placeOf(result: SearchResult, locale: Locale): Located | Unplaced {
  const { offering } = result;
  const located = offering.locations.map((item) => item.location).find((location) => location.latitude !== null && location.longitude !== null);
  if (located) {
    return {
      result,
      place: {
        slug: offering.slug,
        name: offering.name,
        profile: offering.profile,
        point: { latitude: located.latitude!, longitude: located.longitude! },
        isApproximate: located.coordinatePrecision !== 'address',
      },
    };
  }
  return { result, reason: missingPointReason(offering.locations[0]?.location, locale) };
}

function missingPointReason(location: Location | undefined, locale: Locale): string {
  if (!location) return messages[locale].addressNotGiven;
  if (location.kind === 'area') return `${areaLabel(location, locale)}.`;
  return messages[locale].map.notPlacedYet;
}

/**
 * The finder's results on a map, for the same query as the front page. The list under (or beside) the
 * map is the page's real content; the map is an extra view of it, and nobody without a point disappears.
 */
export function MapPage({
  search,
  notices,
  nearText,
  tileUrlTemplate,
  locale,
  path,
}: {
  search: RangeSearch;
  notices: string[];
  nearText: string | null;
  tileUrlTemplate: string | null;
} & PageLanguage) {
  const t = messages[locale].map;
  const all = search.results.map((result) => placeOf(result, locale));
  const located = all.filter((item): item is Located => 'place' in item);
  const unplaced = all.filter((item): item is Unplaced => 'reason' in item);
  const origin: MapOrigin | null = search.origin
    ? {
        point: { latitude: search.origin.latitude, longitude: search.origin.longitude },
        label: search.origin.label,
        isApproximate: search.origin.isApproximate,
        isAddress: !search.origin.isSharedPosition,
      }
    : null;
  const approximateCount = located.filter((item) => item.place.isApproximate).length;
  const layout = layoutRangeMap(
    located.map((item) => item.place),
    origin,
  );

  return (
    <Layout title={search.isFiltered ? t.title(search.results.length) : t.heading} locale={locale} path={path}>
      <link rel="stylesheet" href={assetHref('/static/range-map.css')} />
      <h1>{t.heading}</h1>
      <p>
        <a href={hrefIn(locale, listHref(search.criteria, nearText))}>{t.back}</a>
      </p>
      {notices.map((notice) => (
        <Alert variant="warning" locale={locale}>
          {notice}
        </Alert>
      ))}
      {search.results.length === 0 ? (
        <>
          <p class="font-lead">{t.noneLead}</p>
          <p>{t.tryFewer}</p>
          <p>
            <a href={hrefIn(locale, '/kort')}>{t.seeAll}</a>
          </p>
        </>
      ) : (
        <>
          <p class="range-map-summary">
            {t.shows(located.length)}
            {unplaced.length > 0 && t.unplaced(unplaced.length)}
            {search.origin && (
              <>
                {t.nearestFrom}
                {search.origin.isSharedPosition ? search.origin.label : <DanishText locale={locale}>{search.origin.label}</DanishText>}
                {t.nearestAfter}
              </>
            )}
            {approximateCount > 0 && t.approximate(approximateCount === located.length)}
          </p>
          <div class="range-map-layout">
            {located.length > 0 && (
              <div class="range-map-column">
                <a class="range-map-skip" href="#stederne-paa-kortet">
                  {t.skip}
                </a>
                <RangeMap layout={layout} tileUrlTemplate={tileUrlTemplate} locale={locale} />
              </div>
            )}
            <div class="range-map-lists">
              {located.length > 0 && (
                <section aria-labelledby="stederne-paa-kortet">
                  <h2 id="stederne-paa-kortet" tabindex={-1}>
                    {t.onMap}
                  </h2>
                  <ol class="range-map-list">
                    {located.map(({ result }, index) => (
                      <PlaceItem result={result} place={layout.places[index]!} showDistance={search.origin !== null} locale={locale} />
                    ))}
                  </ol>
                </section>
              )}
              {unplaced.length > 0 && (
                <section aria-labelledby="ikke-paa-kortet">
                  <h2 id="ikke-paa-kortet">{t.notOnMap}</h2>
                  <ul class="range-map-list">
                    {unplaced.map(({ result, reason }) => (
                      <li>
                        <div>
                          <a href={hrefIn(locale, `/tilbud/${encodeURIComponent(result.offering.slug)}`)} lang={danishLang(locale)}>
                            {result.offering.name}
                          </a>
                          <p class="offering-meta">{reason}</p>
                          <StatusText result={result} locale={locale} />
                        </div>
                      </li>
                    ))}
                  </ul>
                </section>
              )}
            </div>
          </div>
        </>
      )}
    </Layout>
  );
}

function StatusText({ result, locale }: { result: SearchResult; locale: Locale }) {
  const text = describeStatus(result.status, result.offering.events, locale);
  return text ? (
    <p class="offering-meta">
      <WithPlaceNames text={text} names={result.offering.events.map((event) => event.relatedOfferingName)} locale={locale} />
    </p>
  ) : null;
}

function PlaceItem({
  result,
  place,
  showDistance,
  locale,
}: {
  result: SearchResult;
  place: MapLayout['places'][number];
  showDistance: boolean;
  locale: Locale;
}) {
  const t = messages[locale];
  const district = result.offering.locations.find((item) => item.location.district)?.location.district;
  return (
    <li>
      <Swatch>
        <MarkerSymbol profile={place.profile} isApproximate={place.isApproximate} />
      </Swatch>
      <div>
        <a href={hrefIn(locale, `/tilbud/${encodeURIComponent(place.slug)}`)} lang={danishLang(locale)}>
          {place.name}
        </a>
        {showDistance && result.distanceMetres !== null && (
          <p class="offering-meta">
            {t.distance(formatDistance(result.distanceMetres, locale), formatWalk(walkingMinutes(result.distanceMetres), locale))}
          </p>
        )}
        <p class="offering-meta">
          {profileLabel(place.profile, locale)}
          {district ? (
            <>
              {' · '}
              <DanishText locale={locale}>{district.name}</DanishText>
            </>
          ) : (
            ''
          )}
        </p>
        {place.bearing !== null && <p class="offering-meta">{outsideMapText(place.bearing, locale)}</p>}
        <StatusText result={result} locale={locale} />
      </div>
    </li>
  );
}
