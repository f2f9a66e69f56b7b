/** Keep and share: the scene as a view file, as a link, and the canvas as a PNG. */

import { useMemo } from 'react';
import type { Canvas } from '../canvas/create-canvas';
import { parseSavedView, savedViewToJson, toSavedView } from '../scene/persistence/saved-view';
import { viewToHash } from '../scene/persistence/url';
import { downloadBlob } from '../features/download';
import { openView } from './open-view';
import type { OperationContext } from './operations';

const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');

export function useViewFiles(ctx: OperationContext, canvas: Canvas | null) {
  return useMemo(
    () => ({
      saveFile() {
        const json = savedViewToJson(toSavedView(ctx.scene(), new Date().toISOString()));
        downloadBlob(new Blob([json], { type: 'application/json' }), `ringtrace-view-${stamp()}.json`);
      },
      openFile(file: File) {
        void file.text().then(
          (text) => openView(ctx, parseSavedView(text), `“${file.name}”`),
          (error: unknown) => ctx.fail(`read “${file.name}”`, error),
        );
      },
      copyLink() {
        const result = viewToHash(toSavedView(ctx.scene()));
        if (!result.ok) {
          ctx.notify({
            tone: 'warning',
            title: 'No link for this view',
            detail: result.message,
            next: 'Use “Save view” instead.',
          });
          return;
        }
        // replaceState: the address shows the view without reopening it (no hashchange).
        window.history.replaceState(null, '', result.hash);
        const url = window.location.href;
        const tell = (copied: boolean) =>
          ctx.notify({
            id: 'link',
            tone: 'info',
            title: copied ? 'Link to this view copied' : 'The address bar now holds a link to this view',
            detail: `${url.length.toLocaleString('en-US')} characters; it holds ids and positions, no data.`,
            next: copied
              ? 'Anyone with access to this Ringtrace opens the same scene with it.'
              : 'The clipboard was not available here: copy the link from the address bar.',
          });
        // The clipboard exists only on secure origins (https, localhost) and may be refused.
        if (navigator.clipboard)
          void navigator.clipboard.writeText(url).then(
            () => tell(true),
            () => tell(false),
          );
        else tell(false);
      },
      png() {
        if (!canvas) return;
        canvas.png().then(
          (blob) => downloadBlob(blob, `ringtrace-${stamp()}.png`),
          (error: unknown) => ctx.fail('export the PNG', error),
        );
      },
    }),
    [ctx, canvas],
  );
}
