import { addToShortlist, shortlistLimit } from '../../domain/shortlist.ts';
import { shortlistHref } from '../../http/shortlist-query.ts';

type PinLinkProps = {
  slug: string;
  /** The list the page was opened with (its `steder`), already normalised. */
  shortlist: readonly string[];
  /** The place's name, said to screen readers so that many "Sæt på listen" links can be told apart. */
  name?: string;
};

/**
 * "Sæt på listen": a plain link to the list with this place added, so it works without JavaScript and
 * nothing is stored. On the list already, it leads to the list instead.
 */
export function PinLink({ slug, shortlist, name }: PinLinkProps) {
  const forWhom = name ? <span class="sr-only">{` (${name})`}</span> : null;
  if (shortlist.includes(slug)) {
    return (
      <a class="pin-link pin-link--pinned" href={shortlistHref(shortlist)}>
        {'På listen '}
        <span aria-hidden="true">✓</span>
        {' – se listen'}
        {forWhom}
      </a>
    );
  }
  if (shortlist.length >= shortlistLimit) {
    return (
      <a class="pin-link" href={shortlistHref(shortlist)}>
        {`Listen er fuld (${shortlistLimit} steder) – se listen`}
        {forWhom}
      </a>
    );
  }
  return (
    // nofollow: every combination of places is a URL, and a crawler should not try them all.
    <a class="pin-link" href={shortlistHref(addToShortlist(shortlist, slug))} rel="nofollow">
      Sæt på listen
      {forWhom}
    </a>
  );
}
