const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 });
const count = new Intl.NumberFormat(undefined);
const money = new Map<string, Intl.NumberFormat>();

/** "40 EA"; "–" when there is nothing to show. */
export function quantityText(quantity: number | null | undefined, unit: string): string {
  if (quantity === null || quantity === undefined) return '–';
  return unit ? `${number.format(quantity)} ${unit}` : number.format(quantity);
}

/** "device 40 EA · ERP 42 EA"; a side with no quantity says so ("ERP none"); empty when neither has one. */
export function quantitiesText(device: number | null | undefined, erp: number | null | undefined, unit: string): string {
  if ((device === null || device === undefined) && (erp === null || erp === undefined)) return '';
  const side = (label: string, q: number | null | undefined) =>
    `${label} ${q === null || q === undefined ? 'none' : quantityText(q, unit)}`;
  return `${side('device', device)} · ${side('ERP', erp)}`;
}

/** "€1,234.50" in the viewer's locale; the ISO code where the currency is not one Intl knows. */
export function moneyText(value: number, currency: string | undefined): string {
  if (!currency) return number.format(value);
  let format = money.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    } catch {
      return `${number.format(value)} ${currency}`;
    }
    money.set(currency, format);
  }
  return format.format(value);
}

/** "1 finding", "412 findings". */
export function findingsText(n: number): string {
  return n === 1 ? '1 finding' : `${count.format(n)} findings`;
}

export const countText = (n: number) => count.format(n);

/** A duration for people: "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
export function ageText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** The end of the hour that starts at `iso` (groups fold findings by hour). */
export function hourLater(iso: string): string {
  return new Date(Date.parse(iso) + 3600_000).toISOString();
}
