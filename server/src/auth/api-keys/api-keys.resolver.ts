import { InputError } from '../../common/errors/input-error';
import { Args, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Audit, type AuditNote } from '../../audit/audit-note';
import { CurrentPrincipal, RequirePermission } from '../../common/access/access.decorators';
import type { Principal } from '../../domain/principal';
import { ApiKeyInputError, ApiKeysService, type ApiKeyRecord } from './api-keys.service';

@InputType()
export class CreateApiKeyInput {
  @Field({ description: 'Who or what uses the key, e.g. "Plant A edge gateway".' }) name!: string;
  @Field(() => [String], { description: 'Plant codes this key may write, or ["*"] for every plant.' }) plants!: string[];
  @Field(() => [String], { description: 'Kinds of data: hops, device_events, erp_postings.' }) kinds!: string[];
  @Field(() => Int, { nullable: true, description: 'Requests per minute; default INGEST_RATE_LIMIT_PER_MINUTE.' })
  rateLimitPerMinute?: number;
}

@ObjectType()
export class ApiKey {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => [String]) plants!: string[];
  @Field(() => [String]) kinds!: string[];
  @Field(() => Int) rateLimitPerMinute!: number;
  @Field() createdBy!: string;
  @Field() createdAt!: string;
  @Field() revoked!: boolean;
}

@ObjectType()
export class CreatedApiKey {
  @Field({ description: 'The key itself. Shown once: only its hash is stored.' }) token!: string;
  @Field(() => ApiKey) apiKey!: ApiKey;
}

function toApiKey(r: ApiKeyRecord): ApiKey {
  return {
    id: r.key_id,
    name: r.name,
    plants: r.plants,
    kinds: r.kinds,
    rateLimitPerMinute: r.rate_limit_per_minute,
    createdBy: r.created_by,
    createdAt: r.created_at,
    revoked: r.revoked === 1,
  };
}

@Resolver(() => ApiKey)
export class ApiKeysResolver {
  constructor(private readonly keys: ApiKeysService) {}

  @Query(() => [ApiKey])
  @RequirePermission('people:manage')
  async apiKeys(): Promise<ApiKey[]> {
    return (await this.keys.list()).map(toApiKey);
  }

  @Mutation(() => CreatedApiKey)
  @RequirePermission('people:manage')
  async createApiKey(
    @Args('input') input: CreateApiKeyInput,
    @CurrentPrincipal() principal: Principal,
    @Audit() audit: AuditNote,
  ): Promise<CreatedApiKey> {
    try {
      const { token, record } = await this.keys.create(input, principal.id);
      audit.target('api_key', record.key_id).after = toApiKey(record);
      audit.plants = record.plants;
      return { token, apiKey: toApiKey(record) };
    } catch (err) {
      if (err instanceof ApiKeyInputError) throw new InputError(err.message);
      throw err;
    }
  }

  @Mutation(() => Boolean, { description: 'Revokes a key; every instance refuses it within 10 seconds.' })
  @RequirePermission('people:manage')
  async revokeApiKey(@Args('id', { type: () => ID }) id: string, @Audit() audit: AuditNote): Promise<boolean> {
    audit.target('api_key', id);
    const revoked = await this.keys.revoke(id);
    audit.after = { revoked };
    return revoked;
  }
}
