import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { CurrentPrincipal, RequirePermission } from '../common/access/access.decorators';
import type { Principal } from '../domain/principal';
import { FindingsService } from './findings.service';
import { FindingFilterInput } from './findings.types';

const LIST_FIELDS = ['types', 'statuses', 'severities', 'plants', 'lines', 'flows', 'eventIds', 'correlationIds'] as const;

/**
 * GET /api/v1/findings/export?format=csv|ndjson&types=missing_posting,late_posting&plants=P1&from=...
 * Streamed from ClickHouse to the client (constant memory), same plant scope as the API.
 */
@Controller('api/v1/findings')
export class FindingsExportController {
  constructor(private readonly findings: FindingsService) {}

  @Get('export')
  @RequirePermission('data:view')
  async export(
    @Query() query: Record<string, string | undefined>,
    @CurrentPrincipal() principal: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const format = query.format ?? 'csv';
    if (format !== 'csv' && format !== 'ndjson') {
      res.status(400).json({ error: 'bad_request', message: `format must be csv or ndjson; got "${format.slice(0, 40)}"` });
      return;
    }
    const raw: Record<string, unknown> = {};
    for (const f of LIST_FIELDS)
      if (query[f])
        raw[f] = query[f]
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean);
    for (const f of ['orderId', 'material', 'assignee', 'from', 'to'] as const) if (query[f]) raw[f] = query[f];
    const filter = plainToInstance(FindingFilterInput, raw);
    const problems = validateSync(filter).flatMap((e) => Object.values(e.constraints ?? {}));
    if (problems.length) {
      res.status(400).json({ error: 'bad_request', message: problems.join('; ') });
      return;
    }
    const stream = await this.findings.export(principal.scope, filter, format);
    const name = ['findings', ...Object.entries(raw).map(([k, v]) => `${k}-${Array.isArray(v) ? v.join('+') : String(v)}`)]
      .join('_')
      .replace(/[^A-Za-z0-9_.+-]/g, '-')
      .slice(0, 180);
    res.setHeader('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson');
    res.setHeader('content-disposition', `attachment; filename="${name}.${format === 'csv' ? 'csv' : 'ndjson'}"`);
    await pipeline(stream, res);
  }
}
