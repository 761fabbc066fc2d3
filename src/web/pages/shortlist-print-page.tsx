import type { Shortlist, ShortlistEntry } from '../../app/get-shortlist.ts';
import { noteLimit } from '../../domain/shortlist.ts';
import { describeStatus } from '../../domain/status-text.ts';
import { formatDanishDate } from '../../domain/time.ts';
import { profiles } from '../../domain/vocabulary.ts';
import { type ShortlistQuery, shortlistHref } from '../../http/shortlist-query.ts';
import { addressLine } from '../components/address-line.ts';
import { Alert } from '../components/alert.tsx';
import { ExampleDataBadge } from '../components/badge.tsx';
import { HoursSummary } from '../components/hours-summary.tsx';
import { Layout } from '../layout.tsx';
import { QrCodeSvg } from '../qr/qr-svg.tsx';

export type ShortlistPrintPageProps = {
  list: Shortlist;
  query: ShortlistQuery;
  notices: string[];
  /** The live list as an absolute link, without the note: this is what the QR code holds. */
  liveUrl: string;
};

function Place({ entry }: { entry: ShortlistEntry }) {
  if (!entry.place) {
    return (
      <li class="handout-place">
        <p class="handout-meta">Et sted på listen findes ikke længere.</p>
      </li>
    );
  }
  const { offering, status } = entry.place;
  const statusText = describeStatus(status, offering.events);
  const isOpenOrClosing = status.state === 'active' || status.state === 'closing' || status.state === 'unknown';
  return (
    <li class="handout-place">
      <h2>{offering.name}</h2>
      {statusText && (
        <p class="handout-meta">
          <strong>{statusText}</strong>
        </p>
      )}
      <p class="handout-meta">{addressLine(offering) ?? 'Adressen er ikke oplyst endnu.'}</p>
      {offering.profile && <p class="handout-meta">{`Hovedvægt: ${profiles[offering.profile].label.toLocaleLowerCase('da')}`}</p>}
      {isOpenOrClosing && <HoursSummary hours={offering.schedule.rules} class="handout-meta" />}
      {offering.phone && <p class="handout-meta">{`Telefon: ${offering.phone}`}</p>}
    </li>
  );
}

/**
 * /liste/udskriv: the list as a sheet to hand a citizen. On screen it is a preview with a way back; on
 * paper (print.css) only the sheet is printed: no header, footer or links.
 */
export function ShortlistPrintPage({ list, query, notices, liveUrl }: ShortlistPrintPageProps) {
  const note = query.note.kind === 'note' ? query.note.text : null;
  const hasExampleHours = list.entries.some((entry) => entry.place?.offering.schedule.rules.some((hours) => hours.isExample));
  return (
    <Layout title="Udskriv din liste">
      <link rel="stylesheet" href="/static/print.css" />
      <div class="d-print-none handout-tools">
        <p>
          <a href={shortlistHref(query.slugs, note)}>Tilbage til listen</a>
        </p>
        {notices.map((notice) => (
          <Alert variant="warning">{notice}</Alert>
        ))}
        {query.note.kind === 'too_long' && (
          <Alert variant="warning">{`Noten er for lang (${query.note.length} tegn, højst ${noteLimit}), så den er ikke med på udskriften. Ret den på listen.`}</Alert>
        )}
        <p>Vælg Udskriv i browserens menu, eller tryk Ctrl+P (⌘+P på Mac). Arket passer til A4.</p>
        <button type="button" class="button button-primary" data-print-button hidden>
          Udskriv
        </button>
      </div>
      <article class="handout" aria-labelledby="handout-titel">
        <div class="handout-head">
          <div>
            <p class="handout-source">Tilbudsvifte København · Københavns Kommune</p>
            <h1 id="handout-titel">Din liste</h1>
            <p class="handout-date">{`Udskrevet den ${formatDanishDate(list.date)}`}</p>
          </div>
          {list.entries.length > 0 && (
            <figure class="handout-qr">
              <QrCodeSvg text={liveUrl} label="QR-kode til listen på nettet" />
              <figcaption>Scan koden for at se listen på nettet, med de nyeste oplysninger.</figcaption>
            </figure>
          )}
        </div>
        {note && (
          <section class="handout-note" aria-labelledby="handout-note">
            <h2 id="handout-note">Note til dig</h2>
            <p class="handout-note-text">{note}</p>
          </section>
        )}
        {list.entries.length === 0 ? (
          <p>Listen er tom.</p>
        ) : (
          <ol class="handout-places no-max-width">
            {list.entries.map((entry) => (
              <Place entry={entry} />
            ))}
          </ol>
        )}
        {list.entries.length > 0 && (
          <div class="handout-foot">
            <p class="handout-url">{`Listen på nettet: ${liveUrl}`}</p>
            {hasExampleHours && (
              <p>
                {'Åbningstider markeret '}
                <ExampleDataBadge />
                {' er opdigtede eksempler og ikke stedernes rigtige tider. Spørg stedet, før du går derhen.'}
              </p>
            )}
          </div>
        )}
      </article>
      <script src="/static/shortlist.js" defer />
    </Layout>
  );
}
