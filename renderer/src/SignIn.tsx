import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useBackend } from './api-context.js';
import { attempt } from './attempt.js';
import { t } from './messages.js';
import { usePortalStatus, type PortalStatus } from './portal-status.js';

/** The portal connection in the app bar: "Anmelden" with its dialog, or who is signed in and "Abmelden". */
export function PortalConnection() {
  const { api } = useBackend();
  const [status, setStatus] = usePortalStatus();
  const [open, setOpen] = useState(false);
  if (!status) return null;
  return (
    <div className="portal-connection">
      {status.connected ? (
        <>
          <span className="portal-user">{t('portal.signedIn', { username: status.username ?? '', role: roleLabel(status.role), portal: status.portalName ?? status.url ?? '' })}</span>
          <button type="button" onClick={() => void api.portal.disconnect().then(setStatus)}>
            {t('portal.signOut')}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          {t('portal.signIn')}
        </button>
      )}
      {(status.signInRequired || (status.connected && !status.online && status.pending > 0)) && (
        <p role="status" className="portal-problem">
          {status.signInRequired ? t('portal.signInAgain') : t('portal.offline', { count: status.pending })}
        </p>
      )}
      {status.historyWarning && (
        <p role="alert" className="portal-problem">
          {status.historyWarning}
        </p>
      )}
      <SignInDialog open={open} keepSignIn={status.keepSignIn} initialUrl={status.url ?? ''} initialUser={status.username ?? ''} onClose={() => setOpen(false)} onSignedIn={setStatus} />
    </div>
  );
}

/** "Redaktion", "Freigabe": the portal's role as people in the ministry call it. */
function roleLabel(role: string | null): string {
  return role === 'author' || role === 'approver' || role === 'admin' ? t(`portal.role.${role}`) : (role ?? '');
}

function SignInDialog(props: {
  open: boolean;
  keepSignIn: PortalStatus['keepSignIn'];
  initialUrl: string;
  initialUser: string;
  onClose: () => void;
  onSignedIn: (status: PortalStatus) => void;
}) {
  const { open, keepSignIn, initialUrl, initialUser, onClose, onSignedIn } = props;
  const { api } = useBackend();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const noteId = useId();
  const [url, setUrl] = useState(initialUrl);
  const [username, setUsername] = useState(initialUser);
  const [password, setPassword] = useState('');
  const [keep, setKeep] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    await attempt(async () => {
      onSignedIn(await api.portal.connect({ url, username, password, keep }));
      setPassword('');
      onClose();
    }, setProblem);
    setBusy(false);
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId} aria-describedby={noteId} onClose={onClose}>
      <form onSubmit={(event) => void submit(event)}>
        <h2 id={titleId}>{t('portal.signInTitle')}</h2>
        <div className="field">
          <label className="field-label" htmlFor={`${titleId}-url`}>
            {t('portal.address')}
          </label>
          <input id={`${titleId}-url`} type="url" required value={url} placeholder="https://" onChange={(event) => setUrl(event.target.value)} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${titleId}-user`}>
            {t('portal.username')}
          </label>
          <input id={`${titleId}-user`} required autoComplete="username" value={username} onChange={(event) => setUsername(event.target.value)} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${titleId}-password`}>
            {t('portal.password')}
          </label>
          <input id={`${titleId}-password`} type="password" required autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />
        </div>
        <p id={noteId} className="field-hint">
          {t(keepSignIn === 'os' ? 'portal.tokenNoteOs' : 'portal.tokenNote')}
        </p>
        {keepSignIn === 'file' && (
          <div className="field field-checkbox">
            <input id={`${titleId}-keep`} type="checkbox" checked={keep} aria-describedby={`${titleId}-keep-note`} onChange={(event) => setKeep(event.target.checked)} />
            <label htmlFor={`${titleId}-keep`}>{t('portal.keep')}</label>
            <p id={`${titleId}-keep-note`} className="field-hint">
              {t('portal.keepNote')}
            </p>
          </div>
        )}
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('portal.signIn')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
