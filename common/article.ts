import { z } from 'zod';
import { imageSchema } from './blocks/image.js';

/**
 * The article format: one JSON shape for a press release (metadata + TipTap document),
 * used by the local store now and by export, the portal and the checks later.
 */
export const ARTICLE_FORMAT = 'pressestelle/article';
export const ARTICLE_FORMAT_VERSION = 1;

export const articleLimits = {
  titleLength: 300,
  leadLength: 2_000,
  /** Nesting deeper than this is never produced by the editor; refusing it protects the parser. */
  documentDepth: 64,
  nodeTypeLength: 64,
  textLength: 1_000_000,
  /** Upper bound of one serialised article in bytes (images live in the media store, not here). */
  serializedBytes: 8 * 1024 * 1024,
} as const;

export const documentMarkSchema = z.object({
  type: z.string().min(1).max(articleLimits.nodeTypeLength),
  attrs: z.record(z.string(), z.unknown()).optional(),
});

/** A node of a TipTap/ProseMirror JSON document. */
export interface DocumentNode {
  type: string;
  attrs?: Record<string, unknown> | undefined;
  content?: DocumentNode[] | undefined;
  marks?: z.infer<typeof documentMarkSchema>[] | undefined;
  text?: string | undefined;
}

const documentNodeSchema: z.ZodType<DocumentNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(articleLimits.nodeTypeLength),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(documentNodeSchema).optional(),
    marks: z.array(documentMarkSchema).optional(),
    text: z.string().max(articleLimits.textLength).optional(),
  }),
);

/** Depth of nested objects and arrays, measured without recursion so hostile input cannot overflow the stack. */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth);
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export const articleBodySchema = z
  .unknown()
  .refine((value) => nestingDepth(value) <= articleLimits.documentDepth * 3, {
    message: `Der Text ist zu tief verschachtelt (höchstens ${articleLimits.documentDepth} Ebenen).`,
  })
  .pipe(
    z.object({
      type: z.literal('doc'),
      content: z.array(documentNodeSchema),
    }),
  );

/** Local date and time in Europe/Berlin, as a person enters it: "2026-12-01T10:00". */
export const berlinDateTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const pressContactSchema = z.object({
  name: z.string().max(200).default(''),
  phone: z.string().max(100).default(''),
  email: z.string().max(200).default(''),
});

export const articleMetaSchema = z.object({
  title: z.string().max(articleLimits.titleLength),
  lead: z.string().max(articleLimits.leadLength),
  /** The ministry shown as "Erstellt von …". */
  ministry: z.string().max(200).default(''),
  place: z.string().max(100).default(''),
  date: isoDateSchema.or(z.literal('')).default(''),
  /** Sperrfrist; empty when there is none. */
  embargo: berlinDateTimeSchema.or(z.literal('')).default(''),
  contact: pressContactSchema.default({ name: '', phone: '', email: '' }),
  topics: z.array(z.string().min(1).max(60)).max(20).default([]),
  teaserImage: imageSchema.nullable().default(null),
});

export const articleSchema = z.object({
  format: z.literal(ARTICLE_FORMAT),
  formatVersion: z.literal(ARTICLE_FORMAT_VERSION),
  meta: articleMetaSchema,
  body: articleBodySchema,
});

export type Article = z.infer<typeof articleSchema>;
export type ArticleMeta = z.infer<typeof articleMetaSchema>;
export type ArticleBody = Article['body'];

/** A new, empty press release. */
export function emptyArticle(): Article {
  return {
    format: ARTICLE_FORMAT,
    formatVersion: ARTICLE_FORMAT_VERSION,
    meta: { title: '', lead: '', ministry: '', place: '', date: '', embargo: '', contact: { name: '', phone: '', email: '' }, topics: [], teaserImage: null },
    body: { type: 'doc', content: [{ type: 'paragraph' }] },
  };
}
