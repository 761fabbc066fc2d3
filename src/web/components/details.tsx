import type { Child } from 'hono/jsx';

type DetailsProps = {
  summary: Child;
  /** What the panel holds that is example data, if anything; shown to tests and tools as data-example. */
  example?: string;
  children: Child;
};

/** DKFDS 11's details macro (components/details/details.njk): native <details>, so it opens without JavaScript. */
export function Details({ summary, example, children }: DetailsProps) {
  return (
    <details class="details" data-example={example}>
      <summary class="details-summary">{summary}</summary>
      <div class="details-text">{children}</div>
    </details>
  );
}
