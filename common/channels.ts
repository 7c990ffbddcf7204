/**
 * The names of every renderer->main method and every event main pushes.
 * Kept free of schemas so the preload can import it without bundling zod.
 */
export const methodNames = [
  'drafts.list',
  'drafts.get',
  'drafts.create',
  'drafts.save',
  'drafts.saveChanges',
  'drafts.delete',
  'drafts.restore',
  'drafts.purge',
  'drafts.search',
  'media.import',
  'drafts.export',
  'drafts.import',
  'drafts.exportWord',
  'drafts.approval',
  'drafts.savePdf',
  'drafts.importWord',
  'history.list',
  'history.get',
  'history.checkpoint',
  'history.saveVersion',
  'history.restore',
  'backups.list',
  'backups.create',
  'backups.restore',
  'portal.connect',
  'portal.disconnect',
  'portal.status',
  'portal.profile',
  'sync.submit',
  'sync.state',
  'sync.overview',
  'sync.inbox',
  'sync.edit',
  'sync.live',
  'sync.review',
  'sync.publish',
  'sync.publishCandidate',
  'sync.refresh',
  'sync.resolve',
  'sync.comments',
  'sync.comment',
  'sync.resolveComment',
  'sync.correct',
  'sync.withdraw',
  'app.notices',
  'app.dismissNotice',
  'app.capabilities',
  'sync.retryDelivery',
  'templates.list',
  'templates.save',
  'templates.remove',
  'settings.get',
  'settings.setLanguage',
] as const;

/**
 * The methods whose input carries bytes (a file). Over HTTP only their input is searched for
 * bytes to send as base64; every other call, an autosave above all, goes as plain JSON.
 */
export const byteMethods: ReadonlySet<MethodName> = new Set<MethodName>(['media.import', 'drafts.import', 'drafts.importWord']);

export const eventNames = ['drafts.changed', 'history.changed', 'sync.changed', 'app.restored', 'app.command', 'app.language'] as const;

export type MethodName = (typeof methodNames)[number];
export type EventName = (typeof eventNames)[number];

/** The single IPC channel on which main pushes events to the renderer. */
export const EVENT_CHANNEL = 'pressestelle:event';

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (methodNames as readonly string[]).includes(value);
}
