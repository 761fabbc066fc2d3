import type { Programme, ProgrammePeriod } from '../../app/get-programme.ts';
import { monthPeriod, shiftPeriod, weekPeriod } from '../../app/get-programme.ts';
import { finderParams } from '../../http/finder-query.ts';
import { assetHref } from '../../http/static-assets.ts';
import { Alert } from '../components/alert.tsx';
import { ExampleDataBadge } from '../components/badge.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { Button, Select } from '../components/form.tsx';
import { messages } from '../i18n/index.ts';
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
  programmeWords as t,
  whereLabel,
} from '../programme/programme-text.ts';
import { QrCodeSvg } from '../qr/qr-svg.tsx';

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

function ExampleMark({ show }: { show: boolean }) {
  return show ? (
    <>
      {' '}
      <ExampleDataBadge locale="da" />
    </>
  ) : null;
}

function Days({ programme }: { programme: Programme }) {
  const mark = !programme.allExample;
  return (
    <>
      {programme.days.map((day) => (
        <section class="programme-day" aria-labelledby={`dag-${day.date}`}>
          <h2 id={`dag-${day.date}`}>{dayLabel(day)}</h2>
          <ul class="programme-places">
            {day.places.map((place) => {
              const address = placeAddress(place);
              const items = itemLines(place);
              return (
                <li>
                  <h3>
                    <a href={`/tilbud/${encodeURIComponent(place.offering.slug)}`}>{place.offering.name}</a>
                  </h3>
                  <p class="programme-meta">
                    <strong>{hoursLine(place)}</strong>
                    <ExampleMark show={mark && placeHasExampleHours(place)} />
                    {address && ` · ${address}`}
                  </p>
                  {items.length > 0 && (
                    <ul class="programme-items">
                      {items.map((item) => (
                        <li>
                          <strong>{item.time}</strong> {item.text}
                          <ExampleMark show={mark && item.isExample} />
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

function Tools({ programme, layout, notices }: { programme: Programme; layout: ProgrammeLayout; notices: string[] }) {
  const { period } = programme;
  const href = (to: ProgrammePeriod, as: ProgrammeLayout = layout) => programmeHref(programme, to, as);
  const other = period.kind === 'uge' ? 'maaned' : 'uge';
  return (
    <div class="d-print-none programme-tools">
      <Breadcrumbs
        ariaLabel={messages.da.breadcrumbs}
        items={[{ text: messages.da.allOfferings, href: '/' }, { text: 'Kalender', href: '/kalender' }, { text: 'Program' }]}
      />
      {notices.length > 0 && (
        <Alert variant="info" locale="da">
          {notices.map((notice) => (
            <p>{notice}</p>
          ))}
        </Alert>
      )}
      <p>
        Et program til opslagstavlen eller venteværelset. Udskriv siden, eller hent den som PDF. QR-koden fører tilbage til
        programmet på nettet.
      </p>
      <p>
        <a href="/brochure">Brochure over alle steder</a> med adresse, åbningstider og hvordan man kommer første gang.
      </p>
      <nav aria-label="Skift periode" class="programme-nav">
        <ul>
          <li>
            <a href={href(shiftPeriod(period, -1))}>{period.kind === 'uge' ? 'Forrige uge' : 'Forrige måned'}</a>
          </li>
          <li>
            <a href={href(shiftPeriod(period, 1))}>{period.kind === 'uge' ? 'Næste uge' : 'Næste måned'}</a>
          </li>
          <li>
            <a href={href(other === 'maaned' ? monthPeriod(period.from) : weekPeriod(period.from))}>
              {other === 'maaned' ? 'Vis hele måneden' : 'Vis én uge'}
            </a>
          </li>
        </ul>
      </nav>
      <form method="get" action="/program" class="programme-form" aria-label="Vælg bydel og udskrift">
        <input type="hidden" name={period.kind === 'uge' ? programmeParams.week : programmeParams.month} value={period.key} />
        <Select
          id="bydel"
          name={finderParams.district}
          label="Bydel"
          options={[
            { value: '', text: t.wholeCity },
            ...programme.districts.map((district) => ({
              value: district.slug,
              text: district.name,
              selected: district.slug === programme.district?.slug,
            })),
          ]}
        />
        <PaperChoices layout={layout} />
        <Button>Vis program</Button>
      </form>
      {programme.days.length > 0 && (
        <ul class="programme-downloads">
          <li>
            <a href={programmeHref(programme, period, layout, '/program.pdf')}>Hent som PDF ({layout.paper.toUpperCase()})</a>
          </li>
          <li>
            <a href={programmeHref(programme, period, { ...layout, largePrint: !layout.largePrint })}>
              {layout.largePrint ? 'Almindelig skrift' : 'Stor skrift'}
            </a>
          </li>
        </ul>
      )}
      <button type="button" class="button button-primary" data-print-button hidden>
        Udskriv
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
}: {
  programme: Programme;
  layout: ProgrammeLayout;
  notices: string[];
  liveUrl: string;
}) {
  const classes = ['programme', `programme-${layout.paper}`, layout.largePrint ? 'programme-large' : ''].filter(Boolean).join(' ');
  const empty = programme.days.length === 0;
  return (
    <Layout title={empty ? `${programmeTitle(programme)} (intet program)` : programmeTitle(programme)} locale="da" path={null}>
      <link rel="stylesheet" href={assetHref('/static/programme.css')} />
      <Tools programme={programme} layout={layout} notices={notices} />
      <article class={classes} aria-labelledby="program-titel">
        <div class="programme-head">
          <div>
            <p class="programme-source">{t.source}</p>
            <h1 id="program-titel">
              <span class="programme-kicker">Program for {whereLabel(programme)}</span> {periodLabel(programme.period)}
            </h1>
            <p class="programme-date">{t.printedOn(programme.today)}</p>
          </div>
          {!empty && (
            <figure class="programme-qr">
              <QrCodeSvg text={liveUrl} label="QR-kode til programmet på nettet" />
              <figcaption>{t.qrCaption}</figcaption>
            </figure>
          )}
        </div>
        {empty ? (
          <div class="programme-empty">
            <p>
              <strong>{t.empty(periodInSentence(programme.period), whereLabel(programme))}</strong>
            </p>
            {programme.nearest ? (
              <p>
                {t.nearest(periodInSentence(programme.nearest))}{' '}
                <a href={programmeHref(programme, programme.nearest, layout)}>Vis programmet for {periodLabel(programme.nearest)}</a>
              </p>
            ) : (
              <p>
                {t.noNearest} <a href={programmeHref({ district: null }, programme.period, layout)}>Se hele byen</a>
              </p>
            )}
          </div>
        ) : (
          <>
            {programme.allExample ? (
              <p class="programme-example">
                <ExampleDataBadge locale="da" /> {t.allExample}
              </p>
            ) : (
              programme.anyExample && <p class="programme-example">{t.someExample}</p>
            )}
            {programme.cut && (
              <Alert variant="warning" locale="da">
                {t.cut(programme.cut)}
              </Alert>
            )}
            <Days programme={programme} />
            <p class="programme-url">{t.online(liveUrl)}</p>
          </>
        )}
      </article>
      <script src={assetHref('/static/shortlist.js')} defer />
    </Layout>
  );
}

/** The paper size and type size of a printed programme or brochure, as the form's two choices. */
export function PaperChoices({ layout }: { layout: ProgrammeLayout }) {
  return (
    <>
      <Select
        id="papir"
        name={programmeParams.paper}
        label="Papir"
        options={[
          { value: 'a4', text: 'A4', selected: layout.paper === 'a4' },
          { value: 'a5', text: 'A5 (foldet A4)', selected: layout.paper === 'a5' },
        ]}
      />
      <Select
        id="skrift"
        name={programmeParams.type}
        label="Skrift"
        options={[
          { value: '', text: 'Almindelig', selected: !layout.largePrint },
          { value: 'stor', text: 'Stor skrift', selected: layout.largePrint },
        ]}
      />
    </>
  );
}
