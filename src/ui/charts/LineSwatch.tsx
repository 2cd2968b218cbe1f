/** A short sample of a chart line for legends: the same classes as the chart, so style and colour match. */
export function LineSwatch({ className }: { className: string }) {
  return (
    <svg className="chart-svg line-swatch" width="36" height="14" viewBox="0 0 36 14" aria-hidden="true" focusable="false">
      <line className={`series ${className}`} x1="2" y1="7" x2="34" y2="7" />
    </svg>
  );
}
