/** What every experiment hands back: a small table the CLI prints and the app can draw, plus summary statistics. */

/** One experiment's combined result: named columns, one row per configuration, numbers only. */
export interface ExperimentTable {
  experiment: string;
  /** Seeds the table averages over. */
  seeds: number;
  columns: readonly string[];
  rows: number[][];
}

/** Mean of a list (NaN when empty). */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Sample standard deviation (n − 1; 0 for a single value, NaN when empty): the spread over seeds. */
export function standardDeviation(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  if (values.length === 1) return 0;
  const m = mean(values);
  return Math.sqrt(values.reduce((s, v) => s + (v - m) * (v - m), 0) / (values.length - 1));
}

/** CSV of a table: a header, then one line per row, numbers to 4 significant digits. */
export function experimentTableToCsv(table: ExperimentTable): string {
  const fmt = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(4))) : String(v));
  return [table.columns.join(','), ...table.rows.map((row) => row.map(fmt).join(','))].join('\n') + '\n';
}

/** The same table as a Markdown table (for the README). */
export function experimentTableToMarkdown(table: ExperimentTable): string {
  const fmt = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : String(v));
  return [
    `| ${table.columns.join(' | ')} |`,
    `|${table.columns.map(() => '---').join('|')}|`,
    ...table.rows.map((row) => `| ${row.map(fmt).join(' | ')} |`),
  ].join('\n') + '\n';
}

/** Checks a seed count for an experiment's job list. */
export function assertSeedCount(seeds: number, max = 100): void {
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > max) throw new RangeError(`seeds must be an integer between 1 and ${max}, but got ${seeds}`);
}
