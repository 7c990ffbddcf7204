import type { z } from 'zod';
import { isMethodName, type MethodName } from '../common/channels.js';
import { contract, type MethodOutput, type ParsedInput } from '../common/contract.js';
import { Failure, failure, invalidInputFailure, type Result } from '../common/result.js';
import type { AppServices } from './services/app-services.js';
import { saveChanges } from './services/draft-changes.js';
import { storageFailure } from './services/storage-errors.js';
import { isApprovedText } from './services/release-approval.js';
import { exportWord, pdfFileName } from './services/word-export.js';
import { importWordFile } from './services/word-import.js';

export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>> };
export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

/** What only the desktop app (Electron) can do; the browser entry has none of it. */
export interface DesktopFeatures {
  /** Prints the app's window to a PDF saved where the person chooses; the file's name, or null when cancelled. */
  savePdf(suggestedName: string): Promise<string | null>;
}

/** Maps every contract method onto the services. */
export function createHandlers(services: AppServices, desktop: DesktopFeatures | null = null): Handlers {
  return {
    'drafts.list': ({ scope, limit }) => services.drafts.page(scope, limit),
    'drafts.get': ({ id }) => services.drafts.get(id),
    'drafts.create': ({ article, id }) => services.drafts.create(article, id),
    'drafts.save': ({ id, baseVersion, article }) => services.drafts.save(id, baseVersion, article),
    'drafts.saveChanges': (input) => saveChanges(services.drafts, input),
    'drafts.delete': ({ id }) => services.drafts.delete(id),
    'drafts.restore': ({ id }) => services.drafts.restore(id),
    'drafts.purge': ({ id }) => services.drafts.purge(id),
    'drafts.search': ({ query, scope, from, to }) => services.drafts.search(query, { scope, from, to }),
    'media.import': ({ name, data, accept }) => services.media.import(name, data, accept),
    'drafts.export': ({ id }) => services.releaseFiles.export(id),
    'drafts.import': ({ name, data }) => services.releaseFiles.import(name, data),
    'drafts.exportWord': ({ id }) => exportWord(services, id),
    'drafts.approval': ({ id }) => ({ approved: isApprovedText(services.drafts.get(id).article, services.sync.approvedText(id)) }),
    'drafts.savePdf': async ({ id }) => {
      if (!desktop) throw new Failure('unsupported', 'output.pdfDesktopOnly');
      return { fileName: await desktop.savePdf(pdfFileName(services.drafts.get(id).article.meta.title)) };
    },
    'drafts.importWord': ({ name, data }) => importWordFile(services, name, data),
    'history.list': ({ id }) => services.history.list(id),
    'history.get': ({ id, revision }) => services.history.get(id, revision),
    'history.checkpoint': ({ id, reason }) => services.history.checkpoint(id, reason),
    'history.saveVersion': ({ id, label }) => services.history.saveVersion(id, label),
    'history.restore': ({ id, revision, baseVersion }) => services.history.restore(id, revision, baseVersion),
    'backups.list': () => services.backups.list(),
    'backups.create': () => services.backupNow(),
    'backups.restore': ({ name }) => services.restoreBackup(name),
    'portal.connect': ({ url, username, password, keep }) => services.sync.connect(url, username, password, keep),
    'portal.disconnect': () => services.sync.disconnect(),
    'portal.status': () => services.sync.status(),
    'portal.profile': () => services.sync.cachedProfile(),
    'sync.submit': ({ id, override }) => services.sync.submit(id, override),
    'sync.state': ({ id }) => services.sync.releaseState(id),
    'sync.overview': () => services.sync.overview(),
    'sync.inbox': () => services.sync.inbox(),
    'sync.live': () => services.sync.live(),
    'sync.edit': ({ id }) => services.sync.edit(id),
    'sync.review': ({ id, action, revision }) => services.sync.review(id, action, revision),
    'sync.publish': ({ id, at, override }) => services.sync.publish(id, at, override),
    'sync.publishCandidate': ({ id }) => services.sync.publishCandidate(id),
    'sync.comments': ({ id }) => services.sync.comments(id),
    'sync.comment': ({ id, blockId, revision, text }) => {
      services.sync.comment(id, blockId, revision, text);
      return {};
    },
    'sync.resolveComment': ({ id, commentId }) => {
      services.sync.resolveComment(id, commentId);
      return {};
    },
    'sync.resolve': ({ id, keep }) => services.sync.resolve(id, keep),
    'sync.correct': ({ id, reason, override }) => services.sync.correct(id, reason, override),
    'sync.withdraw': ({ id, reason }) => services.sync.withdraw(id, reason),
    'sync.retryDelivery': ({ id, destination }) => services.sync.retryDelivery(id, destination),
    'sync.refresh': async () => {
      await services.sync.pull();
      return services.sync.status();
    },
    'app.notices': () => services.pendingNotices(),
    'app.dismissNotice': ({ id }) => {
      services.dismissNotice(id);
      return {};
    },
    'app.capabilities': () => ({ savePdf: desktop !== null }),
    'templates.list': () => ({ portal: services.sync.cachedProfile()?.templates ?? [], own: services.templates.list() }),
    'templates.save': ({ id, name }) => services.templates.save(name, services.drafts.get(id).article),
    'templates.remove': ({ id }) => services.templates.remove(id),
    'settings.get': () => ({ language: services.preferences.language }),
    'settings.setLanguage': ({ language }) => ({ language: services.setLanguage(language) }),
  };
}

/**
 * The one code path behind every transport: the method must exist, the input must parse,
 * the service runs, and the answer is `{ ok, value }` or `{ ok: false, error }` with a German message.
 * The transport has already checked the sender.
 */
export function createDispatcher(handlers: Handlers, log: (error: unknown) => void = console.error): Dispatch {
  return async (method, rawInput) => {
    if (!isMethodName(method)) return failure('unknown_method', 'error.unknownMethod', { method: String(method).slice(0, 80) });
    const parsed = contract[method].input.safeParse(rawInput);
    if (!parsed.success) return invalidInput(parsed.error);
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value: unknown = await handler(parsed.data);
      return { ok: true, value: contract[method].output.parse(value) };
    } catch (error) {
      if (error instanceof Failure) return { ok: false, error: error.toAppError() };
      log(error);
      const storage = storageFailure(error);
      if (storage) return { ok: false, error: storage.toAppError() };
      return failure('internal', 'error.internal');
    }
  };
}

function invalidInput(error: z.ZodError): Result<never> {
  return { ok: false, error: invalidInputFailure(error).toAppError() };
}
