/**
 * Where a chunk's bytes come from, read from its source map: minified bytes per npm package or per source
 * folder. Used by check-bundle.ts when the build has source maps (`vite build --sourcemap`), so whoever is over
 * the budget can see what to cut. Raw (not gzipped) bytes: gzip does not split by source.
 */
import { existsSync, readFileSync } from 'node:fs';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one source-map segment (base64 VLQ) into its numbers. */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** "node_modules/d3-shape/src/line.js" → "d3-shape"; "../src/ui/loss/x.ts" → "src/ui/loss". */
function groupOf(source: string): string {
  const npm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (npm) return npm[1];
  const own = /(src\/[^/]+(?:\/[^/]+)?)\//.exec(source);
  return own ? own[1] : source;
}

/** Bytes per group, largest first; null when the chunk has no source map. */
export function breakdown(chunkPath: string): [string, number][] | null {
  const mapPath = `${chunkPath}.map`;
  if (!existsSync(mapPath)) return null;
  const map = JSON.parse(readFileSync(mapPath, 'utf8')) as { sources: string[]; mappings: string };
  const lines = readFileSync(chunkPath, 'utf8').split('\n');
  const bytes = new Map<string, number>();
  let source = 0;
  map.mappings.split(';').forEach((line, lineIndex) => {
    const segments = line.split(',').filter(Boolean).map(decodeSegment);
    let column = 0;
    segments.forEach((segment, i) => {
      column += segment[0];
      if (segment.length > 1) source += segment[1];
      const end = i + 1 < segments.length ? column + segments[i + 1][0] : (lines[lineIndex]?.length ?? column);
      const group = groupOf(map.sources[source] ?? '?');
      bytes.set(group, (bytes.get(group) ?? 0) + (end - column));
    });
  });
  return [...bytes.entries()].sort((a, b) => b[1] - a[1]);
}
