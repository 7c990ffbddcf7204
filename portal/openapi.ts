import { z } from 'zod';
import { articleBodySchema, articleLimits } from '../common/article.js';
import { articleStatuses, PORTAL_API_VERSION, portalApiSchemas } from '../common/portal-api.js';

type Json = Record<string, unknown>;

const ref = (name: keyof typeof portalApiSchemas) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ref('Error')) });

/** The document body as JSON Schema: zod checks it with an iterative transform JSON Schema cannot express. */
const documentSchemas = {
  DocumentNode: {
    type: 'object',
    description: 'A node of a TipTap/ProseMirror JSON document. Which node may stand where is checked against the block catalog.',
    properties: {
      type: { type: 'string', minLength: 1, maxLength: articleLimits.nodeTypeLength },
      attrs: { type: 'object' },
      content: { type: 'array', items: { $ref: '#/components/schemas/DocumentNode' } },
      marks: { type: 'array', items: { type: 'object', properties: { type: { type: 'string' }, attrs: { type: 'object' } }, required: ['type'] } },
      text: { type: 'string', maxLength: articleLimits.textLength },
    },
    required: ['type'],
  },
  Document: {
    type: 'object',
    properties: { type: { const: 'doc' }, content: { type: 'array', items: { $ref: '#/components/schemas/DocumentNode' } } },
    required: ['type', 'content'],
  },
};

/** The components, generated from the zod schemas in `common/portal-api.ts`. */
function components(): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(portalApiSchemas)) registry.add(schema, { id });
  const generated = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
    override: (context) => {
      if (context.zodSchema === articleBodySchema) {
        for (const key of Object.keys(context.jsonSchema)) delete (context.jsonSchema as Json)[key];
        Object.assign(context.jsonSchema, { $ref: '#/components/schemas/Document' });
      }
    },
  }).schemas as Record<string, Json>;
  for (const schema of Object.values(generated)) {
    delete schema.$schema;
    delete schema.$id;
  }
  // The portal answers with content as it takes it: one definition (ArticleContent) for both.
  (generated.Article!.properties as Json).article = ref('ArticleContent');
  return { ...generated, ...documentSchemas };
}

const idempotencyKey = { name: 'Idempotency-Key', in: 'header', required: true, description: 'One per intended write; a retry with the same key within 24 hours returns the first answer (the answer is kept 24 hours, the effect for good).', schema: { type: 'string', pattern: '^[\\w.:-]{8,200}$' } };
const articleId = { name: 'id', in: 'path', required: true, description: 'Chosen by the client (UUID).', schema: { type: 'string', format: 'uuid' } };
const auth = [{ bearer: [] }];
const common = { '401': error('Not signed in, or the session ended (signed out, 60 minutes idle, or 8 hours after sign-in).'), '413': error('The body is too large.') };
/** Articles of another ministry are not found, as if they did not exist. */
const unknownArticle = { '404': error('No such article, or one of another ministry.') };

/** The Portal API as OpenAPI 3.1; `docs/portal-api.yaml` is this, written by `npm run portal:openapi`. */
export function buildOpenApi(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Pressestelle Portal API',
      version: PORTAL_API_VERSION,
      description:
        'How Pressestelle hands press releases to a portal: sign in, read the profile, store articles and media, move them through review and publication. Every error is JSON with a stable code and a German message. Generated from common/portal-api.ts; do not edit by hand.',
    },
    servers: [{ url: 'http://127.0.0.1:{port}', variables: { port: { default: '8080' } } }],
    security: auth,
    paths: {
      '/api/v1/session': {
        post: {
          summary:
            'Sign in: a bearer token that ends 8 hours after sign-in, or after 60 minutes without a request. Failed attempts are counted per user name and client address, and per address (kept across restarts): after five, that name from that address waits 30 s, twice as long after each further failure (at most 15 minutes); a correct password from another address is never refused.',
          security: [],
          requestBody: { required: true, content: json(ref('SessionRequest')) },
          responses: { '201': { description: 'Signed in.', content: json(ref('Session')) }, '400': error('Malformed request.'), '401': error('Wrong name or password.'), '429': error('Too many failed attempts; the message says how long to wait.') },
        },
        delete: {
          summary: 'Sign out: the session of the bearer token ends; the token is refused from then on.',
          responses: { '204': { description: 'Signed out.' }, '401': error('Not signed in, or the token already ended.') },
        },
      },
      '/api/v1/profile': {
        get: {
          summary: 'What the portal knows: element types (and whether it can render them), ministries, image sizes, limits.',
          responses: { '200': { description: 'The profile.', content: json(ref('Profile')) }, ...common },
        },
      },
      '/api/v1/articles': {
        get: {
          summary: "Articles of the user's ministries (an admin's: all), newest change first, optionally by status; with the history's newest entry (historyHead), which a client keeps to notice removed entries.",
          parameters: [
            { name: 'status', in: 'query', schema: { type: 'string', enum: [...articleStatuses] } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
          ],
          responses: { '200': { description: 'A page of articles.', content: json(ref('ArticleList')) }, ...common },
        },
      },
      '/api/v1/articles/{id}': {
        parameters: [articleId],
        get: {
          summary: 'One article at its current revision (ETag: the revision).',
          responses: { '200': { description: 'The article.', content: json(ref('Article')) }, ...unknownArticle, ...common },
        },
        put: {
          summary:
            "Create (no If-Match) or update (If-Match: the revision it is based on). Content is checked against the block catalog and the profile. The article belongs to the ministry its `meta.ministry` names, which must be one of the user's (an admin's: any); without one, to the one it had, or the user's first.",
          parameters: [idempotencyKey, { name: 'If-Match', in: 'header', required: false, description: 'Required for updates: "<revision>".', schema: { type: 'string' } }],
          requestBody: { required: true, content: json(ref('ArticleContent')) },
          responses: {
            '200': { description: 'Updated (or unchanged).', content: json(ref('Article')) },
            '201': { description: 'Created.', content: json(ref('Article')) },
            '400': error('Malformed request, or a text with a character XML cannot carry (details name the field).'),
            '403': error("`meta.ministry` names a ministry the user does not belong to."),
            '404': error('An article of another ministry.'),
            '412': { description: 'Based on a stale revision (`current` holds the article as it is), or If-Match on an article that does not exist (no `current`).', content: json({ allOf: [ref('Error'), { type: 'object', properties: { current: ref('Article') } }] }) },
            '422': error('Content the catalog or the profile does not allow; details name the block.'),
            '428': error('If-Match or Idempotency-Key missing.'),
            ...common,
          },
        },
      },
      '/api/v1/articles/{id}/transitions': {
        parameters: [articleId],
        post: {
          summary: 'submit, request_changes, approve, publish (now or at a time), withdraw, correct: for exactly the named revision.',
          parameters: [idempotencyKey],
          requestBody: { required: true, content: json(ref('TransitionRequest')) },
          responses: {
            '200': { description: 'The article after the transition.', content: json(ref('Article')) },
            '400': error('Malformed request, or a reason with a character XML cannot carry.'),
            '403': error('Not allowed for this role, or the four-eyes principle.'),
            ...unknownArticle,
            '409': error('Not possible in this state, or for this revision.'),
            '422': error('Before the embargo, an unrenderable block, or a missing reason.'),
            ...common,
          },
        },
      },
      '/api/v1/articles/{id}/deliveries/{destination}/retry': {
        parameters: [articleId, { name: 'destination', in: 'path', required: true, description: 'The destination\'s name, as in the article\'s `deliveries`.', schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' } }],
        post: {
          summary:
            "Approvers and admins: retry a failed delivery (the newest job for this destination) now. Every publish, correction and withdrawal creates one delivery job per destination in the same transaction; the portal's website (\"website\") is delivered at once, the others by a worker in order per article, with backoff and jitter, exactly once (it looks up what landed before sending), never an older revision over a newer one. The article's `deliveries` show each one's state.",
          parameters: [idempotencyKey],
          responses: {
            '200': { description: 'The article; the delivery is pending again.', content: json(ref('Article')) },
            '403': error('Authors may not retry deliveries.'),
            '404': error('No such article (or one of another ministry), or it was never delivered to this destination.'),
            '409': error('The delivery has not failed.'),
            ...common,
          },
        },
      },
      '/api/v1/articles/{id}/comments': {
        parameters: [articleId],
        get: { summary: 'Review comments.', responses: { '200': { description: 'Comments.', content: json({ type: 'array', items: ref('Comment') }) }, ...unknownArticle, ...common } },
        post: {
          summary: 'A comment on one block of one revision.',
          parameters: [idempotencyKey],
          requestBody: { required: true, content: json(ref('CommentRequest')) },
          responses: { '201': { description: 'Added.', content: json(ref('Comment')) }, '400': error('Malformed request, or a text with a character XML cannot carry.'), '422': error('No such block in that revision.'), ...unknownArticle, ...common },
        },
      },
      '/api/v1/articles/{id}/comments/{commentId}/resolve': {
        parameters: [articleId, { name: 'commentId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        post: { summary: 'Resolve a comment.', parameters: [idempotencyKey], responses: { '200': { description: 'Resolved.', content: json(ref('Comment')) }, ...unknownArticle, ...common } },
      },
      '/api/v1/articles/{id}/history': {
        parameters: [articleId],
        get: {
          summary: "The article's entries of the append-only, hash-chained history.",
          responses: { '200': { description: 'History entries.', content: json({ type: 'array', items: ref('HistoryEntry') }) }, ...unknownArticle, ...common },
        },
      },
      '/api/v1/media/{sha256}': {
        parameters: [{ name: 'sha256', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } }],
        get: { summary: 'A stored media file (to any signed-in user: media are addressed by their hash, not by ministry).', responses: { '200': { description: 'The file.' }, '404': error('No such file.'), ...common } },
        put: {
          summary: 'Store a file under its SHA-256 (idempotent). The hash is checked, the type taken from the content, the size limited by the profile.',
          parameters: [idempotencyKey],
          requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } },
          responses: {
            '200': { description: 'Already stored.', content: json(ref('MediaInfo')) },
            '201': { description: 'Stored.', content: json(ref('MediaInfo')) },
            '415': error('A type the portal does not take.'),
            '422': error('The content does not match the hash.'),
            ...common,
          },
        },
      },
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas: components() },
  };
}
