import type { Child } from 'hono/jsx';
import { type Locale, messages } from '../i18n/index.ts';

/**
 * DKFDS 11 form controls (components/form/controls/*.njk, checkboxes, radiobuttons) as JSX, with the
 * same classes. Hints are tied to their control with aria-describedby, as the macros do.
 */

type FieldProps = {
  id: string;
  name: string;
  label: string;
  hint?: Child;
  /** The problem with what was typed (DKFDS errormessage.njk): shown above the field, which is marked invalid. */
  error?: string | undefined;
  required?: boolean;
  /** The language of the page (the word for "error" read by screen readers); Danish unless told. */
  locale?: Locale;
};

function describedBy(props: FieldProps): string | undefined {
  const ids = [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldLabel(props: FieldProps) {
  return (
    <>
      <label class="form-label" for={props.id}>
        {props.label}
      </label>
      {props.hint && (
        <span class="form-hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      )}
      {props.error && (
        <span class="form-error-message" id={`${props.id}-error`}>
          <span class="sr-only">{messages[props.locale ?? 'da'].form.error}</span>
          {props.error}
        </span>
      )}
    </>
  );
}

export function TextInput(
  props: FieldProps & {
    value?: string;
    type?: 'text' | 'search' | 'date' | 'time' | 'email' | 'password' | 'tel' | 'url';
    autocomplete?: string;
    /** DKFDS input widths, for short answers such as a date or a time. */
    width?: 'xs' | 's' | 'm';
  },
) {
  return (
    <div class={props.error ? 'form-group form-error' : 'form-group'}>
      <FieldLabel {...props} />
      <input
        class={props.width ? `form-input input-width-${props.width}` : 'form-input'}
        type={props.type ?? 'text'}
        id={props.id}
        name={props.name}
        value={props.type === 'password' ? undefined : (props.value ?? '')}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? 'true' : undefined}
        required={props.required}
        autocomplete={props.autocomplete ?? 'off'}
      />
    </div>
  );
}

/** DKFDS text-area.njk. */
export function TextArea(props: FieldProps & { value: string; rows?: number }) {
  return (
    <div class={props.error ? 'form-group form-error' : 'form-group'}>
      <FieldLabel {...props} />
      <textarea
        class="form-input"
        id={props.id}
        name={props.name}
        rows={props.rows ?? 5}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? 'true' : undefined}
        required={props.required}
      >
        {props.value}
      </textarea>
    </div>
  );
}

/**
 * The problems of a form that was sent back, first on the page, each a link to its field (the
 * accessible form-error pattern: the summary, then the message at each field).
 */
export function ErrorSummary({ problems, locale = 'da' }: { problems: { field: string; message: string }[]; locale?: Locale }) {
  if (problems.length === 0) return null;
  const t = messages[locale].form;
  return (
    <div class="alert alert-error" role="alert" aria-labelledby="error-summary-heading">
      <div class="alert-body">
        <h2 class="alert-heading" id="error-summary-heading">
          {problems.length === 1 ? t.oneProblem : t.problems(problems.length)}
        </h2>
        <ul class="nobullet-list">
          {problems.map((problem) => (
            <li>
              <a href={`#${problem.field}`}>{problem.message}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** The hidden field that proves a form came from this site (checked on every POST under /admin). */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function Select(props: {
  id: string;
  name: string;
  label: string;
  hint?: Child;
  error?: string | undefined;
  /** `lang` on an option whose text is in another language than the page (a Danish name on an English page). */
  options: { value: string; text: string; selected?: boolean; lang?: string | undefined }[];
}) {
  return (
    <div class={props.error ? 'form-group form-error' : 'form-group'}>
      <FieldLabel {...props} />
      <select
        class="form-select"
        id={props.id}
        name={props.name}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.options.map((option) => (
          <option value={option.value} selected={option.selected ?? false} lang={option.lang}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
}

type Choice = { value: string; label: string; checked: boolean };

export function Choices(props: { id: string; name: string; legend: string; hint?: string; type: 'checkbox' | 'radio'; items: Choice[] }) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const group = props.type === 'checkbox' ? 'form-group-checkbox' : 'form-group-radio';
  const input = props.type === 'checkbox' ? 'form-checkbox' : 'form-radio';
  return (
    <div class="form-group">
      <fieldset aria-describedby={hintId}>
        <legend class="form-label">{props.legend}</legend>
        {props.hint && (
          <span class="form-hint" id={hintId}>
            {props.hint}
          </span>
        )}
        {props.items.map((item, index) => (
          <div class={group}>
            <input
              type={props.type}
              id={`${props.id}-${index + 1}`}
              name={props.name}
              class={input}
              value={item.value}
              checked={item.checked}
            />
            <label class="form-label" for={`${props.id}-${index + 1}`}>
              {item.label}
            </label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

export function Button({ children, variant = 'primary' }: { children: Child; variant?: 'primary' | 'secondary' }) {
  return (
    <button type="submit" class={`button button-${variant}`}>
      {children}
    </button>
  );
}

/**
 * The trap field of a public form: hidden from people (`.honeypot`), out of the tab order, labelled in case a screen
 * reader finds it. A program that fills in every field fills it, and the form is refused (`efterlad_tom`).
 */
export function TrapField({ label }: { label: string }) {
  return (
    <div class="form-group honeypot">
      <label class="form-label" for="efterlad-tom">
        {label}
      </label>
      <input class="form-input" type="text" id="efterlad-tom" name="efterlad_tom" value="" autocomplete="off" tabindex={-1} />
    </div>
  );
}
