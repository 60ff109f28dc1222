import { Catch, HttpException, Injectable, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ClickHouseQueryError, ClickHouseUnavailableError } from '../clickhouse/clickhouse.errors';
import type { Principal, RequestWithPrincipal } from '../domain/principal';
import { MetricsService } from '../metrics/metrics.service';
import { IngestHttpError } from './ingest.errors';

export const RETRY_AFTER_SECONDS = 5;

/** The `key` label of a refused batch: the API key's id, `admin` (admin token), `session` (a person) or `anonymous`. */
export function refusedKeyLabel(principal: Principal | undefined): string {
  if (!principal) return 'anonymous';
  if (principal.kind === 'api_key') return principal.id;
  return principal.kind === 'admin_token' ? 'admin' : 'session';
}

/** Counts a 4xx refusal of an ingest request, so a sender whose batches keep being refused shows. */
export function countRefused(metrics: MetricsService, req: RequestWithPrincipal, reason: string): void {
  metrics.refusedBatches.inc({ key: refusedKeyLabel(req.principal), reason });
}

/** Ingest answers: every failure has a status a client can act on and a message naming what is wrong. */
@Catch()
@Injectable()
export class IngestExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Ingest');

  constructor(private readonly metrics: MetricsService) {}

  catch(exception: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request & RequestWithPrincipal>();
    if (exception instanceof IngestHttpError) {
      if (exception.status >= 400 && exception.status < 500) countRefused(this.metrics, req, exception.code);
      const retry = exception.details.retryAfterSeconds;
      if (typeof retry === 'number') res.setHeader('Retry-After', String(retry));
      res.status(exception.status).json({ error: exception.code, message: exception.message, ...exception.details });
      return;
    }
    if (exception instanceof ClickHouseUnavailableError) {
      this.logger.warn(exception.message);
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      res.status(503).json({
        error: 'storage_unavailable',
        message: `ClickHouse is unavailable; nothing was stored. Retry after ${RETRY_AFTER_SECONDS} s.`,
      });
      return;
    }
    if (exception instanceof HttpException) {
      if (exception.getStatus() < 500) countRefused(this.metrics, req, 'http_error');
      res.status(exception.getStatus()).json({ error: 'http_error', message: exception.message });
      return;
    }
    // A validated batch that ClickHouse still refuses is our defect, not the client's: say so plainly.
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const message = exception instanceof ClickHouseQueryError ? 'ClickHouse refused the batch' : 'Unexpected error';
    res
      .status(500)
      .json({ error: 'internal_error', message: `${message}; nothing was stored. This is a Syncline defect: please report it.` });
  }
}
