import { Args, Field, ID, InputType, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { RequirePermission } from '../common/access/access.decorators';
import { InputError } from '../common/errors/input-error';
import { validateInput } from '../common/errors/validation-error';
import { cursorParts, decodeCheckedCursor } from '../common/paging/cursor';
import { checkPageSize, encodeCursor, PageInfo, pageSizeArg } from '../common/paging/paging';
import { timeInput } from '../common/validation/time-input';
import { AuditService, type AuditOutcome, type AuditRow } from './audit.service';
import { isoFromClickHouse } from '../clickhouse/clickhouse-time';

const OUTCOMES = ['success', 'failure', 'denied'] as const;

@InputType()
export class AuditFilterInput {
  @Field({ nullable: true, description: 'Who: a username, "admin-token" or an API key id.' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  actor?: string;
  @Field({ nullable: true, description: 'The operation, e.g. createUser or login.' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  operation?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(64) targetType?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(256) targetId?: string;
  @Field(() => String, { nullable: true, description: 'success, failure or denied.' })
  @IsOptional()
  @IsIn(OUTCOMES, { message: `outcome must be one of ${OUTCOMES.join(', ')}` })
  outcome?: AuditOutcome;
  @Field({ nullable: true, description: 'From this time (ISO 8601), inclusive.' })
  @IsOptional()
  @IsISO8601({}, { message: 'from must be an ISO 8601 time' })
  from?: string;
  @Field({ nullable: true, description: 'Until this time (ISO 8601), exclusive.' })
  @IsOptional()
  @IsISO8601({}, { message: 'to must be an ISO 8601 time' })
  to?: string;
}

@ObjectType()
export class AuditEntry {
  @Field(() => ID) id!: string;
  @Field({ description: 'When (ISO 8601, UTC).' }) at!: string;
  @Field({ description: 'user, admin_token, api_key or anonymous.' }) actorKind!: string;
  @Field() actor!: string;
  @Field() actorRole!: string;
  @Field() operation!: string;
  @Field() targetType!: string;
  @Field() targetId!: string;
  @Field() outcome!: string;
  @Field(() => String, { nullable: true, description: 'JSON of the target before the change, secrets redacted.' }) before!:
    string | null;
  @Field(() => String, { nullable: true, description: 'JSON of the target after the change, secrets redacted.' }) after!:
    string | null;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field() clientAddress!: string;
  @Field() requestId!: string;
}

@ObjectType()
export class AuditConnection {
  @Field(() => [AuditEntry]) nodes!: AuditEntry[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

function toEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id_text,
    at: isoFromClickHouse(r.at_text),
    actorKind: r.actor_kind,
    actor: r.actor_id,
    actorRole: r.actor_role,
    operation: r.operation,
    targetType: r.target_type,
    targetId: r.target_id,
    outcome: r.outcome,
    before: r.before || null,
    after: r.after || null,
    error: r.error || null,
    clientAddress: r.client_address,
    requestId: r.request_id,
  };
}

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditConnection, { description: 'The audit trail, newest first (admin).' })
  @RequirePermission('audit:view')
  async auditLog(
    @Args('filter', { type: () => AuditFilterInput, nullable: true }) filter: AuditFilterInput | undefined,
    @Args('first', pageSizeArg) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
  ): Promise<AuditConnection> {
    checkPageSize(first);
    validateInput(AuditFilterInput, filter, 'filter');
    // (at as ClickHouse writes it, audit id)
    const cursor = after
      ? decodeCheckedCursor<[string, string]>(after, [cursorParts.clickhouseTime, cursorParts.uuid])
      : undefined;
    const fromMs = timeInput(filter?.from, 'filter.from', null);
    const toMs = timeInput(filter?.to, 'filter.to', null);
    if (fromMs !== null && toMs !== null && fromMs >= toMs) throw new InputError('from must be before to', 'filter.from');
    const { rows, total } = await this.audit.list(
      { ...filter, fromMs, toMs },
      first + 1,
      cursor ? { at: cursor[0], id: cursor[1] } : undefined,
    );
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    return {
      nodes: page.map(toEntry),
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor([last.at_text, last.id_text]) : null },
      totalCount: total,
    };
  }
}
