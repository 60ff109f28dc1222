import { Injectable } from '@nestjs/common';
import { ClickHouseService, type NamedQuery } from '../clickhouse/clickhouse.service';
import { isoFromClickHouse } from '../clickhouse/clickhouse-time';
import { rowsOf, type KindRow } from '../clickhouse/rows-by-kind';
import { InputError } from '../common/errors/input-error';
import { cursorParts, decodeCheckedCursor, UINT32_MAX } from '../common/paging/cursor';
import { encodeCursor } from '../common/paging/paging';
import { timeInput } from '../common/validation/time-input';
import type { PlantScope } from '../domain/plant-scope';
import { FindingsService } from '../findings/findings.service';
import {
  byteOrder,
  chainOrder,
  hopPageOf,
  micros,
  missingStages,
  outcomeOf,
  shapeHop,
  type PagedHop,
  type StoredHop,
} from './trace-shape';
import {
  browsePage,
  FINDING_REFS,
  HOP_READ_SETTINGS,
  MESSAGES_BY_ID,
  MESSAGE_WITH_HOPS,
  pairKey,
  POINT_LOOKUP_SETTINGS,
  SEARCH_CANDIDATES,
  searchPage,
  STORED_EVENTS,
  STORED_POSTINGS,
  TRACE_HOP,
  TRACE_FACTS,
  traceHopEnds,
  traceHops,
  type HopSource,
  type SearchMode,
} from './traces.queries';
import type {
  Trace,
  TraceDeviceEvent,
  TraceFilterInput,
  TraceHop,
  TraceHopDetail,
  TraceMessage,
  TraceMessageConnection,
  TracePosting,
} from './traces.types';

/** No key is longer (hop and posting records refuse longer ones): a longer text cannot match. */
export const MAX_KEY_LENGTH = 256;
/** A text matching more messages (a busy asset or material) reads every match's facts in one query. */
const MAX_CANDIDATES = 20_000;
const DAY_MS = 86_400_000;
/**
 * A trace's message read carries its hops when they number at most this (every stored copy): a few
 * hundred kilobytes at most. A retry storm reads its page of hops by itself.
 */
const INLINE_HOPS_MAX = 2_000;
const FAR_FUTURE_MS = 4102444800000;

interface MessageRow {
  correlation_id: string;
  plant: string;
  m_flow: string;
  m_line: string;
  m_business_key: string;
  m_order_id: string;
  m_batch: string;
  m_asset: string;
  m_material: string;
  first_text: string;
  last_text: string;
  m_error: number;
  m_posted: number;
  stage_list: string[];
  system_list: string[];
  /** 1 when every row of the message carries its hops (HopSource `index`). */
  m_inline: number | string;
  /** MESSAGE_WITH_HOPS: 1 when `m_hops` holds every stored copy of the row's hops. */
  m_carried?: number | string;
  m_hops?: StoredHop[];
  first_us?: number | string;
}

/** A hop of the waterfall as TRACE_HOPS reads it; `hopPage` adds its parent's end. */
type PageHopRow = Omit<PagedHop, 'parent_found' | 'parent_end_us'>;

/** A message carrying the searched text, and a bound its first hop is never later than. */
interface Candidate {
  correlation_id: string;
  plant: string;
  bound_us: string | number;
}

/** Whether message `row` comes before candidate `c` newest first (first hop, then correlation id). */
function newer(row: MessageRow, c: Candidate): boolean {
  const a = BigInt(row.first_us ?? 0);
  const b = BigInt(c.bound_us);
  return a > b || (a === b && row.correlation_id > c.correlation_id);
}

function toMessage(r: MessageRow, findingCount: number): TraceMessage {
  const stages = chainOrder(r.stage_list);
  const first = micros(r.first_text);
  const last = micros(r.last_text);
  return {
    correlationId: r.correlation_id,
    plant: r.plant,
    line: r.m_line,
    flow: r.m_flow,
    businessKey: r.m_business_key,
    orderId: r.m_order_id,
    batch: r.m_batch,
    asset: r.m_asset,
    material: r.m_material,
    firstHopAt: isoFromClickHouse(r.first_text),
    lastHopAt: isoFromClickHouse(r.last_text),
    durationMs: Math.max(0, last - first) / 1000,
    stages,
    firstStage: stages[0] ?? '',
    lastStage: stages[stages.length - 1] ?? '',
    missingStages: missingStages(stages),
    hasError: Number(r.m_error) === 1,
    outcome: outcomeOf(Number(r.m_error) === 1, Number(r.m_posted) === 1),
    findingCount,
  };
}

/**
 * The message as one, when hops of other correlation ids carrying its business key were stitched into
 * it (a broken trace context): its stages, first and last hop, duration and outcome over every part,
 * the rest (ids, keys, plant) as `seed` has them.
 */
function wholeMessage(seed: TraceMessage, parts: readonly MessageRow[]): TraceMessage {
  const stages = chainOrder(parts.flatMap((r) => r.stage_list));
  const firsts = parts.map((r) => r.first_text).sort((a, b) => micros(a) - micros(b));
  const lasts = parts.map((r) => r.last_text).sort((a, b) => micros(a) - micros(b));
  const first = firsts[0];
  const last = lasts[lasts.length - 1];
  const hasError = parts.some((r) => Number(r.m_error) === 1);
  const posted = parts.some((r) => Number(r.m_posted) === 1);
  return {
    ...seed,
    firstHopAt: isoFromClickHouse(first),
    lastHopAt: isoFromClickHouse(last),
    durationMs: Math.max(0, micros(last) - micros(first)) / 1000,
    stages,
    firstStage: stages[0] ?? '',
    lastStage: stages[stages.length - 1] ?? '',
    missingStages: missingStages(stages),
    hasError,
    outcome: outcomeOf(hasError, posted),
  };
}

/** What the search text matched in a message, for "matched as". */
function matchedAs(q: string, r: MessageRow): string {
  if (r.correlation_id === q) return 'correlation_id';
  if (r.m_business_key === q) return 'business_key';
  if (r.m_order_id === q) return 'order';
  if (r.m_batch === q) return 'batch';
  if (r.m_asset === q) return 'asset';
  if (r.m_material === q) return 'material';
  return 'document';
}

function timeRange(filter: TraceFilterInput | undefined, defaultFromMs: number): { fromMs: number; toMs: number } {
  const fromMs = timeInput(filter?.from, 'filter.from', defaultFromMs);
  const toMs = timeInput(filter?.to, 'filter.to', FAR_FUTURE_MS);
  if (fromMs >= toMs) throw new InputError('filter.from must be before filter.to', 'filter.from');
  return { fromMs, toMs };
}

/**
 * Finds messages by any key and reads one message end to end (docs/traces.md). Every read is plant
 * scoped: another plant's message answers exactly as one that does not exist.
 */
@Injectable()
export class TracesService {
  constructor(
    private readonly clickhouse: ClickHouseService,
    private readonly findings: FindingsService,
  ) {}

  async search(
    scope: PlantScope,
    text: string | undefined,
    filter: TraceFilterInput | undefined,
    first: number,
    after: string | undefined,
  ): Promise<TraceMessageConnection> {
    const q = (text ?? '').trim();
    // (first hop's time in microseconds as digits, bound as Int64; correlation id)
    const cursor = after ? decodeCheckedCursor<[string, string]>(after, [cursorParts.int64Digits, cursorParts.text]) : undefined;
    const empty = { nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, matchedAs: [] };
    if (q.length > MAX_KEY_LENGTH) return empty;
    // Browsing without a text is bounded in time (the last day unless asked); a key finds its
    // messages whenever they happened unless the filter says otherwise.
    const range = timeRange(filter, q ? 0 : Date.now() - DAY_MS);
    const params = {
      q,
      from_ms: range.fromMs,
      to_ms: range.toMs,
      f_plants: filter?.plants ?? [],
      f_lines: filter?.lines ?? [],
      f_flows: filter?.flows ?? [],
      f_stages: filter?.stages ?? [],
      f_systems: filter?.systems ?? [],
      f_statuses: filter?.statuses ?? [],
      has_cursor: !!cursor,
      cursor_us: cursor ? cursor[0] : '0',
      cursor_id: cursor?.[1] ?? '',
      limit: first + 1,
    };
    const rows = q
      ? await this.searchByText(scope, params)
      : await this.clickhouse.scopedQuery<MessageRow>(
          {
            name: 'traces.search.browse',
            sql: browsePage({
              lines: params.f_lines.length > 0,
              flows: params.f_flows.length > 0,
              stages: params.f_stages.length > 0,
              systems: params.f_systems.length > 0,
              statuses: params.f_statuses.length > 0,
            }),
            params,
            settings: { min_table_rows_to_use_projection_index: '0' },
          },
          scope,
        );
    const page = rows.slice(0, first);
    const [counts, whole] = await Promise.all([
      this.findingCounts(scope, page),
      // Browsing read only the range's rows of each message: its whole facts, by id.
      q || page.length === 0
        ? []
        : this.clickhouse.scopedQuery<MessageRow>(
            { name: 'traces.messages', sql: MESSAGES_BY_ID, params: { ids: page.map((r) => r.correlation_id) } },
            scope,
          ),
    ]);
    const full = new Map(whole.map((r) => [`${r.correlation_id}\u0000${r.plant}`, r]));
    const last = page[page.length - 1];
    // A text search read each message whole; a browse read a narrow row, and its whole facts by id.
    const facts = (r: MessageRow) => (q ? r : full.get(`${r.correlation_id}\u0000${r.plant}`));
    return {
      nodes: page.flatMap((r) => {
        const f = facts(r);
        return f ? [toMessage(f, counts.get(r.correlation_id) ?? 0)] : [];
      }),
      pageInfo: {
        hasNextPage: rows.length > first,
        endCursor: last ? encodeCursor([String(last.first_us), last.correlation_id]) : null,
      },
      matchedAs: q ? [...new Set(page.map((r) => matchedAs(q, r)))] : [],
    };
  }

  private page(scope: PlantScope, mode: SearchMode, params: Record<string, unknown>): Promise<MessageRow[]> {
    return this.clickhouse.scopedQuery<MessageRow>(
      {
        name: `traces.search.page.${mode}`,
        sql: searchPage(mode),
        params,
        // The listed candidates are read by primary key, and weighing the projections only costs time;
        // every candidate is read through the keys' projections.
        settings: mode === 'candidates' ? undefined : { min_table_rows_to_use_projection_index: '0' },
      },
      scope,
    );
  }

  /**
   * A page of the messages that carry the text as a key or attribute, exactly as if every candidate's
   * whole facts were read, but reading them for as few candidates as it takes (docs/traces.md): the
   * candidates come newest bound first, and a candidate's first hop is never later than its bound. So
   * once the page's last message (the one after it, for hasNextPage) is newer than the bound of the
   * first candidate not read yet, no unread candidate can belong on the page. Otherwise read four times
   * as many (and list more candidates when those run out) and look again. An order with thousands of
   * messages reads about a page of them.
   */
  private async searchByText(scope: PlantScope, params: Record<string, unknown> & { limit: number }): Promise<MessageRow[]> {
    for (let listed = params.limit * 4, read = params.limit; ; listed = Math.min(listed * 8, MAX_CANDIDATES)) {
      const candidates = await this.clickhouse.scopedQuery<Candidate>(
        {
          name: 'traces.search.candidates',
          sql: SEARCH_CANDIDATES,
          params: { ...params, max_candidates: listed + 1 },
          settings: { min_table_rows_to_use_projection_index: '0' },
        },
        scope,
      );
      for (;;) {
        const slice = candidates.slice(0, Math.min(read, listed));
        const rows = slice.length
          ? await this.page(scope, 'candidates', {
              ...params,
              ids: [...new Set(slice.map((c) => c.correlation_id))],
              pairs: slice.map((c) => pairKey(c.correlation_id, c.plant)),
            })
          : [];
        const next = candidates[slice.length];
        if (!next) return rows; // every candidate read
        if (rows.length >= params.limit && newer(rows[params.limit - 1], next)) return rows;
        read *= 4;
        if (slice.length === listed) break; // list more candidates
      }
      // A text matching this many messages (a busy asset or material): every match's facts in one query.
      if (listed >= MAX_CANDIDATES) return this.page(scope, 'matching', params);
    }
  }

  /** Bounds that let ClickHouse read only the message's granules of `hops`, and where its hops are. */
  private bounds(rows: MessageRow[]) {
    const source: HopSource = rows.every((r) => Number(r.m_inline) === 1) ? 'index' : 'hops';
    return {
      source,
      ids: [...new Set(rows.map((r) => r.correlation_id))],
      plants: [...new Set(rows.map((r) => r.plant))],
      flows: [...new Set(rows.map((r) => r.m_flow))],
      from_us: Math.min(...rows.map((r) => micros(r.first_text))),
      to_us: Math.max(...rows.map((r) => micros(r.last_text))),
    };
  }

  /** `afterField`: what the caller calls the cursor, for the error a bad one gets (`hopsAfter` in GraphQL). */
  async trace(
    scope: PlantScope,
    correlationId: string,
    first: number,
    after: string | undefined,
    afterField = 'after',
  ): Promise<Trace | null> {
    // The hop offset, bound as UInt32 (LIMIT ... OFFSET), and the next page's offset must fit too.
    const offset = after ? decodeCheckedCursor<[number]>(after, [cursorParts.integer(0, UINT32_MAX - first)], afterField)[0] : 0;
    if (correlationId.length > MAX_KEY_LENGTH) return null;
    // The message by primary key first, nearly always with its hops; then, at once, the two facts reads
    // (the correlation ids that carry its business key, device events, postings and finding references)
    // and, for a message that could not carry its hops, its page of hops. Only when other correlation ids
    // carry the key (rare: a broken trace context) are their facts read, and the hops and finding
    // references read again for all of them; stitched ids share the business keys, so events and
    // postings are done.
    const located = await this.locate(scope, correlationId, true);
    if (!located) return null;
    const { own, near } = located;
    const seed = own.find((r) => r.correlation_id === correlationId);
    if (!seed) return null;
    const keys = [...new Set(own.map((r) => r.m_business_key).filter(Boolean))];
    const ownBounds = this.bounds(own);
    const hopsOf = (b: ReturnType<TracesService['bounds']>) => this.hopPage(near, b, first, offset);
    // The hops came with the message (MESSAGE_WITH_HOPS) unless there are too many or some row predates them.
    const carried = own.every((r) => Number(r.m_carried) === 1);
    const [ownHops, facts] = await Promise.all([
      carried
        ? hopPageOf(
            own.flatMap((r) => (r.m_hops ?? []).map((h) => ({ ...h, correlation_id: r.correlation_id }))),
            first,
            offset,
          )
        : hopsOf(ownBounds),
      this.facts(near, ownBounds, keys),
    ]);
    const { keyed, events, postings, refs: ownRefs } = facts;
    const pair = (r: { correlation_id: string; plant: string }) => `${r.correlation_id}\u0000${r.plant}`;
    const known = new Set(own.map(pair));
    const others = keyed.filter((r) => !known.has(pair(r)));
    const wanted = new Set(others.map(pair));
    // Stitched messages (rare): their facts, then the hops and finding references of all of them.
    const stitchedRows = others.length
      ? (
          await this.read<MessageRow>(near, {
            name: 'traces.stitched',
            sql: MESSAGES_BY_ID,
            params: { ids: [...new Set(others.map((r) => r.correlation_id))] },
          })
        ).filter((r) => wanted.has(pair(r)))
      : [];
    const all = [...own, ...stitchedRows];
    const b = all.length > own.length ? this.bounds(all) : ownBounds;
    const [hops, refs] =
      all.length > own.length ? await Promise.all([hopsOf(b), this.findingRefs(near, b.ids, keys)]) : [ownHops, ownRefs];
    const findings = refs.length
      ? (await this.findings.list(scope, { ids: refs.map((f) => f.finding_id) }, 'LAST_SEEN', true, 100, undefined)).nodes
      : [];
    const total = hops.length ? Number(hops[0].total) : await this.hopCount(near, b);
    const count = (r: MessageRow) =>
      findings.filter((f) => f.correlationIds.includes(r.correlation_id) || f.eventIds.includes(r.m_business_key)).length;
    const message = toMessage(seed, count(seed));
    return {
      // One message, one view: with stitched parts, its summary covers all of them.
      message: all.length > 1 ? wholeMessage(message, all) : message,
      stitched: all
        .filter((r) => r.correlation_id !== seed.correlation_id || r.plant !== seed.plant)
        .map((r) => toMessage(r, count(r))),
      hops: hops.map((h) => this.toHop(h, b.from_us, seed.correlation_id)),
      hopCount: total,
      hopsPageInfo: {
        hasNextPage: offset + hops.length < total,
        endCursor: offset + hops.length < total ? encodeCursor([offset + hops.length]) : null,
      },
      deviceEvents: events.map(toDeviceEvent),
      postings: postings.map(toPosting),
      findings,
    };
  }

  /**
   * A message's rows by primary key (one per plant it was seen in), and where its other reads go.
   * Everything else of the message is in its plant (a device event, its postings and its hops share
   * one): those reads name that plant, which their sorting keys use, and on a cluster go straight to
   * the shard that answered, which holds the plant whole (ADR 0011). A correlation id seen in plants on
   * two shards is read through the Distributed tables. Null when the message is not in `scope`.
   * `withHops`: with its hops when it can carry them (MESSAGE_WITH_HOPS), for a trace.
   */
  private async locate(
    scope: PlantScope,
    correlationId: string,
    withHops = false,
  ): Promise<{ own: MessageRow[]; near: Near } | null> {
    const ids = [correlationId];
    const read = withHops
      ? { name: 'traces.message_hops', sql: MESSAGE_WITH_HOPS, params: { ids, inline_max: INLINE_HOPS_MAX } }
      : { name: 'traces.message', sql: MESSAGES_BY_ID, params: { ids } };
    const found = await this.clickhouse.scopedQueryByShard<MessageRow>({ ...read, settings: POINT_LOOKUP_SETTINGS }, scope);
    const own = found.flatMap((f) => f.rows);
    if (own.length === 0) return null;
    const homes = found.filter((f) => f.rows.length > 0);
    return {
      own,
      near: {
        scope: scope.narrow([...new Set(own.map((r) => r.plant))]),
        shard: homes.length === 1 ? homes[0].shard : null,
      },
    };
  }

  /**
   * One page of the message's hops, each with its parent's end: from the page itself, else (a later
   * page, or a parent that never arrived) looked up among the message's hops in one more read.
   */
  private async hopPage(near: Near, b: ReturnType<TracesService['bounds']>, limit: number, offset: number): Promise<PagedHop[]> {
    const page = await this.readHops<PageHopRow>(near, b, 'traces.hops', traceHops, { limit, offset });
    const ends = new Map(page.map((h) => [h.hop_id, h.end_us]));
    const elsewhere = [...new Set(page.map((h) => h.parent_hop_id).filter((p) => p !== '' && !ends.has(p)))];
    if (elsewhere.length) {
      const found = await this.readHops<{ hop_id: string; end_us: number | string }>(near, b, 'traces.hop_ends', traceHopEnds, {
        hop_ids: elsewhere,
      });
      for (const f of found) ends.set(f.hop_id, f.end_us);
    }
    return page.map((h) => ({
      ...h,
      parent_found: ends.has(h.parent_hop_id),
      parent_end_us: ends.get(h.parent_hop_id) ?? 0,
    }));
  }

  private async hopCount(near: Near, b: ReturnType<TracesService['bounds']>): Promise<number> {
    const rows = await this.readHops<PageHopRow>(near, b, 'traces.hops', traceHops, { limit: 1, offset: 0 });
    return rows.length ? Number(rows[0].total) : 0;
  }

  /** A read of the message's hops from where they are (HopSource), named by it. */
  private readHops<T>(
    near: Near,
    { source, ...b }: ReturnType<TracesService['bounds']>,
    name: string,
    sql: (source: HopSource) => string,
    params: Record<string, unknown>,
  ): Promise<T[]> {
    return this.read<T>(near, {
      name: `${name}.${source}`,
      sql: sql(source),
      params: { ...b, ...params },
      settings: HOP_READ_SETTINGS[source],
    });
  }

  private toHop(h: PagedHop, originUs: number, primary: string): TraceHop {
    return {
      hopId: h.hop_id,
      correlationId: h.correlation_id,
      parentHopId: h.parent_hop_id,
      stage: h.stage,
      system: h.system,
      status: h.status,
      errorCode: h.error_code,
      errorMessage: h.error_message,
      attempt: Number(h.attempt),
      startAt: isoFromClickHouse(h.start_text),
      endAt: isoFromClickHouse(h.end_text),
      ...shapeHop(h, originUs),
      stitched: h.correlation_id !== primary,
    };
  }

  /**
   * The findings about these messages or their device events (FINDING_REFS): for one message (and its
   * stitched ids) a point lookup; for a page of messages on the default threads (25.3 against 34.1 ms
   * p50 on one, for 50 messages; docs/benchmarks.md).
   */
  private findingRefs(near: Near, ids: string[], keys: string[], page = false) {
    const q = { name: page ? 'traces.finding_counts' : 'traces.finding_refs', sql: FINDING_REFS, params: { ids, keys } };
    return page ? this.clickhouse.scopedQueryOn<FindingRef>(near.shard, q, near.scope) : this.read<FindingRef>(near, q);
  }

  /** A read of the message's plant data: on its shard when one holds it all (`Near`), as a point lookup. */
  private read<T>(near: Near, q: NamedQuery): Promise<T[]> {
    return this.clickhouse.scopedQueryOn<T>(
      near.shard,
      { ...q, settings: { ...POINT_LOOKUP_SETTINGS, ...q.settings } },
      near.scope,
    );
  }

  /**
   * In two reads at once (TRACE_FACTS): the correlation ids that carry the message's business keys, its
   * device events, its postings (in posting order) and the findings about it.
   */
  private async facts(near: Near, b: ReturnType<TracesService['bounds']>, keys: string[]) {
    const params = { keys, ids: b.ids, from_us: b.from_us, to_us: b.to_us };
    const rows = (
      await Promise.all(TRACE_FACTS.map((sql) => this.read<KindRow>(near, { name: 'traces.facts', sql, params })))
    ).flat();
    const of = <T>(kind: string) => rowsOf<T>(rows, kind);
    // As ClickHouse orders them: events by id; postings by time, then document id; byte by byte.
    const byEvent = (a: DeviceEventRow, z: DeviceEventRow) => byteOrder(a.event_id, z.event_id);
    const byPosting = (a: PostingRow, z: PostingRow) =>
      byteOrder(a.posted_text, z.posted_text) || byteOrder(a.document_id, z.document_id);
    // Rows stored before the lookup tables carried them whole (`whole` 0) are read where they are
    // (STORED_EVENTS, STORED_POSTINGS): one more read each, only for those, both at once.
    const [events, postings] = await Promise.all([
      completed(
        of<DeviceEventRow & Whole>('event'),
        (e) => e.event_id,
        (events) =>
          this.read<DeviceEventRow>(near, { name: 'traces.events.stored', sql: STORED_EVENTS, params: { ...params, events } }),
      ),
      completed(
        of<PostingRow & Whole>('posting'),
        (p) => p.document_id,
        (documents) =>
          this.read<PostingRow>(near, { name: 'traces.postings.stored', sql: STORED_POSTINGS, params: { keys, documents } }),
      ),
    ]);
    return {
      keyed: of<{ correlation_id: string; plant: string }>('keyed'),
      events: events.sort(byEvent),
      postings: postings.sort(byPosting),
      refs: of<FindingRef>('finding'),
    };
  }

  /** How many findings are about each message of a page (its correlation id or its business key). */
  private async findingCounts(scope: PlantScope, rows: MessageRow[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (rows.length === 0) return counts;
    const found = await this.findingRefs(
      { scope, shard: null },
      rows.map((r) => r.correlation_id),
      rows.map((r) => r.m_business_key).filter(Boolean),
      true,
    );
    for (const r of rows) {
      const n = found.filter(
        (f) => f.correlation_ids.includes(r.correlation_id) || f.event_ids.includes(r.m_business_key),
      ).length;
      counts.set(r.correlation_id, n);
    }
    return counts;
  }

  /** One hop with its payload (cut at `maxPayload` characters) and attributes. */
  async hop(scope: PlantScope, correlationId: string, hopId: string, maxPayload: number): Promise<TraceHopDetail | null> {
    if (hopId.length > MAX_KEY_LENGTH || correlationId.length > MAX_KEY_LENGTH) return null;
    const located = await this.locate(scope, correlationId);
    if (!located) return null;
    // The payload and attributes are in `hops` alone, whichever source the message's waterfall reads.
    const { ids, plants, flows, from_us, to_us } = this.bounds(located.own);
    const [row] = await this.read<HopDetailRow>(located.near, {
      name: 'traces.hop',
      sql: TRACE_HOP,
      params: { ids, plants, flows, from_us, to_us, hop_id: hopId, max_payload: maxPayload },
    });
    if (!row) return null;
    return {
      hopId: row.hop_id,
      correlationId: row.correlation_id,
      parentHopId: row.parent_hop_id,
      flow: row.flow,
      stage: row.stage,
      system: row.system,
      plant: row.plant,
      line: row.line,
      asset: row.asset,
      orderId: row.order_id,
      material: row.material,
      batch: row.batch,
      eventType: row.event_type,
      quantity: row.quantity,
      unit: row.unit,
      businessKey: row.business_key,
      startAt: isoFromClickHouse(row.start_text),
      endAt: isoFromClickHouse(row.end_text),
      status: row.status,
      errorCode: row.error_code,
      errorMessage: row.error_message,
      attempt: Number(row.attempt),
      ingestedAt: isoFromClickHouse(row.ingested_text),
      attributes: row.attributes_json,
      payload: row.payload,
      payloadBytes: Number(row.payload_bytes),
      payloadTruncated: Boolean(Number(row.truncated)),
    };
  }
}

/**
 * Where a message's other reads go: its plants, and on a cluster the shard that holds them all (null:
 * through the Distributed tables, or the one server).
 */
interface Near {
  scope: PlantScope;
  shard: number | null;
}

/** What a finding reference says a finding is about. */
interface FindingRef {
  finding_id: string;
  event_ids: string[];
  correlation_ids: string[];
}

/** A lookup table's row: `whole` 0 when it was written before the table carried everything a trace shows. */
interface Whole {
  whole: number | string;
}

/**
 * The rows a lookup table found, those that are not whole (`key` names them) replaced by what `stored`
 * reads from the table they came from: migrations 20261211090000 and 20261212090000 copied no history.
 */
async function completed<T extends Whole>(
  found: T[],
  key: (r: T) => string,
  stored: (keys: string[]) => Promise<Omit<T, 'whole'>[]>,
): Promise<Omit<T, 'whole'>[]> {
  const stale = found.filter((r) => Number(r.whole) === 0).map(key);
  if (stale.length === 0) return found;
  return [...found.filter((r) => Number(r.whole) !== 0), ...(await stored(stale))];
}

interface DeviceEventRow {
  event_id: string;
  event_text: string;
  plant: string;
  line: string;
  asset: string;
  order_id: string;
  material: string;
  event_type: string;
  quantity: number;
  unit: string;
}

function toDeviceEvent(r: DeviceEventRow): TraceDeviceEvent {
  return {
    eventId: r.event_id,
    eventTime: isoFromClickHouse(r.event_text),
    plant: r.plant,
    line: r.line,
    asset: r.asset,
    orderId: r.order_id,
    material: r.material,
    eventType: r.event_type,
    quantity: r.quantity,
    unit: r.unit,
  };
}

interface PostingRow {
  document_id: string;
  posted_text: string;
  plant: string;
  posting_type: string;
  order_id: string;
  material: string;
  quantity: number;
  unit: string;
  device_event_id: string;
  reverses_document_id: string;
}

function toPosting(r: PostingRow): TracePosting {
  return {
    documentId: r.document_id,
    postedAt: isoFromClickHouse(r.posted_text),
    plant: r.plant,
    postingType: r.posting_type,
    orderId: r.order_id,
    material: r.material,
    quantity: r.quantity,
    unit: r.unit,
    deviceEventId: r.device_event_id,
    reversesDocumentId: r.reverses_document_id,
  };
}

interface HopDetailRow {
  hop_id: string;
  correlation_id: string;
  parent_hop_id: string;
  flow: string;
  stage: string;
  system: string;
  plant: string;
  line: string;
  asset: string;
  order_id: string;
  material: string;
  batch: string;
  event_type: string;
  quantity: number | null;
  unit: string;
  start_text: string;
  end_text: string;
  status: string;
  error_code: string;
  error_message: string;
  attempt: number;
  business_key: string;
  payload_bytes: number | string;
  payload: string;
  truncated: number | boolean;
  attributes_json: string;
  ingested_text: string;
}
