import type { Programme, ProgrammePeriod } from '../../app/get-programme.ts';
import { monthPeriod, shiftPeriod, weekPeriod } from '../../app/get-programme.ts';
import { finderParams } from '../../http/finder-query.ts';
import { assetHref } from '../../http/static-assets.ts';
import { Alert } from '../components/alert.tsx';
import { ExampleDataBadge } from '../components/badge.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Button, Select } from '../components/form.tsx';
import { hrefIn, type Locale, messages } from '../i18n/index.ts';
import { programmeText } from '../i18n/programme.ts';
import { Layout } from '../layout.tsx';
import {
  dayLabel,
  hoursLine,
  itemLines,
  periodInSentence,
  periodLabel,
  placeAddress,
  placeHasExampleHours,
  programmeTitle,
  whereLabel,
} from '../programme/programme-text.ts';
import { QrCodeSvg } from '../qr/qr-svg.tsx';
import { DanishText, danishLang, WithDanish } from '../i18n/danish-text.tsx';
import { formatDate } from '../../domain/time.ts';

/** How the programme is printed: the paper (A4, or A5 for a sheet folded once) and the type size. */
export type ProgrammeLayout = { paper: 'a4' | 'a5'; largePrint: boolean };

/** The programme's URL words on top of the finder's `bydel`. */
export const programmeParams = { week: 'uge', month: 'maaned', paper: 'papir', type: 'skrift' } as const;

export function programmeHref(
  programme: { district: { slug: string } | null },
  period: ProgrammePeriod,
  layout: ProgrammeLayout = { paper: 'a4', largePrint: false },
  path: '/program' | '/program.pdf' = '/program',
): string {
  const params = new URLSearchParams();
  if (programme.district) params.set(finderParams.district, programme.district.slug);
  params.set(period.kind === 'uge' ? programmeParams.week : programmeParams.month, period.key);
  if (layout.paper === 'a5') params.set(programmeParams.paper, 'a5');
  if (layout.largePrint) params.set(programmeParams.type, 'stor');
  return `${path}?${params}`;
}

function ExampleMark({ show, locale }: { show: boolean; locale: Locale }) {
  return show ? (
    <>
      {' '}
      <ExampleDataBadge locale={locale} />
    </>
  ) : null;
}

function Days({ programme, locale }: { programme: Programme; locale: Locale }) {
  const mark = !programme.allExample;
  return (
    <>
      {programme.days.map((day) => (
        <section class="programme-day" aria-labelledby={`dag-${day.date}`}>
          <h2 id={`dag-${day.date}`}>{dayLabel(day, locale)}</h2>
          <ul class="programme-places">
            {day.places.map((place) => {
              const address = placeAddress(place, locale);
              const items = itemLines(place, locale);
              return (
                <li>
                  <h3>
                    <a href={hrefIn(locale, `/tilbud/${encodeURIComponent(place.offering.slug)}`)}>
                      <DanishText locale={locale}>{place.offering.name}</DanishText>
                    </a>
                  </h3>
                  <p class="programme-meta">
                    <strong>{hoursLine(place, locale)}</strong>
                    <ExampleMark show={mark && placeHasExampleHours(place)} locale={locale} />
                    {address && (
                      <>
                        {' · '}
                        <DanishText locale={locale}>{address}</DanishText>
                      </>
                    )}
                  </p>
                  {items.length > 0 && (
                    <ul class="programme-items">
                      {items.map((item) => (
                        <li>
                          <strong>{item.time}</strong> <WithDanish locale={locale} segments={item.segments} />
                          <ExampleMark show={mark && item.isExample} locale={locale} />
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}

function Tools({
  programme,
  layout,
  notices,
  locale,
}: {
  programme: Programme;
  layout: ProgrammeLayout;
  notices: string[];
  locale: Locale;
}) {
  const t = programmeText[locale];
  const { period } = programme;
  const href = (to: ProgrammePeriod, as: ProgrammeLayout = layout) => hrefIn(locale, programmeHref(programme, to, as));
  const other = period.kind === 'uge' ? 'maaned' : 'uge';
  return (
    <div class="d-print-none programme-tools">
      <Breadcrumbs
        ariaLabel={messages[locale].breadcrumbs}
        items={[
          { text: messages[locale].allOfferings, href: hrefIn(locale, '/') },
          { text: t.tools.crumbCalendar, href: hrefIn(locale, '/kalender') },
          { text: t.tools.crumb },
        ]}
      />
      {notices.length > 0 && (
        <Alert variant="info" locale={locale}>
          {notices.map((notice) => (
            <p>{notice}</p>
          ))}
        </Alert>
      )}
      <p>{t.tools.lead}</p>
      <p>
        <a href={hrefIn(locale, '/brochure')}>{t.tools.brochureLink}</a>
        {t.tools.brochureAfter}
      </p>
      <nav aria-label={t.tools.changePeriod} class="programme-nav">
        <ul>
          <li>
            <a href={href(shiftPeriod(period, -1))}>{t.tools.previous[period.kind]}</a>
          </li>
          <li>
            <a href={href(shiftPeriod(period, 1))}>{t.tools.next[period.kind]}</a>
          </li>
          <li>
            <a href={href(other === 'maaned' ? monthPeriod(period.from) : weekPeriod(period.from))}>
              {other === 'maaned' ? t.tools.wholeMonth : t.tools.oneWeek}
            </a>
          </li>
        </ul>
      </nav>
      <form method="get" action={hrefIn(locale, '/program')} class="programme-form" aria-label={t.tools.formLabel}>
        <input type="hidden" name={period.kind === 'uge' ? programmeParams.week : programmeParams.month} value={period.key} />
        <Select
          id="bydel"
          name={finderParams.district}
          label={t.tools.district}
          options={[
            { value: '', text: t.wholeCity },
            ...programme.districts.map((district) => ({
              value: district.slug,
              text: district.name,
              selected: district.slug === programme.district?.slug,
              lang: danishLang(locale),
            })),
          ]}
        />
        <PaperChoices layout={layout} locale={locale} />
        <Button>{t.tools.show}</Button>
      </form>
      {programme.days.length > 0 && (
        <ul class="programme-downloads">
          <li>
            <a href={hrefIn(locale, programmeHref(programme, period, layout, '/program.pdf'))}>{t.tools.pdf(layout.paper.toUpperCase())}</a>
          </li>
          <li>
            <a href={href(period, { ...layout, largePrint: !layout.largePrint })}>
              {layout.largePrint ? t.tools.ordinaryPrint : t.tools.largePrint}
            </a>
          </li>
        </ul>
      )}
      <button type="button" class="button button-primary" data-print-button hidden>
        {t.tools.print}
      </button>
    </div>
  );
}

/** /program: a week or a month of the range, day by day, for paper (print CSS) or as a PDF. */
export function ProgrammePage({
  programme,
  layout,
  notices,
  liveUrl,
  locale = 'da',
  path = null,
}: {
  programme: Programme;
  layout: ProgrammeLayout;
  notices: string[];
  liveUrl: string;
  locale?: Locale;
  /** The page's own address in Danish form, for the language switcher. */
  path?: string | null;
}) {
  const t = programmeText[locale];
  const classes = ['programme', `programme-${layout.paper}`, layout.largePrint ? 'programme-large' : ''].filter(Boolean).join(' ');
  const empty = programme.days.length === 0;
  return (
    <Layout title={empty ? t.emptyTitle(programmeTitle(programme, locale)) : programmeTitle(programme, locale)} locale={locale} path={path}>
      <link rel="stylesheet" href={assetHref('/static/programme.css')} />
      <Tools programme={programme} layout={layout} notices={notices} locale={locale} />
      <article class={classes} aria-labelledby="program-titel">
        <div class="programme-head">
          <div>
            <p class="programme-source">{t.source}</p>
            <h1 id="program-titel">
              <span class="programme-kicker">
                {programme.district ? (
                  <>
                    {t.kickerPrefix}
                    <DanishText locale={locale}>{programme.district.name}</DanishText>
                  </>
                ) : (
                  t.kickerFor(t.wholeCity)
                )}
              </span>{' '}
              {periodLabel(programme.period, locale)}
            </h1>
            <p class="programme-date">{t.printedOn(formatDate(programme.today, locale))}</p>
          </div>
          {!empty && (
            <figure class="programme-qr">
              <QrCodeSvg text={liveUrl} label={t.qrLabel} />
              <figcaption>{t.qrCaption}</figcaption>
            </figure>
          )}
        </div>
        {empty ? (
          <div class="programme-empty">
            <p>
              <strong>{t.empty(periodInSentence(programme.period, locale), whereLabel(programme, locale))}</strong>
            </p>
            {programme.nearest ? (
              <p>
                {t.nearest(periodInSentence(programme.nearest, locale))}{' '}
                <a href={hrefIn(locale, programmeHref(programme, programme.nearest, layout))}>
                  {t.showNearest(periodLabel(programme.nearest, locale))}
                </a>
              </p>
            ) : (
              <p>
                {t.noNearest} <a href={hrefIn(locale, programmeHref({ district: null }, programme.period, layout))}>{t.seeWholeCity}</a>
              </p>
            )}
          </div>
        ) : (
          <>
            {programme.allExample ? (
              <p class="programme-example">
                <ExampleDataBadge locale={locale} /> {t.allExample}
              </p>
            ) : (
              programme.anyExample && <p class="programme-example">{t.someExample}</p>
            )}
            {programme.cut && (
              <Alert variant="warning" locale={locale}>
                {t.cut(programme.cut.withinDay, formatDate(programme.cut.after, locale))}
              </Alert>
            )}
            <Days programme={programme} locale={locale} />
            <p class="programme-url">{t.online(liveUrl)}</p>
          </>
        )}
      </article>
      <script src={assetHref('/static/shortlist.js')} defer />
    </Layout>
  );
}

/** The paper size and type size of a printed programme or brochure, as the form's two choices. */
export function PaperChoices({ layout, locale = 'da' }: { layout: ProgrammeLayout; locale?: Locale }) {
  const t = programmeText[locale].tools;
  return (
    <>
      <Select
        id="papir"
        name={programmeParams.paper}
        label={t.paper}
        options={[
          { value: 'a4', text: 'A4', selected: layout.paper === 'a4' },
          { value: 'a5', text: t.a5, selected: layout.paper === 'a5' },
        ]}
      />
      <Select
        id="skrift"
        name={programmeParams.type}
        label={t.type}
        options={[
          { value: '', text: t.ordinary, selected: !layout.largePrint },
          { value: 'stor', text: t.largePrint, selected: layout.largePrint },
        ]}
      />
    </>
  );
}
