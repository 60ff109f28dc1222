import { useId, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { errorField, errorMessage } from '../api/errors';

export interface FormErrors {
  /** The error for the form as a whole: shown at its top. */
  general?: string;
  /** The error the server named this field for (BAD_USER_INPUT with extensions.field). */
  of: (field: string) => string | undefined;
}

/** Splits a server error between the form's fields (those in `fields`) and the form itself. */
export function formErrors(error: CombinedError | undefined, fields: readonly string[]): FormErrors {
  const field = errorField(error);
  const onField = field !== undefined && fields.includes(field);
  const message = error ? errorMessage(error) : undefined;
  return {
    general: onField ? undefined : message,
    of: (name) => (onField && name === field ? message : undefined),
  };
}

export function FormError({ children }: { children?: ReactNode }) {
  if (!children) return null;
  return (
    <p className="form__error" role="alert">
      {children}
    </p>
  );
}

interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  type?: 'text' | 'password' | 'search' | 'number' | 'datetime-local';
  autoComplete?: string;
  required?: boolean;
  placeholder?: string;
  /** A multi-line text area of this many rows instead of a one-line input. */
  rows?: number;
  spellCheck?: boolean;
}

/** A labelled input with its hint and its server error tied to it for screen readers. */
export function TextField({ label, name, value, onChange, error, hint, type = 'text', rows, ...rest }: TextFieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = {
    id,
    name,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described || undefined,
    ...rest,
  };
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {rows ? (
        <textarea rows={rows} onChange={(e) => onChange(e.target.value)} {...common} />
      ) : (
        <input type={type} onChange={(e) => onChange(e.target.value)} {...common} />
      )}
      {hint && (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  name: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: NoInfer<T>) => void;
  error?: string;
}

export function SelectField<T extends string>({ label, name, value, options, onChange, error }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(e) => onChange(options.find((o) => o.value === e.target.value)?.value ?? value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <span id={`${id}-error`} className="field__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** A form's submit button, and what the last save did (announced to screen readers). */
export function FormActions({ label, done, busy = false }: { label: string; done?: string; busy?: boolean }) {
  return (
    <div className="form__actions">
      <button className="button button--primary" type="submit" disabled={busy}>
        {label}
      </button>
      {done && (
        <span className="form__ok" role="status">
          {done}
        </span>
      )}
    </div>
  );
}
