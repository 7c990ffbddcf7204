import { useId, useState, type KeyboardEvent } from 'react';
import { t } from '../messages.js';
import { filterBlocks } from './block-filter.js';

/**
 * The list of blocks to insert, filtered as the person types; arrow keys choose, Enter
 * inserts, Escape closes. Opened by the insert button and by "/" in an empty paragraph.
 */
export function BlockMenu({ onPick, onClose }: { onPick: (blockName: string) => void; onClose: (reason: 'escape' | 'blur') => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const blocks = filterBlocks(query);
  const activeIndex = Math.min(active, Math.max(0, blocks.length - 1));

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((activeIndex + 1) % Math.max(1, blocks.length));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((activeIndex - 1 + blocks.length) % Math.max(1, blocks.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const block = blocks[activeIndex];
      if (block) onPick(block.name);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose('escape');
    }
  }

  return (
    <div className="block-menu" role="dialog" aria-label={t('blockMenu.title')}>
      <input
        className="block-menu-search"
        role="combobox"
        aria-label={t('blockMenu.search')}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={blocks.length > 0 ? `${listId}-${activeIndex}` : undefined}
        placeholder={t('blockMenu.placeholder')}
        value={query}
        autoFocus
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={(event) => {
          if (!event.currentTarget.parentElement?.contains(event.relatedTarget)) onClose('blur');
        }}
      />
      <ul className="block-menu-list" role="listbox" id={listId} aria-label={t('blockMenu.list')}>
        {blocks.map((block, index) => (
          <li
            key={block.name}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === activeIndex}
            className="block-menu-option"
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => setActive(index)}
            onClick={() => onPick(block.name)}
          >
            <span className="block-menu-label">{t(block.label)}</span>
            <span className="block-menu-description">{t(block.description)}</span>
          </li>
        ))}
      </ul>
      {blocks.length === 0 && <p className="block-menu-empty">{t('blockMenu.noMatch', { query })}</p>}
    </div>
  );
}
