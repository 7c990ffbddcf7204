import type { Api } from './bridge.js';
import { navigate } from './routes.js';

/** Creates an empty press release and opens it in the editor. */
export async function createDraftAndOpen(api: Api): Promise<void> {
  const draft = await api.drafts.create();
  navigate({ screen: 'editor', id: draft.id });
}
