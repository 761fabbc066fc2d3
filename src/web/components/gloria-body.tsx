import type { JSX } from 'hono/jsx/jsx-runtime';
import type { Locale } from '../../domain/locale.ts';
import type { Block } from '../../domain/gloria/text.ts';

const words = {
  da: { listing: 'Aktuel liste', pending: 'Listen vises, når teksten er udgivet' },
  en: { listing: 'Current listing', pending: 'The listing is shown when the text is published' },
} satisfies Record<Locale, unknown>;

/**
 * A Gloria text's body (ADR 037): paragraphs, subheadings (h2, or h3 under a page's own h2), lists, and live
 * listings as a labelled box. `listings` holds the listings by their line (`Block.source`); without one, the
 * preview says the listing comes when the text is published, and the public page shows nothing in its place.
 */
export function GloriaBody(props: {
  blocks: readonly Block[];
  mode: 'preview' | 'public';
  listings?: ReadonlyMap<string, JSX.Element>;
  locale?: Locale;
  /** The heading level of the text's subheadings. */
  headingLevel?: 2 | 3;
  /** The text's language on a page in another one (a Danish text on an English page). */
  lang?: string | undefined;
}) {
  const t = words[props.locale ?? 'da'];
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <div class="gloria-body" lang={props.lang}>
      {props.blocks.map((block, index) => {
        switch (block.kind) {
          case 'paragraph':
            return <p>{block.text}</p>;
          case 'heading':
            return <Heading>{block.text}</Heading>;
          case 'list':
            return (
              <ul>
                {block.items.map((item) => (
                  <li>{item}</li>
                ))}
              </ul>
            );
          case 'listing': {
            const listing = props.listings?.get(block.source);
            if (!listing && props.mode === 'public') return null;
            return (
              <aside class="gloria-listing" aria-labelledby={`gloria-listing-${index}`}>
                <p class="gloria-listing__label" id={`gloria-listing-${index}`}>
                  <strong>{t.listing}</strong>
                </p>
                {listing ?? <p>{t.pending}</p>}
              </aside>
            );
          }
          default:
            return null;
        }
      })}
    </div>
  );
}
