// The one error type that crosses boundaries: a code for programs and tests, a message a
// journalist can act on. Check `code`, never `instanceof` (errors cross threads and IPC).

export interface ErrorData {
  code: string;
  message: string;
  details?: unknown;
}

export class DossierError extends Error {
  readonly code: string;
  readonly details?: unknown;

  constructor(code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'DossierError';
    this.code = code;
    this.details = details;
  }

  toData(): ErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** True for a DossierError, also one that lost its prototype crossing a thread or IPC. */
export function isDossierError(e: unknown): e is DossierError {
  return e instanceof DossierError
    || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'DossierError'
      && typeof (e as { code?: unknown }).code === 'string');
}
