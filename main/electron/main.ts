import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session } from 'electron';
import { EVENT_CHANNEL } from '../../common/channels.js';
import type { AppEvent } from '../../common/contract.js';
import { formatMessage } from '../../common/messages/index.js';
import { Failure } from '../../common/result.js';
import { createDispatcher, createHandlers } from '../contract-dispatcher.js';
import { openAppServices, type AppServices } from '../services/app-services.js';
import { keepRunningOnBackgroundErrors } from '../services/keep-running.js';
import { registerContract } from './ipc.js';
import { buildApplicationMenu } from './menu.js';
import { APP_SCHEME, registerAppProtocol } from './protocol.js';
import { desktopFeatures } from './pdf.js';
import { createMainWindow } from './window.js';

const preload = fileURLToPath(new URL('../../preload/index.cjs', import.meta.url));

protocol.registerSchemesAsPrivileged([
  // codeCache: V8 keeps the app's compiled code between starts (Chromium does so for http(s) only by default).
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

// `--data DIR` (or PRESSESTELLE_DATA_DIR) gives this instance its own data folder, e.g. in tests.
const { values } = parseArgs({ args: process.argv.slice(1), options: { data: { type: 'string' } }, strict: false, allowPositionals: true });
const dataOverride = typeof values.data === 'string' ? values.data : process.env.PRESSESTELLE_DATA_DIR;
if (dataOverride) app.setPath('userData', dataOverride);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let services: AppServices | undefined;

  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Closing waits for a running backup; quitting resumes when the services are closed.
  app.on('will-quit', (event) => {
    const closing = services;
    if (!closing) return;
    services = undefined;
    event.preventDefault();
    void closing.close().finally(() => app.quit());
  });

  app.on('activate', () => {
    if (services && BrowserWindow.getAllWindows().length === 0) createMainWindow(preload);
  });

  void app.whenReady().then(async () => {
    try {
      keepRunningOnBackgroundErrors();
      services = await openAppServices(app.getPath('userData'), { cipher: systemCipher() });
    } catch (error) {
      const message = error instanceof Failure ? error.message : formatMessage('error.internal');
      if (!(error instanceof Failure)) console.error(error);
      dialog.showErrorBox(formatMessage('app.title'), message);
      app.exit(1);
      return;
    }
    const appSession = session.defaultSession;
    appSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    appSession.setPermissionCheckHandler(() => false);
    if (process.platform !== 'darwin') appSession.setSpellCheckerLanguages(['de-DE']);
    const store = services;
    registerAppProtocol(appSession.protocol, (sha256) => store.media.file(sha256));
    registerContract(ipcMain, createDispatcher(createHandlers(services, desktopFeatures)));

    const send = (event: AppEvent) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(EVENT_CHANNEL, event);
    };
    services.events.on(send);
    const setMenu = () => Menu.setApplicationMenu(buildApplicationMenu((command) => send({ name: 'app.command', payload: { command } })));
    setMenu();
    // The menu speaks the interface's language: built again when the person changes it.
    services.events.on((event) => event.name === 'app.language' && setMenu());
    createMainWindow(preload);
  });
}

/**
 * The portal token is kept encrypted by the operating system (Keychain, DPAPI, the Secret
 * Service). Linux without a keyring offers only a hard-coded key ("basic_text"): not used, the
 * sign-in then lasts as long as the app runs, unless the person chooses otherwise.
 */
function systemCipher() {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return { encrypt: (text: string) => safeStorage.encryptString(text), decrypt: (data: Buffer) => safeStorage.decryptString(data) };
}
