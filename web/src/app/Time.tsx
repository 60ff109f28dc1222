const local = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** "2026-05-04 07:10:00 UTC": the same instant for every reader, for the hover text. */
export function utcText(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** An instant in the viewer's time zone, UTC on hover. `children` replaces the shown text (e.g. "5 s ago"). */
export function Time({ iso, children }: { iso: string; children?: string }) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return <span>{iso}</span>;
  return (
    <time dateTime={d.toISOString()} title={utcText(iso)}>
      {children ?? local.format(d)}
    </time>
  );
}
