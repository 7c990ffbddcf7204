import { useId, useState } from 'react';
import { imageEditorFields } from '../../../common/blocks/editor-fields.js';
import { emptyImage, type Image } from '../../../common/blocks/image.js';
import { DateTextInput } from '../DateTextInput.js';
import { FieldControl } from './FieldControl.js';
import type { ArticleMeta } from '../../../common/article.js';
import { defaultMinistries } from '../../../common/ministries.js';
import { t } from '../messages.js';

type EditableMeta = Omit<ArticleMeta, 'title' | 'lead' | 'teaserImage'>;

/** The release's details besides title and lead: ministry, place and date, embargo, contact, topics. */
export function MetaPanel({ initial, onChange }: { initial: ArticleMeta; onChange: <K extends keyof ArticleMeta>(field: K, value: ArticleMeta[K]) => void }) {
  const id = useId();
  const [meta, setMeta] = useState<EditableMeta>({ ...initial });
  const [topicsText, setTopicsText] = useState(initial.topics.join(', '));

  function change<K extends keyof EditableMeta>(field: K, value: ArticleMeta[K]) {
    setMeta((current) => ({ ...current, [field]: value }));
    onChange(field, value);
  }

  const text = (field: 'place', label: Parameters<typeof t>[0]) => (
    <div className="panel-field">
      <label htmlFor={`${id}-${field}`}>{t(label)}</label>
      <input id={`${id}-${field}`} value={meta[field]} maxLength={100} onChange={(event) => change(field, event.target.value)} lang="de" />
    </div>
  );

  return (
    <section className="panel-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('panel.meta')}</h2>
      <div className="panel-field">
        <label htmlFor={`${id}-ministry`}>{t('meta.ministry')}</label>
        <select id={`${id}-ministry`} value={meta.ministry} onChange={(event) => change('ministry', event.target.value)}>
          <option value="">{t('meta.ministryNone')}</option>
          {[...new Set([...defaultMinistries, ...(meta.ministry ? [meta.ministry] : [])])].map((ministry) => (
            <option key={ministry} value={ministry}>
              {ministry}
            </option>
          ))}
        </select>
      </div>
      {text('place', 'meta.place')}
      <div className="panel-field">
        <label htmlFor={`${id}-date`}>{t('meta.date')}</label>
        <DateTextInput id={`${id}-date`} kind="day" value={meta.date} onChange={(value) => change('date', value)} />
      </div>
      <div className="panel-field">
        <label htmlFor={`${id}-embargo`}>{t('meta.embargo')}</label>
        <DateTextInput id={`${id}-embargo`} kind="dateTime" value={meta.embargo} describedBy={`${id}-embargo-hint`} onChange={(value) => change('embargo', value)} />
        <p id={`${id}-embargo-hint`} className="field-hint">
          {t('meta.embargoHint')}
        </p>
      </div>
      {(['name', 'phone', 'email'] as const).map((part) => (
        <div className="panel-field" key={part}>
          <label htmlFor={`${id}-contact-${part}`}>{t(part === 'name' ? 'meta.contactName' : part === 'phone' ? 'meta.contactPhone' : 'meta.contactEmail')}</label>
          <input
            id={`${id}-contact-${part}`}
            type={part === 'email' ? 'email' : part === 'phone' ? 'tel' : 'text'}
            value={meta.contact[part]}
            maxLength={200}
            onChange={(event) => change('contact', { ...meta.contact, [part]: event.target.value })}
          />
        </div>
      ))}
      <div className="panel-field">
        <label htmlFor={`${id}-topics`}>{t('meta.topics')}</label>
        <input
          id={`${id}-topics`}
          value={topicsText}
          aria-describedby={`${id}-topics-hint`}
          onChange={(event) => {
            setTopicsText(event.target.value);
            change('topics', [...new Set(event.target.value.split(',').map((topic) => topic.trim().slice(0, 60)).filter(Boolean))].slice(0, 20));
          }}
          lang="de"
        />
        <p id={`${id}-topics-hint`} className="field-hint">
          {t('meta.topicsHint')}
        </p>
      </div>
    </section>
  );
}

/** The optional teaser image shown with the release in the portal's listings. */
export function TeaserImagePanel({ initial, onChange }: { initial: Image | null; onChange: (image: Image | null) => void }) {
  const id = useId();
  const [image, setImage] = useState<Image>(initial ?? emptyImage());
  return (
    <section className="panel-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('meta.teaserImage')}</h2>
      <FieldControl
        field={{ name: 'teaserImage', label: 'meta.teaserImage', control: 'group', fields: imageEditorFields }}
        value={image}
        onChange={(value) => {
          const next = value as Image;
          setImage(next);
          onChange(next.media ? next : null);
        }}
      />
    </section>
  );
}
