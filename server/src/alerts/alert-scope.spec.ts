import { describe, expect, it } from 'vitest';
import { PlantScope } from '../domain/plant-scope';
import { QUIET, type AlertState } from './alert-model';
import { decodeItem, encodeItem, itemsFor, notificationFor, rulePlantsFor, stateFor, visibleRule } from './alert-scope';
import type { NotificationRow } from './alerts.repository';

const AN_HOUR_AGO = new Date(Date.now() - 3_600_000).toISOString();

const A = PlantScope.of(['PA']);
const ALL = PlantScope.all();

const firing: AlertState = {
  ...QUIET,
  firing: true,
  since: AN_HOUR_AGO,
  items: ['f-a', 'f-b', 'dl'],
  lastNotifiedAt: AN_HOUR_AGO,
  labels: { 'f-a': 'missing_posting PA/L1', 'f-b': 'missing_posting PB/L1, order O-B', dl: '3 messages refused' },
  plants: { 'f-a': 'PA', 'f-b': 'PB', dl: '' },
};

describe('alert plant scope', () => {
  it('keeps each stored line with its plant; a line stored without one has none', () => {
    expect(decodeItem(encodeItem('PA', 'missing_posting PA/L1'))).toEqual({ plant: 'PA', text: 'missing_posting PA/L1' });
    expect(decodeItem(encodeItem('', 'test'))).toEqual({ plant: '', text: 'test' });
    expect(decodeItem('missing_posting PB/L1')).toEqual({ plant: '', text: 'missing_posting PB/L1' });
  });

  it('shows a plant-scoped person only their plants\u2019 items; an item without a plant only to every-plant people', () => {
    expect(stateFor(firing, A).items).toEqual(['missing_posting PA/L1']);
    expect(stateFor(firing, ALL).items).toHaveLength(3);
    expect(itemsFor(firing, A)).toEqual({ keys: ['f-a'], outside: true });
    expect(itemsFor(firing, ALL)).toEqual({ keys: ['f-a', 'f-b', 'dl'], outside: false });
  });

  it('a rule firing with none of their items looks quiet; a state written before items had plants shows nothing to them', () => {
    const onlyB = { ...firing, items: ['f-b'] };
    expect(stateFor(onlyB, A)).toEqual(stateFor(undefined, A));
    expect(stateFor(onlyB, A)).toMatchObject({ firing: false, since: null, items: [], lastNotifiedAt: null });
    expect(stateFor({ ...firing, plants: {} }, A).firing).toBe(false);
  });

  it('shows rules for every plant or one of theirs, listing only their plants', () => {
    expect(visibleRule({ plants: [] }, A)).toBe(true);
    expect(visibleRule({ plants: ['PA', 'PB'] }, A)).toBe(true);
    expect(visibleRule({ plants: ['PB'] }, A)).toBe(false);
    expect(rulePlantsFor({ plants: ['PA', 'PB'] }, A)).toEqual(['PA']);
    expect(rulePlantsFor({ plants: ['PA', 'PB'] }, ALL)).toEqual(['PA', 'PB']);
  });

  it('a notification: their lines only, the summary counting only those; none of theirs, not shown', () => {
    const row: NotificationRow = {
      notificationId: 'n1',
      channelId: 'c1',
      ruleId: 'r1',
      ruleName: 'Every plant',
      kind: 'firing',
      createdAt: AN_HOUR_AGO,
      status: 'sent',
      attempts: 1,
      lastError: '',
      sentAt: null,
      summary: '[FIRING] Every plant: 3 items',
      items: [encodeItem('PA', 'a'), encodeItem('PB', 'b'), encodeItem('', 'c')],
    };
    expect(notificationFor(row, A)).toMatchObject({ items: ['a'], summary: '[FIRING] Every plant: 1 item' });
    expect(notificationFor(row, ALL)).toMatchObject({ items: ['a', 'b', 'c'], summary: '[FIRING] Every plant: 3 items' });
    expect(notificationFor({ ...row, items: [encodeItem('PB', 'b')] }, A)).toBeNull();
    expect(notificationFor({ ...row, items: ['written before plants'] }, A)).toBeNull();
  });
});
