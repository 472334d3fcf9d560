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

/**
 * One value Attune keeps under a key of a storage area, with the parser that turns whatever is
 * stored there (nothing, an older form, damage) into a value the code can trust. Each is declared
 * once, beside its parser; code holding an area reads and writes it with the helpers below, and
 * utils/storage-items.ts makes the same declarations into WXT items (for watching and versions).
 */
export interface StoredValue<T> {
  /** The key as `browser.storage` sees it (no `local:`/`session:` prefix). */
  readonly key: string;
  parse(raw: unknown): T;
}

export function storedValue<T>(key: string, parse: (raw: unknown) => T): StoredValue<T> {
  return { key, parse };
}

/** The value under its key, through its parser (its default where absent or damaged). */
export async function readStored<T>(area: Pick<KeyValueArea, 'get'>, value: StoredValue<T>): Promise<T> {
  return value.parse((await area.get(value.key))[value.key]);
}

/** Keeps `next` under the value's key. Reactive state goes in as a `plainCopy` (storage refuses a Proxy). */
export function writeStored<T>(area: Pick<KeyValueArea, 'set'>, value: StoredValue<T>, next: T): Promise<void> {
  return area.set({ [value.key]: next });
}

export function removeStored(area: Pick<KeyValueArea, 'remove'>, value: StoredValue<unknown>): Promise<void> {
  return area.remove(value.key);
}
