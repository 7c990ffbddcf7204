import { checkArticle, type CheckProfile, type Finding } from '../../../common/checks/rules.js';
import { workflow, type TransitionAction } from '../../../common/workflow.js';
import type { Api } from '../bridge.js';
import { t } from '../messages.js';

/** The findings that stop an action, where the workflow table asks for its checks: its errors. */
export function gateErrors(action: TransitionAction, findings: readonly Finding[]): Finding[] {
  return workflow[action].checks ? findings.filter((finding) => finding.severity === 'error') : [];
}

/** "Die Pressemitteilung hat noch n Fehler …": why the app refused. */
export function gateRefusal(errors: readonly Finding[]): string {
  return t('check.gateRefused', { count: errors.length, messages: errors.map((finding) => finding.message).join(' ') });
}

/**
 * The errors of what "Veröffentlichen" puts live: the approved revision as the portal holds it, not
 * the local text, which may have changed since the approval. When that revision is not known here
 * (not approved, or its text not fetched yet), nothing is refused in the app: main refuses with its
 * own message.
 */
export async function publishErrors(api: Api, id: string, profile: CheckProfile | null): Promise<Finding[]> {
  // A gate that cannot look refuses nothing either: main and the portal check again.
  const candidate = await api.sync.publishCandidate({ id }).catch(() => null);
  return candidate ? gateErrors('publish', checkArticle(candidate, { profile })) : [];
}
