import { IngestHttpError } from '../ingest.errors';
import { ERP_POSTING_FIELDS } from '../records/erp-posting.record';

export interface CsvOptions {
  delimiter: string;
  /** posting field -> CSV column header */
  columns: Map<string, string>;
  decimalComma: boolean;
  /** Appended to timestamps that have no offset, e.g. "+01:00"; undefined = such timestamps are errors. */
  utcOffset: string | undefined;
}

const DELIMITERS: Record<string, string> = { ',': ',', ';': ';', tab: '\t', '\t': '\t', '|': '|' };

/**
 * Query parameters of POST /api/v1/erp-postings/csv:
 * `columns=document_id:BELNR,posted_at:BUDAT` maps fields to the file's headers (headers that already
 * equal a field name need no mapping), `delimiter` (, ; tab |), `decimal` (. or ,), `utc_offset`.
 */
export function parseCsvOptions(query: Record<string, unknown>): CsvOptions {
  const str = (name: string) => {
    const v = query[name];
    return typeof v === 'string' ? v : undefined;
  };
  const delimiterRaw = str('delimiter') ?? ',';
  const delimiter = DELIMITERS[delimiterRaw];
  if (!delimiter) throw bad(`delimiter "${delimiterRaw}" is not supported; use , ; tab or |`);
  const decimal = str('decimal') ?? '.';
  if (decimal !== '.' && decimal !== ',') throw bad('decimal must be . or ,');
  const utcOffset = str('utc_offset');
  if (utcOffset !== undefined && !/^(Z|[+-]\d{2}:\d{2})$/.test(utcOffset)) throw bad('utc_offset must be Z or +hh:mm / -hh:mm');
  const columns = new Map<string, string>();
  for (const pair of (str('columns') ?? '').split(',').filter(Boolean)) {
    const [field, header] = pair.split(':');
    if (!field || !header) throw bad(`columns entry "${pair}" must be field:Header`);
    if (!(ERP_POSTING_FIELDS as readonly string[]).includes(field)) {
      throw bad(
        `columns maps "${field}", which is not a posting field (fields: ${ERP_POSTING_FIELDS.filter((f) => f !== 'attributes').join(', ')})`,
      );
    }
    columns.set(field, header);
  }
  return { delimiter, columns, decimalComma: decimal === ',', utcOffset };
}

function bad(message: string) {
  return new IngestHttpError(400, 'invalid_csv_options', message);
}
