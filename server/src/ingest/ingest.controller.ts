import { Controller, HttpCode, Inject, Post, Req, UseFilters } from '@nestjs/common';
import type { Request } from 'express';
import { CurrentPrincipal, RequirePermission } from '../common/access/access.decorators';
import type { Principal } from '../domain/principal';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { parseCsvOptions } from './csv/csv-options';
import { CsvIngestService } from './csv/csv-ingest.service';
import { IngestHttpError } from './ingest.errors';
import { readBody } from './body/read-body';
import { IngestExceptionFilter } from './ingest-exception.filter';
import { IngestAccessService } from './ingest-access.service';
import { IngestService, type IngestResult } from './ingest.service';
import { deviceEventSpec } from './records/device-event.record';
import { erpPostingSpec } from './records/erp-posting.record';
import { hopSpec } from './records/hop.record';
import type { RecordSpec } from './records/record-spec';

const deviceEvents = deviceEventSpec('http');
const erpPostings = erpPostingSpec('http');

/** HTTP batch ingest: JSON array or NDJSON, optionally gzip, with an API key (docs/api.md). */
@Controller('api/v1')
@RequirePermission('ingest:write')
@UseFilters(IngestExceptionFilter)
export class IngestController {
  constructor(
    private readonly ingest: IngestService,
    private readonly access: IngestAccessService,
    private readonly csv: CsvIngestService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('hops')
  @HttpCode(200)
  hops(@Req() req: Request, @CurrentPrincipal() principal: Principal | undefined) {
    return this.handle(req, principal, hopSpec);
  }

  @Post('device-events')
  @HttpCode(200)
  deviceEvents(@Req() req: Request, @CurrentPrincipal() principal: Principal | undefined) {
    return this.handle(req, principal, deviceEvents);
  }

  @Post('erp-postings')
  @HttpCode(200)
  erpPostings(@Req() req: Request, @CurrentPrincipal() principal: Principal | undefined) {
    return this.handle(req, principal, erpPostings);
  }

  @Post('erp-postings/csv')
  @HttpCode(200)
  async erpPostingsCsv(@Req() req: Request, @CurrentPrincipal() principal: Principal | undefined) {
    const plants = await this.access.admit(principal, 'erp_postings');
    const type = String(req.headers['content-type'] ?? 'text/csv')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (type !== 'text/csv' && type !== 'application/csv' && type !== 'text/plain') {
      throw new IngestHttpError(415, 'unsupported_media_type', `Content-Type "${type}" is not accepted here; send text/csv`);
    }
    return this.csv.ingestPostings(req, parseCsvOptions(req.query), plants);
  }

  private async handle(req: Request, principal: Principal | undefined, spec: RecordSpec): Promise<IngestResult> {
    // Scope and rate limit first: a refused client does not get to upload 64 MB.
    const plants = await this.access.admit(principal, spec.kind);
    const { maxBodyBytes, maxRows } = this.config.ingest;
    const arrival = this.ingest.expect(spec); // rows waiting for an insert wait for this body too
    try {
      const body = await readBody(req, maxBodyBytes, 'INGEST_MAX_BODY_BYTES');
      const limits = { maxRows, limitName: 'INGEST_MAX_ROWS' };
      return await this.ingest.ingestBody(spec, body, String(req.headers['content-type'] ?? ''), plants, limits, arrival);
    } finally {
      arrival.cancel();
    }
  }
}
