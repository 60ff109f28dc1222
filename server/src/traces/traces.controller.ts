import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentPrincipal, RequirePermission } from '../common/access/access.decorators';
import { InputError } from '../common/errors/input-error';
import { answerBadInput, queryText, type QueryParams } from '../common/validation/query-params';
import type { Principal } from '../domain/principal';
import { TracesService } from './traces.service';

const MAX_HOPS = 5000;

/**
 * GET /api/v1/traces/{correlationId}?first=&after= : one message as JSON for scripts, the same as the
 * `trace` query (same plant scope: another plant's message is 404 like one that does not exist).
 */
@Controller('api/v1/traces')
export class TracesController {
  constructor(private readonly traces: TracesService) {}

  @Get(':correlationId')
  @RequirePermission('data:view')
  async get(
    @Param('correlationId') correlationId: string,
    @Query() query: QueryParams,
    @CurrentPrincipal() principal: Principal,
    @Res() res: Response,
  ): Promise<void> {
    try {
      const firstText = queryText(query, 'first');
      const first = firstText === undefined ? 1000 : Number(firstText);
      if (!Number.isInteger(first) || first < 1 || first > MAX_HOPS)
        throw new InputError(`first must be a whole number from 1 to ${MAX_HOPS}`, 'first');
      const trace = await this.traces.trace(principal.scope, correlationId, first, queryText(query, 'after'));
      if (!trace) {
        res.status(404).json({
          error: 'not_found',
          message: `No message with correlation id "${correlationId.slice(0, 128)}" in your plants`,
        });
        return;
      }
      res.json(trace);
    } catch (err) {
      if (answerBadInput(res, err)) return;
      throw err;
    }
  }
}
