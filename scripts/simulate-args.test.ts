import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../src/engine/scenario';
import { parseSimulateArgs } from './simulate-args';

describe('parseSimulateArgs', () => {
  it("defaults to CSV and the scenario's epoch budget", () => {
    expect(parseSimulateArgs([])).toEqual({ ok: true, help: false, options: { epochs: DEFAULT_SCENARIO.epochs }, format: 'csv' });
    // --epochs overrides the budget; the engine's limits bound it.
    expect(parseSimulateArgs(['--epochs', '1000000'])).toMatchObject({ ok: true, options: { epochs: 1_000_000 } });
    expect(parseSimulateArgs(['--epochs', '1000001'])).toMatchObject({ ok: false });
  });

  it('reads every flag, with a space or an equals sign', () => {
    const r = parseSimulateArgs([
      '--seed', '3', '--epochs=500', '--format', 'json', '--p', '0.5', '--dataset', 'sine', '--train-size', '40',
      '--val-size=100', '--noise', '0.2', '--gap', '--hidden', '32,16', '--activation', 'relu', '--optimizer', 'sgd',
      '--lr', '0.05', '--batch-size', '10', '--eval-every', '5',
    ]);
    expect(r).toEqual({
      ok: true, help: false, format: 'json',
      options: {
        seed: 3, epochs: 500, p: 0.5, dataset: 'sine', trainSize: 40, valSize: 100, noise: 0.2, gap: true,
        hidden: [32, 16], activation: 'relu', optimizer: 'sgd', learningRate: 0.05, batchSize: 10, evalEvery: 5,
      },
    });
    expect(parseSimulateArgs(['--gap', 'false', '--seed', '1'])).toMatchObject({ ok: true, options: { gap: false, seed: 1 } });
    expect(parseSimulateArgs(['--help'])).toMatchObject({ ok: true, help: true });
  });

  it('returns a clear error for bad flags and values', () => {
    const cases: [string[], string | RegExp][] = [
      [['--seed', 'abc'], '--seed expects an integer, but got "abc"'],
      [['--seed', '1.5'], '--seed expects an integer, but got "1.5"'],
      [['--seed', '-1'], /seed must be an integer between 0 and 2\*\*32 - 1, but got -1/],
      [['--p', '1.5'], 'p: dropout probability has to be between 0 and 1, but got 1.5'],
      [['--p'], '--p needs a value'],
      [['--format', 'xml'], '--format must be csv or json, but got "xml"'],
      [['--epochs', '0'], /--epochs must be an integer between 1 and 1000000, but got 0/],
      [['--lr', '0x10'], '--lr expects a number, but got "0x10"'],
      [['--hidden', '64,abc'], /--hidden expects an integer, but got "abc"/],
      [['--bogus', '1'], 'unknown argument "--bogus"'],
      [['seed=3'], 'unknown argument "seed=3"'],
      [['--gap=maybe'], '--gap expects true or false, but got "maybe"'],
    ];
    for (const [argv, message] of cases) {
      const r = parseSimulateArgs(argv);
      expect(r.ok, argv.join(' ')).toBe(false);
      if (!r.ok) expect(r.error).toMatch(typeof message === 'string' ? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : message);
    }
  });
});
