import { Inject, Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { parse } from 'csv-parse';
import { ClickHouseService } from '../../clickhouse/clickhouse.service';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { MetricsService } from '../../metrics/metrics.service';
import { bodyStream, tooLarge } from '../body/read-body';
import { IngestHttpError, rowsRejected } from '../ingest.errors';
import { IngestService } from '../ingest.service';
import { erpPostingSpec, ERP_POSTING_FIELDS } from '../records/erp-posting.record';
import { isRowError, type RowError } from '../records/row-error';
import type { CsvOptions } from './csv-options';

const spec = erpPostingSpec('csv');
const NUMERIC = new Set(['quantity']);
const TIMES = new Set(['posted_at']);
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * An ERP extract as CSV, parsed as a stream (the file is never held as text). Every row is validated
 * like a JSON posting; the upload is all-or-nothing: the rows are inserted only when the whole file
 * is valid. Errors name the CSV line (header = line 1).
 */
@Injectable()
export class CsvIngestService {
  constructor(
    private readonly ingest: IngestService,
    private readonly clickhouse: ClickHouseService,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async ingestPostings(
    req: IncomingMessage,
    opts: CsvOptions,
    plants: ReadonlySet<string> | null,
  ): Promise<{ accepted: number }> {
    const ctx = await this.ingest.context(plants);
    const maxBytes = this.config.ingest.csvMaxBytes;
    const source = bodyStream(req, maxBytes, 'INGEST_CSV_MAX_BYTES');
    let bytes = 0;
    source.on('data', (c: Buffer) => {
      bytes += c.length;
      if (bytes > maxBytes) source.destroy(tooLarge(maxBytes, 'INGEST_CSV_MAX_BYTES'));
    });
    const parser = source.pipe(
      parse({ columns: true, delimiter: opts.delimiter, bom: true, skip_empty_lines: true, trim: true, info: true }),
    );
    source.on('error', (err) => parser.destroy(err));

    const rows: unknown[][] = [];
    const errors: RowError[] = [];
    let index = 0;
    let headerChecked = false;
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
        if (!headerChecked) {
          this.checkHeader(Object.keys(record), opts);
          headerChecked = true;
        }
        const r = spec.toRow(this.toPosting(record, opts), ctx);
        if (isRowError(r)) errors.push({ index, line: info.lines, field: r.field, reason: r.reason });
        else if (errors.length === 0) rows.push(r);
        index++;
      }
    } catch (err) {
      if (err instanceof IngestHttpError) throw err;
      const e = err as { code?: string; lines?: number; message: string };
      throw new IngestHttpError(
        400,
        'invalid_csv',
        `The CSV could not be read${e.lines ? ` at line ${e.lines}` : ''}: ${e.message}`,
      );
    }
    if (index === 0)
      throw new IngestHttpError(400, 'invalid_csv', 'The CSV has no data rows (the first line must be the header)');
    if (errors.length) {
      this.metrics.ingestRejected.inc({ kind: spec.kind }, errors.length);
      const scopeOnly = errors.every((e) => e.field === 'plant' && e.reason.includes("API key's plants"));
      throw rowsRejected(errors, index, scopeOnly ? 403 : 422);
    }
    // One insert for the whole file keeps the window in which part of it is visible as small as
    // ClickHouse allows; if it fails, the 503 makes the client resend, and rows collapse on document_id.
    await this.clickhouse.insertNative(spec.table, spec.columnNames, [spec.encoder.encode(rows)]);
    this.metrics.ingestRows.inc({ kind: spec.kind }, rows.length);
    return { accepted: rows.length };
  }

  private checkHeader(headers: string[], opts: CsvOptions) {
    const missing = [...opts.columns.entries()].filter(([, h]) => !headers.includes(h));
    if (missing.length) {
      throw new IngestHttpError(
        400,
        'invalid_csv',
        `The CSV header has no column ${missing.map(([f, h]) => `"${h}" (mapped to ${f})`).join(', ')}; its columns are ${headers.join(', ')}`,
      );
    }
  }

  /** One CSV record as a posting object: mapped and same-named columns become fields, the rest attributes. */
  private toPosting(record: Record<string, string>, opts: CsvOptions): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const used = new Set<string>();
    for (const field of ERP_POSTING_FIELDS) {
      if (field === 'attributes') continue;
      const header = opts.columns.get(field) ?? (field in record ? field : undefined);
      if (header === undefined) continue;
      used.add(header);
      const raw = record[header];
      if (raw === undefined || raw === '') continue;
      if (NUMERIC.has(field)) {
        const n = csvNumber(raw, opts.decimalComma);
        out[field] = n ?? raw; // not a number as the options read numbers: the record check names the field
      } else if (TIMES.has(field) && opts.utcOffset && LOCAL_TIME.test(raw)) {
        out[field] = `${raw}${opts.utcOffset}`;
      } else {
        out[field] = raw;
      }
    }
    const attributes: Record<string, string> = {};
    let extra = 0;
    for (const [k, v] of Object.entries(record)) {
      if (!used.has(k) && v !== '' && extra < 128) {
        attributes[k] = v;
        extra++;
      }
    }
    if (extra) out.attributes = attributes;
    return out;
  }
}

const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A CSV number as an ERP extract writes it: `decimalComma` false reads `1234.5` and `1,234.5`, true
 * reads `1234,5` and `1.234,5`. A thousands separator counts only between groups of three digits, so
 * `1,5` with a decimal point (or `1.5` with a decimal comma) is no number, never 15: the record is
 * refused naming the field rather than stored ten times too large. Null when `raw` is no number.
 */
export function csvNumber(raw: string, decimalComma: boolean): number | null {
  const [group, decimal] = decimalComma ? ['.', ','] : [',', '.'];
  let text = raw.trim();
  if (text.includes(group)) {
    const grouped = decimalComma ? /^[+-]?\d{1,3}(\.\d{3})+(,\d*)?$/ : /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
    if (!grouped.test(text)) return null;
    text = text.split(group).join('');
  }
  if (decimal === ',') text = text.replace(',', '.');
  if (!PLAIN.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}
