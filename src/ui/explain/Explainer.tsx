/** Placeholder frame until this panel lands; replaced by its owner. */
export function Explainer() {
  return null;
}
