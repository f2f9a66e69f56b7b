/** Saving something the investigator asked for (CSV, view file, PNG) as a browser download. */

import type { Cell } from '../scene/table';

/** Hands `blob` to the browser as a file called `name`; the URL is freed once the download has started. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const downloadCsv = (csv: string, name: string) =>
  downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), name);

/** A table cell as shown on screen. */
export const cellText = (cell: Cell | undefined) =>
  cell === null || cell === undefined ? '' : typeof cell === 'boolean' ? (cell ? 'yes' : 'no') : String(cell);
