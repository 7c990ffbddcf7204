import { useId, useState } from 'react';
import { berlinToInstant, formatBerlinLocal } from '../../../common/berlin-time.js';
import { allowedActions, liveStatuses, refusal, reviewerRoles, roles, type TransitionFacts } from '../../../common/workflow.js';
import { useBackend } from '../api-context.js';
import { attempt } from '../attempt.js';
import { DateTextInput } from '../DateTextInput.js';
import { t } from '../messages.js';
import { gateRefusal, publishErrors } from './gate.js';
import { OverrideForm } from './OverrideForm.js';
import { useRelease } from './release-context.js';
import { Deliveries } from './Deliveries.js';

/**
 * "Veröffentlichen" once the release is approved: now, or at a Berlin time, never before the
 * embargo; "Korrigieren" and "Zurückziehen" once it is live; then its public address. Which of
 * them are offered, the workflow table decides.
 */
export function PublishControls({ embargo }: { embargo: string }) {
  const { api } = useBackend();
  const { id, sync, role, profile } = useRelease();
  const [at, setAt] = useState('');
  const [atValid, setAtValid] = useState(true);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [blocked, setBlocked] = useState(false);
  const fieldId = useId();
  if (!sync) return null;
  const reviewer = role !== null && reviewerRoles.includes(role);
  const facts: TransitionFacts = { status: sync.portalStatus, publishedRevision: sync.publishedRevision };
  // Signed out, the person's role is not known: only what every role may do is offered.
  const offered = allowedActions({ ...facts, role: role ?? roles[0] });
  // Live, but withdrawing is for approvers: the app says who can.
  const withdrawForOthers = !offered.includes('withdraw') && refusal('withdraw', facts) === null;

  async function run(action: () => Promise<unknown>) {
    setProblem(null);
    if (await attempt(action, setProblem)) setReason('');
  }
  // Like submitting: the checks run first, on the approved revision that goes live; errors stop it unless an approver overrides them.
  async function publish(override?: string) {
    setProblem(null);
    if (!override) {
      const errors = await publishErrors(api, id, profile);
      if (errors.length > 0) {
        setBlocked(true);
        setProblem(gateRefusal(errors));
        return;
      }
    }
    setBlocked(false);
    await run(() => api.sync.publish({ id, at: at ? berlinToInstant(at).toISOString() : null, ...(override ? { override } : {}) }));
  }
  const reasonField = (label: string) => (
    <>
      <label htmlFor={`${fieldId}-reason`}>{label}</label>
      <input id={`${fieldId}-reason`} value={reason} maxLength={2000} onChange={(event) => setReason(event.target.value)} />
    </>
  );
  return (
    <div className="publish-controls">
      {embargo && <p className="embargo-banner">{t('sync.embargo', { embargo: formatBerlinLocal(embargo) })}</p>}
      {offered.includes('correct') && (
        <div className="publish-form">
          {reasonField(t('sync.correctReason'))}
          <button type="button" className="primary" disabled={sync.pending > 0 || reason.trim().length < 3} onClick={() => void run(() => api.sync.correct({ id, reason }))}>
            {t('sync.correct')}
          </button>
        </div>
      )}
      {withdrawForOthers && <p className="field-hint">{t('sync.withdrawApproversOnly')}</p>}
      {offered.includes('withdraw') && (
        <div className="publish-form">
          {reasonField(t('sync.withdrawReason'))}
          <button type="button" className="danger" disabled={sync.pending > 0 || reason.trim().length < 3} onClick={() => void run(() => api.sync.withdraw({ id, reason }))}>
            {t('sync.withdraw')}
          </button>
        </div>
      )}
      {offered.includes('publish') && (
        <div className="publish-form">
          <label htmlFor={fieldId}>{t('sync.publishAt')}</label>
          <DateTextInput id={fieldId} kind="dateTime" value={at} onChange={setAt} onValidity={setAtValid} />
          <button type="button" className="primary" disabled={sync.pending > 0 || !atValid} onClick={() => void publish()}>
            {t('sync.publish')}
          </button>
          {sync.pending > 0 && <span role="status">{t('sync.publishing')}</span>}
        </div>
      )}
      {problem && (
        <p role="alert" className="notice-inline notice-problem">
          {problem}
        </p>
      )}
      {blocked && reviewer && <OverrideForm action={t('sync.overridePublish')} onConfirm={(reason) => void publish(reason)} />}
      {sync.url && sync.portalStatus && liveStatuses.includes(sync.portalStatus) && (
        <p>
          {t('sync.publicAddress')}:{' '}
          <a href={sync.url} target="_blank" rel="noreferrer">
            {sync.url}
          </a>
        </p>
      )}
      <Deliveries />
    </div>
  );
}
