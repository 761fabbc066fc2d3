import type { Child } from 'hono/jsx';
import { fitProjection, type LatLon, separateMarkers } from '../../domain/map-projection.ts';
import { budgetByYear, type RangeComparison, type ScenarioChange, type ScenarioPlace } from '../../domain/planning/scenario.ts';
import { formatDate } from '../../domain/time.ts';
import type { Profile } from '../../domain/vocabulary.ts';
import type { CoverageDiff } from '../../domain/planning/coverage.ts';
import { danishLang } from '../i18n/danish-text.tsx';
import { hrefIn, type Locale } from '../i18n/index.ts';
import { mapBox, MarkerSymbol, profileLabel, Swatch } from './range-map.tsx';

/** The words of the comparison, in the site's two languages (the places' names and the rationales stay Danish). */
export const comparisonWords = {
  da: {
    before: 'Før',
    after: 'Efter',
    mapLabel: (side: string, count: number) => `Kort, ${side.toLowerCase()}: ${count} steder. Listen under kortet siger det samme i ord.`,
    listHeading: (side: string) => `${side}, i ord`,
    states: { open: 'Fortsætter', closing: 'Lukker', closed: 'Lukker', new: 'Nyt sted' } as Record<ScenarioPlace['state'], string>,
    closesOn: (date: string) => `lukker ${date}`,
    opensOn: (date: string) => `åbner ${date}`,
    approximate: 'placeringen er omtrentlig',
    noPoint: 'Ikke på kortet: ingen adresse endnu',
    noDistrict: 'Uden bydel',
    legendClosed: 'Lukker (krydset over)',
    legendNew: 'Nyt sted (ekstra ring)',
    legendApproximate: 'Hul markør: placeringen er omtrentlig',
    opened: 'Åbner',
    closed: 'Lukker',
    merged: 'Lukker, og brugerne henvises til et andet sted',
    moved: 'Flytter',
    profileChanged: 'Skifter profil',
    none: 'Ingen.',
    goesTo: (name: string) => `brugerne henvises til ${name}`,
    districts: 'Steder pr. bydel og profil',
    districtCaption: 'Åbne steder pr. bydel, før og efter, fordelt på profil.',
    district: 'Bydel',
    budget: 'Budgetvirkning pr. år',
    budgetCaption: (levels: string) => `Beløb i 1.000 kr. pr. år, ${levels}. Negative tal er besparelser.`,
    priceLevel: (level: string) => `${level}-priser`,
    appropriation: 'Bevilling',
    total: 'I alt',
    noBudget: 'Ændringerne har ingen budgetvirkning angivet.',
    profileShort: { social: 'Socialt', development: 'Udvikling', both: 'Begge dele', none: 'Uden profil' } as Record<Profile | 'none', string>,
    places: 'steder',
    coverage: 'Afstand til nærmeste sted',
    coverageCaption:
      'Andel af beboerne med mere end 1 og 2 km i lige linje til nærmeste sted, der passer, og midterafstanden, før → efter. Beboertallene er afrundede skøn pr. bydel, og stedernes placering er omtrentlig.',
    coverageNeeds: { social: 'Et socialt sted for alle', all: 'Et sted for alle' } as Record<'social' | 'all', string>,
    beyond: (km: number) => `Over ${km} km`,
    median: 'Midterafstand',
    wholeCity: 'Hele kommunen',
    coverageMore: 'Se dækningen for alle målgrupper',
    leftOut: (names: string) => `Ikke regnet med, fordi de ingen adresse har endnu: ${names}.`,
  },
  en: {
    before: 'Before',
    after: 'After',
    mapLabel: (side: string, count: number) => `Map, ${side.toLowerCase()}: ${count} places. The list below the map says the same in words.`,
    listHeading: (side: string) => `${side}, in words`,
    states: { open: 'Continues', closing: 'Closes', closed: 'Closes', new: 'New place' } as Record<ScenarioPlace['state'], string>,
    closesOn: (date: string) => `closes ${date}`,
    opensOn: (date: string) => `opens ${date}`,
    approximate: 'the location is approximate',
    noPoint: 'Not on the map: no address yet',
    noDistrict: 'No district',
    legendClosed: 'Closes (crossed out)',
    legendNew: 'New place (extra ring)',
    legendApproximate: 'Hollow marker: the location is approximate',
    opened: 'Opens',
    closed: 'Closes',
    merged: 'Closes, and its users are referred to another place',
    moved: 'Moves',
    profileChanged: 'Changes profile',
    none: 'None.',
    goesTo: (name: string) => `users are referred to ${name}`,
    districts: 'Places per district and profile',
    districtCaption: 'Open places per district, before and after, by profile.',
    district: 'District',
    budget: 'Budget effect per year',
    budgetCaption: (levels: string) => `Amounts in 1,000 DKK a year, ${levels}. Negative figures are savings.`,
    priceLevel: (level: string) => `${level} prices`,
    appropriation: 'Appropriation',
    total: 'Total',
    noBudget: 'The changes state no budget effect.',
    profileShort: { social: 'Social', development: 'Development', both: 'Both', none: 'No profile' } as Record<Profile | 'none', string>,
    places: 'places',
    coverage: 'Distance to the nearest place',
    coverageCaption:
      'Share of residents more than 1 and 2 km in a straight line from the nearest place that fits, and the median distance, before → after. Resident figures are rounded estimates per district, and the places’ positions are approximate.',
    coverageNeeds: { social: 'A social place for everyone', all: 'A place for everyone' } as Record<'social' | 'all', string>,
    beyond: (km: number) => `Over ${km} km`,
    median: 'Median distance',
    wholeCity: 'The whole municipality',
    coverageMore: 'See coverage for every target group',
    leftOut: (names: string) => `Not counted, as they have no address yet: ${names}.`,
  },
} as const;

const ink = '#1a1a1a';
const round = (value: number) => Math.round(value * 10) / 10;
const pointOf = (place: ScenarioPlace): LatLon | null => (place.lat !== null && place.lon !== null ? { latitude: place.lat, longitude: place.lon } : null);
const isEnding = (place: ScenarioPlace) => place.state === 'closed' || place.state === 'closing';

/**
 * One side of a comparison as an SVG map drawn on the server: places coloured by profile as the committee's
 * maps (social blue, development yellow, both halves), closings crossed out, new places with an extra ring,
 * approximate placements hollow. Both sides share one projection, so the same street is in the same spot.
 */
export function ScenarioMap({ places, side, all, locale }: { places: ScenarioPlace[]; side: string; all: ScenarioPlace[]; locale: Locale }) {
  const words = comparisonWords[locale];
  const projection = fitProjection(all.flatMap((place) => pointOf(place) ?? []), mapBox);
  const located = places.flatMap((place) => {
    const point = pointOf(place);
    return point ? [{ place, at: projection.place(point) }] : [];
  });
  const separated = separateMarkers(
    located.map((item) => item.at),
    22,
    mapBox,
  );
  return (
    <figure class="range-map">
      <svg class="range-map-svg" viewBox={`0 0 ${mapBox.width} ${mapBox.height}`} width="100%" role="img" aria-label={words.mapLabel(side, located.length)}>
        <rect class="range-map-background" width={mapBox.width} height={mapBox.height} />
        {located.map((item, index) => {
          const at = separated[index]!;
          return (
            <g transform={`translate(${round(at.x)} ${round(at.y)})`} opacity={isEnding(item.place) ? '0.55' : undefined}>
              {item.place.state === 'new' && <circle r={13} fill="#fff" stroke={ink} stroke-width="2" />}
              <MarkerSymbol profile={item.place.profile} isApproximate={item.place.approximate} />
              {isEnding(item.place) && <path d="M-9,-9 L9,9 M9,-9 L-9,9" stroke={ink} stroke-width="3" />}
            </g>
          );
        })}
      </svg>
      <figcaption class="range-map-legend">
        <ul class="unstyled-list">
          {(['social', 'development', 'both'] as const).map((profile) => (
            <li>
              <Swatch>
                <MarkerSymbol profile={profile} isApproximate={false} />
              </Swatch>
              {profileLabel(profile, locale)}
            </li>
          ))}
          <li>
            <Swatch>
              <MarkerSymbol profile="social" isApproximate={false} />
              <path d="M-9,-9 L9,9 M9,-9 L-9,9" stroke={ink} stroke-width="3" />
            </Swatch>
            {words.legendClosed}
          </li>
          <li>
            <Swatch>
              <circle r={10.5} fill="#fff" stroke={ink} stroke-width="1.5" />
              <MarkerSymbol profile="social" isApproximate={false} r={7} />
            </Swatch>
            {words.legendNew}
          </li>
          <li>
            <Swatch>
              <MarkerSymbol profile="social" isApproximate={true} />
            </Swatch>
            {words.legendApproximate}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}

/** The same places as the map, in words: name, what happens, profile, district and how sure the placement is. */
export function ScenarioPlaceList({ places, side, locale, names }: { places: ScenarioPlace[]; side: string; locale: Locale; names: ReadonlyMap<string, string> }) {
  const words = comparisonWords[locale];
  const collator = new Intl.Collator('da', { sensitivity: 'base', numeric: true });
  const sorted = [...places].sort((a, b) => collator.compare(a.district ?? '~', b.district ?? '~') || collator.compare(a.name, b.name));
  return (
    <>
      <h4>{words.listHeading(side)}</h4>
      <ul class="scenario-place-list">
        {sorted.map((place) => (
          <li>
            <strong lang={danishLang(locale)}>{place.name}</strong>: {words.states[place.state]}
            {place.closesOn && ` (${words.closesOn(formatDate(place.closesOn, locale))})`}
            {place.opensOn && ` (${words.opensOn(formatDate(place.opensOn, locale))})`}. {words.profileShort[place.profile ?? 'none']}, <span lang={danishLang(locale)}>{place.district ?? words.noDistrict}</span>.
            {place.successorId && names.get(place.successorId) && <> {words.goesTo(names.get(place.successorId)!)}.</>}
            {pointOf(place) === null ? ` ${words.noPoint}.` : place.approximate ? ` ${capitalise(words.approximate)}.` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function NameList({ places, locale, names }: { places: ScenarioPlace[]; locale: Locale; names: ReadonlyMap<string, string> }) {
  const words = comparisonWords[locale];
  if (places.length === 0) return <p>{words.none}</p>;
  return (
    <ul>
      {places.map((place) => (
        <li>
          <span lang={danishLang(locale)}>{place.name}</span>
          {place.district && (
            <>
              {' '}
              (<span lang={danishLang(locale)}>{place.district}</span>)
            </>
          )}
          {place.successorId && names.get(place.successorId) && <>: {words.goesTo(names.get(place.successorId)!)}</>}
        </li>
      ))}
    </ul>
  );
}

/** A comparison of two ranges: what opens, closes, merges, moves and changes profile; per district; maps; budget. */
export function ScenarioComparison({
  before,
  after,
  comparison,
  changes,
  locale,
  labels,
  coverage,
  coverageLeftOut = [],
}: {
  before: ScenarioPlace[];
  after: ScenarioPlace[];
  comparison: RangeComparison;
  changes: readonly ScenarioChange[];
  locale: Locale;
  /** The two sides' names, e.g. "Viften 4. februar 2016" and "Modellen for 2016". */
  labels: { before: string; after: string };
  /** How far residents live from a fitting place before and after (ADR 031), when the grid was at hand. */
  coverage?: CoverageDiff;
  /** The places coverage left out for want of an address. */
  coverageLeftOut?: string[];
}) {
  const words = comparisonWords[locale];
  const names = new Map([...before, ...after].map((place) => [place.offeringId, place.name]));
  const profiles = ['social', 'development', 'both', 'none'] as const;
  const budget = budgetByYear(changes);
  return (
    <>
      <h3>{words.opened}</h3>
      <NameList places={comparison.opened} locale={locale} names={names} />
      <h3>{words.closed}</h3>
      <NameList places={comparison.closed} locale={locale} names={names} />
      <h3>{words.merged}</h3>
      <NameList places={comparison.merged} locale={locale} names={names} />
      <h3>{words.moved}</h3>
      <NameList places={comparison.moved.map((pair) => pair.after)} locale={locale} names={names} />
      <h3>{words.profileChanged}</h3>
      <NameList places={comparison.profileChanged.map((pair) => pair.after)} locale={locale} names={names} />

      <h3 id="scenario-districts">{words.districts}</h3>
      <ScrollRegion labelledBy="scenario-districts">
        <table class="table table--compact">
          <caption>{words.districtCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{words.district}</th>
              {profiles.map((profile) => (
                <th scope="col">
                  {words.profileShort[profile]} ({words.before.toLowerCase()} / {words.after.toLowerCase()})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {comparison.districts.map((row) => (
              <tr>
                <th scope="row" lang={danishLang(locale)}>
                  {row.district}
                </th>
                {profiles.map((profile) => (
                  <td>
                    {row.before[profile]} / {row.after[profile]}
                    {row.before[profile] !== row.after[profile] && <strong> ({signed(row.after[profile] - row.before[profile])})</strong>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      <h3 id="scenario-budget">{words.budget}</h3>
      {budget.years.length === 0 ? (
        <p>{words.noBudget}</p>
      ) : (
        <ScrollRegion labelledBy="scenario-budget">
          <table class="table table--compact">
            <caption>{words.budgetCaption([...new Set(budget.rows.map((row) => words.priceLevel(row.priceLevel)))].join(', '))}</caption>
            <thead>
              <tr>
                <th scope="col">{words.appropriation}</th>
                {budget.years.map((year) => (
                  <th scope="col">{year}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {budget.rows.map((row) => (
                <tr>
                  <th scope="row">
                    {row.appropriation} ({words.priceLevel(row.priceLevel)})
                  </th>
                  {row.amounts.map((amount) => (
                    <td>{thousands(amount, locale)}</td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row">{words.total}</th>
                {budget.totals.map((amount) => (
                  <td>
                    <strong>{thousands(amount, locale)}</strong>
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </ScrollRegion>
      )}

      {coverage && <CoverageChange diff={coverage} leftOut={coverageLeftOut} locale={locale} />}

      <div class="scenario-maps">
        {[
          { side: labels.before, places: before },
          { side: labels.after, places: after },
        ].map(({ side, places }) => (
          <section aria-label={side}>
            <h3>{side}</h3>
            <ScenarioMap places={places} side={side} all={[...before, ...after]} locale={locale} />
            <ScenarioPlaceList places={places} side={side} locale={locale} names={names} />
          </section>
        ))}
      </div>
    </>
  );
}

/**
 * A table that may scroll sideways on a phone: a named region that takes focus, so it can be scrolled
 * with the keyboard (axe scrollable-region-focusable, WCAG 2.1.1).
 */
/** Coverage before and after for the two needs that matter most within walking distance, per district. */
function CoverageChange({ diff, leftOut, locale }: { diff: CoverageDiff; leftOut: string[]; locale: Locale }) {
  const words = comparisonWords[locale];
  const share = (value: number) => `${Math.round(value * 100)} %`;
  const metres = (value: number | null) => (value === null ? '–' : `${thousands(Math.round(value / 10) * 10, locale)} m`);
  const pair = (before: string, after: string) => (before === after ? before : `${before} → ${after}`);
  return (
    <>
      <h3 id="scenario-coverage">{words.coverage}</h3>
      {(['social', 'all'] as const).map((need) => (
        <ScrollRegion labelledBy={`scenario-coverage-${need}`}>
          <table class="table table--compact">
            <caption>
              <span id={`scenario-coverage-${need}`}>{words.coverageNeeds[need]}</span>. {words.coverageCaption}
            </caption>
            <thead>
              <tr>
                <th scope="col">{words.district}</th>
                <th scope="col">{words.beyond(1)}</th>
                <th scope="col">{words.beyond(2)}</th>
                <th scope="col">{words.median}</th>
              </tr>
            </thead>
            <tbody>
              {[...diff[need].districts, { ...diff[need].city, name: words.wholeCity }].map((row) => (
                <tr>
                  <th scope="row">{row.name}</th>
                  <td>{pair(share(row.before.beyond[0]), share(row.after.beyond[0]))}</td>
                  <td>{pair(share(row.before.beyond[1]), share(row.after.beyond[1]))}</td>
                  <td>{pair(metres(row.before.medianMetres), metres(row.after.medianMetres))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ))}
      {leftOut.length > 0 && <p>{words.leftOut(leftOut.join(', '))}</p>}
      <p>
        <a href={hrefIn(locale, '/planlaegning/daekning')}>{words.coverageMore}</a>
      </p>
    </>
  );
}

function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: Child }) {
  return (
    <section class="table--responsive-scroll" aria-labelledby={labelledBy} tabindex={0}>
      {children}
    </section>
  );
}

const signed = (value: number) => (value > 0 ? `+${value}` : String(value));
const thousands = (value: number, locale: Locale) => new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB').format(value);
