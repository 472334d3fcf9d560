import { isProxy, toRaw } from 'vue';

function unwrap(value: unknown): unknown {
  const raw = isProxy(value) ? toRaw(value) : value;
  if (Array.isArray(raw)) return raw.map(unwrap);
  if (typeof raw === 'object' && raw !== null && Object.getPrototypeOf(raw) === Object.prototype)
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, unwrap(v)]));
  return raw;
}

/**
 * A deep copy of a store's state with Vue's proxies taken off, fit for `browser.storage` or
 * IndexedDB (both refuse a Proxy). toRaw alone unwraps only the outer object: a reactive value
 * assigned inside it stays a proxy, hence the walk before structuredClone.
 */
export function plainCopy<T>(value: T): T {
  return structuredClone(unwrap(value)) as T;
}
