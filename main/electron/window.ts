import { app, BrowserWindow, Menu, type WebContents } from 'electron';
import { formatMessage } from '../../common/messages/index.js';
import { APP_ORIGIN } from './protocol.js';
import { spellingMenuTemplate } from './spelling-menu.js';
import { mainWindowPreferences } from './window-options.js';

const createdByUs = new WeakSet<WebContents>();

/** True for IPC from a window this app created, showing the app's own page. */
export function isTrustedSender(sender: WebContents, frameUrl: string | undefined): boolean {
  return createdByUs.has(sender) && frameUrl !== undefined && frameUrl.startsWith(`${APP_ORIGIN}/`);
}

/** The one place that decides how the app's window is locked down. */
export function createMainWindow(preload: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 560,
    title: formatMessage('app.title'),
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: mainWindowPreferences(preload, app.isPackaged),
  });
  const contents = window.webContents;
  createdByUs.add(contents);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('context-menu', (_event, params) => {
    const template = spellingMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => contents.session.addWordToSpellCheckerDictionary(word),
    });
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window });
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
