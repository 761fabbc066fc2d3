import type { OfferingOnDate, RangeByCentre } from '../../app/list-offerings-by-centre.ts';
import { mapHref } from '../../http/map-link.ts';
import { shortlistHref, withShortlist } from '../../http/shortlist-query.ts';
import { PinLink } from '../components/pin-link.tsx';
import type { RangeSearch, SearchResult } from '../../app/search-range.ts';
import { describeStatus } from '../../domain/status-text.ts';
import { ownershipLabels, profiles, weekdayNames } from '../../domain/vocabulary.ts';
import { Alert } from '../components/alert.tsx';
import { ExampleDataBadge } from '../components/badge.tsx';
import { describeRule } from '../../domain/schedule/schedule-text.ts';
import { Details } from '../components/details.tsx';
import { areaLabel } from '../components/area-label.ts';
import { FinderForm } from '../components/finder-form.tsx';
import { formatDistanceDa, formatWalkDa, walkingMinutes } from '../../geo/distance.ts';
import { Layout } from '../layout.tsx';

function StatusLine({ item }: { item: OfferingOnDate }) {
  const text = describeStatus(item.status, item.offering.events);
  if (!text) return null;
  return (
    <p class="offering-meta">
      <strong>{text}</strong>
    </p>
  );
}

type PlaceProps = {
  item: OfferingOnDate;
  shortlist: readonly string[];
  reasons?: string[] | undefined;
  distance?: number | null;
};

function Place({ item, shortlist, reasons, distance }: PlaceProps) {
  const { offering } = item;
  const where = offering.locations[0]?.location;
  const hours = offering.schedule.rules;
  const hasExampleHours = hours.some((hour) => hour.isExample);
  return (
    <li>
      <h3>
        <a href={withShortlist(`/tilbud/${offering.slug}`, shortlist)}>{offering.name}</a>
      </h3>
      <StatusLine item={item} />
      {distance !== undefined && (
        <p class="offering-meta">
          <strong>
            {distance === null
              ? 'Afstanden kendes ikke: stedet har ingen kendt placering.'
              : `${formatDistanceDa(distance)} i luftlinje · ${formatWalkDa(walkingMinutes(distance))}`}
          </strong>
        </p>
      )}
      {reasons && reasons.length > 0 && <p class="offering-meta offering-reasons">{`Passer, fordi: ${reasons.join(' · ')}`}</p>}
      <p class="offering-meta">
        {where
          ? where.kind === 'area'
            ? `${areaLabel(where)}: ${where.areaDescription}`
            : [where.address1, [where.postalCode, where.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')
          : 'Adressen er ikke oplyst.'}
        {where?.district ? ` · ${where.district.name}` : ''}
      </p>
      <p class="offering-meta">
        {[
          offering.profile ? profiles[offering.profile].label : null,
          offering.ownership ? ownershipLabels[offering.ownership] : null,
          offering.operator ? `Drives af ${offering.operator.name}` : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p>{offering.description}</p>
      <p class="offering-meta">
        <PinLink slug={offering.slug} shortlist={shortlist} name={offering.name} />
      </p>
      {hours.length > 0 && (
        <Details
          summary={
            hasExampleHours ? (
              <>
                <span class="details-summary-text">Åbningstider</span> <ExampleDataBadge />
              </>
            ) : (
              'Åbningstider'
            )
          }
          example={hasExampleHours ? 'åbningstider' : undefined}
        >
          <ul>
            {hours.map((hour) => (
              <li>
                {describeRule(hour)}
                {hour.isUserRun && hour.isStaffPresent ? ', personale til stede' : ''}
              </li>
            ))}
          </ul>
        </Details>
      )}
    </li>
  );
}

function Results({ search, shortlist, nearText }: { search: RangeSearch; shortlist: readonly string[]; nearText: string | null }) {
  const count = search.results.length;
  return (
    <section aria-labelledby="resultater">
      <h2 id="resultater" tabindex={-1}>
        {count === 0 ? 'Ingen steder passer' : count === 1 ? '1 sted passer' : `${count} steder passer`}
      </h2>
      {count > 0 && (
        <p>
          <a href={mapHref(search.criteria, nearText)}>Se stederne på et kort</a>
        </p>
      )}
      {search.origin && count > 0 && (
        <p>
          {`Nærmeste først, målt fra ${search.origin.label}. `}
          {search.origin.isApproximate || search.results.some((result) => result.offering.locations.some((item) => item.location.coordinatePrecision === 'approximate'))
            ? 'Afstandene er omtrentlige, fordi placeringerne endnu ikke er slået præcist op. Gangtiden er et skøn.'
            : 'Gangtiden er et skøn.'}
        </p>
      )}
      {count === 0 ? (
        <>
          <p>Prøv med færre valg eller et andet ord. Du kan også se alle steder.</p>
          <p>
            <a href="/">Se alle steder</a>
          </p>
        </>
      ) : (
        <ul class="offering-list">
          {search.results.map((result: SearchResult) => (
            <Place item={result} shortlist={shortlist} reasons={result.reasons} distance={search.origin ? result.distanceMetres : undefined} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function FrontPage({
  search,
  byCentre,
  notices,
  nearText,
  shortlist,
  geojsonUrl,
}: {
  search: RangeSearch;
  byCentre: RangeByCentre | null;
  notices: string[];
  nearText: string | null;
  shortlist: readonly string[];
  geojsonUrl: string;
}) {
  return (
    <Layout
      title={search.isFiltered ? `Søgning: ${resultTitle(search)}` : 'Aktivitets- og samværstilbud i København'}
      alternates={[{ type: 'application/geo+json', href: geojsonUrl, title: 'Tilbuddenes adresser som GeoJSON' }]}
    >
      <h1>Aktivitets- og samværstilbud i København</h1>
      <p class="font-lead">
        Steder, hvor du kan komme, være sammen med andre og deltage i aktiviteter og forløb, hvis du har psykiske
        vanskeligheder. Det er gratis, og du behøver ikke en henvisning for at komme på et værested.
      </p>
      <p>
        <a href="/kalender">Hvad sker der i dag? Se kalenderen</a> med alle steders åbningstider og aktiviteter.
      </p>
      {shortlist.length > 0 && (
        <p>
          <a href={shortlistHref(shortlist)}>{`Se din liste (${shortlist.length} ${shortlist.length === 1 ? 'sted' : 'steder'})`}</a>
        </p>
      )}
      <FinderForm search={search} nearText={nearText} shortlist={shortlist} />
      <p id="finder-status" class="sr-only" aria-live="polite" />
      <div id="finder-results">
        {notices.map((notice) => (
          <Alert variant="warning">{notice}</Alert>
        ))}
        <Alert variant="info">
          {`Der er ${search.openCount} tilbud efter Socialudvalgets model fra 2016. Åbningstider markeret `}
          <ExampleDataBadge />
          {' er opdigtede eksempler og ikke stedernes rigtige tider.'}
        </Alert>
        {search.isFiltered || !byCentre ? <Results search={search} shortlist={shortlist} nearText={nearText} /> : <ByCentre range={byCentre} shortlist={shortlist} />}
      </div>
      <script src="/static/finder.js" defer />
    </Layout>
  );
}

function resultTitle(search: RangeSearch) {
  const count = search.results.length;
  return count === 1 ? '1 sted' : `${count} steder`;
}

function ByCentre({ range, shortlist }: { range: RangeByCentre; shortlist: readonly string[] }) {
  return (
    <>
      {range.centres.map((group) => (
        <section aria-labelledby={`centre-${group.centre?.slug ?? 'uden'}`}>
          <h2 id={`centre-${group.centre?.slug ?? 'uden'}`}>{group.centre?.name ?? 'Uden for centrene'}</h2>
          {group.centre?.track && <p class="centre-track">{`Fagligt spor: ${group.centre.track.name}`}</p>}
          <ul class="offering-list">
            {group.offerings.map((item) => (
              <Place item={item} shortlist={shortlist} />
            ))}
          </ul>
        </section>
      ))}
      {range.closed.length > 0 && (
        <section aria-labelledby="closed">
          <h2 id="closed">Lukkede tilbud</h2>
          <p>Disse steder findes ikke længere. De står her, så du kan se, hvad der er sket med dem.</p>
          <ul class="offering-list">
            {range.closed.map((item) => (
              <Place item={item} shortlist={shortlist} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
