import type { Logger } from 'pino';
import type { DeviceEventInput } from '../ingest/records/device-event.record';
import { buildPlantModel, deviceEventArrivals, generateWindow, type PlantModel, type SimulatorOptions } from '../simulator';

type Kind = 'device-events' | 'hops' | 'erp-postings';
interface Due {
  at: number;
  kind: Kind;
  record: object;
}

const time = (v: string | number | null | undefined): number => (typeof v === 'number' ? v : v ? Date.parse(v) : NaN);

/**
 * Plays the simulated plant in (optionally sped-up) real time through Syncline's own HTTP ingest:
 * each record is sent when its simulated time comes (a device event when the gateway forwards it,
 * a hop when it ends, a posting when it is posted), so lag and late data look as they would live.
 */
export class LiveSimulator {
  private readonly model: PlantModel;
  private readonly realStart = Date.now();
  private queue: Due[] = [];
  private cursor: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  sent = { 'device-events': 0, hops: 0, 'erp-postings': 0 };

  constructor(
    private readonly options: SimulatorOptions,
    private readonly ingestBase: string,
    private readonly apiKey: string,
    private readonly log: Logger,
    /** How much history to play at once on the first tick (it is sent as fast as ingest takes it). */
    historyMs = 0,
    private readonly tickMs = 1000,
    /** When set, device events go this way (MQTT) instead of HTTP, as a plant's gateway would send them. */
    private readonly mqtt?: (events: DeviceEventInput[]) => Promise<void>,
  ) {
    this.model = buildPlantModel(options);
    this.cursor = this.realStart - historyMs;
  }

  /** Simulated time: the wall clock at start, then running `speed` times as fast. */
  simNow(): number {
    return this.realStart + (Date.now() - this.realStart) * this.options.speed;
  }

  start(): void {
    const tick = () => {
      this.running = this.tick()
        .catch((err: unknown) => this.log.warn({ err }, 'demo simulator: sending failed; will retry'))
        .finally(() => {
          if (this.timer !== undefined) this.timer = setTimeout(tick, this.tickMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async tick(): Promise<void> {
    const now = this.simNow();
    if (now > this.cursor) {
      const batch = generateWindow(this.model, this.options, this.cursor, now);
      this.cursor = now;
      const arrivals = deviceEventArrivals(batch);
      for (const e of batch.deviceEvents)
        this.queue.push({ at: arrivals.get(e.event_id) ?? time(e.event_time), kind: 'device-events', record: e });
      for (const h of batch.hops) this.queue.push({ at: time(h.end_time ?? h.start_time), kind: 'hops', record: h });
      for (const p of batch.erpPostings) this.queue.push({ at: time(p.posted_at), kind: 'erp-postings', record: p });
    }
    const due = this.queue.filter((d) => d.at <= now);
    if (!due.length) return;
    for (const kind of ['device-events', 'hops', 'erp-postings'] as const) {
      const records = due.filter((d) => d.kind === kind).map((d) => d.record);
      if (records.length) await this.send(kind, records);
    }
    // Only what was sent leaves the queue: a failed send is retried on the next tick.
    const sent = new Set(due);
    this.queue = this.queue.filter((d) => !sent.has(d));
  }

  private async send(kind: Kind, records: object[]): Promise<void> {
    if (kind === 'device-events' && this.mqtt) {
      await this.mqtt(records as DeviceEventInput[]);
      this.sent[kind] += records.length;
      return;
    }
    const res = await fetch(`${this.ingestBase}/api/v1/${kind}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${this.apiKey}` },
      body: records.map((r) => JSON.stringify(r)).join('\n'),
    });
    if (!res.ok) throw new Error(`POST /api/v1/${kind} answered ${res.status}: ${await res.text()}`);
    this.sent[kind] += records.length;
  }
}
