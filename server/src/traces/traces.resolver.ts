import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, RequirePermission } from '../common/access/access.decorators';
import { NotFoundError } from '../common/errors/input-error';
import { validateInput } from '../common/errors/validation-error';
import { checkPageSize, MAX_PAGE_SIZE, pageSizeArg } from '../common/paging/paging';
import type { Principal } from '../domain/principal';
import { TracesService } from './traces.service';
import { Trace, TraceFilterInput, TraceHopDetail, TraceMessageConnection } from './traces.types';

/** A hop's payload is cut at this many characters unless the whole of it is asked for. */
export const PAYLOAD_PREVIEW_CHARS = 64 * 1024;
/** The most a whole payload may be (ingest refuses larger requests long before this). */
const PAYLOAD_MAX_CHARS = 16 * 1024 * 1024;

const notFound = (correlationId: string) =>
  new NotFoundError(`No message with correlation id "${correlationId.slice(0, 128)}" in your plants`);

@Resolver(() => Trace)
export class TracesResolver {
  constructor(private readonly traces: TracesService) {}

  @Query(() => TraceMessageConnection, {
    description:
      'Messages (one per correlation id) whose correlation id, device event id, order, batch, asset, material or ERP document is `query`, newest first. Without a query: the messages of the time range (the last day by default).',
  })
  @RequirePermission('data:view')
  traceSearch(
    @CurrentPrincipal() principal: Principal,
    @Args('query', { type: () => String, nullable: true }) query: string | undefined,
    @Args('filter', { type: () => TraceFilterInput, nullable: true }) filter: TraceFilterInput | undefined,
    @Args('first', pageSizeArg) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
  ): Promise<TraceMessageConnection> {
    validateInput(TraceFilterInput, filter, 'filter');
    return this.traces.search(principal.scope.narrow(filter?.plants), query, filter, checkPageSize(first), after);
  }

  @Query(() => Trace, {
    description:
      'One message end to end, whatever its time: its hops (and those of correlation ids stitched to it by business key) by start time, its device event, postings and findings. NOT_FOUND when it does not exist or is outside your plants.',
  })
  @RequirePermission('data:view')
  async trace(
    @CurrentPrincipal() principal: Principal,
    @Args('correlationId') correlationId: string,
    @Args('hopsFirst', { type: () => Int, defaultValue: MAX_PAGE_SIZE, description: `Hops per page, 1 to ${MAX_PAGE_SIZE}.` })
    hopsFirst: number,
    @Args('hopsAfter', { type: () => String, nullable: true, description: 'hopsPageInfo.endCursor of the previous page.' })
    hopsAfter: string | undefined,
  ): Promise<Trace> {
    const trace = await this.traces.trace(
      principal.scope,
      correlationId,
      checkPageSize(hopsFirst, 'hopsFirst'),
      hopsAfter,
      'hopsAfter',
    );
    if (!trace) throw notFound(correlationId);
    return trace;
  }

  @Query(() => TraceHopDetail, { description: 'One hop with its attributes and payload.' })
  @RequirePermission('data:view')
  async traceHop(
    @CurrentPrincipal() principal: Principal,
    @Args('correlationId', { description: 'The hop\u2019s own correlation id.' }) correlationId: string,
    @Args('hopId') hopId: string,
    @Args('fullPayload', {
      type: () => Boolean,
      defaultValue: false,
      description: `The whole payload instead of its first ${PAYLOAD_PREVIEW_CHARS} characters.`,
    })
    fullPayload: boolean,
  ): Promise<TraceHopDetail> {
    const hop = await this.traces.hop(
      principal.scope,
      correlationId,
      hopId,
      fullPayload ? PAYLOAD_MAX_CHARS : PAYLOAD_PREVIEW_CHARS,
    );
    if (!hop)
      throw new NotFoundError(`No hop "${hopId.slice(0, 128)}" in message "${correlationId.slice(0, 128)}" in your plants`);
    return hop;
  }
}
