/** "P1, P2" → ["P1", "P2"]; blanks dropped. The server checks the codes and the role's rules. */
export function parsePlants(text: string): string[] {
  return text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The plant list as typed into the form. */
export function plantsText(plants: readonly string[]): string {
  return plants.join(', ');
}

/** The plant list as read in the table: "every plant" for ["*"] and for roles that take no list. */
export function plantsLabel(plants: readonly string[]): string {
  if (plants.length === 0 || plants.includes('*')) return 'every plant';
  return plants.join(', ');
}
