/**
 * The plants a caller may see: every plant, or a fixed set. Every plant-scoped query goes through
 * ClickHouseService.scopedQuery, which binds `scopeParams()` so the SQL's condition
 * `(plant IN {scope_plants:Array(String)} OR {scope_all:Bool})` is always a bound value.
 */
export class PlantScope {
  private constructor(private readonly plants: ReadonlySet<string> | null) {}

  static all(): PlantScope {
    return new PlantScope(null);
  }

  static of(plants: Iterable<string>): PlantScope {
    const set = new Set(plants);
    return set.has('*') ? new PlantScope(null) : new PlantScope(set);
  }

  get isAll(): boolean {
    return this.plants === null;
  }

  /** The plants listed, or null for every plant. */
  get list(): readonly string[] | null {
    return this.plants ? [...this.plants].sort() : null;
  }

  allows(plant: string): boolean {
    return this.plants === null || this.plants.has(plant);
  }

  /**
   * The scope narrowed to what a caller asked for: plants outside the scope are dropped silently, so
   * asking for a plant one may not see answers exactly as asking for one that does not exist.
   */
  narrow(requested: readonly string[] | null | undefined): PlantScope {
    if (!requested || requested.length === 0) return this;
    return new PlantScope(new Set(requested.filter((p) => this.allows(p))));
  }

  /** Bound parameters for the `(plant IN {scope_plants:Array(String)} OR {scope_all:Bool})` condition. */
  scopeParams(): { scope_all: boolean; scope_plants: string[] } {
    return { scope_all: this.plants === null, scope_plants: this.plants ? [...this.plants] : [] };
  }
}

/** The SQL condition every scoped query carries, for a column named `column` (an identifier from code). */
export const PLANT_SCOPE_PARAMS = ['{scope_plants:Array(String)}', '{scope_all:Bool}'] as const;
