import { describe, expect, it } from 'vitest';
import { InvalidMessageError, parseMqttMessage, topicFields } from './mqtt-message';
import { parseTopicTemplate } from './mqtt-topics';

const templates = [parseTopicTemplate('plants/{plant}/lines/{line}/events')];
const topic = 'plants/P1/lines/L7/events';

function codeOf(text: string, t = topic): string | undefined {
  try {
    parseMqttMessage(templates, t, text);
    return undefined;
  } catch (err) {
    return err instanceof InvalidMessageError ? err.code : 'other';
  }
}

describe('reading an MQTT message (consumer and dead-letter redelivery alike)', () => {
  it('takes one object or an array, filling the topic fields the records leave out', () => {
    expect(parseMqttMessage(templates, topic, '{"event_id":"e1"}')).toEqual([{ event_id: 'e1', plant: 'P1', line: 'L7' }]);
    expect(parseMqttMessage(templates, topic, '[{"event_id":"a"},{"event_id":"b","plant":"P1"}]')).toHaveLength(2);
  });

  it('names why a message cannot be stored with a bounded code', () => {
    expect(codeOf('not json')).toBe('not_json');
    expect(codeOf('[1, 2]')).toBe('not_object');
    expect(codeOf('null')).toBe('not_object');
    expect(codeOf('{"plant":"P2"}')).toBe('topic_mismatch');
    expect(codeOf('{"event_id":"x"}')).toBeUndefined();
  });

  it('reads the plant from a topic that names one, and nothing from one that does not', () => {
    expect(topicFields(templates, topic).plant).toBe('P1');
    expect(topicFields(templates, 'elsewhere/x')).toEqual({});
  });
});
