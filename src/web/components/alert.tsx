import type { Child } from 'hono/jsx';
import { type Locale, messages } from '../i18n/index.ts';
import { Icon } from './icon.tsx';

export type AlertVariant = 'info' | 'success' | 'warning' | 'error';

/** DKFDS 11's alert macro (components/alerts/alerts.njk) without heading or close button. */
export function Alert({ variant, locale = 'da', children }: { variant: AlertVariant; locale?: Locale; children: Child }) {
  return (
    <div class={`alert alert-${variant}`} role={variant === 'warning' || variant === 'error' ? 'alert' : undefined}>
      <Icon name={variant} class="alert-icon" label={messages[locale].alert[variant]} />
      <div class="alert-body">
        <p class="alert-text">{children}</p>
      </div>
    </div>
  );
}
