import { describe, expect, it } from 'vitest';
import { PlantScope } from './plant-scope';

describe('PlantScope', () => {
  it('narrows a request to the plants in scope, dropping the others silently', () => {
    const p1 = PlantScope.of(['P1', 'P3']);
    expect(p1.narrow(['P2']).list).toEqual([]);
    expect(p1.narrow(['P1', 'P2']).list).toEqual(['P1']);
    expect(p1.narrow(undefined).list).toEqual(['P1', 'P3']);
    expect(PlantScope.all().narrow(['P2']).list).toEqual(['P2']);
  });

  it('treats "*" as every plant and binds the scope as parameters, never as SQL text', () => {
    expect(PlantScope.of(['*']).isAll).toBe(true);
    expect(PlantScope.of(['*']).scopeParams()).toEqual({ scope_all: true, scope_plants: [] });
    expect(PlantScope.of(["P1' OR 1=1 --"]).scopeParams()).toEqual({ scope_all: false, scope_plants: ["P1' OR 1=1 --"] });
  });

  it('an empty narrowed scope allows nothing', () => {
    const none = PlantScope.of(['P1']).narrow(['P9']);
    expect(none.allows('P1')).toBe(false);
    expect(none.scopeParams()).toEqual({ scope_all: false, scope_plants: [] });
  });
});
