import { useState } from 'react';

/** One row of a chart's text alternative: a header cell (the x value) and the values across. */
export interface DataTableRow {
  key: string | number;
  header: string | number;
  cells: (string | number)[];
}

interface Props {
  /** The disclosure's label, also the scrollable region's name. */
  summary: string;
  caption?: string;
  /** Shown instead of the table while there are no rows; without it an empty table renders nothing. */
  emptyText?: string;
  columns: string[];
  rows: DataTableRow[];
}

/**
 * A chart's data as a collapsed, scrollable table: the text alternative every chart of the lab offers. The rows
 * are rendered only while it is open: a live chart's table changes twice a second, and nobody, screen readers
 * included, can read a closed one.
 */
export function DataTable({ summary, caption, emptyText, columns, rows }: Props) {
  const [open, setOpen] = useState(false);
  if (rows.length === 0 && emptyText === undefined) return null;
  return (
    <details className="chart-details" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      {!open ? null : rows.length === 0 ? (
        <p>{emptyText}</p>
      ) : (
        <div className="chart-table-wrap" tabIndex={0} role="region" aria-label={summary}>
          <table>
            {caption !== undefined && <caption className="visually-hidden">{caption}</caption>}
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.header}</th>
                  {row.cells.map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
