import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { EventPayload } from '../../common/contract.js';
import { formatMessage } from '../../common/messages/index.js';

type AppCommand = EventPayload<'app.command'>['command'];

/** The German application menu; its commands are handed to the renderer. */
export function buildApplicationMenu(command: (name: AppCommand) => void): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Datei',
      submenu: [
        { label: formatMessage('drafts.new'), accelerator: 'CmdOrCtrl+N', click: () => command('draft.new') },
        { type: 'separator' },
        { label: `${formatMessage('backups.open')} …`, click: () => command('backups.open') },
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
