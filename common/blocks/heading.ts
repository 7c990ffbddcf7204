import { Heading } from '@tiptap/extension-heading';
import { z } from 'zod';
import { fromRichText, inlineSchema, inlineSpecs, toRichText } from '../markup/rich-text.js';
import { contentOr, defineBlock } from './block-definition.js';
import { wpHeading, wpInline } from './wordpress-markup.js';

/** Headings H2–H6; a pasted H1 becomes an H2, because the release's title is the page's only H1. */
const PortalHeading = Heading.extend({
  parseHTML() {
    return [{ tag: 'h1', attrs: { level: 2 } }, ...(this.parent?.() ?? [])];
  },
}).configure({ levels: [2, 3, 4, 5, 6] });

/** "Headline H2" … "H6": the title is the page's H1, so the body starts at H2. */
export const headingBlock = defineBlock({
  name: 'heading',
  elementType: 'header',
  label: 'block.heading',
  description: 'block.heading.description',
  keywords: ['überschrift', 'zwischenüberschrift', 'h2', 'h3', 'h4', 'headline'],
  editing: 'inline',
  extensions: [PortalHeading],
  editorFields: [{ name: 'level', label: 'field.headingLevel', control: 'select', options: ([2, 3, 4, 5, 6] as const).map((level) => ({ value: String(level), label: `field.headingLevel${level}` as const })) }],
  fieldsSchema: z.object({ header: z.array(inlineSchema), headerLayout: z.number().int().min(2).max(6) }),
  create: () => ({ type: 'heading', attrs: { level: 2 } }),
  toFields: (node) => {
    const [rich] = toRichText([node]);
    return rich?.kind === 'heading' ? { header: rich.content, headerLayout: rich.level } : { header: [], headerLayout: 2 };
  },
  fromFields: (fields, id) => fromRichText([{ kind: 'heading', id: id || undefined, level: fields.headerLayout, content: fields.header }])[0]!,
  render: (fields, context) => [`h${fields.headerLayout}`, { class: 'ce-header' }, ...contentOr(context, () => inlineSpecs(fields.header))],
  wordpress: (fields) => wpHeading(fields.headerLayout, wpInline(fields.header)),
});
