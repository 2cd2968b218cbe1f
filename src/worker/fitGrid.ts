/** The inputs the fit chart's predictions are computed on, from the dataset's domain. */
import type { TwinTrainer } from '../engine';

/** Points of the 1-D fit curve and cells per side of the 2-D decision region. */
export const FIT_CURVE_POINTS = 200;
export const FIT_REGION_SIZE = 40;

/** The inputs the fit chart is drawn on: 200 xs across the domain, or a 40×40 grid, row-major from the top. */
export function fitGrid(trainer: TwinTrainer): Float32Array {
  const domain = trainer.dataset.domain;
  if (trainer.dataset.inputSize === 1) {
    const [lo, hi] = domain[0];
    return Float32Array.from({ length: FIT_CURVE_POINTS }, (_, i) => lo + ((hi - lo) * i) / (FIT_CURVE_POINTS - 1));
  }
  const [[xMin, xMax], [yMin, yMax]] = domain;
  const size = FIT_REGION_SIZE;
  const grid = new Float32Array(size * size * 2);
  for (let row = 0; row < size; row++) {
    const y = yMax - ((yMax - yMin) * row) / (size - 1);
    for (let col = 0; col < size; col++) {
      const i = (row * size + col) * 2;
      grid[i] = xMin + ((xMax - xMin) * col) / (size - 1);
      grid[i + 1] = y;
    }
  }
  return grid;
}
