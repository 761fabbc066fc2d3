import type { Child } from 'hono/jsx';

/**
 * DKFDS 11 form controls (components/form/controls/*.njk, checkboxes, radiobuttons) as JSX, with the
 * same classes. Hints are tied to their control with aria-describedby, as the macros do.
 */

export function TextInput(props: {
  id: string;
  name: string;
  label: string;
  hint?: Child;
  value?: string;
  type?: 'text' | 'search' | 'date' | 'time';
  autocomplete?: string;
  /** DKFDS input widths, for short answers such as a date or a time. */
  width?: 'xs' | 's' | 'm';
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div class="form-group">
      <label class="form-label" for={props.id}>
        {props.label}
      </label>
      {props.hint && (
        <span class="form-hint" id={hintId}>
          {props.hint}
        </span>
      )}
      <input
        class={props.width ? `form-input input-width-${props.width}` : 'form-input'}
        type={props.type ?? 'text'}
        id={props.id}
        name={props.name}
        value={props.value ?? ''}
        aria-describedby={hintId}
        autocomplete={props.autocomplete ?? 'off'}
      />
    </div>
  );
}

export function Select(props: {
  id: string;
  name: string;
  label: string;
  /** `lang` on an option whose text is in another language than the page (a Danish name on an English page). */
  options: { value: string; text: string; selected?: boolean; lang?: string | undefined }[];
}) {
  return (
    <div class="form-group">
      <label class="form-label" for={props.id}>
        {props.label}
      </label>
      <select class="form-select" id={props.id} name={props.name}>
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
