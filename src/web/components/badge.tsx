import type { Child } from 'hono/jsx';
import { type Locale, messages } from '../i18n/index.ts';

export type BadgeVariant = 'info' | 'success' | 'warning' | 'error';

type BadgeProps = { variant?: BadgeVariant; class?: string; children: Child };

/** DKFDS 11's badge macro (components/badge/badges.njk); `class` is the macro's `classes`. */
export function Badge({ variant, class: extraClass, children }: BadgeProps) {
  const classes = ['badge', variant ? `badge-${variant}` : null, extraClass].filter(Boolean).join(' ');
  return <span class={classes}>{children}</span>;
}

/** Marks information that was made up to demonstrate the platform; the word itself is the marking. */
export function ExampleDataBadge({ locale = 'da' }: { locale?: Locale }) {
  return (
    <Badge variant="warning" class="badge-example">
      {messages[locale].exampleData}
    </Badge>
  );
}
