import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS, ROLE_PERMISSIONS } from './permissions';
import { ROLES } from './roles';

/** docs/security.md prints the matrix people read; the code enforces ROLE_PERMISSIONS. They must agree. */
describe('the permission matrix in docs/security.md', () => {
  const doc = readFileSync(path.resolve(__dirname, '../../../docs/security.md'), 'utf8');
  const table = doc.slice(doc.indexOf('<!-- matrix:start -->'), doc.indexOf('<!-- matrix:end -->'));
  const rows = table
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) =>
      l
        .split('|')
        .map((c) => c.trim())
        .filter(Boolean),
    );
  const header = table
    .split('\n')
    .find((l) => l.startsWith('| permission'))!
    .split('|')
    .map((c) => c.trim())
    .filter(Boolean)
    .slice(1);

  it('has a column per role and a row per permission', () => {
    expect(header).toEqual([...ROLES]);
    expect(rows.map((r) => r[0].replaceAll('`', '')).sort()).toEqual([...ALL_PERMISSIONS].sort());
  });

  it('says yes exactly where the code allows', () => {
    for (const [cell, ...marks] of rows) {
      const permission = cell.replaceAll('`', '');
      ROLES.forEach((role, i) => {
        expect(marks[i], `${permission} for ${role}`).toBe(
          (ROLE_PERMISSIONS[role] as readonly string[]).includes(permission) ? 'yes' : 'no',
        );
      });
    }
  });
});
