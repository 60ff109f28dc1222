import { Injectable } from '@nestjs/common';
import { ClickHouseService } from '../../clickhouse/clickhouse.service';
import { MetricsService } from '../../metrics/metrics.service';
import { chTime } from '../../clickhouse/clickhouse-time';

/** A message Syncline could not store, as it arrived, with where it came from and why. */
export interface NewDeadLetter {
  /** Made once per received message and kept across retries of its write, so a retried write collapses. */
  letterId: string;
  receivedAt: Date;
  /** Where it came in: `mqtt`. */
  source: string;
  topic: string;
  /** The receiving connection's client id (an MQTT 3.1.1 PUBLISH carries no sender id). */
  clientId: string;
  apiKeyId: string;
  plant: string;
  /** The record kind it was meant to be: `device_events`. */
  kind: string;
  /** Short and bounded (not_json, not_object, topic_mismatch, validation): metrics label and filter. */
  reasonCode: string;
  /** What exactly is wrong, in words. */
  reason: string;
  payload: string;
}

/**
 * Writes dead letters (table dead_letters). Resolves once ClickHouse has stored the letter; throws
 * (ClickHouseUnavailableError and the like) when it has not, so the caller keeps the message.
 */
@Injectable()
export class DeadLetterWriter {
  constructor(
    private readonly clickhouse: ClickHouseService,
    private readonly metrics: MetricsService,
  ) {}

  async write(l: NewDeadLetter): Promise<void> {
    await this.clickhouse.insert('dead_letters', [
      {
        letter_id: l.letterId,
        received_at: chTime(l.receivedAt),
        source: l.source,
        topic: l.topic,
        client_id: l.clientId,
        api_key_id: l.apiKeyId,
        plant: l.plant,
        kind: l.kind,
        reason_code: l.reasonCode,
        reason: l.reason,
        payload: l.payload,
        status: 'open',
        status_at: chTime(l.receivedAt),
        status_by: '',
        status_reason: '',
        version: 1,
      },
    ]);
    this.metrics.deadLetters.inc({ source: l.source, reason: l.reasonCode });
  }
}
