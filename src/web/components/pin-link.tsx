import { addToShortlist, shortlistLimit } from '../../domain/shortlist.ts';
import { shortlistHref } from '../../http/shortlist-query.ts';
import { hrefIn, type Locale, messages } from '../i18n/index.ts';
import { DanishText } from '../i18n/danish-text.tsx';

type PinLinkProps = {
  slug: string;
  /** The list the page was opened with (its `steder`), already normalised. */
  shortlist: readonly string[];
  /** The place's name, said to screen readers so that many "Sæt på listen" links can be told apart. */
  name?: string;
  locale?: Locale;
};

/**
 * "Sæt på listen": a plain link to the list with this place added, so it works without JavaScript and
 * nothing is stored. On the list already, it leads to the list instead.
 */
export function PinLink({ slug, shortlist, name, locale = 'da' }: PinLinkProps) {
  const t = messages[locale].pin;
  const forWhom = name ? (
    <span class="sr-only">
      {' ('}
      <DanishText locale={locale}>{name}</DanishText>
      {')'}
    </span>
  ) : null;
  if (shortlist.includes(slug)) {
    return (
      <a class="pin-link pin-link--pinned" href={hrefIn(locale, shortlistHref(shortlist))}>
        {t.pinned}
        <span aria-hidden="true">✓</span>
        {t.seeList}
        {forWhom}
      </a>
    );
  }
  if (shortlist.length >= shortlistLimit) {
    return (
      <a class="pin-link" href={hrefIn(locale, shortlistHref(shortlist))}>
        {t.full(shortlistLimit)}
        {forWhom}
      </a>
    );
  }
  return (
    // nofollow: every combination of places is a URL, and a crawler should not try them all.
    <a class="pin-link" href={hrefIn(locale, shortlistHref(addToShortlist(shortlist, slug)))} rel="nofollow">
      {t.add}
      {forWhom}
    </a>
  );
}
