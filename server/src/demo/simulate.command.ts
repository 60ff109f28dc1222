import { createClient, type ClickHouseClient } from '@clickhouse/client';
import type { EmbeddedClickHouse } from '@syncline/clickhouse';
import { runningEngineUrl, startEmbeddedEngine } from '../bootstrap/embedded-engine';
import { migrate } from '../bootstrap/migrate';
import { loadConfig, type AppConfig } from '../config/config';
import { createLogger } from '../logging/logger';
import {
  buildPlantModel,
  deviceEventArrivals,
  generateWindow,
  type SimulatedBatch,
  parseSimulatorArgs,
  SimulatorArgsError,
  UNIT_CONVERSIONS,
  simulatorMasterData,
  type SimulatorOptions,
} from '../simulator';
import { SimWriter } from './sim-writer';

const HOUR_MS = 3_600_000;

const at = (v: string | number | null | undefined): number => (typeof v === 'number' ? v : v ? Date.parse(v) : NaN);

/** Only what has happened by `untilMs`: hops and postings still in flight then are not history yet. */
export function notAfter(batch: SimulatedBatch, untilMs: number): SimulatedBatch {
  const arrivals = deviceEventArrivals(batch);
  return {
    deviceEvents: batch.deviceEvents.filter((e) => (arrivals.get(e.event_id) ?? at(e.event_time)) <= untilMs),
    hops: batch.hops.filter((h) => at(h.end_time ?? h.start_time) <= untilMs),
    erpPostings: batch.erpPostings.filter((p) => at(p.posted_at) <= untilMs),
    groundTruth: batch.groundTruth,
  };
}

/** Fills `days` of history up to `untilMs`, hour by hour, straight into ClickHouse. */
export async function backfill(
  client: ClickHouseClient,
  options: SimulatorOptions,
  fromMs: number,
  untilMs: number,
  onProgress?: (doneMs: number) => void,
): Promise<SimWriter> {
  const model = buildPlantModel(options);
  const writer = await SimWriter.create(client, `seed-${options.seed}-${new Date(fromMs).toISOString()}`);
  await client.insert({ table: 'unit_conversions', values: [...UNIT_CONVERSIONS], format: 'JSONEachRow' });
  // The plant calendars and standard costs a plant admin would enter (reconciliation reads them).
  const master = simulatorMasterData(options);
  const at = new Date().toISOString();
  await client.insert({
    table: 'plant_calendars',
    values: master.calendars.map((c) => ({
      plant: c.plant,
      timezone: c.timezone,
      silent_minutes: c.silentMinutes,
      shifts: c.shifts,
      stops: [],
      holidays: [],
      version: Date.now() * 1000,
      updated_by: 'simulator',
      updated_at: at,
    })),
    format: 'JSONEachRow',
  });
  await client.insert({
    table: 'material_costs',
    values: master.costs.map((c) => ({ ...c, version: Date.now() * 1000, updated_by: 'simulator', updated_at: at })),
    format: 'JSONEachRow',
  });
  for (let t = fromMs; t < untilMs; t += HOUR_MS) {
    await writer.add(notAfter(generateWindow(model, options, t, Math.min(t + HOUR_MS, untilMs)), untilMs));
    onProgress?.(t + HOUR_MS - fromMs);
  }
  await writer.flush();
  return writer;
}

/** Where to write: CLICKHOUSE_URL, else the engine of a running Syncline, else an engine of our own. */
async function clickhouseFor(
  config: AppConfig,
  log: ReturnType<typeof createLogger>,
): Promise<{ url: string; engine?: EmbeddedClickHouse }> {
  if (config.clickhouse.url) return { url: config.clickhouse.url };
  const running = await runningEngineUrl(config.dataDir);
  if (running) return { url: running };
  const engine = await startEmbeddedEngine(config.dataDir, 0, log);
  return { url: engine.url, engine };
}

async function main() {
  const config = loadConfig();
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const options = parseSimulatorArgs(process.argv.slice(2));
  const { url, engine } = await clickhouseFor(config, log);
  config.clickhouse.url = url;
  try {
    await migrate(config, log);
    const client = createClient({
      url,
      username: config.clickhouse.user,
      password: config.clickhouse.password,
      database: config.clickhouse.database,
    });
    const hourAligned = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
    const from = hourAligned - options.backfillDays * 24 * HOUR_MS;
    const started = Date.now();
    let lastPrint = 0;
    const writer = await backfill(client, options, from, Date.now(), (done) => {
      if (Date.now() - lastPrint > 2000) {
        lastPrint = Date.now();
        process.stdout.write(`  ${((done / (Date.now() - from)) * 100).toFixed(0)}% of ${options.backfillDays} days\n`);
      }
    });
    await client.close();
    const seconds = (Date.now() - started) / 1000;
    const c = writer.counts;
    const total = c.deviceEvents + c.hops + c.erpPostings;
    process.stdout.write(
      `Backfilled ${options.backfillDays} days (seed ${options.seed}) into ${config.clickhouse.database} in ${seconds.toFixed(1)} s: ` +
        `${c.deviceEvents} device events, ${c.hops} hops, ${c.erpPostings} ERP postings, ${c.groundTruth} injected faults ` +
        `(${Math.round(total / seconds)} records/s)\n`,
    );
  } finally {
    await engine?.stop();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(
      `simulate: ${err instanceof SimulatorArgsError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  });
}
