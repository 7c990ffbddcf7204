import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { blockCatalog } from '../common/blocks/catalog.js';
import { profileSchema, type Profile } from '../common/portal-api.js';
import { ministriesConfigSchema, ministriesOf } from './ministries.js';
import { templateSchema } from '../common/templates.js';

/**
 * The operator's profile configuration: which element types the portal knows and can render,
 * the ministries, image sizes and limits. Element types are named; their fields come from the
 * block catalog, so the configuration cannot disagree with what the app sends.
 */
export const profileConfigSchema = z.object({
  /** `imprintUrl`, `privacyUrl`: the legal pages the public website's footer links to. */
  portal: z.object({ name: z.string().min(1), publicUrl: z.url().optional(), imprintUrl: z.url().optional(), privacyUrl: z.url().optional() }),
  profileVersion: z.string().min(1),
  elementTypes: z.array(z.object({ name: z.string().min(1), renderable: z.boolean() })),
  /** `{ id, name }`, or a plain name whose id is its slug (see `ministries.ts`). */
  ministries: ministriesConfigSchema,
  /** Templates for new releases, offered in the app ("Vorlagen"). */
  templates: z.array(templateSchema).optional(),
  imageSizes: profileSchema.shape.imageSizes,
  limits: profileSchema.shape.limits,
});
export type ProfileConfig = z.infer<typeof profileConfigSchema>;

/** Reads and checks a profile configuration file; the message says what is wrong. */
export function loadProfileConfig(file: string): ProfileConfig {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`The profile configuration ${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const parsed = profileConfigSchema.safeParse(json);
  if (!parsed.success) throw new Error(`The profile configuration ${file} is invalid: ${z.prettifyError(parsed.error)}`);
  const known = new Set(blockCatalog.map((block) => block.elementType));
  const unknown = parsed.data.elementTypes.filter((type) => !known.has(type.name)).map((type) => type.name);
  if (unknown.length > 0) throw new Error(`The profile configuration ${file} names element types no block maps to: ${unknown.join(', ')}`);
  return parsed.data;
}

/** The profile as `GET /api/v1/profile` answers it. */
export function buildProfile(config: ProfileConfig, baseUrl: string): Profile {
  return {
    portal: { name: config.portal.name, url: config.portal.publicUrl ?? baseUrl },
    profileVersion: config.profileVersion,
    elementTypes: config.elementTypes.map((type) => {
      const block = blockCatalog.find((candidate) => candidate.elementType === type.name)!;
      const shape = (block.fieldsSchema as unknown as { shape?: Record<string, unknown> }).shape ?? {};
      return { name: type.name, block: block.name, fields: Object.keys(shape), renderable: type.renderable };
    }),
    ministries: ministriesOf(config.ministries).map((ministry) => ministry.name),
    ministryIds: Object.fromEntries(ministriesOf(config.ministries).map((ministry) => [ministry.name, ministry.id])),
    templates: config.templates ?? [],
    imageSizes: config.imageSizes,
    limits: config.limits,
  };
}
