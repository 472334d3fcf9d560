import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Keyring } from '@/utils/crypto/keyring';
import { PassphraseError, type KeyRecord } from '@/utils/crypto/passphrase';
import { resealAll } from '@/utils/db/sealing-session-repo';
import type { SessionRepo } from '@/utils/db/session-repo';
import { toDbError } from '@/utils/db/errors';

export interface PrivacyDeps {
  keyring: Keyring;
  /** The sessions as stored (not through the sealing repository). */
  rawSessions: SessionRepo;
  /** Every session's id (the dashboard's; the panel never seals or opens everything). */
  sessionIds?: () => Promise<string[]>;
  /** After sessions were sealed or opened: the dashboard drops its digest and search caches, which held the words. */
  afterReseal?: () => Promise<void>;
}

/**
 * The optional passphrase over notes, transcripts and summaries: whether it is on, unlocking and
 * locking (panel and dashboard), turning it on or off (dashboard, sealing or opening every session).
 */
export const usePrivacyStore = defineStore('privacy', () => {
  const enabled = ref(false);
  const unlocked = ref(false);
  const busy = ref(false);
  const progress = ref<{ done: number; total: number } | null>(null);
  const error = ref<string | null>(null);
  const message = ref<string | null>(null);
  let deps: PrivacyDeps | null = null;

  const sentence = (e: unknown) => (e instanceof PassphraseError ? e.message : toDbError(e).message);

  async function refresh() {
    if (!deps) return;
    enabled.value = await deps.keyring.enabled();
    unlocked.value = enabled.value && (await deps.keyring.key()) !== null;
  }

  async function connect(d: PrivacyDeps) {
    deps = d;
    await refresh();
  }

  async function run(work: () => Promise<void>): Promise<boolean> {
    if (!deps || busy.value) return false;
    busy.value = true;
    error.value = null;
    message.value = null;
    try {
      await work();
      return true;
    } catch (e) {
      error.value = sentence(e);
      return false;
    } finally {
      busy.value = false;
      progress.value = null;
      await refresh();
    }
  }

  const onProgress = (done: number, total: number) => (progress.value = { done, total });

  return {
    enabled, unlocked, busy, progress, error, message, connect, refresh,
    unlock: (passphrase: string) => run(async () => void (await deps!.keyring.unlock(passphrase))),
    lock: () => run(() => deps!.keyring.lock()),
    /** Turns the passphrase on and seals every session; stopped midway, each session is either sealed or not. */
    enable: (passphrase: string, again: string) =>
      run(async () => {
        const key = await deps!.keyring.enable(passphrase, again);
        const ids = (await deps!.sessionIds?.()) ?? [];
        const sealed = await resealAll(ids, deps!.rawSessions, key, { onProgress });
        await deps!.afterReseal?.();
        message.value = `Passphrase on. ${sealed} ${sealed === 1 ? 'session is' : 'sessions are'} now encrypted.`;
      }),
    /**
     * Takes a backup's passphrase as this browser's (it had none), unlocked with `key`, and seals
     * every session with it, as turning a passphrase on does.
     */
    adopt: (record: KeyRecord, key: CryptoKey) =>
      run(async () => {
        await deps!.keyring.adopt(record, key);
        const ids = (await deps!.sessionIds?.()) ?? [];
        await resealAll(ids, deps!.rawSessions, key, { onProgress });
        await deps!.afterReseal?.();
        message.value = 'Passphrase on: the one the backup was made with. Your sessions here are encrypted with it too.';
      }),
    /** Opens every session again and forgets the passphrase (it must be unlocked). */
    disable: () =>
      run(async () => {
        const key = await deps!.keyring.key();
        if (!key) throw new PassphraseError('locked');
        const ids = (await deps!.sessionIds?.()) ?? [];
        await resealAll(ids, deps!.rawSessions, key, { open: true, onProgress });
        await deps!.afterReseal?.();
        await deps!.keyring.disable();
        message.value = 'Passphrase off. Your notes, transcripts and summaries are stored as before.';
      }),
  };
});
