import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import mqtt, { type IPublishPacket, type MqttClient } from 'mqtt';
import { ClickHouseUnavailableError } from '../../clickhouse/clickhouse.errors';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { MetricsService } from '../../metrics/metrics.service';
import { DeadLetterWriter } from '../dead-letters/dead-letter-writer';
import { IngestHttpError } from '../ingest.errors';
import { IngestService } from '../ingest.service';
import { deviceEventSpec } from '../records/device-event.record';
import { InvalidMessageError, parseMqttMessage, topicFields, type DeadLetterReason } from './mqtt-message';
import { parseTopicTemplate, subscriptionFilter, type TopicTemplate } from './mqtt-topics';
import { runsWorkers } from '../../queues/role-workers';

const spec = deviceEventSpec('mqtt');
const RETRY_MS = [500, 1000, 2000, 5000, 10000];

/**
 * Subscribes to device events over MQTT (QoS 1). A message is acknowledged to the broker only after
 * its events are stored in ClickHouse; while ClickHouse is down the message stays unacknowledged and
 * is retried, so the broker keeps it. mqtt.js handles one message at a time per connection, so
 * MQTT_CONNECTIONS connections share the subscription ($share group) to work in parallel; their
 * events are stored through the shared insert batcher. An invalid message is kept as a dead letter
 * (raw payload, topic, reason) and acknowledged only once that is stored; until then it is held and
 * retried like a valid one, so nothing the broker handed over is lost.
 */
@Injectable()
export class MqttIngestService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MqttIngest');
  private readonly clients: MqttClient[] = [];
  private readonly templates: TopicTemplate[];
  private stopping = false;
  /** Messages being stored; shutdown waits for them to be stored or given up. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ingest: IngestService,
    private readonly metrics: MetricsService,
    private readonly deadLetters: DeadLetterWriter,
  ) {
    this.templates = config.mqtt.topics.map(parseTopicTemplate);
  }

  async onApplicationBootstrap(): Promise<void> {
    const { url, connections, shareGroup, clientId } = this.config.mqtt;
    // Subscribing is background work: processes of role api leave it to the workers.
    if (!url || !runsWorkers(this.config)) return;
    const base = clientId || `syncline-${hostname()}`;
    const filters = this.templates.map((t) => subscriptionFilter(t, shareGroup));
    const count = shareGroup ? connections : 1;
    for (let i = 0; i < count; i++) {
      const connectionId = `${base}-${i}`;
      const client = mqtt.connect(url, {
        clientId: connectionId,
        clean: false,
        reconnectPeriod: 2000,
        connectTimeout: 10_000,
      });
      client.handleMessage = (packet, done) => {
        const handled = this.handle(packet, connectionId).then(
          () => done(),
          // Not stored (Syncline is stopping): no PUBACK, so the broker redelivers it to the next
          // consumer of this session or share group. Acknowledging it here would lose it.
          (err: Error) =>
            this.logger.warn(`MQTT message on ${packet.topic} not stored before shutdown, left unacknowledged: ${err.message}`),
        );
        this.inFlight.add(handled);
        void handled.finally(() => this.inFlight.delete(handled));
      };
      client.on('error', (err) => this.logger.warn(`MQTT connection ${i}: ${err.message}`));
      this.clients.push(client);
      await new Promise<void>((resolve, reject) => {
        client.once('connect', () => resolve());
        client.once('error', reject);
      });
      await client.subscribeAsync(filters, { qos: 1 });
    }
    this.logger.log(`subscribed to ${filters.join(', ')} with ${count} connection(s)`);
  }

  /** Resolves when the message may be acknowledged: stored, or kept as a dead letter (logged and counted). */
  private async handle(packet: IPublishPacket, clientId: string): Promise<void> {
    const topic = packet.topic;
    const text = packet.payload.toString('utf8');
    const receivedAt = new Date();
    const letterId = randomUUID(); // one per receipt: a retried write of its dead letter collapses on it
    let records: unknown[];
    try {
      records = parseMqttMessage(this.templates, topic, text);
    } catch (err) {
      if (!(err instanceof InvalidMessageError)) throw err;
      return this.deadLetter({ topic, text, clientId, receivedAt, letterId }, err.code, err.message);
    }
    await this.retrying(topic, async () => {
      try {
        await this.ingest.ingest(spec, records, null);
      } catch (err) {
        if (!(err instanceof IngestHttpError)) throw err;
        await this.deadLetter({ topic, text, clientId, receivedAt, letterId }, 'validation', err.message);
      }
    });
  }

  /** Runs `work` until it succeeds; while ClickHouse is down the message is held (not acknowledged). */
  private async retrying(topic: string, work: () => Promise<void>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await work();
      } catch (err) {
        if (this.stopping) throw err; // unacknowledged: the broker redelivers it to a live consumer
        const wait = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)];
        if (err instanceof ClickHouseUnavailableError)
          this.logger.warn(`ClickHouse unavailable; MQTT message on ${topic} held, retry in ${wait} ms`);
        else this.logger.error(`storing MQTT message on ${topic} failed: ${(err as Error).message}; retry in ${wait} ms`);
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  /** Keeps an invalid message as a dead letter; resolves once it is stored (retried until then). */
  private async deadLetter(
    m: { topic: string; text: string; clientId: string; receivedAt: Date; letterId: string },
    code: DeadLetterReason,
    reason: string,
  ): Promise<void> {
    await this.retrying(m.topic, () =>
      this.deadLetters.write({
        letterId: m.letterId,
        receivedAt: m.receivedAt,
        source: 'mqtt',
        topic: m.topic,
        clientId: m.clientId,
        apiKeyId: '',
        plant: topicFields(this.templates, m.topic).plant ?? '',
        kind: spec.kind,
        reasonCode: code,
        reason,
        payload: m.text,
      }),
    );
    this.metrics.mqttRejected.inc();
    this.logger.warn(`rejected MQTT message on ${m.topic} (kept as dead letter ${m.letterId}): ${reason}`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.inFlight]);
    // A message left unacknowledged can hold a graceful end; after 3 s the connection is cut, which
    // leaves the broker holding what was not acknowledged.
    await Promise.all(
      this.clients.map((c) =>
        Promise.race([c.endAsync(), new Promise<void>((r) => setTimeout(r, 3000).unref())]).then(() =>
          c.connected ? c.endAsync(true) : undefined,
        ),
      ),
    );
  }
}
