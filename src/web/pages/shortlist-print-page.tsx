import type { Shortlist, ShortlistEntry } from '../../app/get-shortlist.ts';
import { noteLimit } from '../../domain/shortlist.ts';
import { describeStatus } from '../../domain/status-text.ts';
import { formatDate } from '../../domain/time.ts';
import { vocabulary } from '../../domain/vocabulary.ts';
import { type ShortlistQuery, shortlistHref } from '../../http/shortlist-query.ts';
import { addressLine, isAddressOnly } from '../components/address-line.ts';
import { Alert } from '../components/alert.tsx';
import { ExampleDataBadge } from '../components/badge.tsx';
import { HoursSummary } from '../components/hours-summary.tsx';
import { danishLang, WithPlaceNames } from '../i18n/danish-text.tsx';
import { hrefIn, type Locale, messages, type PageLanguage } from '../i18n/index.ts';
import { Layout } from '../layout.tsx';
import { QrCodeSvg } from '../qr/qr-svg.tsx';
import { assetHref } from '../../http/static-assets.ts';

export type ShortlistPrintPageProps = PageLanguage & {
  list: Shortlist;
  query: ShortlistQuery;
  notices: string[];
  /** The live list as an absolute link, without the note: this is what the QR code holds. */
  liveUrl: string;
};

function Place({ entry, locale }: { entry: ShortlistEntry; locale: Locale }) {
  const t = messages[locale];
  if (!entry.place) {
    return (
      <li class="handout-place">
        <p class="handout-meta">{t.shortlist.gone}</p>
      </li>
    );
  }
  const { offering, status } = entry.place;
  const statusText = describeStatus(status, offering.events, locale);
  const isOpenOrClosing = status.state === 'active' || status.state === 'closing' || status.state === 'unknown';
  return (
    <li class="handout-place">
      <h2 lang={danishLang(locale)}>{offering.name}</h2>
      {statusText && (
        <p class="handout-meta">
          <strong>
            <WithPlaceNames text={statusText} names={offering.events.map((event) => event.relatedOfferingName)} locale={locale} />
          </strong>
        </p>
      )}
      <p class="handout-meta" lang={isAddressOnly(offering) ? danishLang(locale) : undefined}>
        {addressLine(offering, locale) ?? t.addressNotYet}
      </p>
      {offering.profile && (
        <p class="handout-meta">{t.mainFocus(vocabulary[locale].profiles[offering.profile].label.toLocaleLowerCase(locale))}</p>
      )}
      {isOpenOrClosing && <HoursSummary hours={offering.schedule.rules} class="handout-meta" locale={locale} />}
      {offering.phone && <p class="handout-meta">{t.print.phone(offering.phone)}</p>}
    </li>
  );
}

/**
 * /liste/udskriv: the list as a sheet to hand a citizen. On screen it is a preview with a way back; on
 * paper (print.css) only the sheet is printed: no header, footer or links.
 */
export function ShortlistPrintPage({ list, query, notices, liveUrl, locale, path }: ShortlistPrintPageProps) {
  const t = messages[locale].print;
  const note = query.note.kind === 'note' ? query.note.text : null;
  const hasExampleHours = list.entries.some((entry) => entry.place?.offering.schedule.rules.some((hours) => hours.isExample));
  return (
    <Layout title={t.title} locale={locale} path={path}>
      <link rel="stylesheet" href={assetHref('/static/print.css')} />
      <div class="d-print-none handout-tools">
        <p>
          <a href={hrefIn(locale, shortlistHref(query.slugs, note))}>{t.back}</a>
        </p>
        {notices.map((notice) => (
          <Alert variant="warning" locale={locale}>
            {notice}
          </Alert>
        ))}
        {query.note.kind === 'too_long' && (
          <Alert variant="warning" locale={locale}>
            {t.noteTooLong(query.note.length, noteLimit)}
          </Alert>
        )}
        <p>{t.howTo}</p>
        <button type="button" class="button button-primary" data-print-button hidden>
          {t.print}
        </button>
      </div>
      <article class="handout" aria-labelledby="handout-titel">
        <div class="handout-head">
          <div>
            <p class="handout-source">{t.source}</p>
            <h1 id="handout-titel">{messages[locale].shortlist.title}</h1>
            <p class="handout-date">{t.printedOn(formatDate(list.date, locale))}</p>
          </div>
          {list.entries.length > 0 && (
            <figure class="handout-qr">
              <QrCodeSvg text={liveUrl} label={t.qrLabel} />
              <figcaption>{t.qrCaption}</figcaption>
            </figure>
          )}
        </div>
        {note && (
          <section class="handout-note" aria-labelledby="handout-note">
            <h2 id="handout-note">{messages[locale].shortlist.noteToYou}</h2>
            <p class="handout-note-text">{note}</p>
          </section>
        )}
        {list.entries.length === 0 ? (
          <p>{t.empty}</p>
        ) : (
          <ol class="handout-places no-max-width">
            {list.entries.map((entry) => (
              <Place entry={entry} locale={locale} />
            ))}
          </ol>
        )}
        {list.entries.length > 0 && (
          <div class="handout-foot">
            <p class="handout-url">{t.online(liveUrl)}</p>
            {hasExampleHours && (
              <p>
                {t.exampleBefore}
                <ExampleDataBadge locale={locale} />
                {t.exampleAfter}
              </p>
            )}
          </div>
        )}
      </article>
      <script src={assetHref('/static/shortlist.js')} defer />
    </Layout>
  );
}
