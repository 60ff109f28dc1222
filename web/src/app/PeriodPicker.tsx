import { useState, type FormEvent } from 'react';
import { fromLocalInput, toLocalInput } from './local-time';
import { splitList } from './lists';

export const CUSTOM = 'custom';

/**
 * A preset period or a custom one (local date and time, applied when both ends are set and in order).
 * `value` is a preset's key or CUSTOM; `from`/`to` are the custom range (ISO).
 */
export function PeriodPicker({
  label,
  presets,
  value,
  from,
  to,
  onPreset,
  onCustom,
}: {
  label: string;
  presets: readonly { param: string; label: string }[];
  value: string;
  from: string | null;
  to: string | null;
  onPreset: (param: string) => void;
  onCustom: (range: { from: string; to: string }) => void;
}) {
  const [custom, setCustom] = useState(value === CUSTOM);
  const [start, setStart] = useState(toLocalInput(from));
  const [end, setEnd] = useState(toLocalInput(to));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const f = fromLocalInput(start);
    const t = fromLocalInput(end);
    if (f && t && Date.parse(t) > Date.parse(f)) onCustom({ from: f, to: t });
  };
  return (
    <>
      <label className="field">
        <span className="field__label">{label}</span>
        <select
          value={custom ? CUSTOM : value}
          onChange={(e) => {
            if (e.target.value === CUSTOM) setCustom(true);
            else {
              setCustom(false);
              onPreset(e.target.value);
            }
          }}
        >
          {presets.map((p) => (
            <option key={p.param} value={p.param}>
              {p.label}
            </option>
          ))}
          <option value={CUSTOM}>Custom…</option>
        </select>
      </label>
      {custom && (
        <form className="period-picker__custom" onSubmit={apply} aria-label={`Custom ${label.toLowerCase()}`}>
          <label className="field">
            <span className="field__label">From</span>
            <input type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} required />
          </label>
          <label className="field">
            <span className="field__label">To</span>
            <input type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} required />
          </label>
          <button className="button" type="submit">
            Apply
          </button>
        </form>
      )}
    </>
  );
}

/** A comma-separated list filter that applies when the field is left (or Enter is pressed). */
export function ListFilter({
  label,
  value,
  placeholder,
  onChange,
}: {
  label: string;
  value: readonly string[];
  placeholder: string;
  onChange: (next: string[]) => void;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        defaultValue={value.join(', ')}
        placeholder={placeholder}
        onBlur={(e) => {
          const next = splitList(e.target.value);
          if (next.join(',') !== value.join(',')) onChange(next);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
        }}
      />
    </label>
  );
}
