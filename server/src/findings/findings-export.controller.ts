import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { CurrentPrincipal, RequirePermission } from '../common/access/access.decorators';
import type { Principal } from '../domain/principal';
import { InputError } from '../common/errors/input-error';
import { answerBadInput, queryList, queryText, type QueryParams } from '../common/validation/query-params';
import { filterParams, FindingsService } from './findings.service';
import { FindingFilterInput } from './findings.types';

const LIST_FIELDS = ['types', 'statuses', 'severities', 'plants', 'lines', 'flows', 'eventIds', 'correlationIds'] as const;

/**
 * GET /api/v1/findings/export?format=csv|ndjson&types=missing_posting,late_posting&plants=P1&from=...
 * Streamed from ClickHouse to the client (constant memory), same plant scope as the API. A list is
 * comma-separated or a repeated key (`plants=P1&plants=P2`); bad input is 400 naming the parameter.
 */
@Controller('api/v1/findings')
export class FindingsExportController {
  constructor(private readonly findings: FindingsService) {}

  @Get('export')
  @RequirePermission('data:view')
  async export(@Query() query: QueryParams, @CurrentPrincipal() principal: Principal, @Res() res: Response): Promise<void> {
    let format: string;
    let filter: FindingFilterInput;
    const raw: Record<string, unknown> = {};
    try {
      format = queryText(query, 'format') ?? 'csv';
      if (format !== 'csv' && format !== 'ndjson')
        throw new InputError(`format must be csv or ndjson; got "${format.slice(0, 40)}"`, 'format');
      // A list is comma-separated, and a repeated key (?plants=A&plants=B) adds to it.
      for (const f of LIST_FIELDS) {
        const values = queryList(query, f);
        if (values?.length) raw[f] = values;
      }
      for (const f of ['orderId', 'material', 'assignee', 'from', 'to'] as const) {
        const value = queryText(query, f);
        if (value) raw[f] = value;
      }
      filter = plainToInstance(FindingFilterInput, raw);
      const errors = validateSync(filter);
      if (errors.length) {
        const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}));
        throw new InputError(problems.join('; '), errors[0].property);
      }
      for (const f of ['from', 'to'] as const)
        if (filter[f] && Number.isNaN(Date.parse(filter[f])))
          throw new InputError(`${f} must be a date and time such as 2024-01-31T08:00:00Z`, f);
      if (filter.from && filter.to && Date.parse(filter.from) >= Date.parse(filter.to))
        throw new InputError('from must be before to', 'from');
      filterParams(filter); // the service's own checks (times it can read), as 400 before anything is sent
    } catch (err) {
      if (answerBadInput(res, err, (field) => field.replace(/^filter\./, ''))) return;
      throw err;
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
