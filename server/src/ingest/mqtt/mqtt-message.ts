import type { TopicTemplate } from './mqtt-topics';

/**
 * Why a message could not be stored, as a short bounded code (metrics label, filter value) and a
 * message naming what is wrong.
 */
export const DEAD_LETTER_REASONS = ['not_json', 'not_object', 'topic_mismatch', 'validation'] as const;
export type DeadLetterReason = (typeof DEAD_LETTER_REASONS)[number];

export class InvalidMessageError extends Error {
  constructor(
    readonly code: DeadLetterReason,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidMessageError';
  }
}

/** The fields a topic names (`{plant}`, `{line}`, `{asset}`), from the first template that matches it. */
export function topicFields(templates: readonly TopicTemplate[], topic: string): Record<string, string> {
  return templates.map((t) => t.match(topic)).find((m) => m !== undefined) ?? {};
}

/**
 * An MQTT payload as device event records: one JSON object or an array of them, with the topic's fields
 * filled in where the record has none. Throws InvalidMessageError when the payload is not JSON, holds
 * something other than objects, or contradicts its topic. The MQTT consumer and the redelivery of a
 * dead letter both read messages through here, so a fixed payload is checked exactly like a new one.
 */
export function parseMqttMessage(templates: readonly TopicTemplate[], topic: string, text: string): Record<string, unknown>[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw new InvalidMessageError('not_json', `payload is not JSON: ${(err as Error).message}`);
  }
  const list = Array.isArray(body) ? body : [body];
  const fromTopic = topicFields(templates, topic);
  return list.map((r, i) => {
    if (typeof r !== 'object' || r === null || Array.isArray(r))
      throw new InvalidMessageError('not_object', `record ${i} is not a JSON object`);
    const rec = r as Record<string, unknown>;
    for (const [field, value] of Object.entries(fromTopic)) {
      if (rec[field] === undefined || rec[field] === null) rec[field] = value;
      else if (rec[field] !== value)
        throw new InvalidMessageError(
          'topic_mismatch',
          `record ${i}: ${field} ${JSON.stringify(rec[field])} differs from the topic's "${value}"`,
        );
    }
    return rec;
  });
}
