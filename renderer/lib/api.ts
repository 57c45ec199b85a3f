// The renderer's only door to the main process: wraps `window.dossier`, unwraps each Result and
// throws an ApiError carrying the code and the user-facing message. Nothing else touches the bridge.
import type { Channel, DossierApi, EventName, Events, In, Out } from '../../electron/api.ts';

declare global {
  interface Window {
    dossier?: DossierApi;
  }
}

/** A failed call. Check `code` (`area/reason`), never `instanceof`: it may cross module copies. */
export class ApiError extends Error {
  readonly code: string;
  readonly details?: unknown;

  constructor(code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
}

/** Turns anything thrown into {code, message} for display; unexpected errors become 'internal'. */
export function toErrorData(e: unknown): { code: string; message: string } {
  if (typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string') {
    return { code: (e as { code: string }).code, message: String((e as { message?: unknown }).message ?? '') };
  }
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}

function bridge(): DossierApi {
  const api = window.dossier;
  if (!api) throw new ApiError('app/no-bridge', 'The Dossier library is not connected to this window.');
  return api;
}

/** Calls a channel and returns its value, or throws ApiError with the main process's message. */
export async function call<K extends Channel>(channel: K, input: In<K>): Promise<Out<K>> {
  let result;
  try {
    result = await bridge().call(channel, input);
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('ipc/failed', e instanceof Error ? e.message : String(e));
  }
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message, result.error.details);
}

/** Subscribes to a pushed event; returns the unsubscribe function. */
export function on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  return bridge().on(event, listener);
}
