import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { BrowserWindow, dialog } from 'electron';
import { formatMessage } from '../../common/messages/index.js';
import type { DesktopFeatures } from '../contract-dispatcher.js';

/**
 * "Als PDF speichern" of the print view: asks where, then prints the app's window (showing the
 * print view, whose stylesheet sets A4, the marks and the page numbers) with Chromium's printToPDF.
 * The app has one window; the call comes from it, past the sender check of `ipc.ts`.
 */
export const desktopFeatures: DesktopFeatures = {
  async savePdf(suggestedName) {
    const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    if (!window) return null;
    const { canceled, filePath } = await dialog.showSaveDialog(window, {
      title: formatMessage('output.savePdf'),
      defaultPath: suggestedName,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (canceled || !filePath) return null;
    const pdf = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, generateDocumentOutline: true });
    await writeFile(filePath, pdf);
    return basename(filePath);
  },
};
