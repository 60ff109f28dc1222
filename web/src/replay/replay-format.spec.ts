import { describe, expect, it } from 'vitest';
import { doneCount, payloadProblem, skipText } from './replay-format';

describe('replay wording', () => {
  it('says why a message is skipped', () => {
    expect(skipText('already_posted')).toBe('Already posted');
    expect(skipText('something_new')).toBe('something_new');
  });

  it('refuses an edited payload that is not JSON, and accepts one that is', () => {
    expect(payloadProblem('{"quantity": 12}')).toBe('');
    expect(payloadProblem('{quantity: 12}')).toMatch(/^Not valid JSON/);
    expect(payloadProblem('  ')).toBe('The payload is empty.');
  });

  it('counts every finished message of a replay', () => {
    expect(doneCount({ sent: 3, skipped: 2, failed: 1, dead: 1, cancelled: 4 })).toBe(11);
  });
});
