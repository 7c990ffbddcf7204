import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { EventPayload } from '../../common/contract.js';
import { formatMessage } from '../../common/messages/index.js';

type AppCommand = EventPayload<'app.command'>['command'];

/** The application menu in the interface's language (built again when it changes); its commands go to the renderer. */
export function buildApplicationMenu(command: (name: AppCommand) => void): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: formatMessage('menu.file'),
      submenu: [
        { label: formatMessage('drafts.new'), accelerator: 'CmdOrCtrl+N', click: () => command('draft.new') },
        { type: 'separator' },
        { label: `${formatMessage('backups.open')} …`, click: () => command('backups.open') },
        { type: 'separator' },
        { label: formatMessage('menu.quit'), role: 'quit' },
      ],
    },
    {
      label: formatMessage('menu.edit'),
      submenu: [
        { label: formatMessage('menu.undo'), role: 'undo' },
        { label: formatMessage('menu.redo'), role: 'redo' },
        { type: 'separator' },
        { label: formatMessage('menu.cut'), role: 'cut' },
        { label: formatMessage('menu.copy'), role: 'copy' },
        { label: formatMessage('menu.paste'), role: 'paste' },
        { label: formatMessage('menu.selectAll'), role: 'selectAll' },
      ],
    },
    {
      label: formatMessage('menu.view'),
      submenu: [
        { label: formatMessage('menu.resetZoom'), role: 'resetZoom' },
        { label: formatMessage('menu.zoomIn'), role: 'zoomIn' },
        { label: formatMessage('menu.zoomOut'), role: 'zoomOut' },
        { type: 'separator' },
        { label: formatMessage('menu.fullscreen'), role: 'togglefullscreen' },
      ],
    },
    {
      label: formatMessage('menu.window'),
      submenu: [
        { label: formatMessage('menu.minimize'), role: 'minimize' },
        { label: formatMessage('menu.close'), role: 'close' },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
