import type { PortalErrorCode } from '../common/portal-api.js';
import { portalMessage, type PortalMessage } from './messages.js';

/** An answer other than success: HTTP status, stable code, German message; maybe a body of its own (412). */
export class PortalFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: PortalErrorCode,
    message: string,
    readonly details?: Array<{ blockId?: string; path?: string; message: string }>,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'PortalFailure';
  }
}

export function fail(status: number, code: PortalErrorCode, key: PortalMessage, params: Record<string, string | number> = {}, details?: PortalFailure['details']): never {
  throw new PortalFailure(status, code, portalMessage(key, params), details);
}
