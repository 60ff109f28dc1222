import mqttLib from 'mqtt';
import type { Logger } from 'pino';
import { ApiKeysService } from '../auth/api-keys/api-keys.service';
import type { RunningSyncline } from '../bootstrap/start-syncline';
import type { DeviceEventInput } from '../ingest/records/device-event.record';
import { parseSimulatorArgs, simulatorMasterData } from '../simulator';
import { MasterDataRepository } from '../reconciliation/master-data/master-data.repository';
import { RulesService } from '../reconciliation/rules/rules.service';
import { LiveSimulator } from './live-simulator';
import { ReplayTarget } from './replay-target';
import { ReplayService } from '../replay/replay.service';
import { FlowRulesRepository } from '../reconciliation/rules/flow-rules.repository';

const HOUR_MS = 3_600_000;

/**
 * `npm run demo` / `npm start -- --demo`: the simulated plant's last hour, then the plant live, all
 * through Syncline's own ingest, and a simulated ERP replay target.
 */
export async function startDemo(syncline: RunningSyncline, args: readonly string[], log: Logger): Promise<() => Promise<void>> {
  const options = parseSimulatorArgs(args);
  const keys = syncline.app.get(ApiKeysService);
  const { token } = await keys.create(
    { name: 'demo simulator', plants: ['*'], kinds: ['hops', 'device_events', 'erp_postings'], rateLimitPerMinute: 100_000 },
    'demo',
  );
  await enterMasterData(syncline, options);
  const replay = new ReplayTarget({ ingestUrl: `${syncline.url}/api/v1/erp-postings`, apiKey: token });
  const replayUrl = await replay.start();
  await configureReplayTargets(syncline, replayUrl);

  // The last hour is played through ingest at once, so the dashboard has data from the first minute.
  const mqtt = syncline.config.mqtt.url
    ? await mqttPublisher(syncline.config.mqtt.url, syncline.config.mqtt.topics[0])
    : undefined;
  const live = new LiveSimulator(options, syncline.url, token, log, HOUR_MS, 1000, mqtt?.publish);
  live.start();
  log.info(
    {
      plants: options.plants,
      lines: options.plants * options.linesPerPlant,
      assets: options.plants * options.linesPerPlant * options.assetsPerLine,
      seed: options.seed,
      speed: options.speed,
      replayTarget: replayUrl,
      deviceEventsVia: mqtt ? `MQTT ${syncline.config.mqtt.topics[0]}` : 'HTTP',
    },
    'demo: playing the last hour of the simulated plant, then live',
  );
  return async () => {
    await live.stop();
    await replay.stop();
    await mqtt?.close();
  };
}

/** Publishes device events (QoS 1) to the first MQTT_TOPICS template, filling {plant}, {line}, {asset}. */
export async function mqttPublisher(url: string, template: string) {
  const client = await mqttLib.connectAsync(url, { clientId: `syncline-demo-${process.pid}` });
  return {
    publish: async (events: DeviceEventInput[]) => {
      await Promise.all(
        events.map((e) => {
          const topic = template
            .replace('{plant}', e.plant)
            .replace('{line}', e.line ?? '')
            .replace('{asset}', e.asset ?? '');
          return client.publishAsync(topic, JSON.stringify(e), { qos: 1 });
        }),
      );
    },
    close: () => client.endAsync(),
  };
}

/**
 * What a plant admin would enter for the simulated plant, so reconciliation compares like with like:
 * unit conversions (cases, boxes, kg), standard costs (value at risk) and the plant calendars.
 */
async function enterMasterData(syncline: RunningSyncline, options: ReturnType<typeof parseSimulatorArgs>): Promise<void> {
  const data = simulatorMasterData(options);
  const masterData = syncline.app.get(MasterDataRepository);
  const rules = syncline.app.get(RulesService);
  for (const c of data.conversions) {
    await masterData.saveConversion({ material: c.material, fromUnit: c.from_unit, toUnit: c.to_unit, factor: c.factor });
  }
  for (const c of data.costs) await rules.setCost(c, 'demo');
  for (const c of data.calendars) await rules.setCalendar(c, 'demo');
}

/** Every flow replays to the demo's simulated ERP API, so replay works in the demo as is. */
async function configureReplayTargets(syncline: RunningSyncline, url: string): Promise<void> {
  const replay = syncline.app.get(ReplayService);
  const flows = (await syncline.app.get(FlowRulesRepository).current()).map((r) => r.flow);
  for (const flow of flows) {
    await replay.saveTarget(
      {
        flow,
        plant: '',
        url,
        method: 'POST',
        headers: {},
        timeoutMs: 5000,
        ratePerSecond: 50,
        concurrency: 4,
        checkMode: 'postings',
        lookupUrl: '',
        enabled: true,
        autoReplay: false,
        autoClasses: [],
        autoMax: 3,
      },
      'demo',
    );
  }
}
