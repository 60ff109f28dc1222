import type { PlantScope } from '../domain/plant-scope';
import type { AlertRule, AlertState } from './alert-model';
import { title } from './alert-messages';
import type { NotificationRow } from './alerts.repository';

/**
 * Plant scope for alerts (docs/alerts.md, "Who sees what"): a person scoped to some plants sees, of a
 * rule's state and of each notification, only the items of those plants. An item with no plant (a
 * refused message whose topic named none, a test notification, a row written before items carried
 * their plant) is shown only to people with every plant, like a dead letter without a plant.
 */

/** An item of a notification row as stored: `\x1e<plant>\x1f<text>`, so the history keeps each line's plant. */
const MARK = '\x1e';
const SEP = '\x1f';

export function encodeItem(plant: string, text: string): string {
  return `${MARK}${plant}${SEP}${text}`;
}

/** A stored item's plant ('' when it has none, or was stored before items carried their plant) and text. */
export function decodeItem(stored: string): { plant: string; text: string } {
  if (!stored.startsWith(MARK)) return { plant: '', text: stored };
  const end = stored.indexOf(SEP);
  if (end < 0) return { plant: '', text: stored.slice(1) };
  return { plant: stored.slice(1, end), text: stored.slice(end + 1) };
}

/** The SQL expression of a stored item's plant, for `arrayMap(i -> ..., items)`. */
export const ITEM_PLANT_SQL = `if(startsWith(i, char(30)) AND position(i, char(31)) > 0, substring(i, 2, position(i, char(31)) - 2), '')`;

/** An item a person of `scope` may see: every item for every plant; otherwise only items of their plants. */
export function seesItem(scope: PlantScope, plant: string): boolean {
  return scope.isAll || (plant !== '' && scope.allows(plant));
}

/** A rule is shown when it covers every plant (no list) or one of the caller's plants; its list shows only theirs. */
export function visibleRule(rule: Pick<AlertRule, 'plants'>, scope: PlantScope): boolean {
  return scope.isAll || rule.plants.length === 0 || rule.plants.some((p) => scope.allows(p));
}

export function rulePlantsFor(rule: Pick<AlertRule, 'plants'>, scope: PlantScope): string[] {
  return scope.isAll ? rule.plants : rule.plants.filter((p) => scope.allows(p));
}

/** The state's items (keys) a person of `scope` may see, and whether any lies outside it. */
export function itemsFor(state: AlertState, scope: PlantScope): { keys: string[]; outside: boolean } {
  const keys = state.items.filter((k) => seesItem(scope, state.plants?.[k] ?? ''));
  return { keys, outside: keys.length < state.items.length };
}

export interface StateView {
  firing: boolean;
  since: string | null;
  items: string[];
  lastNotifiedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  escalatedAt: string | null;
}

/**
 * A rule's state as a person of `scope` sees it: the lines of their plants' items only; a rule firing
 * with none of their items looks exactly like a quiet rule.
 */
export function stateFor(state: AlertState | undefined, scope: PlantScope): StateView {
  const { keys } = state ? itemsFor(state, scope) : { keys: [] };
  if (!state?.firing || keys.length === 0)
    return {
      firing: false,
      since: null,
      items: [],
      lastNotifiedAt: null,
      acknowledgedBy: null,
      acknowledgedAt: null,
      escalatedAt: null,
    };
  return {
    firing: true,
    since: state.since,
    items: keys.map((k) => state.labels[k] ?? k),
    lastNotifiedAt: state.lastNotifiedAt,
    acknowledgedBy: state.acknowledgedBy,
    acknowledgedAt: state.acknowledgedAt,
    escalatedAt: state.escalatedAt,
  };
}

/**
 * A notification as a person of `scope` sees it: only their plants' lines, and the summary counting
 * only those; null when none of its lines is theirs (it is not shown at all).
 */
export function notificationFor(row: NotificationRow, scope: PlantScope): NotificationRow | null {
  const decoded = row.items.map(decodeItem);
  if (scope.isAll) return { ...row, items: decoded.map((d) => d.text) };
  const items = decoded.filter((d) => seesItem(scope, d.plant)).map((d) => d.text);
  if (items.length === 0) return null;
  const summary = title({
    notificationId: row.notificationId,
    ruleId: row.ruleId,
    ruleName: row.ruleName,
    kind: row.kind as Parameters<typeof title>[0]['kind'],
    createdAt: row.createdAt,
    items,
    link: null,
  });
  return { ...row, items, summary };
}
