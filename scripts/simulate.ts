/**
 * Headless twin training: prints simulate()'s loss curves as CSV (default) or JSON.
 *   npm run simulate -- --seed 3 --epochs 3000 --format csv --p 0.3
 * Bad flags print a message and the usage to stderr and exit with code 2.
 */
import { simulate } from '../src/engine/trainer';
import { lossHistoryToCsv } from '../src/engine/lossCsv';
import { parseSimulateArgs, USAGE } from './simulate-args';

const parsed = parseSimulateArgs(process.argv.slice(2));
if (!parsed.ok) {
  process.stderr.write(`simulate: ${parsed.error}\n${USAGE}\n`);
  process.exit(2);
}
if (parsed.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const result = simulate(parsed.options);
process.stdout.write(parsed.format === 'json' ? `${JSON.stringify(result)}\n` : lossHistoryToCsv(result));
if (result.diverged) process.stderr.write(`simulate: training diverged at epoch ${result.epochs[result.epochs.length - 1]}\n`);
