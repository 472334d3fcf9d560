/**
 * The slice of a `browser.storage` area (local or session) that Attune's stores, keyring and
 * call registry need. Passing it in, rather than reaching for `browser.storage`, is what lets a
 * test hand over a `memoryArea()` (tests/support) instead.
 */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}
