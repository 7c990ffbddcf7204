import { z } from 'zod';
import { articleContentSchema, articleSchema } from './article.js';
import { articleStatuses, roles, transitionActions } from './workflow.js';
import { xmlText } from './xml-text.js';
import { templateSchema } from './templates.js';

/**
 * The Portal API: the contract between the app and a portal's backend, shared by the app's
 * portal client and the reference portal (`portal/`). `docs/portal-api.yaml` is generated
 * from these schemas (`npm run portal:openapi`), and a test keeps the two from drifting.
 */

export const PORTAL_API_VERSION = '1.0.0';

export { articleStatuses, roles, transitionActions, type ArticleStatus, type Role, type TransitionAction } from './workflow.js';

const uuid = z.uuid();
const timestamp = z.iso.datetime();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** Every error: a stable code for programs, a German sentence for people, never a stack trace. */
export const portalErrorSchema = z
  .object({
    error: z.object({
      code: z.enum([
        'bad_request',
        'invalid_content',
        'unauthorized',
        'forbidden',
        'not_found',
        'conflict',
        'precondition_failed',
        'precondition_required',
        'too_large',
        'unsupported_media_type',
        'rate_limited',
        'gone',
        'internal',
      ]),
      message: z.string(),
      /** Where the problem is: a block id, a field. */
      details: z.array(z.object({ blockId: z.string().optional(), path: z.string().optional(), message: z.string() })).optional(),
    }),
  });

export const sessionRequestSchema = z
  .object({ username: z.string().min(1).max(100), password: z.string().min(1).max(1000) });

export const sessionSchema = z
  .object({
    token: z.string().min(32),
    expiresAt: timestamp,
    /** `ministries`: the ids of the ministries whose releases the user reaches (admins reach all). */
    user: z.object({ name: z.string(), role: z.enum(roles), ministries: z.array(z.string()).optional() }),
  });

export const elementTypeSchema = z.object({
  /** The portal's element type (CType), e.g. `mask_thquote`. */
  name: z.string().min(1).max(100),
  /** The catalog block that maps to it. */
  block: z.string(),
  /** The element's fields, as the portal stores them. */
  fields: z.array(z.string()),
  /** False when the portal has no rendering definition for it: it must not go live. */
  renderable: z.boolean(),
});

export const profileSchema = z
  .object({
    portal: z.object({ name: z.string().min(1), url: z.url() }),
    /** Changes whenever the operator changes the profile; the app caches by it. */
    profileVersion: z.string().min(1),
    elementTypes: z.array(elementTypeSchema),
    /** The ministries' names, as `meta.ministry` of an article holds them. */
    ministries: z.array(z.string().min(1)),
    /** Each ministry's id by its name: what users are assigned to (a session's `user.ministries`). */
    ministryIds: z.record(z.string(), z.string()).optional(),
    /** The ministries' templates for new releases ("Vorlagen"); cached with the profile, usable offline. */
    templates: z.array(templateSchema).default([]),
    imageSizes: z.array(z.object({ name: z.string(), width: z.number().int().positive(), height: z.number().int().positive().optional() })),
    limits: z.object({
      /** Bytes per media file, by kind. */
      image: z.number().int().positive(),
      video: z.number().int().positive(),
      document: z.number().int().positive(),
      captions: z.number().int().positive(),
      leadLength: z.number().int().positive(),
    }),
  });

/** An article as the portal holds it. */
export const deliveryStatuses = ['pending', 'delivered', 'failed'] as const;

/** Where a published, corrected or withdrawn revision went: the portal's website ("website") and each configured destination. */
export const portalDeliverySchema = z.object({
  /** The destination's name ("website", or one the operator configured, such as "wordpress"). */
  destination: z.string(),
  /** pending: queued or retrying; delivered; failed: a person has to look (and may retry). */
  status: z.enum(deliveryStatuses),
  attempts: z.number().int().nonnegative(),
  /** The last error, in German; null when there was none. */
  error: z.string().nullable(),
  /** The public address there, once delivered (null after a withdrawal). */
  url: z.string().nullable(),
  /** Since when a pending delivery waits (for "wartet – nicht erreichbar seit 10:02"). */
  pendingSince: timestamp.optional(),
});

export const portalArticleSchema = z
  .object({
    id: uuid,
    /** Increases with every change of content; `ETag` and `If-Match` carry it. */
    revision: z.number().int().positive(),
    status: z.enum(articleStatuses),
    article: articleSchema,
    /** The revision an approval belongs to, if any. */
    approvedRevision: z.number().int().positive().nullable(),
    publishedRevision: z.number().int().positive().nullable(),
    /** When a scheduled publication goes live. */
    scheduledAt: timestamp.nullable(),
    publishedAt: timestamp.nullable(),
    correctedAt: timestamp.nullable(),
    /** The public address, once published. */
    url: z.string().nullable(),
    createdBy: z.string(),
    updatedBy: z.string(),
    /** Everyone who wrote a revision of it: none of them may approve it (four eyes). */
    authors: z.array(z.string()),
    createdAt: timestamp,
    updatedAt: timestamp,
    /** One entry per destination the article was delivered to; absent from portals without a publish queue. */
    deliveries: z.array(portalDeliverySchema).optional(),
  });

/** The newest entry of the history's hash chain: an anchor from outside, so that removed entries show. */
export const historyHeadSchema = z.object({ seq: z.number().int().positive(), hash: sha256 });

export const articleListSchema = z.object({
  items: z.array(portalArticleSchema),
  total: z.number().int().nonnegative(),
  /**
   * The newest entry of the history (null while it is empty), from a portal that keeps a hash
   * chain. A client keeps the last one it saw: a lower `seq` later means entries were removed.
   */
  historyHead: historyHeadSchema.nullable().optional(),
});

export const transitionRequestSchema = z
  .object({
    action: z.enum(transitionActions),
    /** The revision the action is meant for: an approval belongs to exactly this revision. */
    revision: z.number().int().positive(),
    /** For `publish`: when; absent means now. Never before the embargo. */
    at: timestamp.optional(),
    /** Why: shown in the history (required for `withdraw` and `correct`). */
    reason: xmlText(z.string().max(2000)).optional(),
    /**
     * Approvers and admins only: go ahead although the checks found errors, for this reason
     * (stored in the history with who and when). An unrenderable block can never be overridden.
     */
    override: xmlText(z.string().trim().min(10).max(2000)).optional(),
  });

export const commentRequestSchema = z
  .object({ blockId: z.string().min(1).max(100), revision: z.number().int().positive(), text: xmlText(z.string().trim().min(1).max(5000)) });

export const commentSchema = z
  .object({
    id: uuid,
    articleId: uuid,
    blockId: z.string(),
    revision: z.number().int().positive(),
    text: z.string(),
    author: z.string(),
    createdAt: timestamp,
    resolvedBy: z.string().nullable(),
    resolvedAt: timestamp.nullable(),
  });

export const historyEntrySchema = z
  .object({
    seq: z.number().int().positive(),
    articleId: uuid,
    at: timestamp,
    actor: z.string(),
    action: z.string(),
    revision: z.number().int().nonnegative(),
    reason: z.string().nullable(),
    /** SHA-256 of the previous entry (of all articles), or 64 zeros for the first. */
    previousHash: sha256,
    /** SHA-256 over this entry's fields and `previousHash`. */
    hash: sha256,
  });

export const mediaInfoSchema = z.object({ sha256, mimeType: z.string(), size: z.number().int().nonnegative() });

/** Every schema of the Portal API by the name `docs/portal-api.yaml` gives it. */
export const portalApiSchemas = {
  Error: portalErrorSchema,
  SessionRequest: sessionRequestSchema,
  Session: sessionSchema,
  Profile: profileSchema,
  ArticleContent: articleContentSchema,
  Article: portalArticleSchema,
  Delivery: portalDeliverySchema,
  ArticleList: articleListSchema,
  TransitionRequest: transitionRequestSchema,
  CommentRequest: commentRequestSchema,
  Comment: commentSchema,
  HistoryEntry: historyEntrySchema,
  HistoryHead: historyHeadSchema,
  MediaInfo: mediaInfoSchema,
} as const;

export type PortalError = z.infer<typeof portalErrorSchema>;
export type PortalErrorCode = PortalError['error']['code'];
export type Profile = z.infer<typeof profileSchema>;
export type PortalArticle = z.infer<typeof portalArticleSchema>;
export type PortalDelivery = z.infer<typeof portalDeliverySchema>;
export type TransitionRequest = z.infer<typeof transitionRequestSchema>;
export type Comment = z.infer<typeof commentSchema>;
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type HistoryHead = z.infer<typeof historyHeadSchema>;
export type Session = z.infer<typeof sessionSchema>;
