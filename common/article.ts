import { z } from 'zod';
import { imageSchema } from './blocks/image.js';
import { findXmlIllegal, xmlIllegalMessage } from './xml-text.js';

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

/** Depth of nested objects and arrays, measured without recursion so hostile input cannot overflow the stack. */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const values: object[] = [];
  const depths: number[] = [];
  if (value !== null && typeof value === 'object') {
    values.push(value);
    depths.push(1);
  }
  while (values.length > 0) {
    const current = values.pop()!;
    const depth = depths.pop()!;
    if (depth > deepest) deepest = depth;
    // Only objects and arrays go on the stack; strings and numbers end no deeper than they start.
    const children: unknown[] = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) {
      if (child !== null && typeof child === 'object') {
        values.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return deepest;
}

/** JSON depth a document may reach: the doc, a list and a node per level, and the attributes of the deepest. */
const maxJsonDepth = articleLimits.documentDepth * 3;
const tooDeep = `Der Text ist zu tief verschachtelt (höchstens ${articleLimits.documentDepth} Ebenen).`;

/**
 * Checks a document's node tree and copies it with only the known keys, iteratively, so that
 * neither a hostile depth nor thousands of blocks cost a recursion each; its depth is measured
 * in the same walk (a node's attributes and marks included), so the document is read once. The
 * same rules as a recursive zod object schema, at a fraction of its cost for a 1,000-block
 * release; the block catalog's ProseMirror schema then checks which node may stand where
 * (`documentProblem`). Paths are built only for an issue.
 */
function readNodes(value: unknown, context: z.RefinementCtx): DocumentNode[] {
  interface Frame {
    from: unknown[];
    into: DocumentNode[];
    /** JSON depth of the list: 2 for the doc's content, two more per level. */
    depth: number;
    parent: { frame: Frame; index: number } | null;
  }
  const pathOf = (frame: Frame, index: number, ...rest: string[]): Array<string | number> => {
    const path: Array<string | number> = [index, ...rest];
    for (let at = frame.parent; at; at = at.frame.parent) path.unshift(at.index, 'content');
    return path;
  };
  const issue = (path: Array<string | number>, message: string) => {
    context.addIssue({ code: 'custom', message, path });
    return [] as DocumentNode[];
  };
  if (!Array.isArray(value)) return issue([], 'Erwartet: eine Liste von Bausteinen.');
  const root: DocumentNode[] = [];
  const stack: Frame[] = [{ from: value, into: root, depth: 2, parent: null }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { from, into, depth } = frame;
    const nodeDepth = depth + 1;
    if (nodeDepth > maxJsonDepth) return issue(pathOf(frame, 0), tooDeep);
    for (let index = 0; index < from.length; index++) {
      const raw = from[index];
      if (!isRecord(raw)) return issue(pathOf(frame, index), 'Erwartet: ein Objekt.');
      const { type, attrs, content, marks, text } = raw;
      if (typeof type !== 'string' || type.length === 0 || type.length > articleLimits.nodeTypeLength) return issue(pathOf(frame, index, 'type'), 'Ungültiger Knotentyp.');
      const node: DocumentNode = { type };
      if (attrs !== undefined) {
        if (!isRecord(attrs)) return issue(pathOf(frame, index, 'attrs'), 'Erwartet: ein Objekt.');
        if (nodeDepth + nestingDepth(attrs) > maxJsonDepth) return issue(pathOf(frame, index, 'attrs'), tooDeep);
        node.attrs = attrs;
      }
      if (marks !== undefined) {
        if (nodeDepth + nestingDepth(marks) > maxJsonDepth) return issue(pathOf(frame, index, 'marks'), tooDeep);
        const checked = readMarks(marks);
        if (!checked) return issue(pathOf(frame, index, 'marks'), 'Ungültige Auszeichnung.');
        node.marks = checked;
      }
      if (text !== undefined) {
        if (typeof text !== 'string' || text.length > articleLimits.textLength) return issue(pathOf(frame, index, 'text'), `Text fehlt oder ist zu lang (höchstens ${articleLimits.textLength} Zeichen).`);
        node.text = text;
      }
      if (content !== undefined) {
        if (!Array.isArray(content)) return issue(pathOf(frame, index, 'content'), 'Erwartet: eine Liste von Bausteinen.');
        node.content = [];
        stack.push({ from: content, into: node.content, depth: nodeDepth + 1, parent: { frame, index } });
      }
      into.push(node);
    }
  }
  return root;
}

function readMarks(value: unknown): DocumentNode['marks'] | null {
  if (!Array.isArray(value)) return null;
  const marks: NonNullable<DocumentNode['marks']> = [];
  for (const mark of value) {
    const parsed = documentMarkSchema.safeParse(mark);
    if (!parsed.success) return null;
    marks.push(parsed.data);
  }
  return marks;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export const articleBodySchema = z.object({
  type: z.literal('doc'),
  content: z.unknown().transform(readNodes),
});

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

/**
 * An article as the Portal API takes it: every text (metadata, text nodes, attributes of blocks
 * and marks, keys) only with characters XML can carry, since a feed and a page show them. A
 * request with one is refused naming the field; the app cleans its own text before sending, and
 * reads its stored drafts with `articleSchema`, so an older draft with such a character still opens.
 */
export const articleContentSchema = articleSchema
  .superRefine((article, context) => {
    for (const { path, character } of findXmlIllegal(article)) context.addIssue({ code: 'custom', message: xmlIllegalMessage(character), path });
  })
  .meta({
    description:
      'Every text (metadata, text nodes, attributes, keys) holds only characters XML can carry: no control characters but tab, line feed and carriage return, no U+FFFE or U+FFFF, no lone surrogates. A request with one is refused (400), naming the field.',
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
