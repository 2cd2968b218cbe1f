/**
 * Downloads for teachers' slides and students' reports, all made in the browser (no network): a chart as a
 * standalone SVG (its CSS variables resolved into inline styles, so it looks the same outside the app), the
 * same picture as PNG through a canvas, and text files such as the loss-history CSV.
 */

import { svgNumber } from './scales';

/** The presentation properties the charts set through CSS; copied inline so the file needs no stylesheet. */
const INLINE_PROPERTIES = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linecap',
  'stroke-linejoin', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline',
  'paint-order', 'visibility', 'display',
] as const;

/** An SVG transform matrix (a b c d e f, as in `matrix(a,b,c,d,e,f)`). */
export interface Matrix {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

/**
 * Path data made of absolute moves and lines ("M x,y L x,y …"), with every vertex put through `m`, to a hundredth;
 * null for any other path data (curves, relative or one-axis commands), which is left as it is.
 */
export function transformLinePath(d: string, m: Matrix): string | null {
  const vertex = /([ML])\s*(-?[\d.]+(?:[eE][-+]?\d+)?)[\s,]+(-?[\d.]+(?:[eE][-+]?\d+)?)/g;
  if (d.replace(vertex, '').trim() !== '') return null;
  return d.replace(vertex, (_, command: string, xText: string, yText: string) => {
    const [x, y] = [Number(xText), Number(yText)];
    return `${command}${svgNumber(m.a * x + m.c * y + m.e)},${svgNumber(m.b * x + m.d * y + m.f)}`;
  });
}

/**
 * Lines drawn under a scaling transform with a non-scaling stroke (the loss chart's path space, lossColumns.ts)
 * keep their width only at the scale they are shown at: a picture drawn at another scale (the PNG is 2×) would
 * thin them. In the file they get their vertices in the chart's own coordinates and an ordinary stroke.
 */
function bakeNonScalingLines(sources: readonly SVGElement[], targets: readonly SVGElement[]): void {
  sources.forEach((group, g) => {
    if (!(group instanceof SVGGElement) || !group.hasAttribute('transform')) return;
    const lines = [...group.children].filter((child) => child.getAttribute('vector-effect') === 'non-scaling-stroke');
    const matrix = group.transform.baseVal.consolidate()?.matrix;
    if (lines.length === 0 || lines.length !== group.children.length || !matrix) return;
    const baked = lines.map((line) => transformLinePath(line.getAttribute('d') ?? '', matrix));
    // All or nothing: the group's transform goes only when every line under it is in the chart's coordinates.
    if (baked.some((d) => d === null)) return;
    lines.forEach((line, i) => {
      const target = targets[sources.indexOf(line as SVGElement)];
      if (baked[i]) target.setAttribute('d', baked[i]!);
      target.removeAttribute('vector-effect');
    });
    targets[g].removeAttribute('transform');
  });
}

/** A standalone SVG document of `svg`, with computed styles inlined and the panel's background painted in. */
export function serializeChart(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const sources = [svg, ...svg.querySelectorAll<SVGElement>('*')];
  const targets = [clone, ...clone.querySelectorAll<SVGElement>('*')];
  sources.forEach((source, i) => {
    const computed = getComputedStyle(source);
    const target = targets[i];
    const declarations = INLINE_PROPERTIES.map((name) => `${name}:${computed.getPropertyValue(name)}`).join(';');
    target.setAttribute('style', declarations);
    target.removeAttribute('class');
  });
  bakeNonScalingLines(sources, targets);
  // Focus rings and hover read-outs are for the live page, not the exported picture.
  clone.querySelectorAll('[data-export="skip"]').forEach((node) => node.remove());
  const { width, height } = chartSize(svg);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.removeAttribute('tabindex');
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', getComputedStyle(svg).getPropertyValue('--surface').trim() || '#ffffff');
  clone.insertBefore(background, clone.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

function chartSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0 && box.height > 0) return { width: box.width, height: box.height };
  const rect = svg.getBoundingClientRect();
  return { width: Math.max(1, Math.round(rect.width)), height: Math.max(1, Math.round(rect.height)) };
}

/** Saves `blob` under `fileName` through a temporary object URL. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute later it is certainly done.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(text: string, fileName: string, mimeType: string): void {
  downloadBlob(new Blob([text], { type: mimeType }), fileName);
}

export function downloadSvg(svg: SVGSVGElement, fileName: string): void {
  downloadText(serializeChart(svg), fileName, 'image/svg+xml');
}

/** Renders the serialised SVG onto a canvas at `scale`× (sharp on slides) and saves it as PNG. */
export async function downloadPng(svg: SVGSVGElement, fileName: string, scale = 2): Promise<void> {
  const { width, height } = chartSize(svg);
  const source = URL.createObjectURL(new Blob([serializeChart(svg)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = source;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('PNG encoding failed');
    downloadBlob(blob, fileName);
  } finally {
    URL.revokeObjectURL(source);
  }
}
