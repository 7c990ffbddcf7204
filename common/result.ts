import { z } from 'zod';
import { formatMessage, type MessageKey, type MessageParams } from './messages/index.js';

/** Stable, machine-readable error codes; the German message travels beside them. */
export const errorCodes = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'conflict',
  'forbidden',
  'unauthorized',
  'too_large',
  'unreachable',
  /** The disk is full or reports an I/O error: nothing was written; retrying later will work. */
  'storage',
  /** This entry of the app cannot do it (a desktop feature asked of the browser entry). */
  'unsupported',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.array(z.string()).optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

/** What every contract method answers, over IPC and over HTTP alike. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorSchema }),
]);

/** An error a person can meet: a code for programs and a catalog message for people. */
export class Failure extends Error {
  readonly code: ErrorCode;
  readonly messageKey: MessageKey;
  readonly params: MessageParams;
  readonly details: string[] | undefined;

  constructor(code: ErrorCode, messageKey: MessageKey, params: MessageParams = {}, details?: string[]) {
    super(formatMessage(messageKey, params));
    this.name = 'Failure';
    this.code = code;
    this.messageKey = messageKey;
    this.params = params;
    this.details = details;
  }

  toAppError(): AppError {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

/** A refused input, its first problems named: "title: Too big …". */
export function invalidInputFailure(error: z.ZodError): Failure {
  const details = error.issues.slice(0, 10).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  return new Failure('invalid_input', 'error.invalidInput', { details: details.join('; ') }, details);
}

export function failure(code: ErrorCode, messageKey: MessageKey, params: MessageParams = {}): Result<never> {
  return { ok: false, error: new Failure(code, messageKey, params).toAppError() };
}
