import { Controller, Inject, Logger, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentPrincipal, RequirePermission } from '../../common/access/access.decorators';
import type { Principal } from '../../domain/principal';
import { ClickHouseUnavailableError } from '../../clickhouse/clickhouse.errors';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { readBody, releaseBody } from '../body/read-body';
import { MetricsService } from '../../metrics/metrics.service';
import { countRefused, RETRY_AFTER_SECONDS } from '../ingest-exception.filter';
import { IngestAccessService } from '../ingest-access.service';
import { IngestHttpError } from '../ingest.errors';
import { IngestService } from '../ingest.service';
import type { Arrival } from '../insert-batcher';
import { hopSpec } from '../records/hop.record';
import { decodeOtlpJson, decodeOtlpProtobuf, OtlpDecodeError } from './otlp-decode';
import { MAX_REASONS } from './otlp-encode';
import { encodeOtlpResponse, encodeOtlpStatus } from './otlp-response';

type Format = 'protobuf' | 'json';

/**
 * OTLP/HTTP trace receiver (spec: opentelemetry.io/docs/specs/otlp/#otlphttp). Spans become hops
 * (mapping in otlp-to-hops.ts). Unlike the batch API, OTLP defines partial success: valid spans are
 * stored and the rest are counted in partialSuccess.rejectedSpans with the reasons.
 */
@Controller('v1')
@RequirePermission('ingest:write')
export class OtlpController {
  private readonly logger = new Logger('OtlpIngest');

  constructor(
    private readonly ingest: IngestService,
    private readonly access: IngestAccessService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  @Post('traces')
  async traces(@Req() req: Request, @Res() res: Response, @CurrentPrincipal() principal: Principal | undefined): Promise<void> {
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    const format: Format | undefined =
      type === 'application/x-protobuf' || type === 'application/protobuf'
        ? 'protobuf'
        : type === 'application/json'
          ? 'json'
          : undefined;
    if (!format) {
      countRefused(this.metrics, req, 'unsupported_media_type');
      this.send(
        res,
        'json',
        415,
        encodeOtlpStatus('json', 3, `Content-Type "${type}" is not supported; send application/x-protobuf or application/json`),
      );
      return;
    }
    let arrival: Arrival | undefined;
    try {
      const plants = await this.access.admit(principal, 'hops');
      arrival = this.ingest.expect(hopSpec); // rows waiting for an insert wait for these spans too
      const body = await readBody(req, this.config.ingest.maxBodyBytes, 'INGEST_MAX_BODY_BYTES');
      let spans: ReturnType<typeof decodeOtlpJson>;
      try {
        spans = format === 'protobuf' ? decodeOtlpProtobuf(body) : decodeOtlpJson(body);
      } finally {
        releaseBody(body); // the decoded spans hold strings and numbers, nothing of the body's bytes
      }
      // Protobuf strings come from UTF-8 and cannot hold an unpaired surrogate; OTLP/JSON ones can.
      const { rejected, reasons } = await this.ingest.storeSpans(
        spans,
        await this.ingest.context(plants),
        format === 'protobuf',
        arrival,
      );
      const message = rejected
        ? `${rejected} of ${spans.length} spans rejected: ${reasons.join('; ')}${rejected > MAX_REASONS ? '; ...' : ''}`
        : '';
      this.send(res, format, 200, encodeOtlpResponse(format, rejected, message));
    } catch (err) {
      if (err instanceof OtlpDecodeError) {
        countRefused(this.metrics, req, 'invalid_otlp');
        this.send(res, format, 400, encodeOtlpStatus(format, 3, err.message));
      } else if (err instanceof IngestHttpError) {
        if (err.status < 500) countRefused(this.metrics, req, err.code);
        if (typeof err.details.retryAfterSeconds === 'number')
          res.setHeader('Retry-After', String(err.details.retryAfterSeconds));
        this.send(res, format, err.status, encodeOtlpStatus(format, err.status === 429 ? 8 : 3, err.message));
      } else if (err instanceof ClickHouseUnavailableError) {
        // Retryable per the OTLP spec: 503 with Retry-After, nothing stored.
        res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
        this.send(res, format, 503, encodeOtlpStatus(format, 14, 'ClickHouse is unavailable; nothing was stored. Retry later.'));
      } else {
        this.logger.error(err instanceof Error ? err.stack : String(err));
        this.send(
          res,
          format,
          500,
          encodeOtlpStatus(format, 13, 'Unexpected error; nothing was stored. This is a Syncline defect: please report it.'),
        );
      }
    } finally {
      arrival?.cancel();
    }
  }

  private send(res: Response, format: Format, status: number, body: Buffer | object) {
    res.status(status);
    if (format === 'protobuf') res.type('application/x-protobuf').send(body);
    else res.json(body);
  }
}
