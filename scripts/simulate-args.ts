/**
 * Command-line parsing for scripts/simulate.ts, kept apart from the script so it can be unit-tested.
 * Every flag maps to one ScenarioOptions field (or epochs / format); values are checked by the engine's own
 * validateScenario, so the CLI, the URL and the worker all refuse the same things with the same words.
 */
import { SCENARIO_LIMITS, validateScenario, type ScenarioOptions } from '../src/engine/scenario';

export type OutputFormat = 'csv' | 'json';

export interface SimulateArgs {
  options: Partial<ScenarioOptions> & { epochs: number };
  format: OutputFormat;
}

export type ParseResult = ({ ok: true; help: boolean } & SimulateArgs) | { ok: false; error: string };

type Kind = 'int' | 'number' | 'string' | 'bool' | 'list';
const FLAGS: Record<string, { key: keyof ScenarioOptions | 'epochs' | 'format'; kind: Kind }> = {
  seed: { key: 'seed', kind: 'int' },
  epochs: { key: 'epochs', kind: 'int' },
  format: { key: 'format', kind: 'string' },
  p: { key: 'p', kind: 'number' },
  dataset: { key: 'dataset', kind: 'string' },
  'train-size': { key: 'trainSize', kind: 'int' },
  'val-size': { key: 'valSize', kind: 'int' },
  noise: { key: 'noise', kind: 'number' },
  gap: { key: 'gap', kind: 'bool' },
  hidden: { key: 'hidden', kind: 'list' },
  activation: { key: 'activation', kind: 'string' },
  optimizer: { key: 'optimizer', kind: 'string' },
  lr: { key: 'learningRate', kind: 'number' },
  'learning-rate': { key: 'learningRate', kind: 'number' },
  'batch-size': { key: 'batchSize', kind: 'int' },
  'eval-every': { key: 'evalEvery', kind: 'int' },
};

export const USAGE = `usage: npm run simulate -- [--seed N] [--epochs N] [--format csv|json] [--p P]
  [--dataset sine|moons] [--train-size N] [--val-size N] [--noise X] [--gap [true|false]]
  [--hidden 64,64] [--activation tanh|relu] [--optimizer adam|sgd] [--lr X] [--batch-size N] [--eval-every N]`;

/** A strict number: the whole string must be a finite decimal ("1e-3" yes, "", "0x10", "3abc" no). */
function parseNumber(flag: string, text: string, integer: boolean): number {
  const value = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new Error(`--${flag} expects ${integer ? 'an integer' : 'a number'}, but got ${JSON.stringify(text)}`);
  }
  return value;
}

/** Parses argv (without `node script`); never throws and never exits: the caller prints and picks the code. */
export function parseSimulateArgs(argv: readonly string[]): ParseResult {
  const options: Record<string, unknown> = {};
  let format: OutputFormat = 'csv';
  let help = false;
  try {
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i];
      if (arg === '--help' || arg === '-h') {
        help = true;
        continue;
      }
      const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
      const spec = match ? FLAGS[match[1]] : undefined;
      if (!match || !spec) throw new Error(`unknown argument ${JSON.stringify(arg)}`);
      const flag = match[1];
      let text = match[2];
      if (text === undefined) {
        const next = argv[i + 1];
        const hasValue = next !== undefined && !next.startsWith('--');
        if (spec.kind === 'bool' && (!hasValue || !/^(true|false)$/.test(next))) text = 'true';
        else if (!hasValue) throw new Error(`--${flag} needs a value`);
        else text = argv[++i];
      }
      let value: unknown;
      if (spec.kind === 'int' || spec.kind === 'number') value = parseNumber(flag, text, spec.kind === 'int');
      else if (spec.kind === 'bool') {
        if (text !== 'true' && text !== 'false') throw new Error(`--${flag} expects true or false, but got ${JSON.stringify(text)}`);
        value = text === 'true';
      } else if (spec.kind === 'list') value = text.split(',').map((part) => parseNumber(flag, part, true));
      else value = text;
      if (spec.key === 'format') {
        if (value !== 'csv' && value !== 'json') throw new Error(`--format must be csv or json, but got ${JSON.stringify(value)}`);
        format = value;
      } else options[spec.key] = value;
    }
    const { epochs, ...scenario } = options as Partial<ScenarioOptions>;
    if (epochs !== undefined && !(Number.isInteger(epochs) && epochs >= SCENARIO_LIMITS.minEpochs && epochs <= SCENARIO_LIMITS.maxEpochs)) {
      throw new Error(`--epochs must be an integer between ${SCENARIO_LIMITS.minEpochs} and ${SCENARIO_LIMITS.maxEpochs}, but got ${epochs}`);
    }
    // Refuse bad combinations now, with the engine's message; without --epochs the run takes the scenario's budget.
    const budget = validateScenario({ ...scenario, epochs }).epochs;
    return { ok: true, help, options: { ...scenario, epochs: budget }, format };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
