import { Extension, InputRule } from '@tiptap/core';
import { germanTypography } from '../../../common/typography.js';

/** German quotes, apostrophes, dashes and ellipses as the person types; Backspace right after undoes one. */
export const GermanTypography = Extension.create({
  name: 'germanTypography',
  addInputRules() {
    return [
      new InputRule({
        find: /[\s\S]$/,
        handler: ({ state, range, match }) => {
          const typed = match[0];
          const textBefore = (match.input ?? '').slice(0, -typed.length);
          const edit = germanTypography(textBefore, typed);
          if (!edit) return null;
          state.tr.insertText(edit.insert, range.from - edit.deleteBefore, range.to);
        },
      }),
    ];
  },
});
