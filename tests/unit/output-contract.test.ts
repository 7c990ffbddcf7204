import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyArticle } from '../../common/article.js';
import { createDispatcher, createHandlers, type DesktopFeatures } from '../../main/contract-dispatcher.js';
import { openAppServices, type AppServices } from '../../main/services/app-services.js';
import { makeTempDirectory } from '../temp-directory.js';

/** The output methods of the contract: the Word file, the approval mark, the desktop app's PDF. */
describe('the contract for Word, print and PDF', () => {
  let temp: ReturnType<typeof makeTempDirectory>;
  let services: AppServices;
  let id: string;

  beforeEach(async () => {
    temp = makeTempDirectory();
    services = await openAppServices(temp.path, { dailyBackups: false });
    id = services.drafts.create({ ...emptyArticle(), meta: { ...emptyArticle().meta, title: 'Straßensperrung Nord' } }).id;
  });
  afterEach(() => {
    services.dispose();
    temp.remove();
  });

  it('"drafts.exportWord" answers the .docx as base64 under a name from the title', async () => {
    const dispatch = createDispatcher(createHandlers(services));
    const result = await dispatch('drafts.exportWord', { id });
    expect(result).toMatchObject({ ok: true, value: { fileName: 'Strassensperrung-Nord.docx' } });
    if (!result.ok) return;
    const bytes = Buffer.from((result.value as { data: string }).data, 'base64');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('"drafts.approval" says a text the portal never approved is not approved', async () => {
    const dispatch = createDispatcher(createHandlers(services));
    expect(await dispatch('drafts.approval', { id })).toEqual({ ok: true, value: { approved: false } });
  });

  it('the browser entry has no "Als PDF speichern": it says so in German and reports the capability as absent', async () => {
    const dispatch = createDispatcher(createHandlers(services));
    expect(await dispatch('app.capabilities', {})).toEqual({ ok: true, value: { savePdf: false } });
    const result = await dispatch('drafts.savePdf', { id });
    expect(result).toEqual({
      ok: false,
      error: { code: 'unsupported', message: 'Als PDF speichern gibt es nur in der Desktop-App. Wählen Sie hier „Drucken“ und im Druckdialog „Als PDF speichern“.' },
    });
  });

  it('the desktop app saves the PDF under a name from the title, or nothing when the person cancels', async () => {
    const asked: string[] = [];
    let answer: string | null = 'Sperrung.pdf';
    const desktop: DesktopFeatures = { savePdf: (name) => (asked.push(name), Promise.resolve(answer)) };
    const dispatch = createDispatcher(createHandlers(services, desktop));
    expect(await dispatch('app.capabilities', {})).toEqual({ ok: true, value: { savePdf: true } });
    expect(await dispatch('drafts.savePdf', { id })).toEqual({ ok: true, value: { fileName: 'Sperrung.pdf' } });
    answer = null;
    expect(await dispatch('drafts.savePdf', { id })).toEqual({ ok: true, value: { fileName: null } });
    expect(asked).toEqual(['Strassensperrung-Nord.pdf', 'Strassensperrung-Nord.pdf']);
  });
});
