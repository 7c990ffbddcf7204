import type { IpcMain } from 'electron';
import { methodNames } from '../../common/channels.js';
import { failure } from '../../common/result.js';
import type { Dispatch } from '../contract-dispatcher.js';
import type { Disposable } from '../services/disposable.js';
import { isTrustedSender } from './window.js';

/** Registers every contract method on ipcMain, behind the sender check. */
export function registerContract(ipcMain: IpcMain, dispatch: Dispatch): Disposable {
  for (const method of methodNames) {
    ipcMain.handle(method, (event, input: unknown) =>
      isTrustedSender(event.sender, event.senderFrame?.url) ? dispatch(method, input) : failure('forbidden', 'error.forbidden'),
    );
  }
  return { dispose: () => methodNames.forEach((method) => ipcMain.removeHandler(method)) };
}
