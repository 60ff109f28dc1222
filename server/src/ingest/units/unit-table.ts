/** Maps every accepted spelling of a unit (case-insensitive) to its code, from the `units` table. */
export class UnitTable {
  private readonly byAlias = new Map<string, string>();

  /** `units`: the table's rows, kept as given (a worker thread rebuilds the table from them). */
  constructor(readonly units: readonly { code: string; aliases: readonly string[] }[]) {
    for (const u of units) {
      this.byAlias.set(u.code.toLowerCase(), u.code);
      for (const a of u.aliases) this.byAlias.set(a.toLowerCase(), u.code);
    }
  }

  /** The unit's code, '' for no unit, or undefined when the unit is not in the table. */
  resolve(unit: string): string | undefined {
    if (unit === '') return '';
    return this.byAlias.get(unit) ?? this.byAlias.get(unit.toLowerCase());
  }

  codes(): string[] {
    return [...new Set(this.byAlias.values())].sort();
  }
}
