import type { Child } from 'hono/jsx';
import { Icon } from './icon.tsx';

export type AlertVariant = 'info' | 'success' | 'warning' | 'error';

const iconLabels: Record<AlertVariant, string> = {
  info: 'Information',
  success: 'Succes',
  warning: 'Advarsel',
  error: 'Fejl',
};

/** DKFDS 11's alert macro (components/alerts/alerts.njk) without heading or close button. */
export function Alert({ variant, children }: { variant: AlertVariant; children: Child }) {
  return (
    <div class={`alert alert-${variant}`} role={variant === 'warning' || variant === 'error' ? 'alert' : undefined}>
      <Icon name={variant} class="alert-icon" label={iconLabels[variant]} />
      <div class="alert-body">
        <p class="alert-text">{children}</p>
      </div>
    </div>
  );
}
