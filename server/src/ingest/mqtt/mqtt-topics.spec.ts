import { describe, expect, it } from 'vitest';
import { parseTopicTemplate, subscriptionFilter } from './mqtt-topics';

describe('MQTT topic templates', () => {
  it('derives the subscription filter and reads plant and line from a topic', () => {
    const t = parseTopicTemplate('plants/{plant}/lines/{line}/events');
    expect(t.filter).toBe('plants/+/lines/+/events');
    expect(t.match('plants/P1/lines/L7/events')).toEqual({ plant: 'P1', line: 'L7' });
    expect(t.match('plants/P1/lines/L7/alarms')).toBeUndefined();
    expect(t.match('plants/P1/lines/L7/events/extra')).toBeUndefined();
  });

  it('accepts wildcards and plain topics', () => {
    expect(parseTopicTemplate('factory/#').match('factory/a/b')).toEqual({});
    expect(parseTopicTemplate('site/{plant}/+').match('site/P2/anything')).toEqual({ plant: 'P2' });
  });

  it('uses a shared subscription when a group is configured', () => {
    const t = parseTopicTemplate('x/{plant}');
    expect(subscriptionFilter(t, 'syncline')).toBe('$share/syncline/x/+');
    expect(subscriptionFilter(t, '')).toBe('x/+');
  });

  it('refuses placeholders it cannot map to a field', () => {
    expect(() => parseTopicTemplate('x/{country}')).toThrow(/\{country\}.*allowed: \{plant\}, \{line\}, \{asset\}/);
  });
});
