import type { Shortlist, ShortlistEntry } from '../../app/get-shortlist.ts';
import { noteLimit, removeFromShortlist } from '../../domain/shortlist.ts';
import { describeStatus } from '../../domain/status-text.ts';
import { type ShortlistQuery, shortlistHref, shortlistParams, shortlistPrintHref, withShortlist } from '../../http/shortlist-query.ts';
import { addressLine } from '../components/address-line.ts';
import { Alert } from '../components/alert.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { HoursSummary } from '../components/hours-summary.tsx';
import { Icon } from '../components/icon.tsx';
import { Layout } from '../layout.tsx';

export type ShortlistPageProps = {
  list: Shortlist;
  query: ShortlistQuery;
  notices: string[];
  /** The whole list as an absolute link (BASE_URL), with the note when there is one. */
  shareUrl: string;
};

const placesWord = (count: number) => (count === 1 ? '1 sted' : `${count} steder`);

/** "Du har 12 tegn tilbage" / "Du har 3 tegn for meget", as DKFDS's character limit says it. */
export function characterLimitMessage(length: number): string {
  const left = noteLimit - length;
  return left >= 0 ? `Du har ${left} tegn tilbage` : `Du har ${-left} tegn for meget`;
}

function Place({ entry, query }: { entry: ShortlistEntry; query: ShortlistQuery }) {
  const note = query.note.kind === 'note' ? query.note.text : null;
  const removeHref = shortlistHref(removeFromShortlist(query.slugs, entry.slug), note);
  if (!entry.place) {
    return (
      <li data-missing={entry.slug}>
        <p class="offering-meta">
          <strong>Et sted på listen findes ikke længere.</strong>
        </p>
        <p class="offering-meta">Det kan have skiftet navn eller være taget ud af oversigten.</p>
        <p class="offering-meta shortlist-remove">
          <a href={removeHref}>
            Fjern<span class="sr-only"> stedet, der ikke findes længere, fra listen</span>
          </a>
        </p>
      </li>
    );
  }
  const { offering, status } = entry.place;
  const statusText = describeStatus(status, offering.events);
  const isOpenOrClosing = status.state === 'active' || status.state === 'closing' || status.state === 'unknown';
  return (
    <li>
      <h3>
        <a href={withShortlist(`/tilbud/${encodeURIComponent(offering.slug)}`, query.slugs)}>{offering.name}</a>
      </h3>
      {statusText && (
        <p class="offering-meta">
          <strong>{statusText}</strong>
        </p>
      )}
      <p class="offering-meta">{addressLine(offering) ?? 'Adressen er ikke oplyst endnu.'}</p>
      {/* The hours of a place that is closed or not open yet would only mislead. */}
      {isOpenOrClosing && <HoursSummary hours={offering.schedule.rules} />}
      <p class="offering-meta shortlist-remove">
        <a href={removeHref}>
          Fjern<span class="sr-only">{` ${offering.name} fra listen`}</span>
        </a>
      </p>
    </li>
  );
}

function NoteForm({ query }: { query: ShortlistQuery }) {
  const text = query.note.kind === 'none' ? '' : query.note.text;
  const isTooLong = query.note.kind === 'too_long';
  const describedBy = ['note-hint', isTooLong ? 'note-error' : null, 'note-limit-message'].filter(Boolean).join(' ');
  const message = characterLimitMessage(text.length);
  return (
    <section aria-labelledby="note-overskrift" class="shortlist-tools">
      <h2 id="note-overskrift">Tilføj en note til borgeren</h2>
      <p>
        Er du fagperson, kan du skrive en kort besked til borgeren, fx hvem man kan spørge efter, eller hvornår I tager
        derhen sammen. Noten kommer med i linket og på udskriften. Skriv den til sidst: den følger ikke med, hvis du
        tilføjer flere steder fra forsiden.
      </p>
      <form method="get" action="/liste" novalidate class="shortlist-note-form">
        <input type="hidden" name={shortlistParams.places} value={query.slugs.join(',')} />
        <div class={`form-group form-limit${isTooLong ? ' form-error' : ''}`} data-maxlength={String(noteLimit)}>
          <label class="form-label" for="note">
            Note til borgeren
          </label>
          <span class="form-hint" id="note-hint">
            Skriv ikke navn, CPR-nummer eller oplysninger om helbred. Vi gemmer ikke noten: den står kun i linket.
          </span>
          {isTooLong && (
            <span class="form-error-message" id="note-error">
              <span class="sr-only">Fejl: </span>
              {`Noten er for lang. Den må højst være ${noteLimit} tegn.`}
            </span>
          )}
          <textarea
            class={`form-input${isTooLong ? ' form-limit-error' : ''}`}
            id="note"
            name={shortlistParams.note}
            rows={5}
            aria-describedby={describedBy}
          >
            {text}
          </textarea>
          <span id="note-limit-message" class="sr-only">{`Du kan indtaste op til ${noteLimit} tegn`}</span>
          <span class={`form-hint character-limit${isTooLong ? ' limit-exceeded' : ''}`} aria-hidden="true">
            {message}
          </span>
          <span class="character-limit-sr-only sr-only" aria-live="polite">
            {message}
          </span>
        </div>
        <div class="shortlist-actions">
          <button type="submit" class="button button-primary">
            {query.note.kind === 'note' ? 'Ret noten' : 'Tilføj noten'}
          </button>
          {query.note.kind === 'note' && <a href={shortlistHref(query.slugs)}>Fjern noten</a>}
        </div>
      </form>
    </section>
  );
}

function CopyLink({ shareUrl, hasNote }: { shareUrl: string; hasNote: boolean }) {
  return (
    <section aria-labelledby="link-overskrift" class="shortlist-tools">
      <h2 id="link-overskrift">Kopiér linket</h2>
      <p>
        {`Listen findes kun i linket. Send det til borgeren, eller gem det selv.${hasNote ? ' Noten er med i linket.' : ''}`}
      </p>
      <div class="form-group shortlist-copy" data-copy-link>
        <label class="form-label" for="liste-link">
          Link til listen
        </label>
        <input class="form-input shortlist-link" type="text" id="liste-link" value={shareUrl} readonly />
        <div class="shortlist-actions">
          <button type="button" class="button button-secondary" data-copy-button hidden>
            Kopiér linket
          </button>
          <span class="shortlist-copy-status" role="status" data-copy-status />
        </div>
      </div>
    </section>
  );
}

function PrintGuide({ query }: { query: ShortlistQuery }) {
  const note = query.note.kind === 'note' ? query.note.text : null;
  return (
    <section aria-labelledby="udskriv-overskrift" class="shortlist-tools">
      <h2 id="udskriv-overskrift">Udskriv</h2>
      <p>
        {`Udskriften er et ark til borgeren med stederne${note ? ', din note' : ''} og en QR-kode, der fører til listen her på siden. Den passer til A4.${note ? ' Noten er ikke med i QR-koden.' : ''}`}
      </p>
      <ol>
        <li>Åbn udskriften.</li>
        <li>Vælg Udskriv i browserens menu, eller tryk Ctrl+P (⌘+P på Mac).</li>
      </ol>
      <p>
        <a class="button button-secondary" href={shortlistPrintHref(query.slugs, note)}>
          Åbn udskriften
        </a>
      </p>
    </section>
  );
}

/** Errors first, as the accessible form-error pattern asks: a summary that links to the field. */
function ErrorSummary({ length }: { length: number }) {
  return (
    <div class="alert alert-error" role="alert" aria-labelledby="fejl-overskrift">
      <Icon name="error" class="alert-icon" label="Fejl" />
      <div class="alert-body">
        <h2 class="alert-heading" id="fejl-overskrift">
          Noten er ikke tilføjet
        </h2>
        <ul class="alert-text nobullet-list">
          <li>
            <a href="#note">{`Noten er for lang: ${length} tegn. Den må højst være ${noteLimit} tegn.`}</a>
          </li>
        </ul>
      </div>
    </div>
  );
}

/** /liste: the places someone has pinned, with a note for the citizen, a link to copy and a handout to print. */
export function ShortlistPage({ list, query, notices, shareUrl }: ShortlistPageProps) {
  const count = list.entries.length;
  const note = query.note.kind === 'note' ? query.note.text : null;
  return (
    <Layout title={query.note.kind === 'too_long' ? 'Fejl: Din liste' : 'Din liste'}>
      <link rel="stylesheet" href="/static/shortlist.css" />
      <Breadcrumbs items={[{ text: 'Alle tilbud', href: withShortlist('/', query.slugs) }, { text: 'Din liste' }]} />
      <div class="row">
        <div class="col-12 col-lg-8">
          {query.note.kind === 'too_long' && <ErrorSummary length={query.note.length} />}
          <h1>Din liste</h1>
          {notices.map((notice) => (
            <Alert variant="warning">{notice}</Alert>
          ))}
          {count === 0 ? (
            <>
              <p class="font-lead">Din liste er tom.</p>
              <p>
                Find steder på forsiden, og vælg «Sæt på listen» ved dem, du vil huske eller vise til en borger. Listen
                gemmes kun i linket, så du behøver ikke at logge ind, og vi gemmer intet om dig.
              </p>
              <p>
                <a href="/">Find steder på forsiden</a>
              </p>
            </>
          ) : (
            <p class="font-lead">
              Stederne, du har sat på listen. Listen gemmes kun i linket – vi gemmer intet om dig.
            </p>
          )}
          {note && (
            <section aria-labelledby="note-til-borgeren" class="shortlist-note">
              <h2 id="note-til-borgeren">Note til dig</h2>
              <p class="shortlist-note-text">{note}</p>
            </section>
          )}
          {count > 0 && (
            <>
              <section aria-labelledby="steder-overskrift">
                <h2 id="steder-overskrift">{`${placesWord(count)} på listen`}</h2>
                <ol class="offering-list shortlist-places no-max-width">
                  {list.entries.map((entry) => (
                    <Place entry={entry} query={query} />
                  ))}
                </ol>
                <p class="shortlist-tools">
                  <a href={withShortlist('/', query.slugs)}>Find flere steder</a>
                </p>
              </section>
              <NoteForm query={query} />
              <CopyLink shareUrl={shareUrl} hasNote={note !== null} />
              <PrintGuide query={query} />
            </>
          )}
          {count === 0 && query.note.kind === 'too_long' && <NoteForm query={query} />}
        </div>
      </div>
      <script src="/static/shortlist.js" defer />
    </Layout>
  );
}
