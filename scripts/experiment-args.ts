/**
 * Command-line parsing for scripts/experiment.ts, apart from the script so it can be unit-tested.
 *   npm run experiment -- <ensemble|data-size|fixed-units> [--seeds N] [--format csv|json|markdown] [--workers 1|2]
 *                         [--epochs N]
 */
import { EXPERIMENT_DEFAULT_SEEDS, EXPERIMENT_NAMES, type ExperimentName } from '../src/engine/experiments';
import { SCENARIO_LIMITS } from '../src/engine/scenario';

export const EXPERIMENT_USAGE = `usage: npm run experiment -- <${EXPERIMENT_NAMES.join('|')}> [--seeds N] [--format csv|json|markdown]
  [--workers N (1–2, default 2)] [--epochs N (default: the scenario's budget)]`;

export interface ExperimentArgs {
  name: ExperimentName;
  seeds: number;
  format: 'csv' | 'json' | 'markdown';
  workers: number;
  epochs?: number;
}

export type ExperimentParse = ({ ok: true } & ExperimentArgs) | { ok: false; error: string };

function integer(flag: string, text: string | undefined, min: number, max: number): number {
  if (text === undefined || !/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new Error(`--${flag} must be an integer between ${min} and ${max}, but got ${JSON.stringify(text ?? '')}`);
  }
  return Number(text);
}

export function parseExperimentArgs(argv: readonly string[]): ExperimentParse {
  try {
    const [name, ...rest] = argv;
    if (!(EXPERIMENT_NAMES as readonly string[]).includes(name)) {
      throw new Error(`the first argument must be one of ${EXPERIMENT_NAMES.join(', ')}, but got ${JSON.stringify(name ?? '')}`);
    }
    const args: ExperimentArgs = {
      name: name as ExperimentName, seeds: EXPERIMENT_DEFAULT_SEEDS[name as ExperimentName], format: 'csv', workers: 2,
    };
    for (let i = 0; i < rest.length; i++) {
      const match = /^--([a-z]+)(?:=(.*))?$/.exec(rest[i]);
      if (!match) throw new Error(`unknown argument ${JSON.stringify(rest[i])}`);
      const value = match[2] ?? rest[++i];
      if (match[1] === 'seeds') args.seeds = integer('seeds', value, 1, 100);
      else if (match[1] === 'workers') args.workers = integer('workers', value, 1, 2);
      else if (match[1] === 'epochs') args.epochs = integer('epochs', value, SCENARIO_LIMITS.minEpochs, SCENARIO_LIMITS.maxEpochs);
      else if (match[1] === 'format') {
        if (value !== 'csv' && value !== 'json' && value !== 'markdown') throw new Error(`--format must be csv, json or markdown, but got ${JSON.stringify(value ?? '')}`);
        args.format = value;
      } else throw new Error(`unknown argument ${JSON.stringify(rest[i - (match[2] === undefined ? 1 : 0)])}`);
    }
    return { ok: true, ...args };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
