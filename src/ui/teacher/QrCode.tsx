import { useMemo } from 'react';
import { encode } from 'uqr';

/** Light modules around the code: the QR standard asks for 4, and phone cameras need them to find the code. */
const QUIET_ZONE = 4;

/**
 * A QR code of `text`, encoded in the page by uqr (no request leaves it) and drawn as one SVG path of React
 * elements (never markup strings). Black on white whatever the colour mode, as scanners expect; error
 * correction M survives a projector's glare and a little keystone. It scales with its box (crisp edges).
 */
export function QrCode({ text, label, className, testId }: { text: string; label: string; className?: string; testId?: string }) {
  const { size, path } = useMemo(() => {
    const qr = encode(text, { ecc: 'M', border: 0 });
    let d = '';
    qr.data.forEach((row, y) => {
      row.forEach((dark, x) => {
        if (dark) d += `M${x} ${y}h1v1h-1z`;
      });
    });
    return { size: qr.size, path: d };
  }, [text]);
  const full = size + 2 * QUIET_ZONE;
  return (
    <svg
      className={className}
      viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${full} ${full}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      data-testid={testId}
      data-modules={size}
    >
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={full} height={full} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
