import type { OfferingOnDate, RangeByCentre } from '../../app/list-offerings-by-centre.ts';
import type { RangeSearch, SearchResult } from '../../app/search-range.ts';
import { describeRule } from '../../domain/schedule/schedule-text.ts';
import { describeStatus } from '../../domain/status-text.ts';
import { vocabulary } from '../../domain/vocabulary.ts';
import { formatDistance, formatWalk, walkingMinutes } from '../../geo/distance.ts';
import { listPageHref, mapHref } from '../../http/map-link.ts';
import { shortlistHref, withShortlist } from '../../http/shortlist-query.ts';
import { Alert } from '../components/alert.tsx';
import { areaLabel } from '../components/area-label.ts';
import { ExampleDataBadge } from '../components/badge.tsx';
import { Details } from '../components/details.tsx';
import { FinderForm } from '../components/finder-form.tsx';
import { Pagination } from '../components/pagination.tsx';
import { PinLink } from '../components/pin-link.tsx';
import { DanishText, danishLang, WithPlaceNames } from '../i18n/danish-text.tsx';
import { hrefIn, type Locale, messages, type PageLanguage } from '../i18n/index.ts';
import { Layout } from '../layout.tsx';
import { assetHref } from '../../http/static-assets.ts';

function StatusLine({ item, locale }: { item: OfferingOnDate; locale: Locale }) {
  const text = describeStatus(item.status, item.offering.events, locale);
  if (!text) return null;
  return (
    <p class="offering-meta">
      <strong>
        <WithPlaceNames text={text} names={item.offering.events.map((event) => event.relatedOfferingName)} locale={locale} />
      </strong>
    </p>
  );
}

type PlaceProps = {
  item: OfferingOnDate;
  shortlist: readonly string[];
  reasons?: string[] | undefined;
  distance?: number | null;
  locale: Locale;
};

function Place({ item, shortlist, reasons, distance, locale }: PlaceProps) {
  const t = messages[locale];
  const words = vocabulary[locale];
  const { offering } = item;
  const where = offering.locations[0]?.location;
  const hours = offering.schedule.rules;
  const hasExampleHours = hours.some((hour) => hour.isExample);
  const facts = [
    offering.profile ? words.profiles[offering.profile].label : null,
    offering.ownership ? words.ownership[offering.ownership] : null,
  ].filter((fact) => fact !== null);
  return (
    <li>
      <h3>
        <a href={hrefIn(locale, withShortlist(`/tilbud/${offering.slug}`, shortlist))} lang={danishLang(locale)}>
          {offering.name}
        </a>
      </h3>
      <StatusLine item={item} locale={locale} />
      {distance !== undefined && (
        <p class="offering-meta">
          <strong>
            {distance === null
              ? t.front.distanceUnknown
              : t.distance(formatDistance(distance, locale), formatWalk(walkingMinutes(distance), locale))}
          </strong>
        </p>
      )}
      {reasons && reasons.length > 0 && <p class="offering-meta offering-reasons">{t.front.fitsBecause(reasons.join(' · '))}</p>}
      <p class="offering-meta" lang={where?.kind === 'address' ? danishLang(locale) : undefined}>
        {where ? (
          where.kind === 'area' ? (
            <>
              {`${areaLabel(where, locale)}: `}
              <DanishText locale={locale}>{where.areaDescription}</DanishText>
            </>
          ) : (
            [where.address1, [where.postalCode, where.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')
          )
        ) : (
          t.addressNotGiven
        )}
        {where?.district ? (
          <>
            {' · '}
            {where.kind === 'address' ? where.district.name : <DanishText locale={locale}>{where.district.name}</DanishText>}
          </>
        ) : (
          ''
        )}
      </p>
      <p class="offering-meta">
        {facts.join(' · ')}
        {offering.operator && (
          <>
            {facts.length > 0 ? ' · ' : ''}
            {t.front.runBy}
            <DanishText locale={locale}>{offering.operator.name}</DanishText>
          </>
        )}
      </p>
      <p lang={danishLang(locale)}>{offering.description}</p>
      <p class="offering-meta">
        <PinLink slug={offering.slug} shortlist={shortlist} name={offering.name} locale={locale} />
      </p>
      {hours.length > 0 && (
        <Details
          summary={
            hasExampleHours ? (
              <>
                <span class="details-summary-text">{t.front.openingHours}</span> <ExampleDataBadge locale={locale} />
              </>
            ) : (
              t.front.openingHours
            )
          }
          example={hasExampleHours ? 'åbningstider' : undefined}
        >
          <ul>
            {hours.map((hour) => (
              <li>
                {describeRule(hour, locale)}
                {hour.isUserRun && hour.isStaffPresent ? t.front.staffPresent : ''}
              </li>
            ))}
          </ul>
        </Details>
      )}
    </li>
  );
}

function Results({
  search,
  shortlist,
  nearText,
  locale,
}: {
  search: RangeSearch;
  shortlist: readonly string[];
  nearText: string | null;
  locale: Locale;
}) {
  const t = messages[locale].front;
  const count = search.total;
  const paging = search.paging && search.paging.pageCount > 1 ? search.paging : null;
  const first = paging ? (paging.page - 1) * paging.perPage + 1 : 1;
  return (
    <section aria-labelledby="resultater">
      <h2 id="resultater" tabindex={-1}>
        {t.results(count)}
      </h2>
      {paging && <p>{t.showing(first, first + search.results.length - 1, count)}</p>}
      {count > 0 && (
        <p>
          <a class="finder-map-link" href={hrefIn(locale, mapHref(search.criteria, nearText))}>
            {t.seeOnMap}
          </a>
        </p>
      )}
      {search.origin && count > 0 && (
        <p>
          {t.nearestFrom}
          {search.origin.isSharedPosition ? search.origin.label : <DanishText locale={locale}>{search.origin.label}</DanishText>}
          {t.nearestAfter}
          {search.origin.isApproximate || search.results.some((result) => result.offering.locations.some((item) => item.location.coordinatePrecision === 'approximate'))
            ? t.approximate
            : t.walkEstimate}
        </p>
      )}
      {count === 0 ? (
        <>
          <p>{t.tryFewer}</p>
          <p>
            <a href={hrefIn(locale, '/')}>{t.seeAll}</a>
          </p>
        </>
      ) : (
        <ul class="offering-list">
          {search.results.map((result: SearchResult) => (
            <Place
              item={result}
              shortlist={shortlist}
              reasons={result.reasons}
              distance={search.origin ? result.distanceMetres : undefined}
              locale={locale}
            />
          ))}
        </ul>
      )}
      {paging && (
        <Pagination
          id="resultater-sider"
          page={paging.page}
          pageCount={paging.pageCount}
          hrefFor={(page) => hrefIn(locale, listPageHref(search.criteria, nearText, page, shortlist))}
          locale={locale}
        />
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
  courseMatches = null,
  geojsonUrl,
  locale,
  path,
}: {
  search: RangeSearch;
  byCentre: RangeByCentre | null;
  notices: string[];
  nearText: string | null;
  shortlist: readonly string[];
  /** Courses whose texts fit the words searched for, pointed to from the results. */
  courseMatches?: { count: number; text: string } | null;
  geojsonUrl: string;
} & PageLanguage) {
  const t = messages[locale].front;
  return (
    <Layout
      title={
        search.isFiltered
          ? search.paging && search.paging.page > 1
            ? `${t.searchTitle(search.total)}, ${t.pageInTitle(search.paging.page, search.paging.pageCount)}`
            : t.searchTitle(search.total)
          : t.title
      }
      alternates={[{ type: 'application/geo+json', href: geojsonUrl, title: t.geojsonTitle }]}
      locale={locale}
      path={path}
    >
      <h1>{t.title}</h1>
      <p class="font-lead">{t.lead}</p>
      <p>
        <a href={hrefIn(locale, '/kalender')}>{t.calendarLink}</a>
        {t.calendarAfter}
      </p>
      <p>
        <a href={hrefIn(locale, '/forloeb')}>{t.coursesLink}</a>
        {t.coursesAfter}
      </p>
      {shortlist.length > 0 && (
        <p>
          <a href={hrefIn(locale, shortlistHref(shortlist))}>{t.yourList(shortlist.length)}</a>
        </p>
      )}
      <FinderForm search={search} nearText={nearText} shortlist={shortlist} locale={locale} />
      <p id="finder-status" class="sr-only" aria-live="polite" />
      <div id="finder-results">
        {notices.map((notice) => (
          <Alert variant="warning" locale={locale}>
            {notice}
          </Alert>
        ))}
        {courseMatches && (
          <p>
            <a href={hrefIn(locale, `/forloeb?q=${encodeURIComponent(courseMatches.text)}`)}>{t.coursesFound(courseMatches.count, courseMatches.text)}</a>
          </p>
        )}
        <Alert variant="info" locale={locale}>
          {t.rangeInfo(search.openCount)}
          <ExampleDataBadge locale={locale} />
          {t.rangeInfoAfter}
        </Alert>
        {search.isFiltered || !byCentre ? (
          <Results search={search} shortlist={shortlist} nearText={nearText} locale={locale} />
        ) : (
          <ByCentre range={byCentre} shortlist={shortlist} locale={locale} />
        )}
      </div>
      <script src={assetHref('/static/finder.js')} defer />
    </Layout>
  );
}

function ByCentre({ range, shortlist, locale }: { range: RangeByCentre; shortlist: readonly string[]; locale: Locale }) {
  const t = messages[locale].front;
  return (
    <>
      {range.centres.map((group) => (
        <section aria-labelledby={`centre-${group.centre?.slug ?? 'uden'}`}>
          <h2 id={`centre-${group.centre?.slug ?? 'uden'}`}>
            {group.centre ? <DanishText locale={locale}>{group.centre.name}</DanishText> : t.outsideCentres}
          </h2>
          {group.centre?.track && (
            <p class="centre-track">
              {t.track}
              <DanishText locale={locale}>{group.centre.track.name}</DanishText>
            </p>
          )}
          <ul class="offering-list">
            {group.offerings.map((item) => (
              <Place item={item} shortlist={shortlist} locale={locale} />
            ))}
          </ul>
        </section>
      ))}
      {range.closed.length > 0 && (
        <section aria-labelledby="closed">
          <h2 id="closed">{t.closedHeading}</h2>
          <p>{t.closedIntro}</p>
          <ul class="offering-list">
            {range.closed.map((item) => (
              <Place item={item} shortlist={shortlist} locale={locale} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
