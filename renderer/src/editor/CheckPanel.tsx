import { useId, useState } from 'react';
import { severities, type Finding, type Severity } from '../../../common/checks/rules.js';
import type { MessageKey } from '../../../common/messages/index.js';
import { t, tCount } from '../messages.js';
import { ShowMore } from '../ShowMore.js';

const headings: Record<Severity, MessageKey> = { error: 'check.severity.error', warning: 'check.severity.warning', hint: 'check.severity.hint' };
/**
 * Findings listed per severity at first, and more at each "Weitere anzeigen": a long release can
 * have hundreds of one kind (each video without captions), which nobody reads as one list and
 * which would be rebuilt after every check.
 */
const FINDINGS_SHOWN = 50;

/** "Prüfung": the findings of the checks, grouped by severity, each with its block and fix. */
export function CheckPanel({ findings, onShow, onFix }: { findings: readonly Finding[]; onShow: (blockId: string) => void; onFix: (finding: Finding) => void }) {
  const headingId = useId();
  const [shown, setShown] = useState<Partial<Record<Severity, number>>>({});
  const count = (severity: Severity) => findings.filter((finding) => finding.severity === severity).length;
  return (
    <section className="panel-section check-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('check.panel')}
      </h2>
      <p className="check-count" data-testid="check-count">
        {t('check.count', { errors: tCount('check.errors', count('error')), warnings: tCount('check.warnings', count('warning')), hints: tCount('check.hints', count('hint')) })}
      </p>
      {findings.length === 0 ? <p className="panel-empty">{t('check.none')}</p> : <p className="check-wcag">{t('check.popoverHint')}</p>}
      {severities.map((severity) => {
        const group = findings.filter((finding) => finding.severity === severity);
        if (group.length === 0) return null;
        const limit = shown[severity] ?? FINDINGS_SHOWN;
        return (
          <div key={severity} className={`check-group check-group-${severity}`}>
            <h3>
              {t(headings[severity])} ({group.length})
            </h3>
            <ul aria-label={t(headings[severity])}>
              {group.slice(0, limit).map((finding, index) => (
                <li key={`${finding.ruleId}-${finding.blockId ?? 'meta'}-${index}`} className={`check-finding check-${severity}`}>
                  <p>{finding.message}</p>
                  {finding.wcag && <p className="check-wcag">{t('check.wcag', { criterion: finding.wcag })}</p>}
                  <div className="check-actions">
                    {finding.blockId !== null ? (
                      <button type="button" onClick={() => onShow(finding.blockId!)}>
                        {t('check.show')}
                      </button>
                    ) : (
                      <span className="check-meta">{t('check.metadata')}</span>
                    )}
                    {finding.fix && (
                      <button type="button" onClick={() => onFix(finding)}>
                        {t('check.fix', { label: finding.fix.label })}
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
            <ShowMore shown={Math.min(limit, group.length)} total={group.length} onClick={() => setShown({ ...shown, [severity]: limit + FINDINGS_SHOWN })} />
          </div>
        );
      })}
    </section>
  );
}
