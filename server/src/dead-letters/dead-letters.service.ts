import { Inject, Injectable } from '@nestjs/common';
import { ClickHouseService } from '../clickhouse/clickhouse.service';
import { isoFromClickHouse } from '../clickhouse/clickhouse-time';
import { InputError } from '../common/errors/input-error';
import { cursorParts, decodeCheckedCursor } from '../common/paging/cursor';
import { encodeCursor } from '../common/paging/paging';
import { timeInput } from '../common/validation/time-input';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import type { PlantScope } from '../domain/plant-scope';
import { chTime } from '../clickhouse/clickhouse-time';
import { IngestHttpError } from '../ingest/ingest.errors';
import { IngestService } from '../ingest/ingest.service';
import { InvalidMessageError, parseMqttMessage } from '../ingest/mqtt/mqtt-message';
import { parseTopicTemplate, type TopicTemplate } from '../ingest/mqtt/mqtt-topics';
import { deviceEventSpec } from '../ingest/records/device-event.record';
import { LETTER_COUNTS, LETTERS_COUNT, LETTERS_PAGE, OPEN_LETTERS, PAYLOAD_SHOWN_MAX, SET_STATUS } from './dead-letters.queries';
import type {
  DeadLetter,
  DeadLetterConnection,
  DeadLetterCount,
  DeadLetterFilterInput,
  DeadLetterTargetInput,
  RedeliverResult,
} from './dead-letters.types';

const mqttSpec = deviceEventSpec('mqtt');
/** At most this many letters are redelivered by one call (each is validated and stored on its own). */
export const REDELIVER_MAX = 5000;
const REDELIVER_PARALLEL = 16;

interface LetterRow {
  letter_id: string;
  received_text: string;
  received_ms: number;
  source: string;
  topic: string;
  client_id: string;
  api_key_id: string;
  plant: string;
  kind: string;
  reason_code: string;
  reason: string;
  payload_head: string;
  payload_bytes: number;
  payload_cut: number | boolean;
  status: string;
  status_at_text: string;
  status_by: string;
  status_reason: string;
}

function toLetter(r: LetterRow): DeadLetter {
  const changed = r.status !== 'open';
  return {
    id: r.letter_id,
    receivedAt: isoFromClickHouse(r.received_text),
    source: r.source,
    topic: r.topic,
    clientId: r.client_id,
    apiKeyId: r.api_key_id,
    plant: r.plant,
    kind: r.kind,
    reasonCode: r.reason_code,
    reason: r.reason,
    payload: r.payload_head,
    payloadBytes: Number(r.payload_bytes),
    payloadTruncated: Boolean(Number(r.payload_cut)),
    status: r.status,
    statusChangedAt: changed ? isoFromClickHouse(r.status_at_text) : null,
    statusChangedBy: changed ? r.status_by : null,
    statusReason: changed && r.status_reason ? r.status_reason : null,
  };
}

/** Bound parameters of the filter (dead-letters.queries.ts CURRENT_LETTERS). */
export function letterFilterParams(filter: DeadLetterFilterInput | undefined | null, ids?: readonly string[]) {
  const f = filter ?? {};
  const fromMs = timeInput(f.from, 'filter.from', 0);
  const toMs = timeInput(f.to, 'filter.to', 4102444800000);
  if (fromMs >= toMs) throw new InputError('filter.from must be before filter.to', 'filter.from');
  return {
    f_plants: f.plants ?? [],
    f_sources: f.sources ?? [],
    f_reasons: f.reasons ?? [],
    f_statuses: f.statuses ?? [],
    f_id_filter: ids !== undefined,
    f_ids: ids ?? [],
    f_from: fromMs,
    f_to: toMs,
  };
}

/** Which letters a target names: its ids (within its filter, if it has one too), or its filter. */
function targetParams(target: DeadLetterTargetInput) {
  const hasIds = !!target.ids?.length;
  if (!hasIds && !target.filter) throw new InputError('give ids, or a filter', 'target');
  return letterFilterParams(target.filter, hasIds ? target.ids! : undefined);
}

/** How an invalid message is told apart from a failure to store it. */
function invalidReason(err: unknown): string | undefined {
  if (err instanceof InvalidMessageError) return err.message;
  if (err instanceof IngestHttpError && err.status < 500) return err.message;
  return undefined;
}

@Injectable()
export class DeadLettersService {
  private readonly templates: TopicTemplate[];

  constructor(
    private readonly clickhouse: ClickHouseService,
    private readonly ingest: IngestService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.templates = config.mqtt.topics.map(parseTopicTemplate);
  }

  async list(
    scope: PlantScope,
    filter: DeadLetterFilterInput | undefined,
    first: number,
    after: string | undefined,
  ): Promise<DeadLetterConnection> {
    // (received time in ms, bound as Int64; letter id)
    const cursor = after
      ? decodeCheckedCursor<[number, string]>(after, [
          cursorParts.integer(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
          cursorParts.text,
        ])
      : undefined;
    const params = {
      ...letterFilterParams(filter),
      has_cursor: !!cursor,
      cursor_ms: cursor?.[0] ?? 0,
      cursor_id: cursor?.[1] ?? '',
      limit: first + 1,
      payload_max: PAYLOAD_SHOWN_MAX,
    };
    const [rows, [count]] = await Promise.all([
      this.clickhouse.scopedQuery<LetterRow>({ name: 'deadLetters.page', sql: LETTERS_PAGE, params }, scope),
      this.clickhouse.scopedQuery<{ n: number }>({ name: 'deadLetters.count', sql: LETTERS_COUNT, params }, scope),
    ]);
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    return {
      nodes: page.map(toLetter),
      pageInfo: {
        hasNextPage: rows.length > first,
        endCursor: last ? encodeCursor([Number(last.received_ms), last.letter_id]) : null,
      },
      totalCount: Number(count?.n ?? 0),
    };
  }

  async counts(scope: PlantScope, filter: DeadLetterFilterInput | undefined): Promise<DeadLetterCount[]> {
    const rows = await this.clickhouse.scopedQuery<{ source: string; reason_code: string; status: string; n: number }>(
      { name: 'deadLetters.counts', sql: LETTER_COUNTS, params: letterFilterParams(filter) },
      scope,
    );
    return rows.map((r) => ({ source: r.source, reason: r.reason_code, status: r.status, count: Number(r.n) }));
  }

  /**
   * Stores the open letters the target names through the normal ingest path (parsed as their source
   * parses them, validated, within the caller's plants). Those stored are marked redelivered; one still
   * invalid stays open and the answer says why. `payload` replaces the letter's payload (one letter only).
   */
  async redeliver(
    scope: PlantScope,
    target: DeadLetterTargetInput,
    payload: string | undefined,
    actor: string,
  ): Promise<RedeliverResult> {
    const params = targetParams(target);
    if (payload !== undefined && (target.ids?.length !== 1 || target.filter))
      throw new InputError('an edited payload can be redelivered for exactly one letter: give one id and no filter', 'payload');
    const letters = await this.clickhouse.scopedQuery<{
      letter_id: string;
      source: string;
      topic: string;
      kind: string;
      payload: string;
    }>({ name: 'deadLetters.open', sql: OPEN_LETTERS, params: { ...params, limit: REDELIVER_MAX + 1 } }, scope);
    if (letters.length > REDELIVER_MAX)
      throw new InputError(
        `more than ${REDELIVER_MAX} open letters match; redeliver at most ${REDELIVER_MAX} at once (narrow the filter)`,
        'target',
      );
    const plants = scope.list ? new Set(scope.list) : null;
    const stored: string[] = [];
    const failed: { id: string; reason: string }[] = [];
    const found = new Set(letters.map((l) => l.letter_id));
    for (const id of new Set(target.ids ?? []))
      if (!found.has(id))
        failed.push({ id, reason: 'no open dead letter with this id in your plants (already redelivered or discarded?)' });
    const one = async (l: (typeof letters)[number]) => {
      const text = payload ?? l.payload;
      try {
        if (l.source !== 'mqtt' || l.kind !== mqttSpec.kind)
          throw new InvalidMessageError('validation', `letters from ${l.source} (${l.kind}) cannot be redelivered`);
        await this.ingest.ingest(mqttSpec, parseMqttMessage(this.templates, l.topic, text), plants);
        stored.push(l.letter_id);
      } catch (err) {
        const reason = invalidReason(err);
        if (reason === undefined) throw err;
        failed.push({ id: l.letter_id, reason });
      }
    };
    try {
      for (let i = 0; i < letters.length; i += REDELIVER_PARALLEL) {
        const results = await Promise.allSettled(letters.slice(i, i + REDELIVER_PARALLEL).map(one));
        const broken = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (broken) throw broken.reason;
      }
    } finally {
      // Whatever was stored is marked, even when a later letter could not be (ClickHouse went away).
      if (stored.length)
        await this.setStatus(
          scope,
          { ids: stored },
          'redelivered',
          payload !== undefined ? 'redelivered with an edited payload' : '',
          actor,
        );
    }
    return { redelivered: stored.length, failed };
  }

  /** Discards the open letters the target names, with the reason; returns how many. */
  discard(scope: PlantScope, target: DeadLetterTargetInput, reason: string, actor: string): Promise<number> {
    return this.setStatus(scope, target, 'discarded', reason, actor);
  }

  private async setStatus(
    scope: PlantScope,
    target: DeadLetterTargetInput,
    status: 'redelivered' | 'discarded',
    reason: string,
    actor: string,
  ): Promise<number> {
    const { writtenRows } = await this.clickhouse.scopedWrite(
      {
        name: `deadLetters.${status}`,
        sql: SET_STATUS,
        params: {
          ...targetParams(target),
          new_status: status,
          at: chTime(new Date()),
          actor,
          status_reason: reason,
        },
      },
      scope,
    );
    return writtenRows;
  }
}
