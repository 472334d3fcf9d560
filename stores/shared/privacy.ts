import { defineStore } from 'pinia';
import { errorSentence } from '@/utils/errors';
import { ref } from 'vue';
import { readStored, removeStored, writeStored, type KeyValueArea } from '@/utils/storage-area';
import { PASSPHRASE_JOB, PASSPHRASE_JOB_KEY, type Keyring, type PassphraseJob } from '@/utils/crypto/keyring';
import { PassphraseError, type KeyRecord } from '@/utils/crypto/passphrase';
import type { Exclusive } from '@/utils/crypto/seal-lock';
import { useServices } from '@/utils/services';
import { resealAll } from '@/utils/db/sealing-session-repo';
import type { SessionRepo } from '@/utils/db/session-repo';
import { toDbError } from '@/utils/db/errors';
import { countOf } from '@/utils/format';

export { PASSPHRASE_JOB_KEY };

/** What a finished turn-on or turn-off did, for the pages to bring their own copies in line (the dashboard's undo, caches). */
export interface ResealDone {
  /** Sessions were opened (turned off) or sealed (turned on). */
  open: boolean;
  /** The key they were sealed or opened with, and the drop box's private key (for drafts written while locked). */
  key: CryptoKey;
  dropKey: CryptoKey | null;
}

/** What only the dashboard hands over: the panel never seals or opens every session. */
export interface PrivacyPage {
  /** Every session's id. */
  sessionIds?: () => Promise<string[]>;
  /** After sessions were sealed or opened: the dashboard drops its digest and search caches, which held the words, and its undo. */
  afterReseal?: (done: ResealDone) => Promise<void>;
}

/** The installed services the passphrase works through, and the page's own part. */
interface PrivacyDeps extends PrivacyPage {
  keyring: Keyring;
  /** The sessions as stored (not through the sealing repository). */
  rawSessions: SessionRepo;
  /** Where a pending turn-on or turn-off is remembered (storage.local). */
  jobs: KeyValueArea;
  /** The lock shared with every page's protected writes (seal-lock.ts). */
  exclusive: Exclusive;
}

/**
 * The optional passphrase over notes, transcripts and summaries: whether it is on, unlocking and
 * locking (panel and dashboard), turning it on or off (dashboard, sealing or opening every session).
 * Every change holds the lock that every page's protected writes hold, so a panel saving notes
 * and a dashboard turning the passphrase off (or two dashboards turning it on) take turns.
 * A turn-on or turn-off is remembered until it finishes and resumed when the dashboard opens.
 */
export const usePrivacyStore = defineStore('privacy', () => {
  const enabled = ref(false);
  const unlocked = ref(false);
  /** Sessions can be written while locked (the passphrase's record has a drop box). */
  const writableLocked = ref(false);
  const busy = ref(false);
  const progress = ref<{ done: number; total: number } | null>(null);
  const error = ref<string | null>(null);
  const message = ref<string | null>(null);
  /** A turn-on or turn-off that did not finish (resumed once unlocked). */
  const pendingJob = ref<PassphraseJob | null>(null);
  const need = useServices();
  let page: PrivacyPage = {};
  // Read when an action runs: used before the page installed its services, it throws (MissingServiceError).
  const ready = (): PrivacyDeps => ({
    ...page,
    keyring: need('keyring'),
    rawSessions: need('rawSessions'),
    jobs: need('local'),
    exclusive: need('exclusive'),
  });

  const sentence = (e: unknown) => errorSentence(e, toDbError(e).message);

  async function refresh() {
    const d = ready();
    // One read of the record: a turn-off landing between two reads must not leave a state that never was.
    const record = await d.keyring.record();
    enabled.value = record !== null;
    writableLocked.value = Boolean(record?.dropBox);
    unlocked.value = enabled.value && (await d.keyring.key()) !== null;
    pendingJob.value = await readStored(d.jobs, PASSPHRASE_JOB);
  }

  /** Reads the passphrase's state; the dashboard (which hands over `page`) finishes a stopped turn-on or turn-off. */
  async function connect(next: PrivacyPage = {}) {
    page = next;
    await refresh();
    if (pendingJob.value && unlocked.value && page.sessionIds) await resume();
  }

  async function run(work: (d: PrivacyDeps) => Promise<void>): Promise<boolean> {
    if (busy.value) return false;
    const d = ready();
    busy.value = true;
    error.value = null;
    message.value = null;
    try {
      await d.exclusive(() => work(d));
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

  async function setJob(d: PrivacyDeps, job: PassphraseJob | null) {
    if (job) await writeStored(d.jobs, PASSPHRASE_JOB, job);
    else await removeStored(d.jobs, PASSPHRASE_JOB);
  }

  /**
   * Seals (or opens) every session with the key, pass after pass until one changes nothing, so
   * sessions written meanwhile are caught; a session that cannot be opened is skipped and named.
   */
  async function resealUntilSettled(
    d: PrivacyDeps,
    key: CryptoKey,
    open: boolean,
    dropKey: CryptoKey | null,
  ): Promise<{ changed: number; unreadable: string[] }> {
    let changed = 0;
    let unreadable: string[] = [];
    for (let pass = 0; pass < 3; pass += 1) {
      const result = await resealAll((await d.sessionIds?.()) ?? [], d.rawSessions, key, { open, dropKey, onProgress });
      changed += result.changed;
      unreadable = result.unreadable;
      if (result.changed === 0) break;
    }
    return { changed, unreadable };
  }

  async function finishSeal(d: PrivacyDeps, key: CryptoKey): Promise<number> {
    await setJob(d, 'seal');
    const dropKey = await d.keyring.dropKey();
    const { changed } = await resealUntilSettled(d, key, false, dropKey);
    await setJob(d, null);
    await d.afterReseal?.({ open: false, key, dropKey });
    return changed;
  }

  /** Opens every protected session (a damaged one skipped and named), then forgets the passphrase. */
  async function finishOpen(d: PrivacyDeps, key: CryptoKey): Promise<{ opened: number; unreadable: string[] }> {
    await setJob(d, 'open');
    const dropKey = await d.keyring.dropKey();
    const { changed, unreadable } = await resealUntilSettled(d, key, true, dropKey);
    await d.afterReseal?.({ open: true, key, dropKey });
    await d.keyring.disable();
    await setJob(d, null);
    return { opened: changed, unreadable };
  }

  const unreadableSentence = (ids: string[]) =>
    ids.length === 0
      ? ''
      : ` ${countOf(ids.length, 'session', 'sessions')} could not be opened (damaged) and ${ids.length === 1 ? 'stays' : 'stay'} unreadable.`;

  /** Finishes a turn-on or turn-off that was stopped (needs the key). */
  async function resume(): Promise<boolean> {
    return run(async (d) => {
      const job = await readStored(d.jobs, PASSPHRASE_JOB);
      if (!job) return;
      const key = await d.keyring.key();
      if (!key) throw new PassphraseError('locked');
      if (job === 'seal' && (await d.keyring.enabled())) {
        const sealed = await finishSeal(d, key);
        message.value = `Finished turning the passphrase on: ${countOf(sealed, 'more session', 'more sessions')} encrypted.`;
      } else if (job === 'open') {
        const { opened, unreadable } = await finishOpen(d, key);
        message.value = `Finished turning the passphrase off: ${countOf(opened, 'more session', 'more sessions')} opened.${unreadableSentence(unreadable)}`;
      } else {
        await setJob(d, null);
      }
    });
  }

  return {
    enabled,
    unlocked,
    writableLocked,
    busy,
    progress,
    error,
    message,
    pendingJob,
    connect,
    refresh,
    resume,
    /** Unlocks, and finishes a pending turn-on or turn-off where this page can (the dashboard). */
    async unlock(passphrase: string) {
      const done = await run(async (d) => void (await d.keyring.unlock(passphrase)));
      if (done && pendingJob.value && page.sessionIds) await resume();
      return done;
    },
    lock: () => run((d) => d.keyring.lock()),
    /** Turns the passphrase on and seals every session; stopped midway, it is finished at the next open. */
    enable: (passphrase: string, again: string) =>
      run(async (d) => {
        const key = await d.keyring.enable(passphrase, again);
        const sealed = await finishSeal(d, key);
        message.value = `Passphrase on. ${countOf(sealed, 'session is', 'sessions are')} now encrypted.`;
      }),
    /**
     * Takes a backup's passphrase as this browser's (it had none), unlocked with `key`, and seals
     * every session with it, as turning a passphrase on does.
     */
    adopt: (record: KeyRecord, key: CryptoKey) =>
      run(async (d) => {
        await d.keyring.adopt(record, key);
        await finishSeal(d, key);
        message.value =
          'Passphrase on: the one the backup was made with. Your sessions here are encrypted with it too.';
      }),
    /** Opens every session again and forgets the passphrase (it must be unlocked). */
    disable: () =>
      run(async (d) => {
        const key = await d.keyring.key();
        if (!key) throw new PassphraseError('locked');
        const { unreadable } = await finishOpen(d, key);
        message.value = `Passphrase off. Your notes, transcripts and summaries are stored as before.${unreadableSentence(unreadable)}`;
      }),
  };
});
