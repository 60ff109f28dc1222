import { errorMessage } from '../api/errors';
import type { FindingFilterInput } from '../gql/graphql';
import { tilesFilter } from './finding-filter';
import { countText, moneyText } from './finding-format';
import { FINDING_TYPES, isActiveStatus, typeLabel } from './finding-vocabulary';
import { useFindingCounts, type FindingCount } from './useFindings';

interface TypeTotals {
  open: number;
  all: number;
  /** Value at risk of the findings still active (resolved and ignored ones risk nothing). */
  atRisk: number;
}

export function totalsByType(counts: readonly FindingCount[]): Map<string, TypeTotals> {
  const totals = new Map<string, TypeTotals>();
  for (const c of counts) {
    const t = totals.get(c.type) ?? { open: 0, all: 0, atRisk: 0 };
    t.all += c.count;
    if (c.status === 'open') t.open += c.count;
    if (isActiveStatus(c.status)) t.atRisk += c.valueAtRisk;
    totals.set(c.type, t);
  }
  return totals;
}

interface TileProps {
  label: string;
  totals: TypeTotals;
  currency: string | undefined;
  pressed: boolean;
  type?: string;
  onClick: () => void;
}

function Tile({ label, totals, currency, pressed, type, onClick }: TileProps) {
  return (
    <button
      type="button"
      className="tile"
      aria-pressed={pressed}
      onClick={onClick}
      data-testid="finding-tile"
      data-type={type ?? 'all'}
      title="Value at risk of the active findings (open, acknowledged, assigned, replaying)"
    >
      <span className="tile__label">{label}</span>
      <span className="tile__count">
        <strong>{countText(totals.open)}</strong> open
      </span>
      <span className="tile__meta">of {countText(totals.all)} in all statuses</span>
      <span className="tile__value">{moneyText(totals.atRisk, currency)} at risk</span>
    </button>
  );
}

interface FindingTilesProps {
  filter: FindingFilterInput;
  /** The tile clicked: one type, or null for every type. */
  onPick: (type: string | null) => void;
}

/**
 * One tile per finding type: open vs. all statuses and value at risk, within the page's other
 * filters (plant, line, time…); a click filters the queue by that type.
 */
export function FindingTiles({ filter, onPick }: FindingTilesProps) {
  const [{ data, error }] = useFindingCounts(tilesFilter(filter));
  const picked = filter.types ?? [];
  if (error) {
    return (
      <p className="page__error" role="alert">
        Could not load the counts: {errorMessage(error)}
      </p>
    );
  }
  if (!data) return <p role="status">Loading counts…</p>;

  const totals = totalsByType(data.findingCounts);
  const currency = data.currencyOf.nodes[0]?.currency;
  const sum = [...totals.values()].reduce(
    (a, t) => ({ open: a.open + t.open, all: a.all + t.all, atRisk: a.atRisk + t.atRisk }),
    {
      open: 0,
      all: 0,
      atRisk: 0,
    },
  );
  // The known types always, in a fixed order (a zero is news too); any the dashboard does not know yet after them.
  const types = [...FINDING_TYPES, ...[...totals.keys()].filter((t) => !(FINDING_TYPES as readonly string[]).includes(t))];
  return (
    <div className="tiles" role="group" aria-label="Findings by type">
      <Tile label="All types" totals={sum} currency={currency} pressed={picked.length === 0} onClick={() => onPick(null)} />
      {types.map((type) => (
        <Tile
          key={type}
          type={type}
          label={typeLabel(type)}
          totals={totals.get(type) ?? { open: 0, all: 0, atRisk: 0 }}
          currency={currency}
          pressed={picked.length === 1 && picked[0] === type}
          onClick={() => onPick(picked.length === 1 && picked[0] === type ? null : type)}
        />
      ))}
    </div>
  );
}
