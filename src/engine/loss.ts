import type { MlpWorkspace } from './mlp';

/** 'mse' for regression (nn.MSELoss), 'bce' for binary classification on logits (nn.BCEWithLogitsLoss). */
export type LossName = 'mse' | 'bce';

/**
 * Loss of the last forward pass in `ws` against `targets` (n × outputs, row-major, or gathered by `rows`),
 * averaged over every element as PyTorch's default `reduction='mean'` does. When `withGradient` is set it also
 * writes dLoss/dOutput into the workspace's last delta buffer, ready for `Mlp.backward`.
 */
export function computeLoss(
  loss: LossName,
  ws: MlpWorkspace,
  targets: ArrayLike<number>,
  outputSize: number,
  withGradient: boolean,
  rows?: Int32Array,
): number {
  const n = ws.n;
  const out = ws.outputs[ws.outputs.length - 1];
  const grad = ws.deltas[ws.deltas.length - 1];
  const count = n * outputSize;
  const inv = 1 / count;
  let sum = 0;
  for (let s = 0; s < n; s++) {
    const t0 = (rows ? rows[s] : s) * outputSize;
    for (let o = 0; o < outputSize; o++) {
      const i = s * outputSize + o;
      const y = out[i];
      const t = targets[t0 + o];
      if (loss === 'mse') {
        const e = y - t;
        sum += e * e;
        if (withGradient) grad[i] = 2 * e * inv;
      } else {
        // max(z, 0) − z·t + log(1 + e^−|z|): the overflow-free form BCEWithLogitsLoss uses.
        const e = Math.exp(-Math.abs(y));
        sum += (y > 0 ? y : 0) - y * t + Math.log1p(e);
        if (withGradient) {
          const sigmoid = y >= 0 ? 1 / (1 + e) : e / (1 + e);
          grad[i] = (sigmoid - t) * inv;
        }
      }
    }
  }
  return sum * inv;
}

/** Logistic sigmoid, written to stay finite for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}
