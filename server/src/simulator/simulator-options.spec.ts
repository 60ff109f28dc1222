import { describe, expect, it } from 'vitest';
import { DEFAULT_SIMULATOR_OPTIONS, SimulatorArgsError, parseSimulatorArgs } from './simulator-options';
import { validateSimulatorOptions } from './validate-options';

function errorOf(argv: string[]): string {
  try {
    parseSimulatorArgs(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(SimulatorArgsError);
    return (e as Error).message;
  }
  throw new Error(`expected ${argv.join(' ')} to be refused`);
}

describe('parseSimulatorArgs', () => {
  it('gives the defaults for no flags, and the defaults are valid', () => {
    expect(parseSimulatorArgs([])).toEqual(DEFAULT_SIMULATOR_OPTIONS);
    expect(validateSimulatorOptions(DEFAULT_SIMULATOR_OPTIONS)).toBeUndefined();
  });

  it('reads the flags of the issue, in both --flag value and --flag=value forms', () => {
    const o = parseSimulatorArgs([
      '--plants',
      '2',
      '--lines=3',
      '--rate',
      '30',
      '--seed',
      '7',
      '--days',
      '30',
      '--speed',
      '60',
      '--fault-rate',
      'dropped_message=0.02',
      '--fault-rate=late_posting=0.05,silent_line=0',
      '--sla',
      'goods_receipt=45',
      '--flows',
      'goods_receipt,production_confirmation',
      '--timestamps',
      'epoch_ms',
    ]);
    expect(o).toMatchObject({ plants: 2, linesPerPlant: 3, eventsPerAssetPerHour: 30, seed: 7, backfillDays: 30, speed: 60 });
    expect(o.faultRates).toMatchObject({ dropped_message: 0.02, late_posting: 0.05, silent_line: 0, duplicate_posting: 0.01 });
    expect(o.slaMinutes.goods_receipt).toBe(45);
    expect(o.flows).toEqual(['production_confirmation', 'goods_receipt']);
    expect(o.timestampFormat).toBe('epoch_ms');
  });

  it('sets every fault rate with all=, without touching the defaults object', () => {
    const o = parseSimulatorArgs(['--fault-rate', 'all=0']);
    expect(Object.values(o.faultRates).every((r) => r === 0)).toBe(true);
    expect(DEFAULT_SIMULATOR_OPTIONS.faultRates.dropped_message).toBe(0.01);
  });

  it('names the flag and what it allows when a value is wrong', () => {
    expect(errorOf(['--plants', 'three'])).toBe('--plants: expected an integer from 1 to 99, got "three"');
    expect(errorOf(['--plants', '0'])).toContain('--plants');
    expect(errorOf(['--seed', '1.5'])).toContain('--seed: expected an integer');
    expect(errorOf(['--days', '400'])).toContain('from 0 to 90');
    expect(errorOf(['--fault-rate', 'dropped=0.1'])).toContain('unknown name "dropped"; allowed: all, dropped_message');
    expect(errorOf(['--fault-rate', 'dropped_message=2'])).toContain('a probability from 0 to 1');
    expect(errorOf(['--fault-rate', 'dropped_message'])).toContain('expected name=value');
    expect(errorOf(['--flows', 'shipping'])).toContain('unknown flow "shipping"; allowed: production_confirmation');
    expect(errorOf(['--timestamps', 'unix'])).toContain('--timestamps: expected one of iso, epoch_ms');
    expect(errorOf(['--plants'])).toBe('--plants: missing value');
    expect(errorOf(['--plants', '--lines', '2'])).toBe('--plants: missing value');
    expect(errorOf(['--verbose'])).toContain('unknown argument "--verbose"; allowed flags: --plants');
  });

  it('refuses exclusive message fault rates that add up to more than 1', () => {
    expect(errorOf(['--fault-rate', 'all=0.2'])).toContain('sum to');
  });
});
