import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentPrincipal, RequirePermission } from '../common/access/access.decorators';
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
    @Query('first') firstText: string | undefined,
    @Query('after') after: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const first = firstText === undefined ? 1000 : Number(firstText);
    if (!Number.isInteger(first) || first < 1 || first > MAX_HOPS) {
      res
        .status(400)
        .json({ error: 'bad_request', field: 'first', message: `first must be a whole number from 1 to ${MAX_HOPS}` });
      return;
    }
    try {
      const trace = await this.traces.trace(principal.scope, correlationId, first, after);
      if (!trace) {
        res.status(404).json({
          error: 'not_found',
          message: `No message with correlation id "${correlationId.slice(0, 128)}" in your plants`,
        });
        return;
      }
      res.json(trace);
    } catch (err) {
      const e = err as { extensions?: { code?: string; field?: string }; message: string };
      if (e.extensions?.code === 'BAD_USER_INPUT') {
        res.status(400).json({ error: 'bad_request', field: e.extensions.field, message: e.message });
        return;
      }
      throw err;
    }
  }
}
