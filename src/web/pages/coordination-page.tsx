import type { Coordination } from '../../app/get-city-calendar.ts';
import { holidayName } from '../../domain/schedule/holidays.ts';
import { type Cell, isGap, isPileUp, pileUpThreshold, timeBandLabels, timeBands } from '../../domain/schedule/coordination.ts';
import { addDays, formatDate } from '../../domain/time.ts';
import { vocabulary } from '../../domain/vocabulary.ts';
import { finderParams, profileWords } from '../../http/finder-query.ts';
import { finderQueryString } from '../../http/map-link.ts';
import { Alert } from '../components/alert.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Button, Select } from '../components/form.tsx';
import { DanishText, danishLang } from '../i18n/danish-text.tsx';
import { hrefIn, type Locale, messages, type PageLanguage } from '../i18n/index.ts';
import { Layout } from '../layout.tsx';
import { isoWeekNumber } from './calendar-page.tsx';
import { assetHref } from '../../http/static-assets.ts';

export function coordinationHref(coordination: Pick<Coordination, 'criteria'>, date: string): string {
  const params = new URLSearchParams(finderQueryString({ ...coordination.criteria, open: null }, null));
  params.set('dato', date);
  return `/kalender/daekning?${params}`;
}

function cellNames(cell: Cell, coordination: Coordination): string {
  return cell.open.map((index) => coordination.places.get(index)!.offering.name).join(', ');
}

/** The sentences under the table: every gap in the day bands and every pile-up, in words. */
type PileUp = { count: number; district: string; when: string; names: string };

function findings(coordination: Coordination, locale: Locale): { gaps: { district: string; when: string[] }[]; pileUps: PileUp[] } {
  const bandLabel = timeBandLabels[locale];
  const gaps: { district: string; when: string[] }[] = [];
  const pileUps: PileUp[] = [];
  for (const row of coordination.rows) {
    const when: string[] = [];
    for (const cell of row.cells) {
      const day = vocabulary[locale].weekdays[coordination.week.indexOf(cell.date)]!;
      if (isGap(cell, coordination.places)) when.push(`${day} ${bandLabel[cell.band]}`);
      if (isPileUp(cell)) {
        pileUps.push({
          count: cell.open.length,
          district: row.district,
          when: messages[locale].coordination.pileUpWhen(day, bandLabel[cell.band]),
          names: cellNames(cell, coordination),
        });
      }
    }
    if (when.length > 0) gaps.push({ district: row.district, when });
  }
  return { gaps, pileUps };
}

/**
 * /kalender/daekning: districts × weekdays × time bands, how many places are open and which, the
 * gaps where no social place is open and the pile-ups; the coming holidays beside it.
 */
export function CoordinationPage({ coordination, notices, locale, path }: { coordination: Coordination; notices: string[] } & PageLanguage) {
  const t = messages[locale].coordination;
  const { week, rows, criteria, facets } = coordination;
  const { gaps, pileUps } = findings(coordination, locale);
  const title = t.title(isoWeekNumber(week[0]!));
  const href = (date: string) => hrefIn(locale, coordinationHref(coordination, date));
  return (
    <Layout title={title} locale={locale} path={path}>
      <link rel="stylesheet" href={assetHref('/static/calendar.css')} />
      <Breadcrumbs
        ariaLabel={messages[locale].breadcrumbs}
        items={[
          { text: messages[locale].allOfferings, href: hrefIn(locale, '/') },
          { text: messages[locale].calendar.heading, href: hrefIn(locale, '/kalender') },
          { text: t.crumb },
        ]}
      />
      <h1>{t.heading(title)}</h1>
      <p class="font-lead">{t.lead(formatDate(week[0]!, locale), formatDate(week[6]!, locale))}</p>
      <p>
        {t.bands}
        <strong>{t.gapWord}</strong>
        {t.gapMeans}
        <strong>{t.manyWord}</strong>
        {t.manyMeans}
        {pileUpThreshold}
        {t.manyAfter}
      </p>
      {notices.length > 0 && (
        <Alert variant="info" locale={locale}>
          {notices.map((notice) => (
            <p>{notice}</p>
          ))}
        </Alert>
      )}
      <form method="get" action={hrefIn(locale, '/kalender/daekning')} class="calendar-filters" aria-label={t.filtersLabel}>
        <input type="hidden" name="dato" value={week[0]!} />
        <div class="calendar-filter-fields">
          <Select
            id="profil"
            name={finderParams.profile}
            label={t.forWhom}
            options={[
              { value: '', text: t.allPlaces },
              { value: profileWords.social, text: t.social, selected: criteria.profile === 'social' },
              { value: profileWords.development, text: t.development, selected: criteria.profile === 'development' },
            ]}
          />
          <Select
            id="center"
            name={finderParams.centre}
            label={messages[locale].finder.centre}
            options={[
              { value: '', text: messages[locale].finder.allCentres },
              ...facets.centres.map((centre) => ({
                value: centre.slug,
                text: centre.name,
                selected: centre.slug === criteria.centreSlug,
                lang: danishLang(locale),
              })),
            ]}
          />
        </div>
        <Button>{messages[locale].calendar.show}</Button>
      </form>
      <nav aria-label={t.navLabel} class="calendar-nav">
        <ul class="calendar-nav-list">
          <li>
            <a href={href(addDays(week[0]!, -7))}>{messages[locale].calendar.previousWeek}</a>
          </li>
          <li>
            <a href={href(coordination.today)}>{messages[locale].calendar.thisWeek}</a>
          </li>
          <li>
            <a href={href(addDays(week[0]!, 7))}>{messages[locale].calendar.nextWeek}</a>
          </li>
        </ul>
      </nav>
      {/* The table is wider than a phone: the scrolling box can take focus, so it scrolls with the keyboard. */}
      <section class="table--responsive-scroll coverage-scroll" tabindex={0} aria-label={t.tableLabel}>
        <table class="table table--compact coverage-table">
          <caption class="align-text-left">{t.caption(isoWeekNumber(week[0]!))}</caption>
          <thead>
            <tr>
              <td />
              {week.map((date, index) => (
                <th scope="colgroup" colSpan={timeBands.length}>
                  {`${vocabulary[locale].weekdays[index]} ${Number(date.slice(8))}/${Number(date.slice(5, 7))}`}
                </th>
              ))}
            </tr>
            <tr>
              <th scope="col">{messages[locale].finder.district}</th>
              {week.flatMap(() =>
                timeBands.map((band) => (
                  <th scope="col">
                    <span aria-hidden="true">{t.bandShort[band.key]}</span>
                    <span class="sr-only">{timeBandLabels[locale][band.key]}</span>
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <th scope="row" lang={danishLang(locale)}>
                  {row.district}
                </th>
                {row.cells.map((cell) => {
                  const gap = isGap(cell, coordination.places);
                  const many = isPileUp(cell);
                  return (
                    <td class={gap ? 'coverage-gap' : many ? 'coverage-many' : undefined} title={cellNames(cell, coordination) || undefined}>
                      {cell.open.length}
                      {gap && <span class="coverage-flag">{t.gapFlag}</span>}
                      {many && <span class="coverage-flag">{t.manyFlag}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <h2>{t.gapsHeading}</h2>
      {gaps.length === 0 ? (
        <p>{t.noGaps}</p>
      ) : (
        <ul>
          {gaps.map((gap) => (
            <li>
              <strong lang={danishLang(locale)}>{gap.district}</strong>
              {`: ${gap.when.length === 21 ? t.wholeWeek : gap.when.join(', ')}.`}
            </li>
          ))}
        </ul>
      )}
      <h2>{t.pileUpsHeading}</h2>
      {pileUps.length === 0 ? (
        <p>{t.noPileUps(pileUpThreshold)}</p>
      ) : (
        <ul>
          {pileUps.map((pileUp) => (
            <li>
              {t.pileUp(pileUp.count)}
              <DanishText locale={locale}>{pileUp.district}</DanishText>
              {pileUp.when}
              <DanishText locale={locale}>{pileUp.names}</DanishText>.
            </li>
          ))}
        </ul>
      )}
      <h2>{t.holidaysHeading}</h2>
      {coordination.holidays.length === 0 ? (
        <p>{t.noHolidays}</p>
      ) : (
        <section class="table--responsive-scroll" tabindex={0} aria-label={t.holidaysLabel}>
          <table class="table table--compact">
            <caption class="align-text-left">{t.holidaysCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{messages[locale].finder.district}</th>
                {coordination.holidays.map((item) => (
                  <th scope="col">{`${holidayName(item.holiday.key, locale)} ${formatDate(item.holiday.date, locale)}`}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <th scope="row" lang={danishLang(locale)}>
                    {row.district}
                  </th>
                  {coordination.holidays.map((item) => {
                    const open = item.byDistrict.get(row.district) ?? [];
                    return (
                      <td class={open.length === 0 ? 'coverage-gap' : undefined}>
                        {open.length}
                        {open.length > 0 && (
                          <span class="coverage-names">
                            {': '}
                            <DanishText locale={locale}>
                              {open.map((index) => coordination.places.get(index)!.offering.name).join(', ')}
                            </DanishText>
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {coordination.withoutDistrict.length > 0 && (
        <p>{t.withoutDistrict(coordination.withoutDistrict.map((offering) => offering.name).join(', '))}</p>
      )}
    </Layout>
  );
}
