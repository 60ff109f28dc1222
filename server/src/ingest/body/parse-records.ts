import { IngestHttpError } from '../ingest.errors';

/** JSON array, or NDJSON (one JSON object per line), by Content-Type; refuses more than maxRows. */
export function parseRecords(body: Buffer, contentType: string, maxRows: number, limitName: string): unknown[] {
  const type = contentType.split(';')[0].trim().toLowerCase();
  const text = body.toString('utf8');
  if (type === 'application/x-ndjson' || type === 'application/ndjson' || type === 'application/jsonl') {
    return parseNdjson(text, maxRows, limitName);
  }
  if (type === 'application/json' || type === '') {
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
  throw new IngestHttpError(
    415,
    'unsupported_media_type',
    `Content-Type "${type}" is not accepted; send application/json (an array) or application/x-ndjson`,
  );
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
    if (raw.length === 0 || (raw.length === 1 && raw === '\r') || raw.trim() === '') continue;
    if (out.length >= maxRows) throw tooManyRows(out.length + 1, maxRows, limitName, true);
    try {
      out.push(JSON.parse(raw));
    } catch (err) {
      throw new IngestHttpError(400, 'invalid_json', `NDJSON line ${line} is not valid JSON: ${(err as Error).message}`);
    }
  }
  return out;
}

function tooManyRows(count: number, maxRows: number, limitName: string, atLeast = false) {
  return new IngestHttpError(
    413,
    'too_many_rows',
    `The batch has ${atLeast ? 'more than ' : ''}${atLeast ? maxRows : count} records; at most ${maxRows} are accepted per request (${limitName})`,
  );
}
