/** Placeholder frame until this panel lands; replaced by its owner. */
export function LossChartPanel() {
  return null;
}
