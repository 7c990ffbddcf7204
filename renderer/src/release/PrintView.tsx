import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Article } from '../../../common/article.js';
import { mediaPathResolver } from '../../../common/media.js';
import { releaseMarks } from '../../../common/rendering/release-output.js';
import { renderArticle } from '../../../common/rendering/render-article.js';
import { useBackend } from '../api-context.js';
import { attempt, errorMessage } from '../attempt.js';
import { t } from '../messages.js';
import { navigate } from '../routes.js';
import { adoptPageRules, printPageRules } from './print-page.js';
import './print.css';

interface Loaded {
  article: Article;
  approved: boolean;
  savePdf: boolean;
}

/** Waits until every image of the sheet has loaded (or failed), so that none prints blank. */
async function imagesLoaded(root: HTMLElement): Promise<void> {
  const images = [...root.querySelectorAll('img')];
  for (const image of images) image.loading = 'eager';
  await Promise.all(
    images.map(
      (image) =>
        image.complete ||
        new Promise<void>((resolve) => {
          image.addEventListener('load', () => resolve(), { once: true });
          image.addEventListener('error', () => resolve(), { once: true });
        }),
    ),
  );
}

/**
 * "Drucken": the stored release in the portal's look, with "Sperrfrist: …" and "ENTWURF – …" as
 * the Word file has them and the press contact at the end; the print stylesheet (`print.css`,
 * `print-page.ts`) sets A4, page numbers and link addresses. The print dialog opens once the
 * sheet is ready; in the desktop app, "Als PDF speichern" prints it to a file.
 */
export function PrintView({ id }: { id: string }) {
  const { api } = useBackend();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const sheet = useRef<HTMLDivElement>(null);
  const printed = useRef(false);

  useEffect(() => {
    let current = true;
    Promise.all([api.drafts.get({ id }), api.drafts.approval({ id }), api.app.capabilities()]).then(
      ([draft, { approved }, capabilities]) => current && setLoaded({ article: draft.article, approved, savePdf: capabilities.savePdf }),
      (caught: unknown) => current && setError(errorMessage(caught)),
    );
    return () => {
      current = false;
    };
  }, [api, id]);

  const marks = loaded ? releaseMarks(loaded.article.meta, loaded.approved) : null;

  // The page rules and the document's title (the PDF's default name) while the view is shown.
  useLayoutEffect(() => {
    if (!loaded) return undefined;
    const previousTitle = document.title;
    document.title = loaded.article.meta.title || t('drafts.untitled');
    const remove = adoptPageRules(printPageRules(releaseMarks(loaded.article.meta, loaded.approved)));
    return () => {
      remove();
      document.title = previousTitle;
    };
  }, [loaded]);

  useEffect(() => {
    const root = sheet.current;
    if (!loaded || !root) return;
    // Closed parts would print closed: accordions and transcripts are opened.
    for (const details of root.querySelectorAll('details')) details.open = true;
    void imagesLoaded(root).then(() => {
      root.dataset.ready = 'true';
      if (printed.current) return;
      printed.current = true;
      window.print();
    });
  }, [loaded]);

  if (error) {
    return (
      <section className="screen print-view">
        <p role="alert" className="error">
          {error}
        </p>
      </section>
    );
  }
  if (!loaded || !marks) return <p className="loading">{t('app.loading')}</p>;
  const savePdf = () =>
    attempt(async () => {
      const { fileName } = await api.drafts.savePdf({ id });
      if (fileName) setNotice(t('output.pdfSaved', { name: fileName }));
    }, setNotice);

  return (
    <section className="print-view" aria-label={t('output.printLabel')}>
      <div className="print-toolbar">
        <button type="button" onClick={() => navigate({ screen: 'editor', id })}>
          ← {t('output.backToEditor')}
        </button>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('output.printAgain')}
        </button>
        {loaded.savePdf && (
          <button type="button" onClick={() => void savePdf()}>
            {t('output.savePdf')}
          </button>
        )}
        <p className="print-notice" role="status" aria-live="polite">
          {notice}
        </p>
      </div>
      <div className="print-sheet portal" ref={sheet}>
        {marks.embargo && <p className="print-mark print-mark-embargo">{marks.embargo}</p>}
        {marks.draft && <p className="print-mark print-mark-draft">{marks.draft}</p>}
        {/* The same renderer as the preview and publishing; its output is built from escaped, structured data. */}
        <div dangerouslySetInnerHTML={{ __html: renderArticle(loaded.article, mediaPathResolver) }} />
      </div>
    </section>
  );
}
