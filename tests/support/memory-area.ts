import type { KeyValueArea } from '@/utils/storage-area';

export interface MemoryAreaOptions {
  /** What the area holds to begin with. */
  initial?: Record<string, unknown>;
  /** Every write throws the browser's quota error, as a full profile does. */
  failWrites?: boolean;
}

/**
 * A `storage.local` or `storage.session` stand-in held in memory. Values are cloned on the way
 * in, as the browser's storage does, so a test cannot change what was saved by holding on to it.
 */
export function memoryArea({ initial = {}, failWrites = false }: MemoryAreaOptions = {}): KeyValueArea & {
  data: Map<string, unknown>;
} {
  const data = new Map<string, unknown>(Object.entries(initial));
  return {
    data,
    async get(key) {
      return data.has(key) ? { [key]: data.get(key) } : {};
    },
    async set(items) {
      if (failWrites) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(key) {
      data.delete(key);
    },
  };
}
