import { z } from 'zod';
import { articleSchema } from './article.js';
import { commentSchema, portalDeliverySchema, profileSchema } from './portal-api.js';
import { mediaRefSchema } from './media.js';
import { documentProblem } from './blocks/validate-document.js';
import type { EventName, MethodName } from './channels.js';
import { articleStatuses } from './workflow.js';
import { withoutXmlIllegalDeep, xmlText } from './xml-text.js';
import { locales } from './messages/index.js';
import { templateSchema } from './templates.js';
import { revisionLabelSchema } from './revision-label.js';

// Validation messages reach people (as details of a refused input): German.
z.config(z.locales.de());

/**
 * The renderer<->main contract: every method with the schema of its input and output,
 * and every event main pushes. Both transports (Electron IPC, the browser entry's HTTP)
 * register exactly this list.
 */
const id = z.uuid();
const timestamp = z.iso.datetime();

export const draftSummarySchema = z.object({
  id,
  title: z.string(),
  lead: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable(),
});

export const draftSchema = z.object({
  id,
  /** Increases with every save; a save names the version it was based on. */
  version: z.number().int().nonnegative(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable(),
  article: articleSchema,
});

export const saveResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), version: z.number().int(), updatedAt: timestamp }),
  /** The stored draft had moved on; the incoming text was kept as a new draft instead of overwriting. */
  z.object({ status: z.literal('conflict'), copy: draftSchema }),
]);

const byId = z.object({ id });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const searchHitSchema = z.object({
  draft: draftSummarySchema,
  /** The passage around the first match; matched words marked. */
  snippet: z.array(z.object({ text: z.string(), match: z.boolean() })),
});

/** Why a revision was written. */
export const revisionReasons = ['pause', 'blur', 'close', 'submit', 'named', 'before-restore', 'restore', 'import', 'recovered', 'conflict'] as const;
export const checkpointReasons = ['pause', 'blur', 'close', 'submit'] as const;

export const revisionSummarySchema = z.object({
  id: z.number().int().positive(),
  articleId: id,
  createdAt: timestamp,
  reason: z.enum(revisionReasons),
  /** Names given with "Version speichern", oldest first. */
  labels: z.array(z.string()),
  /** SHA-256 of the canonical article JSON. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The revision a restore brought back. */
  restoredFrom: z.number().int().positive().nullable(),
});

export const backupReasons = ['daily', 'migration', 'manual', 'before-restore'] as const;

export const backupInfoSchema = z.object({
  /** The backup's file name; the only way to name it. */
  name: z.string().regex(/^pressestelle-[\dTZ-]+-[a-z-]+\.sqlite$/),
  createdAt: timestamp,
  reason: z.enum(backupReasons),
  size: z.number().int().nonnegative(),
  /** Press releases (not in the trash) it holds; null if it cannot be read. */
  releases: z.number().int().nonnegative().nullable(),
});

/** Something main tells the person once: the database was recovered at start, for instance. */
export const noticeSchema = z.object({ id: z.string().min(1).max(100), message: z.string() });

export const settingsSchema = z.object({ language: z.enum(locales) });

export const portalStatusSchema = z.object({
  connected: z.boolean(),
  url: z.string().nullable(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  portalName: z.string().nullable(),
  online: z.boolean(),
  pending: z.number().int().nonnegative(),
  signInRequired: z.boolean(),
  keepSignIn: z.enum(['os', 'file']).nullable(),
  kept: z.boolean(),
  /** Entries went missing from the portal's history since the app last saw it; null when none did. */
  historyWarning: z.string().nullable(),
});

export const releaseSyncStateSchema = z.object({
  portalStatus: z.enum(articleStatuses).nullable(),
  portalRevision: z.number().int().positive().nullable(),
  publishedRevision: z.number().int().positive().nullable(),
  url: z.string().nullable(),
  pending: z.number().int().nonnegative(),
  problem: z.string().nullable(),
  /** Someone else changed the release on the portal: their version, kept until the person decides. */
  conflict: z.object({ portalRevision: z.number().int().positive(), updatedBy: z.string(), article: articleSchema }).nullable(),
  /** Where the portal delivers it besides its own website (WordPress …), as it last said. */
  deliveries: z.array(portalDeliverySchema),
});

export const portalCopySchema = z.object({
  id,
  revision: z.number().int().positive(),
  status: releaseSyncStateSchema.shape.portalStatus.unwrap(),
  article: articleSchema,
  createdBy: z.string(),
  updatedBy: z.string(),
  updatedAt: timestamp,
  /** False when the person wrote a revision of it: readable, not approvable (four eyes). */
  mayApprove: z.boolean(),
  url: z.string().nullable(),
});

/**
 * An article whose body the schema of the block catalog accepts, cleaned of characters XML
 * cannot carry (the portal refuses them): a keystroke is never refused, and what is stored can go live.
 */
/** An article as the app stores it: XML-illegal characters cleaned, the document valid for the editor's schema. */
export const validArticle = articleSchema.transform(withoutXmlIllegalDeep).superRefine((article, context) => {
  const problem = documentProblem(article.body);
  if (problem) context.addIssue({ code: 'custom', message: problem, path: ['body'] });
});

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const contract = {
  'drafts.list': method(
    z
      .object({
        scope: z.enum(['active', 'trash']).default('active'),
        /** The first `limit` releases, newest change first; the list asks for more as the person pages. */
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .default({ scope: 'active', limit: 100 }),
    z.object({ items: z.array(draftSummarySchema), total: z.number().int().nonnegative() }),
  ),
  'drafts.get': method(byId, draftSchema),
  /** `id`: chosen by the window that showed the release before it was stored ("Neue Pressemitteilung"). */
  'drafts.create': method(z.object({ article: validArticle.optional(), id: id.optional() }).default({}), draftSchema),
  'drafts.save': method(
    z.object({ id, baseVersion: z.number().int().nonnegative(), article: validArticle }),
    saveResultSchema,
  ),
  /**
   * A save that sends only what changed since the caller's last save (`baseVersion`): the
   * metadata, and the top-level blocks, each either new or `{ keep: [from, to] }`, the blocks
   * from..to (end excluded) of the stored version. `stale` when the stored draft is no longer at
   * `baseVersion`: then the whole article is sent with `drafts.save`.
   */
  'drafts.saveChanges': method(
    z.object({
      id,
      baseVersion: z.number().int().nonnegative(),
      head: articleSchema.omit({ body: true }),
      blocks: z.array(z.unknown()).max(100_000),
    }),
    z.union([saveResultSchema, z.object({ status: z.literal('stale') })]),
  ),
  'drafts.delete': method(byId, draftSummarySchema),
  'drafts.restore': method(byId, draftSummarySchema),
  'drafts.purge': method(byId, byId),
  'drafts.search': method(
    z.object({
      query: z.string().max(200),
      scope: z.enum(['active', 'trash', 'all']).default('active'),
      from: isoDate.optional(),
      to: isoDate.optional(),
    }),
    z.array(searchHitSchema),
  ),
  /** Takes a file into the media store; its type is judged by content, never by name. */
  'media.import': method(
    z.object({
      name: z.string().min(1).max(255),
      data: z.instanceof(Uint8Array),
      accept: z.array(z.string().min(3).max(100)).min(1).max(20),
    }),
    mediaRefSchema,
  ),
  /** One release with its media as a single file (JSON text) to hand on. */
  'drafts.export': method(byId, z.object({ fileName: z.string().min(1).max(120), content: z.string() })),
  /** A release file becomes a new release; a malformed or oversized file changes nothing. */
  'drafts.import': method(z.object({ name: z.string().min(1).max(255), data: z.instanceof(Uint8Array) }), draftSchema),
  /** "Als Word-Datei exportieren": the stored release as a .docx, its bytes base64-encoded (JSON carries them either way). */
  'drafts.exportWord': method(byId, z.object({ fileName: z.string().min(1).max(120), data: z.base64() })),
  /** Whether the stored text is the revision the portal approved; the print view marks it "ENTWURF" otherwise. */
  'drafts.approval': method(byId, z.object({ approved: z.boolean() })),
  /** "Als PDF speichern" of the print view (desktop app only): the window printed to a PDF where the person chooses; null fileName when cancelled. */
  'drafts.savePdf': method(byId, z.object({ fileName: z.string().min(1).max(255).nullable() })),
  /**
   * "Word-Datei importieren": a .docx becomes a new release; the notices say what the person should
   * know (tracked changes taken as the final version, comments and images left out). A file over
   * 50 MB, an encrypted, damaged or non-Word file changes nothing.
   */
  'drafts.importWord': method(
    z.object({ name: z.string().min(1).max(255), data: z.instanceof(Uint8Array) }),
    z.object({ draft: draftSchema, notices: z.array(z.string()) }),
  ),
  /** Every revision of a release, newest first. */
  'history.list': method(byId, z.array(revisionSummarySchema)),
  'history.get': method(
    z.object({ id, revision: z.number().int().positive() }),
    z.object({ revision: revisionSummarySchema, article: articleSchema }),
  ),
  /** Writes a revision of the stored release unless the newest one has the same content. */
  'history.checkpoint': method(z.object({ id, reason: z.enum(checkpointReasons) }), revisionSummarySchema.nullable()),
  /** "Version speichern": the stored release as a revision with a name, written to survive a power cut. */
  'history.saveVersion': method(z.object({ id, label: revisionLabelSchema }), revisionSummarySchema),
  /** "Wiederherstellen": an old revision becomes the newest; what was there stays a revision too. */
  'history.restore': method(z.object({ id, revision: z.number().int().positive(), baseVersion: z.number().int().nonnegative() }), draftSchema),
  /** The backups of the database, newest first. */
  'backups.list': method(z.object({}).default({}), z.array(backupInfoSchema)),
  /** "Jetzt sichern". */
  'backups.create': method(z.object({}).default({}), backupInfoSchema),
  /** "Sicherung wiederherstellen": backs the current state up, then puts the chosen backup in its place. */
  'backups.restore': method(z.object({ name: backupInfoSchema.shape.name }), z.object({ restored: backupInfoSchema, safety: backupInfoSchema })),
  /** "Anmelden": the password goes to the portal once and is never stored; the token stays in main. */
  'portal.connect': method(
    z.object({ url: z.string().min(1).max(500), username: z.string().min(1).max(100), password: z.string().min(1).max(1000), keep: z.boolean().default(false) }),
    portalStatusSchema,
  ),
  'portal.disconnect': method(z.object({}).default({}), portalStatusSchema),
  'portal.status': method(z.object({}).default({}), portalStatusSchema),
  /** The portal's profile as cached at the last sign-in (element types, limits, ministries); null before any. */
  'portal.profile': method(z.object({}).default({}), profileSchema.nullable()),
  /** "Zur Freigabe einreichen": the text and the submission into the outbox; delivered when the portal is reachable. */
  'sync.submit': method(z.object({ id, override: xmlText(z.string().trim().min(10).max(2000)).optional() }), releaseSyncStateSchema),
  'sync.state': method(byId, releaseSyncStateSchema),
  /** Every release the portal knows or the outbox holds something for: its status and what waits. */
  'sync.overview': method(
    z.object({}).default({}),
    z.array(z.object({ id, portalStatus: releaseSyncStateSchema.shape.portalStatus, pending: z.number().int().nonnegative(), deliveries: releaseSyncStateSchema.shape.deliveries })),
  ),
  /** "Zur Prüfung": releases others submitted, as last fetched (readable offline). */
  'sync.inbox': method(z.object({}).default({}), z.array(portalCopySchema)),
  /** For approvers: the published and scheduled releases of others, to withdraw them. */
  'sync.live': method(z.object({}).default({}), z.array(portalCopySchema)),
  /** "Freigeben" / "Änderungen erbitten", for exactly the revision shown. */
  /** "Bearbeiten" in a review: the revision shown as the approver's local text, to change and submit again. */
  'sync.edit': method(z.object({ id }), z.object({ id })),
  'sync.review': method(z.object({ id, action: z.enum(['approve', 'request_changes']), revision: z.number().int().positive() }), releaseSyncStateSchema),
  /** "Veröffentlichen": now (at null) or at a time; never before the embargo. */
  'sync.publish': method(z.object({ id, at: timestamp.nullable(), override: xmlText(z.string().trim().min(10).max(2000)).optional() }), releaseSyncStateSchema),
  /** What "Veröffentlichen" would put live: the approved revision as the portal holds it; null unless approved. */
  'sync.publishCandidate': method(byId, articleSchema.nullable()),
  /** Review comments of a release (own, or in the inbox), as last fetched or sent. */
  'sync.comments': method(byId, z.array(commentSchema)),
  /** A comment on one block of one revision, or an answer to one; sent through the outbox. */
  'sync.comment': method(z.object({ id, blockId: z.string().min(1).max(100), revision: z.number().int().positive(), text: xmlText(z.string().trim().min(1).max(5000)) }), z.object({})),
  /** "Erledigt". */
  'sync.resolveComment': method(z.object({ id, commentId: z.uuid() }), z.object({})),
  /** A conflict decided: take the portal's version into the editor, or send one's own based on it. */
  'sync.resolve': method(z.object({ id, keep: z.enum(['mine', 'portal']) }), releaseSyncStateSchema),
  /** "Korrigieren" and "Zurückziehen", each with a reason shown in the portal's history. */
  'sync.correct': method(z.object({ id, reason: xmlText(z.string().trim().min(3).max(2000)), override: xmlText(z.string().trim().min(10).max(2000)).optional() }), releaseSyncStateSchema),
  'sync.withdraw': method(z.object({ id, reason: xmlText(z.string().trim().min(3).max(2000)) }), releaseSyncStateSchema),
  /** "Erneut versuchen": the portal delivers a failed delivery (WordPress …) again; approvers. */
  'sync.retryDelivery': method(z.object({ id, destination: z.string().min(1).max(64) }), releaseSyncStateSchema),
  /** Fetches the person's releases and the review inbox now. */
  'sync.refresh': method(z.object({}).default({}), portalStatusSchema),
  /** Messages for the person from the start of the app (a recovered database); until dismissed. */
  'app.notices': method(z.object({}).default({}), z.array(noticeSchema)),
  'app.dismissNotice': method(z.object({ id: noticeSchema.shape.id }), z.object({})),
  /** What this entry of the app can do beyond the browser: saving a PDF (Electron). */
  'app.capabilities': method(z.object({}).default({}), z.object({ savePdf: z.boolean() })),
  /** "Neue Pressemitteilung" from a template: the portal's (cached with its profile, offline too) and the person's own. */
  'templates.list': method(z.object({}).default({}), z.object({ portal: z.array(templateSchema), own: z.array(templateSchema) })),
  /** "Als Vorlage speichern": the stored release's ministry, place, contact, topics and blocks under a name. */
  'templates.save': method(z.object({ id, name: templateSchema.shape.name }), templateSchema),
  'templates.remove': method(z.object({ id: templateSchema.shape.id }), z.object({ id: templateSchema.shape.id })),
  /** "Einstellungen": the person's settings (the language of the interface, German unless chosen). */
  'settings.get': method(z.object({}).default({}), settingsSchema),
  /** "Sprache der Oberfläche": remembered in the data folder, applied to every screen, menu and message. */
  'settings.setLanguage': method(z.object({ language: z.enum(locales) }), settingsSchema),
} satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  /** A draft was created, saved, moved to or from the trash, or removed for good. */
  'drafts.changed': z.object({ id, kind: z.enum(['created', 'saved', 'deleted', 'restored', 'purged']) }),
  /** A revision of the release was written. */
  'history.changed': z.object({ id }),
  /** Something for the portal was queued or delivered (null: the connection changed). */
  'sync.changed': z.object({ id: id.nullable() }),
  /** A backup was restored: every list and open release is to be loaded again. */
  'app.restored': z.object({ name: z.string() }),
  /** A command from the application menu (Electron only). */
  'app.command': z.object({ command: z.enum(['draft.new', 'backups.open']) }),
  /** The language of the interface changed (Electron rebuilds its menu). */
  'app.language': z.object({ language: z.enum(locales) }),
} satisfies Record<EventName, z.ZodType>;

export type Contract = typeof contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export type AppEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];

export type DraftSummary = z.infer<typeof draftSummarySchema>;
export type Draft = z.infer<typeof draftSchema>;
export type SaveResult = z.infer<typeof saveResultSchema>;
export type SearchHit = z.infer<typeof searchHitSchema>;
export type RevisionSummary = z.infer<typeof revisionSummarySchema>;
export type RevisionReason = (typeof revisionReasons)[number];
export type BackupInfo = z.infer<typeof backupInfoSchema>;
export type BackupReason = (typeof backupReasons)[number];
export type Notice = z.infer<typeof noticeSchema>;
