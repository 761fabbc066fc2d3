import { type Locale, messages } from '../i18n/index.ts';
import { Icon } from './icon.tsx';

/**
 * DKFDS 11's pagination macro (components/pagination/pagination.njk) with links: every page is an
 * ordinary address, so paging works without JavaScript and a page can be shared. Up to seven pages are
 * all shown; beyond that the first, the last and the ones around the current page, as the macro does.
 */
export function Pagination({
  id,
  page,
  pageCount,
  hrefFor,
  locale,
}: {
  id: string;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  locale: Locale;
}) {
  const t = messages[locale].pagination;
  const isFirst = page === 1;
  const isLast = page === pageCount;
  const number = (item: number, label = t.page(item)) =>
    item === page ? (
      <li class="pagination-item pagination-number">
        <a href={hrefFor(item)} class="button current-page" aria-label={label} aria-current="page">
          {item}
        </a>
      </li>
    ) : (
      <li class="pagination-item pagination-number">
        <a href={hrefFor(item)} class="button button-secondary" aria-label={label}>
          {item}
        </a>
      </li>
    );
  const overflow = (
    <li class="pagination-item pagination-overflow">
      <span class="sr-only">{t.hidden}</span>
      <span>...</span>
    </li>
  );
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);
  let items: unknown[];
  if (pageCount <= 7) {
    items = range(1, pageCount).map((item) => number(item));
  } else if (page < 5) {
    items = [...range(1, 5).map((item) => number(item)), overflow, number(pageCount, t.lastPage(pageCount))];
  } else if (page + 4 > pageCount) {
    items = [number(1), overflow, ...range(pageCount - 4, pageCount).map((item) => number(item))];
  } else {
    items = [number(1), overflow, number(page - 1), number(page), number(page + 1), overflow, number(pageCount, t.lastPage(pageCount))];
  }
  return (
    <nav class="pagination" aria-label={t.label} id={id}>
      <a href={hrefFor(1)} class={`button button-arrow button-first${isFirst ? ' hidden' : ''}`}>
        <Icon name="first-page" />
        <span class="sr-only">{t.first}</span>
      </a>
      <a href={hrefFor(Math.max(1, page - 1))} class={`button button-arrow button-previous${isFirst ? ' hidden' : ''}`} aria-label={t.previousLabel}>
        <Icon name="chevron-left" />
        <span class="pagination-nav-link">{t.previous}</span>
      </a>
      <span class="pagination-mobile">{t.pageOf(page, pageCount)}</span>
      <ul class="pagination__items">{items}</ul>
      <a href={hrefFor(Math.min(pageCount, page + 1))} class={`button button-arrow button-next${isLast ? ' hidden' : ''}`} aria-label={t.nextLabel}>
        <span class="pagination-nav-link">{t.next}</span>
        <Icon name="chevron-right" />
      </a>
      <a href={hrefFor(pageCount)} class={`button button-arrow button-last${isLast ? ' hidden' : ''}`}>
        <Icon name="last-page" />
        <span class="sr-only">{t.last}</span>
      </a>
    </nav>
  );
}
