import { Menu, type MenuItemConstructorOptions } from 'electron';
import { formatMessage } from '../../common/messages/index.js';

/** The German application menu; `onNewDraft` asks the renderer to start a new release. */
export function buildApplicationMenu(onNewDraft: () => void): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Datei',
      submenu: [
        { label: formatMessage('drafts.new'), accelerator: 'CmdOrCtrl+N', click: onNewDraft },
        { type: 'separator' },
        { label: 'Beenden', role: 'quit' },
      ],
    },
    {
      label: 'Bearbeiten',
      submenu: [
        { label: 'Rückgängig', role: 'undo' },
        { label: 'Wiederholen', role: 'redo' },
        { type: 'separator' },
        { label: 'Ausschneiden', role: 'cut' },
        { label: 'Kopieren', role: 'copy' },
        { label: 'Einfügen', role: 'paste' },
        { label: 'Alles auswählen', role: 'selectAll' },
      ],
    },
    {
      label: 'Ansicht',
      submenu: [
        { label: 'Originalgröße', role: 'resetZoom' },
        { label: 'Vergrößern', role: 'zoomIn' },
        { label: 'Verkleinern', role: 'zoomOut' },
        { type: 'separator' },
        { label: 'Vollbild', role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Fenster',
      submenu: [
        { label: 'Minimieren', role: 'minimize' },
        { label: 'Schließen', role: 'close' },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
