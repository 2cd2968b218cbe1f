import { useState, type ReactNode, type RefObject } from 'react';
import { useStrings } from '../useStrings';
import { downloadPng, downloadSvg } from './exportChart';
import './charts.css';

/**
 * SVG and PNG downloads of one chart (plus any extra buttons, e.g. CSV). A failure is said next to the
 * buttons instead of being thrown.
 */
export function ExportButtons({
  svgRef,
  baseName,
  chartName,
  children,
}: {
  svgRef: RefObject<SVGSVGElement | null>;
  baseName: string;
  /** Names the chart in the buttons' accessible labels ("Download the loss chart as SVG"). */
  chartName: string;
  children?: ReactNode;
}) {
  const s = useStrings().loss.exports;
  const [failed, setFailed] = useState(false);

  const run = async (kind: 'svg' | 'png') => {
    const svg = svgRef.current;
    if (!svg) return;
    setFailed(false);
    try {
      if (kind === 'svg') downloadSvg(svg, `${baseName}.svg`);
      else await downloadPng(svg, `${baseName}.png`);
    } catch {
      setFailed(true);
    }
  };

  return (
    <div className="chart-exports" role="group" aria-label={s.exportGroup(chartName)}>
      <button type="button" aria-label={s.downloadAs(chartName, 'SVG')} data-export-kind="svg" onClick={() => void run('svg')}>
        {s.svg}
      </button>
      <button type="button" aria-label={s.downloadAs(chartName, 'PNG')} data-export-kind="png" onClick={() => void run('png')}>
        {s.png}
      </button>
      {children}
      {failed && (
        <span className="field-error" role="alert">
          {s.exportFailed}
        </span>
      )}
    </div>
  );
}
