import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ClickHouseQueryError, ClickHouseUnavailableError } from '../clickhouse/clickhouse.errors';
import { IngestHttpError } from './ingest.errors';

export const RETRY_AFTER_SECONDS = 5;

/** Ingest answers: every failure has a status a client can act on and a message naming what is wrong. */
@Catch()
export class IngestExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Ingest');

  catch(exception: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof IngestHttpError) {
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
