import type { Shortlist, ShortlistEntry } from '../../app/get-shortlist.ts';
import { noteLimit, removeFromShortlist } from '../../domain/shortlist.ts';
import { describeStatus } from '../../domain/status-text.ts';
import { type ShortlistQuery, shortlistHref, shortlistParams, shortlistPrintHref, withShortlist } from '../../http/shortlist-query.ts';
import { addressLine, isAddressOnly } from '../components/address-line.ts';
import { Alert } from '../components/alert.tsx';
import { Breadcrumbs } from '../components/breadcrumbs.tsx';
import { HoursSummary } from '../components/hours-summary.tsx';
import { Icon } from '../components/icon.tsx';
import { DanishText, danishLang, WithPlaceNames } from '../i18n/danish-text.tsx';
import { hrefIn, type Locale, messages, type PageLanguage } from '../i18n/index.ts';
import { Layout } from '../layout.tsx';
import { assetHref } from '../../http/static-assets.ts';

export type ShortlistPageProps = PageLanguage & {
  list: Shortlist;
  query: ShortlistQuery;
  notices: string[];
  /** The whole list as an absolute link (BASE_URL), with the note when there is one. */
  shareUrl: string;
};

/** "Du har 12 tegn tilbage" / "Du har 3 tegn for meget", as DKFDS's character limit says it. */
export function characterLimitMessage(length: number, locale: Locale = 'da'): string {
  const t = messages[locale].shortlist;
  const left = noteLimit - length;
  return left >= 0 ? t.charactersLeft(left) : t.charactersOver(-left);
}

function Place({ entry, query, locale }: { entry: ShortlistEntry; query: ShortlistQuery; locale: Locale }) {
  const t = messages[locale].shortlist;
  const note = query.note.kind === 'note' ? query.note.text : null;
  const removeHref = hrefIn(locale, shortlistHref(removeFromShortlist(query.slugs, entry.slug), note));
  if (!entry.place) {
    return (
      <li data-missing={entry.slug}>
        <p class="offering-meta">
          <strong>{t.gone}</strong>
        </p>
        <p class="offering-meta">{t.goneWhy}</p>
        <p class="offering-meta shortlist-remove">
          <a href={removeHref}>
            {t.remove}
            <span class="sr-only">{t.removeGone}</span>
          </a>
        </p>
      </li>
    );
  }
  const { offering, status } = entry.place;
  const statusText = describeStatus(status, offering.events, locale);
  const isOpenOrClosing = status.state === 'active' || status.state === 'closing' || status.state === 'unknown';
  return (
    <li>
      <h3>
        <a href={hrefIn(locale, withShortlist(`/tilbud/${encodeURIComponent(offering.slug)}`, query.slugs))} lang={danishLang(locale)}>
          {offering.name}
        </a>
      </h3>
      {statusText && (
        <p class="offering-meta">
          <strong>
            <WithPlaceNames text={statusText} names={offering.events.map((event) => event.relatedOfferingName)} locale={locale} />
          </strong>
        </p>
      )}
      <p class="offering-meta" lang={isAddressOnly(offering) ? danishLang(locale) : undefined}>
        {addressLine(offering, locale) ?? messages[locale].addressNotYet}
      </p>
      {/* The hours of a place that is closed or not open yet would only mislead. */}
      {isOpenOrClosing && <HoursSummary hours={offering.schedule.rules} locale={locale} />}
      <p class="offering-meta shortlist-remove">
        <a href={removeHref}>
          {t.remove}
          <span class="sr-only">
            {t.removeBefore}
            <DanishText locale={locale}>{offering.name}</DanishText>
            {t.removeAfter}
          </span>
        </a>
      </p>
    </li>
  );
}

function NoteForm({ query, locale }: { query: ShortlistQuery; locale: Locale }) {
  const t = messages[locale].shortlist;
  const text = query.note.kind === 'none' ? '' : query.note.text;
  const isTooLong = query.note.kind === 'too_long';
  const describedBy = ['note-hint', isTooLong ? 'note-error' : null, 'note-limit-message'].filter(Boolean).join(' ');
  const message = characterLimitMessage(text.length, locale);
  return (
    <section aria-labelledby="note-overskrift" class="shortlist-tools">
      <h2 id="note-overskrift">{t.noteHeading}</h2>
      <p>{t.noteIntro}</p>
      <form method="get" action={hrefIn(locale, '/liste')} novalidate class="shortlist-note-form">
        <input type="hidden" name={shortlistParams.places} value={query.slugs.join(',')} />
        <div class={`form-group form-limit${isTooLong ? ' form-error' : ''}`} data-maxlength={String(noteLimit)}>
          <label class="form-label" for="note">
            {t.noteLabel}
          </label>
          <span class="form-hint" id="note-hint">
            {t.noteHint}
          </span>
          {isTooLong && (
            <span class="form-error-message" id="note-error">
              <span class="sr-only">{t.errorPrefix}</span>
              {t.noteTooLong(noteLimit)}
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
          <span id="note-limit-message" class="sr-only">
            {t.noteLimit(noteLimit)}
          </span>
          <span class={`form-hint character-limit${isTooLong ? ' limit-exceeded' : ''}`} aria-hidden="true">
            {message}
          </span>
          <span class="character-limit-sr-only sr-only" aria-live="polite">
            {message}
          </span>
        </div>
        <div class="shortlist-actions">
          <button type="submit" class="button button-primary">
            {query.note.kind === 'note' ? t.editNote : t.addNote}
          </button>
          {query.note.kind === 'note' && <a href={hrefIn(locale, shortlistHref(query.slugs))}>{t.removeNote}</a>}
        </div>
      </form>
    </section>
  );
}

function CopyLink({ shareUrl, hasNote, locale }: { shareUrl: string; hasNote: boolean; locale: Locale }) {
  const t = messages[locale].shortlist;
  return (
    <section aria-labelledby="link-overskrift" class="shortlist-tools">
      <h2 id="link-overskrift">{t.copyHeading}</h2>
      <p>{t.copyIntro(hasNote)}</p>
      <div class="form-group shortlist-copy" data-copy-link>
        <label class="form-label" for="liste-link">
          {t.linkLabel}
        </label>
        <input class="form-input shortlist-link" type="text" id="liste-link" value={shareUrl} readonly />
        <div class="shortlist-actions">
          <button type="button" class="button button-secondary" data-copy-button hidden>
            {t.copyButton}
          </button>
          <span class="shortlist-copy-status" role="status" data-copy-status />
        </div>
      </div>
    </section>
  );
}

function PrintGuide({ query, locale }: { query: ShortlistQuery; locale: Locale }) {
  const t = messages[locale].shortlist;
  const note = query.note.kind === 'note' ? query.note.text : null;
  return (
    <section aria-labelledby="udskriv-overskrift" class="shortlist-tools">
      <h2 id="udskriv-overskrift">{t.printHeading}</h2>
      <p>{t.printIntro(note !== null && note !== '')}</p>
      <ol>
        <li>{t.printStep1}</li>
        <li>{t.printStep2}</li>
      </ol>
      <p>
        <a class="button button-secondary" href={hrefIn(locale, shortlistPrintHref(query.slugs, note))}>
          {t.openPrint}
        </a>
      </p>
    </section>
  );
}

/** Errors first, as the accessible form-error pattern asks: a summary that links to the field. */
function ErrorSummary({ length, locale }: { length: number; locale: Locale }) {
  const t = messages[locale].shortlist;
  return (
    <div class="alert alert-error" role="alert" aria-labelledby="fejl-overskrift">
      <Icon name="error" class="alert-icon" label={messages[locale].alert.error} />
      <div class="alert-body">
        <h2 class="alert-heading" id="fejl-overskrift">
          {t.errorHeading}
        </h2>
        <ul class="alert-text nobullet-list">
          <li>
            <a href="#note">{t.errorItem(length, noteLimit)}</a>
          </li>
        </ul>
      </div>
    </div>
  );
}

/** /liste: the places someone has pinned, with a note for the citizen, a link to copy and a handout to print. */
export function ShortlistPage({ list, query, notices, shareUrl, locale, path }: ShortlistPageProps) {
  const t = messages[locale].shortlist;
  const count = list.entries.length;
  const note = query.note.kind === 'note' ? query.note.text : null;
  return (
    <Layout title={query.note.kind === 'too_long' ? t.errorTitle : t.title} locale={locale} path={path}>
      <link rel="stylesheet" href={assetHref('/static/shortlist.css')} />
      <Breadcrumbs
        ariaLabel={messages[locale].breadcrumbs}
        items={[{ text: messages[locale].allOfferings, href: hrefIn(locale, withShortlist('/', query.slugs)) }, { text: t.title }]}
      />
      <div class="row">
        <div class="col-12 col-lg-8">
          {query.note.kind === 'too_long' && <ErrorSummary length={query.note.length} locale={locale} />}
          <h1>{t.title}</h1>
          {notices.map((notice) => (
            <Alert variant="warning" locale={locale}>
              {notice}
            </Alert>
          ))}
          {count === 0 ? (
            <>
              <p class="font-lead">{t.emptyLead}</p>
              <p>{t.emptyHelp}</p>
              <p>
                <a href={hrefIn(locale, '/')}>{t.findOnFront}</a>
              </p>
            </>
          ) : (
            <p class="font-lead">{t.lead}</p>
          )}
          {note && (
            <section aria-labelledby="note-til-borgeren" class="shortlist-note">
              <h2 id="note-til-borgeren">{t.noteToYou}</h2>
              <p class="shortlist-note-text">{note}</p>
            </section>
          )}
          {count > 0 && (
            <>
              <section aria-labelledby="steder-overskrift">
                <h2 id="steder-overskrift">{t.onList(count)}</h2>
                <ol class="offering-list shortlist-places no-max-width">
                  {list.entries.map((entry) => (
                    <Place entry={entry} query={query} locale={locale} />
                  ))}
                </ol>
                <p class="shortlist-tools">
                  <a href={hrefIn(locale, withShortlist('/', query.slugs))}>{t.findMore}</a>
                </p>
              </section>
              <NoteForm query={query} locale={locale} />
              <CopyLink shareUrl={shareUrl} hasNote={note !== null} locale={locale} />
              <PrintGuide query={query} locale={locale} />
            </>
          )}
          {count === 0 && query.note.kind === 'too_long' && <NoteForm query={query} locale={locale} />}
        </div>
      </div>
      <script src={assetHref('/static/shortlist.js')} defer />
    </Layout>
  );
}
