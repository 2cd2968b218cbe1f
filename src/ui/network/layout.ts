/**
 * Where each neuron goes. A 64- or 128-unit layer drawn as one column would shrink its units to specks, so every
 * hidden layer is a block of short columns (filled top to bottom), sized so the whole network fits the box with
 * the largest units possible. Input and output stay single columns. Pure: unit-tested in layout.test.ts.
 */

export interface NeuronPosition {
  x: number;
  y: number;
}

export interface NetworkLayout {
  width: number;
  height: number;
  radius: number;
  /** Per layer (input, hidden…, output), per unit. */
  positions: NeuronPosition[][];
  /** Horizontal centre of each layer, for its caption. */
  centres: number[];
}

const MAX_CELL = 40;
const MIN_CELL = 5;
/** Vertical room kept free above the blocks for the layer captions. */
export const CAPTION_SPACE = 28;

/** Lays out layers of the given widths (input first) in a box of width × height pixels. */
export function layoutNetwork(widths: readonly number[], width: number, height: number): NetworkLayout {
  const usableHeight = Math.max(20, height - CAPTION_SPACE - 8);
  const edgeLayers = widths.length - 1;
  let cell = MIN_CELL;
  let columns: number[] = widths.map(() => 1);
  for (let size = MAX_CELL; size >= MIN_CELL; size--) {
    const rows = Math.max(1, Math.floor(usableHeight / size));
    const cols = widths.map((units) => Math.ceil(units / rows));
    const blocks = cols.reduce((sum, c) => sum + c * size, 0);
    // Leave room for the edges between blocks: at least 2.5 cells, or 32 px, per gap.
    const minGap = Math.max(32, size * 2.5);
    cell = size;
    columns = cols;
    if (blocks + minGap * edgeLayers <= width) break;
  }
  const blockWidths = columns.map((c) => c * cell);
  const gap = Math.max(0, (width - blockWidths.reduce((a, b) => a + b, 0)) / (edgeLayers + 2));
  const radius = Math.max(2, Math.min(16, cell * 0.38));
  const positions: NeuronPosition[][] = [];
  const centres: number[] = [];
  let left = gap;
  widths.forEach((units, layer) => {
    const cols = columns[layer];
    const rows = Math.ceil(units / cols);
    const top = CAPTION_SPACE + (usableHeight - rows * cell) / 2;
    const layerPositions: NeuronPosition[] = [];
    for (let i = 0; i < units; i++) {
      const col = Math.floor(i / rows);
      const row = i % rows;
      layerPositions.push({ x: left + (col + 0.5) * cell, y: top + (row + 0.5) * cell });
    }
    positions.push(layerPositions);
    centres.push(left + blockWidths[layer] / 2);
    left += blockWidths[layer] + gap;
  });
  return { width, height, radius, positions, centres };
}
