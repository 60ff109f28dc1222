import { IngestHttpError } from '../ingest.errors';

export type BodyFormat = 'ndjson' | 'json';

/** The body's format by Content-Type: NDJSON or a JSON array; 415 for anything else. */
export function bodyFormat(contentType: string): BodyFormat {
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type === 'application/x-ndjson' || type === 'application/ndjson' || type === 'application/jsonl') return 'ndjson';
  if (type === 'application/json' || type === '') return 'json';
  throw new IngestHttpError(
    415,
    'unsupported_media_type',
    `Content-Type "${type}" is not accepted; send application/json (an array) or application/x-ndjson`,
  );
}

/** JSON array, or NDJSON (one JSON object per line), by Content-Type; refuses more than maxRows. */
export function parseRecords(body: Buffer, contentType: string, maxRows: number, limitName: string): unknown[] {
  const format = bodyFormat(contentType);
  const text = body.toString('utf8');
  if (format === 'ndjson') return parseNdjson(text, maxRows, limitName);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new IngestHttpError(400, 'invalid_json', `The body is not valid JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(parsed)) {
    throw new IngestHttpError(
      400,
      'invalid_json',
      'The body must be a JSON array of records (or NDJSON with Content-Type: application/x-ndjson)',
    );
  }
  if (parsed.length > maxRows) throw tooManyRows(parsed.length, maxRows, limitName);
  return parsed;
}

function parseNdjson(text: string, maxRows: number, limitName: string): unknown[] {
  const out: unknown[] = [];
  let start = 0;
  let line = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    line++;
    const raw = text.slice(start, end);
    start = end + 1;
    if (isBlank(raw)) continue;
    if (out.length >= maxRows) throw tooManyRows(out.length + 1, maxRows, limitName, true);
    out.push(parseNdjsonLine(raw, line));
  }
  return out;
}

/** A line of only whitespace separates nothing and is skipped. */
export function isBlank(line: string): boolean {
  return line.length === 0 || line.trim() === '';
}

/** One NDJSON line's record; 400 naming the line (1-based, counting blank lines) when it is not JSON. */
export function parseNdjsonLine(raw: string, line: number): unknown {
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw new IngestHttpError(400, 'invalid_json', `NDJSON line ${line} is not valid JSON: ${(err as Error).message}`);
  }
}

export function tooManyRows(count: number, maxRows: number, limitName: string, atLeast = false) {
  return new IngestHttpError(
    413,
    'too_many_rows',
    `The batch has ${atLeast ? 'more than ' : ''}${atLeast ? maxRows : count} records; at most ${maxRows} are accepted per request (${limitName})`,
  );
}
