import type { RangeSearch, SearchResult } from '../../app/search-range.ts';
import type { Location } from '../../domain/range.ts';
import { describeStatus } from '../../domain/status-text.ts';
import { formatDistanceDa, formatWalkDa, walkingMinutes } from '../../geo/distance.ts';
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
import { Layout } from '../layout.tsx';

type Located = { result: SearchResult; place: MapPlace };
type Unplaced = { result: SearchResult; reason: string };

/** The first location with a point, as the finder measures distance to; otherwise why there is none. */
function placeOf(result: SearchResult): Located | Unplaced {
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
  return { result, reason: missingPointReason(offering.locations[0]?.location) };
}

function missingPointReason(location: Location | undefined): string {
  if (!location) return 'Adressen er ikke oplyst.';
  if (location.kind === 'area') return `${areaLabel(location)}.`;
  return 'Placeringen kendes ikke endnu.';
}

const places = (count: number) => (count === 1 ? '1 sted' : `${count} steder`);

/**
 * The finder's results on a map, for the same query as the front page. The list under (or beside) the
 * map is the page's real content; the map is an extra view of it, and nobody without a point disappears.
 */
export function MapPage({
  search,
  notices,
  nearText,
  tileUrlTemplate,
}: {
  search: RangeSearch;
  notices: string[];
  nearText: string | null;
  tileUrlTemplate: string | null;
}) {
  const all = search.results.map(placeOf);
  const located = all.filter((item): item is Located => 'place' in item);
  const unplaced = all.filter((item): item is Unplaced => 'reason' in item);
  const origin: MapOrigin | null = search.origin
    ? {
        point: { latitude: search.origin.latitude, longitude: search.origin.longitude },
        label: search.origin.label,
        isApproximate: search.origin.isApproximate,
      }
    : null;
  const approximateCount = located.filter((item) => item.place.isApproximate).length;
  const layout = layoutRangeMap(
    located.map((item) => item.place),
    origin,
  );

  return (
    <Layout title={search.isFiltered ? `Kort: ${places(search.results.length)}` : 'Kort over stederne'}>
      <link rel="stylesheet" href="/static/range-map.css" />
      <h1>Kort over stederne</h1>
      <p>
        <a href={listHref(search.criteria, nearText)}>Tilbage til listen</a>
      </p>
      {notices.map((notice) => (
        <Alert variant="warning">{notice}</Alert>
      ))}
      {search.results.length === 0 ? (
        <>
          <p class="font-lead">Ingen steder passer med søgningen.</p>
          <p>Prøv med færre valg eller et andet ord.</p>
          <p>
            <a href="/kort">Se alle steder på kortet</a>
          </p>
        </>
      ) : (
        <>
          <p class="range-map-summary">
            {`Kortet viser ${places(located.length)}.`}
            {unplaced.length > 0 && ` ${places(unplaced.length)} har ingen fast adresse eller kendt placering og står under kortet.`}
            {search.origin && ` Nærmeste først, målt fra ${search.origin.label}; afstandene er i luftlinje, og gangtiden er et skøn.`}
            {approximateCount > 0 &&
              ` ${approximateCount === located.length ? 'Alle placeringer' : 'Placeringer vist som en ring'} er omtrentlige og kan ligge flere hundrede meter forkert.`}
          </p>
          <div class="range-map-layout">
            {located.length > 0 && (
              <div class="range-map-column">
                <a class="range-map-skip" href="#stederne-paa-kortet">
                  Spring kortet over
                </a>
                <RangeMap layout={layout} tileUrlTemplate={tileUrlTemplate} />
              </div>
            )}
            <div class="range-map-lists">
              {located.length > 0 && (
                <section aria-labelledby="stederne-paa-kortet">
                  <h2 id="stederne-paa-kortet" tabindex={-1}>
                    Stederne på kortet
                  </h2>
                  <ol class="range-map-list">
                    {located.map(({ result }, index) => (
                      <PlaceItem result={result} place={layout.places[index]!} showDistance={search.origin !== null} />
                    ))}
                  </ol>
                </section>
              )}
              {unplaced.length > 0 && (
                <section aria-labelledby="ikke-paa-kortet">
                  <h2 id="ikke-paa-kortet">Ikke på kortet</h2>
                  <ul class="range-map-list">
                    {unplaced.map(({ result, reason }) => (
                      <li>
                        <div>
                          <a href={`/tilbud/${encodeURIComponent(result.offering.slug)}`}>{result.offering.name}</a>
                          <p class="offering-meta">{reason}</p>
                          <StatusText result={result} />
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

function StatusText({ result }: { result: SearchResult }) {
  const text = describeStatus(result.status, result.offering.events);
  return text ? <p class="offering-meta">{text}</p> : null;
}

function PlaceItem({ result, place, showDistance }: { result: SearchResult; place: MapLayout['places'][number]; showDistance: boolean }) {
  const district = result.offering.locations.find((item) => item.location.district)?.location.district;
  return (
    <li>
      <Swatch>
        <MarkerSymbol profile={place.profile} isApproximate={place.isApproximate} />
      </Swatch>
      <div>
        <a href={`/tilbud/${encodeURIComponent(place.slug)}`}>{place.name}</a>
        {showDistance && result.distanceMetres !== null && (
          <p class="offering-meta">{`${formatDistanceDa(result.distanceMetres)} i luftlinje · ${formatWalkDa(walkingMinutes(result.distanceMetres))}`}</p>
        )}
        <p class="offering-meta">{[profileLabel(place.profile), district?.name].filter(Boolean).join(' · ')}</p>
        {place.bearing !== null && <p class="offering-meta">{outsideMapText(place.bearing)}</p>}
        <StatusText result={result} />
      </div>
    </li>
  );
}
