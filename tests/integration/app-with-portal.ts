import { fileURLToPath } from 'node:url';
import { openAppServices, type AppServices } from '../../main/services/app-services.js';
import { loadProfileConfig } from '../../portal/profile.js';
import { startPortalServer, type PortalServer } from '../../portal/server.js';
import { makeTempDirectory } from '../temp-directory.js';

export const profile = loadProfileConfig(fileURLToPath(new URL('../../portal/profile.example.json', import.meta.url)));

export interface AppWithPortal {
  appTemp: ReturnType<typeof makeTempDirectory>;
  portalTemp: ReturnType<typeof makeTempDirectory>;
  services: AppServices;
  portal: PortalServer;
}

/** The app's services on a fresh data folder and a reference portal with one author ("redaktion", Finanzministerium). */
export async function startAppWithPortal(): Promise<AppWithPortal> {
  const appTemp = makeTempDirectory();
  const portalTemp = makeTempDirectory();
  const portal = await startPortalServer({ dataDirectory: portalTemp.path, profile });
  portal.portal.addUser('redaktion', 'author', 'redaktion-passwort', ['tfm']);
  const services = await openAppServices(appTemp.path, { dailyBackups: false });
  return { appTemp, portalTemp, services, portal };
}

export async function stopAppWithPortal({ appTemp, portalTemp, services, portal }: AppWithPortal): Promise<void> {
  await services.close();
  await portal.close();
  appTemp.remove();
  portalTemp.remove();
}
