import { useId, useRef } from 'react';
import { articleFromTemplate, type Template } from '../../common/templates.js';
import { useBackend } from './api-context.js';
import { attempt } from './attempt.js';
import { t } from './messages.js';
import { navigate } from './routes.js';
import { useLive } from './use-live.js';

interface Templates {
  portal: Template[];
  own: Template[];
}

/**
 * "Aus Vorlage …" beside "Neue Pressemitteilung": the portal's templates (cached with its
 * profile, so offline too) and the person's own; one click makes a new release from it.
 */
export function TemplateMenu({ onNotice }: { onNotice: (text: string) => void }) {
  const { api } = useBackend();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Again when the connection changes: a sign-in brings the portal's profile and its templates.
  const [loaded, setTemplates] = useLive<Templates>('templates', (backend) => backend.templates.list(), (event) => (event.name === 'sync.changed' && event.payload.id === null) || event.name === 'app.restored');
  const templates = loaded ?? { portal: [], own: [] };
  const load = () => api.templates.list().then(setTemplates, () => undefined);
  if (templates.portal.length + templates.own.length === 0) return null;

  const use = (template: Template) =>
    attempt(async () => {
      const draft = await api.drafts.create({ article: articleFromTemplate(template) });
      dialog.current?.close();
      navigate({ screen: 'editor', id: draft.id });
    }, onNotice);
  const remove = (template: Template) =>
    attempt(async () => {
      await api.templates.remove({ id: template.id });
      onNotice(t('templates.removed', { name: template.name }));
      await load();
    }, onNotice);
  const group = (heading: string, items: Template[], removable: boolean) =>
    items.length > 0 && (
      <section>
        <h3>{heading}</h3>
        <ul className="template-list">
          {items.map((template) => (
            <li key={template.id}>
              <button type="button" onClick={() => void use(template)}>
                {template.name}
              </button>
              {removable && (
                <button type="button" className="link-button" aria-label={t('templates.remove', { name: template.name })} onClick={() => void remove(template)}>
                  ✕
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
    );

  return (
    <>
      <button
        type="button"
        onClick={() => {
          void load();
          dialog.current?.showModal();
        }}
      >
        {t('templates.fromTemplate')}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby={titleId}>
        <h2 id={titleId}>{t('templates.choose')}</h2>
        {group(t('templates.portal'), templates.portal, false)}
        {group(t('templates.own'), templates.own, true)}
        <div className="dialog-actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('templates.cancel')}
          </button>
        </div>
      </dialog>
    </>
  );
}
