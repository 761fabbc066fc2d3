import type { RangeCoverage } from '../../app/get-range-coverage.ts';
import { compareCoverage, type Figures, fitsNeed, type FiguresChange, type Need, needs, thresholdsMetres } from '../../domain/planning/coverage.ts';
import type { HoursFigures } from '../../domain/planning/hours-coverage.ts';
import { formatDate } from '../../domain/time.ts';
import { formatDistance } from '../../geo/distance.ts';
import { Alert } from '../components/alert.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Button, Select, TextInput } from '../components/form.tsx';
import { danishLang } from '../i18n/danish-text.tsx';
import { hrefIn, type Locale, messages, type PageLanguage } from '../i18n/index.ts';
import { coverageWords } from '../i18n/planning-coverage.ts';
import { Layout } from '../layout.tsx';
import { assetHref } from '../../http/static-assets.ts';

/** The query words of /planlaegning/daekning. */
export const coverageParams = { date: 'dato', need: 'behov', compare: 'sammenlign' } as const;

export function coverageHref(date: string, need: Need = 'social', compareWith: string | null = null): string {
  const params = new URLSearchParams({ [coverageParams.date]: date });
  if (need !== 'social') params.set(coverageParams.need, need);
  if (compareWith) params.set(coverageParams.compare, compareWith);
  return `/planlaegning/daekning?${params}`;
}

const bandColours = ['#dcefdc', '#f6d36b', '#e8833a', '#a5162a'] as const;

function band(metres: number): number {
  if (!Number.isFinite(metres) || metres > 3000) return 3;
  if (metres > 2000) return 2;
  return metres > 1000 ? 1 : 0;
}

/** The grid folded into 500 m squares (5 × 5 cells) for the map, each coloured by its residents' mean distance. */
function CoverageMap({ coverage, need, locale }: { coverage: RangeCoverage; need: Need; locale: Locale }) {
  const t = coverageWords[locale];
  const { grid, report } = coverage;
  const n = needs.indexOf(need);
  const lats = grid.latitude;
  const lons = grid.longitude;
  let [south, north, west, east] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (let cell = 0; cell < grid.size; cell++) {
    south = Math.min(south, lats[cell]!);
    north = Math.max(north, lats[cell]!);
    west = Math.min(west, lons[cell]!);
    east = Math.max(east, lons[cell]!);
  }
  const kx = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const metresPerDegree = 111_195;
  const block = grid.cellMetres * 5;
  const x = (lon: number) => ((lon - west) * kx * metresPerDegree) / block;
  const y = (lat: number) => ((north - lat) * metresPerDegree) / block;
  const width = Math.ceil(x(east)) + 1;
  const height = Math.ceil(y(south)) + 1;
  const sums = new Map<number, { weighted: number; residents: number }>();
  for (let cell = 0; cell < grid.size; cell++) {
    const key = Math.floor(y(lats[cell]!)) * width + Math.floor(x(lons[cell]!));
    const metres = report.distances[n * grid.size + cell]!;
    const entry = sums.get(key) ?? { weighted: 0, residents: 0 };
    entry.weighted += (Number.isFinite(metres) ? Math.min(metres, 10_000) : 10_000) * grid.residents[cell]!;
    entry.residents += grid.residents[cell]!;
    sums.set(key, entry);
  }
  const squares = [...sums].map(([key, entry]) => ({
    col: key % width,
    row: Math.floor(key / width),
    band: band(entry.residents > 0 ? entry.weighted / entry.residents : Number.POSITIVE_INFINITY),
  }));
  const shown = coverage.places.filter((place) => place.lat !== null && place.lon !== null);
  return (
    <figure class="coverage-map">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        class="coverage-map-svg"
        role="img"
        aria-labelledby="daekning-kort-titel daekning-kort-beskrivelse"
      >
        <title id="daekning-kort-titel">{t.mapTitle(t.needs[need])}</title>
        <desc id="daekning-kort-beskrivelse">{t.mapDesc}</desc>
        {[0, 1, 2, 3].map((level) => (
          <g fill={bandColours[level]}>
            {squares
              .filter((square) => square.band === level)
              .map((square) => (
                <rect x={square.col} y={square.row} width="1" height="1" />
              ))}
          </g>
        ))}
        {shown.map((place) =>
          fitsNeed(place, need) ? (
            <circle cx={x(place.lon!).toFixed(2)} cy={y(place.lat!).toFixed(2)} r="0.45" fill="#00305c" stroke="#fff" stroke-width="0.12" />
          ) : (
            <circle cx={x(place.lon!).toFixed(2)} cy={y(place.lat!).toFixed(2)} r="0.35" fill="#fff" stroke="#00305c" stroke-width="0.12" />
          ),
        )}
      </svg>
      <figcaption>
        <ul class="nobullet-list coverage-legend">
          {t.legend.map((text, level) => (
            <li>
              <svg width="16" height="16" aria-hidden="true" focusable="false">
                <rect width="16" height="16" fill={bandColours[level]} stroke="#767676" />
              </svg>{' '}
              {text}
            </li>
          ))}
          <li>
            <svg width="16" height="16" aria-hidden="true" focusable="false">
              <circle cx="8" cy="8" r="6" fill="#00305c" />
            </svg>{' '}
            {t.placeFits}
          </li>
          <li>
            <svg width="16" height="16" aria-hidden="true" focusable="false">
              <circle cx="8" cy="8" r="5" fill="#fff" stroke="#00305c" stroke-width="2" />
            </svg>{' '}
            {t.placeOther}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}

function DistanceTable({ need, coverage, locale }: { need: Need; coverage: RangeCoverage; locale: Locale }) {
  const t = coverageWords[locale];
  const { districts, city } = coverage.report.byNeed[need];
  const number = new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 0 });
  const distance = (metres: number | null) => (metres === null ? t.table.none : formatDistance(metres, locale));
  const row = (name: string, figures: Figures, isCity = false) => (
    <tr>
      <th scope="row" lang={isCity ? undefined : danishLang(locale)}>
        {name}
      </th>
      <td>{number.format(Math.round(figures.residents / 1000) * 1000)}</td>
      <td>{distance(figures.medianMetres)}</td>
      <td>{distance(figures.p90Metres)}</td>
      {figures.beyond.map((share) => (
        <td>{t.percent(share)}</td>
      ))}
    </tr>
  );
  return (
    <section class="table--responsive-scroll" aria-label={t.needs[need]} tabindex={0}>
      <table class="table table--compact coverage-numbers">
        <caption class="align-text-left">
          <h3 class="h4">{t.needs[need]}</h3>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.table.district}</th>
            <th scope="col">{t.table.residents}</th>
            <th scope="col">{t.table.median}</th>
            <th scope="col">{t.table.p90}</th>
            {thresholdsMetres.map((metres) => (
              <th scope="col">{t.table.beyond(metres / 1000)}</th>
            ))}
          </tr>
        </thead>
        <tbody>{districts.map((district) => row(district.name, district))}</tbody>
        <tfoot>{row(t.table.city, city, true)}</tfoot>
      </table>
    </section>
  );
}

function HoursTable({ coverage, who, locale }: { coverage: RangeCoverage; who: 'all' | 'social'; locale: Locale }) {
  const t = coverageWords[locale];
  const number = new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 });
  const row = (name: string, figures: HoursFigures, isCity = false) => (
    <tr>
      <th scope="row" lang={isCity ? undefined : danishLang(locale)}>
        {name}
      </th>
      <td>{figures.places}</td>
      <td>{number.format(figures.placeHours)}</td>
      <td>{number.format(figures.coveredHours)}</td>
      <td>{number.format(figures.eveningCoveredHours)}</td>
      <td>{number.format(figures.weekendCoveredHours)}</td>
    </tr>
  );
  return (
    <section class="table--responsive-scroll" aria-label={t.hoursCaption(t.hoursWho[who])} tabindex={0}>
      <table class="table table--compact coverage-numbers">
        <caption class="align-text-left">{t.hoursCaption(t.hoursWho[who])}</caption>
        <thead>
          <tr>
            <th scope="col">{t.table.district}</th>
            <th scope="col">{t.hours.places}</th>
            <th scope="col">{t.hours.placeHours}</th>
            <th scope="col">{t.hours.covered}</th>
            <th scope="col">{t.hours.evening}</th>
            <th scope="col">{t.hours.weekend}</th>
          </tr>
        </thead>
        <tbody>{coverage.hours.districts.map((district) => row(district.name, district[who]))}</tbody>
        <tfoot>{row(t.table.city, coverage.hours.city[who], true)}</tfoot>
      </table>
    </section>
  );
}

function ChangeSection({ before, after, need, locale }: { before: RangeCoverage; after: RangeCoverage; need: Need; locale: Locale }) {
  const t = coverageWords[locale];
  const diff = compareCoverage(before.report, after.report)[need];
  const distance = (metres: number | null) => (metres === null ? t.table.none : formatDistance(metres, locale));
  const idsBefore = new Set(before.places.map((place) => place.offeringId));
  const idsAfter = new Set(after.places.map((place) => place.offeringId));
  const names = (places: RangeCoverage['places'], keep: (id: string) => boolean) => [...new Set(places.filter((place) => keep(place.offeringId)).map((place) => place.name))];
  const closed = names(before.places, (id) => !idsAfter.has(id));
  const opened = names(after.places, (id) => !idsBefore.has(id));
  const row = (item: FiguresChange, isCity = false) => (
    <tr>
      <th scope="row" lang={isCity ? undefined : danishLang(locale)}>
        {isCity ? t.table.city : item.name}
      </th>
      <td>{distance(item.before.medianMetres)}</td>
      <td>{distance(item.after.medianMetres)}</td>
      <td>{t.percent(item.before.beyond[0])}</td>
      <td>{t.percent(item.after.beyond[0])}</td>
      <td>{t.points(item.beyond[0])}</td>
      <td>{t.points(item.beyond[2])}</td>
    </tr>
  );
  return (
    <>
      <h2>{t.changeHeading(formatDate(before.date, locale), formatDate(after.date, locale))}</h2>
      <p>{t.changeLead}</p>
      {closed.length === 0 && opened.length === 0 ? (
        <p>{t.noPlaceChange}</p>
      ) : (
        <ul>
          {closed.length > 0 && (
            <li>
              {t.closedSince} <span lang={danishLang(locale)}>{closed.join(', ')}</span>
            </li>
          )}
          {opened.length > 0 && (
            <li>
              {t.openedSince} <span lang={danishLang(locale)}>{opened.join(', ')}</span>
            </li>
          )}
        </ul>
      )}
      <section class="table--responsive-scroll" aria-label={t.changeCaption(t.needs[need])} tabindex={0}>
        <table class="table table--compact coverage-numbers">
          <caption class="align-text-left">{t.changeCaption(t.needs[need])}</caption>
          <thead>
            <tr>
              <th scope="col">{t.table.district}</th>
              <th scope="col">{t.change.medianBefore}</th>
              <th scope="col">{t.change.medianAfter}</th>
              <th scope="col">{t.change.beyond1Before}</th>
              <th scope="col">{t.change.beyond1After}</th>
              <th scope="col">{t.change.beyond1Change}</th>
              <th scope="col">{t.change.beyond3Change}</th>
            </tr>
          </thead>
          <tbody>{diff.districts.map((item) => row(item))}</tbody>
          <tfoot>{row(diff.city, true)}</tfoot>
        </table>
      </section>
    </>
  );
}

/** /planlaegning/daekning: how far residents live from a place that suits them, per district and need; hours per district. */
export function CoveragePage({
  coverage,
  before = null,
  need,
  notices,
  locale,
  path,
}: { coverage: RangeCoverage; before?: RangeCoverage | null; need: Need; notices: string[] } & PageLanguage) {
  const t = coverageWords[locale];
  const { grid, report, hours } = coverage;
  const counted = new Map(report.counted.map((item) => [item.offeringId + item.name, item]));
  return (
    <Layout title={t.title} locale={locale} path={path}>
      <link rel="stylesheet" href={assetHref('/static/planning.css')} />
      <Breadcrumbs
        ariaLabel={messages[locale].breadcrumbs}
        items={[{ text: messages[locale].allOfferings, href: hrefIn(locale, '/') }, { text: t.crumb }]}
      />
      <h1>{t.heading(formatDate(coverage.date, locale))}</h1>
      <p class="font-lead">{t.lead}</p>
      {notices.map((notice) => (
        <Alert variant="info" locale={locale}>
          {notice}
        </Alert>
      ))}
      <section class="alert alert-warning" aria-labelledby="daekning-omtrentlig">
        <div class="alert-body">
          <h2 class="alert-heading" id="daekning-omtrentlig">
            {t.approximateHeading}
          </h2>
          <p class="alert-text">{locale === 'da' ? grid.source.note : grid.source.noteEn}</p>
          <p class="alert-text">{t.coordinatesApproximate}</p>
        </div>
      </section>
      <form method="get" action={hrefIn(locale, '/planlaegning/daekning')}>
        <fieldset>
          <legend class="h3">{t.form.legend}</legend>
          <TextInput id="daekning-dato" name={coverageParams.date} label={t.form.date} hint={t.form.dateHint} value={coverage.date} type="date" width="s" />
          <TextInput
            id="daekning-sammenlign"
            name={coverageParams.compare}
            label={t.form.compare}
            hint={t.form.compareHint}
            value={before?.date ?? ''}
            type="date"
            width="s"
          />
          <Select
            id="daekning-behov"
            name={coverageParams.need}
            label={t.form.need}
            options={needs.map((value) => ({ value, text: t.needs[value], selected: value === need }))}
          />
          <Button>{t.form.show}</Button>
        </fieldset>
      </form>

      {before && <ChangeSection before={before} after={coverage} need={need} locale={locale} />}

      <h2>{t.mapHeading}</h2>
      <CoverageMap coverage={coverage} need={need} locale={locale} />

      <h2>{t.distanceHeading}</h2>
      <p>{t.needsExplained}</p>
      {[need, ...needs.filter((other) => other !== need)].map((item) => (
        <DistanceTable need={item} coverage={coverage} locale={locale} />
      ))}

      <h2>{t.hoursHeading}</h2>
      <p>{t.hoursLead(formatDate(hours.from, locale), formatDate(hours.to, locale))}</p>
      {coverage.hoursAreExample && <Alert variant="info" locale={locale}>{t.hoursExample}</Alert>}
      <HoursTable coverage={coverage} who="social" locale={locale} />
      <HoursTable coverage={coverage} who="all" locale={locale} />

      <h2>{t.placesHeading}</h2>
      <p>{t.placesLead(coverage.places.length)}</p>
      <ul lang={danishLang(locale)}>
        {[...counted.values()].map((item) => (
          <li>
            {item.name}
            {item.approximate && <span lang={locale}>{` (${t.approximatePlace})`}</span>}
          </li>
        ))}
      </ul>
      {report.withoutCoordinates.length > 0 && (
        <>
          <p>{t.withoutCoordinates}</p>
          <ul lang={danishLang(locale)}>
            {report.withoutCoordinates.map((item) => (
              <li>{item.name}</li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}
