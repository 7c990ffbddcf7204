import { useEffect, useState } from 'react';
import { useBackend } from './api-context.js';
import { openNewDraft } from './create-draft.js';
import { DraftListScreen } from './DraftListScreen.js';
import { EditorScreen, NewDraftScreen } from './EditorScreen.js';
import { t } from './messages.js';
import { hrefOf, parseRoute, useRoute } from './routes.js';
import { TrashScreen } from './TrashScreen.js';
import { BackupsScreen } from './BackupsScreen.js';
import { Notices } from './Notices.js';
import { PortalConnection } from './SignIn.js';
import { InboxScreen, ReviewScreen } from './ReviewScreens.js';
import { PrintView } from './release/PrintView.js';
import { SettingsScreen } from './SettingsScreen.js';
import { navigate } from './routes.js';

export function App() {
  const { bridge } = useBackend();
  const route = useRoute();
  const [notice, setNotice] = useState('');

  useEffect(
    () =>
      bridge.events.subscribe((event) => {
        // A restored backup replaced every release: an open one is closed (unsaved text is kept as its own draft).
        if (event.name === 'app.restored' && parseRoute(window.location.hash).screen === 'editor') navigate({ screen: 'drafts' });
        if (event.name === 'app.command' && event.payload.command === 'backups.open') navigate({ screen: 'backups' });
        if (event.name === 'app.command' && event.payload.command === 'draft.new') openNewDraft();
      }),
    [bridge],
  );

  return (
    <div className="app">
      <header className="app-bar">
        <span className="app-name">{t('app.title')}</span>
        <nav aria-label={t('nav.main')}>
          <a href={hrefOf({ screen: 'drafts' })} aria-current={route.screen === 'drafts' ? 'page' : undefined}>
            {t('nav.drafts')}
          </a>
          <a href={hrefOf({ screen: 'trash' })} aria-current={route.screen === 'trash' ? 'page' : undefined}>
            {t('nav.trash')}
          </a>
          <a href={hrefOf({ screen: 'inbox' })} aria-current={route.screen === 'inbox' || route.screen === 'review' ? 'page' : undefined}>
            {t('sync.inbox')}
          </a>
          <a href={hrefOf({ screen: 'settings' })} aria-current={route.screen === 'settings' ? 'page' : undefined}>
            {t('nav.settings')}
          </a>
        </nav>
        <PortalConnection />
      </header>
      <main className="app-main">
        <Notices />
        {route.screen === 'drafts' && <DraftListScreen onNotice={setNotice} />}
        {route.screen === 'trash' && <TrashScreen onNotice={setNotice} />}
        {route.screen === 'backups' && <BackupsScreen onNotice={setNotice} />}
        {route.screen === 'inbox' && <InboxScreen />}
        {route.screen === 'review' && <ReviewScreen key={route.id} id={route.id} />}
        {route.screen === 'editor' && <EditorScreen key={route.id} id={route.id} />}
        {route.screen === 'new' && <NewDraftScreen key={route.id} id={route.id} />}
        {route.screen === 'print' && <PrintView key={route.id} id={route.id} />}
        {route.screen === 'settings' && <SettingsScreen onNotice={setNotice} />}
      </main>
      <p className="notice" role="status" aria-live="polite" data-testid="notice">
        {notice}
      </p>
    </div>
  );
}
