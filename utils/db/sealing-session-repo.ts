import type { Keyring } from '../crypto/keyring';
import { PassphraseError } from '../crypto/passphrase';
import { createSealLock, type Exclusive } from '../crypto/seal-lock';
import {
  foldDrafts,
  isProtected,
  openSession,
  sealDraft,
  sealSession,
  SEALED_FIELD_NAMES,
  touchesSealedFields,
  type SealedFields,
} from '../crypto/sealed-session';
import type { SessionCheckpoint, SessionRepo } from './session-repo';
import type { SessionRecord } from './types';

type SealingKeyring = Pick<Keyring, 'enabled' | 'key' | 'dropBox' | 'dropKey'>;

export interface SealingOptions {
  /** The lock every page holds around protected writes and passphrase changes (seal-lock.ts). */
  exclusive?: Exclusive;
  /** This page's name in `lockedDrafts` (a random id per page). */
  writer?: string;
}

/** What this page wrote while locked, per session: kept so that each later write replaces this page's draft, not adds another. */
interface OwnDraft {
  at: number;
  fields: Partial<SealedFields>;
}

function sealedPart(patch: SessionCheckpoint): Partial<SealedFields> {
  const out: Partial<SealedFields> = {};
  for (const name of SEALED_FIELD_NAMES) if (name in patch) Object.assign(out, { [name]: patch[name] });
  return out;
}

function withoutSealedPart(patch: SessionCheckpoint): SessionCheckpoint {
  const rest: SessionCheckpoint = { ...patch };
  for (const name of SEALED_FIELD_NAMES) delete rest[name];
  return rest;
}

/**
 * What this page sends after its draft was folded into the session (by itself after unlocking,
 * or by the page that turned the passphrase off): when it is the whole notes, as the page now
 * shows them, it is taken as it is; when it is still the draft (the box was not refreshed), only
 * what was typed since is added, so the earlier part is neither lost nor repeated.
 */
function applyAfterFold(current: SealedFields, own: OwnDraft, patch: Partial<SealedFields>): Partial<SealedFields> {
  const out: Partial<SealedFields> = { ...patch };
  // The whole notes (the page has shown them since) are taken as they are.
  if (typeof patch.notes === 'string' && !patch.notes.startsWith(current.notes)) {
    const before = own.fields.notes ?? '';
    const grew = before !== '' && patch.notes.startsWith(before);
    const added = grew ? patch.notes.slice(before.length) : patch.notes;
    if (added.trim() === '') out.notes = current.notes;
    else if (grew && current.notes.endsWith(before)) out.notes = current.notes + added;
    else out.notes = current.notes.trim() === '' ? added.trimStart() : `${current.notes}\n\n${added.trimStart()}`;
  }
  if (Array.isArray(patch.transcript))
    out.transcript = foldDrafts({ ...current, transcript: current.transcript }, [
      { at: 0, fields: { transcript: patch.transcript } },
    ]).transcript;
  return out;
}

/**
 * Sessions under the optional passphrase. With the key: reads come back opened (drafts written
 * while locked folded in), and a write that changes notes, transcript or summary is sealed again.
 * Locked: reads come back with those fields showing only what this page wrote while locked, and
 * such writes are sealed to the passphrase's public key as this page's draft (stored encrypted
 * at once; opened and folded in after unlocking). Where the record predates drop boxes they are
 * refused with a sentence, never dropping what is sealed. Every other write (talk time, stages,
 * checkpoints) goes through and keeps the sealed part as it is. No passphrase: nothing changes.
 * Protected writes hold the seal lock, shared with every page's passphrase changes.
 */
export function createSealingSessionRepo(
  inner: SessionRepo,
  keyring: SealingKeyring,
  options: SealingOptions = {},
): SessionRepo {
  const exclusive = options.exclusive ?? createSealLock();
  const writer = options.writer ?? globalThis.crypto.randomUUID();
  const own = new Map<string, OwnDraft>();

  async function opened(record: SessionRecord | null): Promise<SessionRecord | null> {
    if (!record || !isProtected(record)) return record;
    const key = await keyring.key();
    if (key) return openSession(record, key, undefined, record.lockedDrafts?.length ? await keyring.dropKey() : null);
    const mine = own.get(record.id)?.fields ?? {};
    return { ...record, notes: mine.notes ?? '', transcript: mine.transcript ?? null, summary: mine.summary ?? null };
  }

  /** Locked: this page's draft for the session, sealed to the drop box and put in place of its earlier one. */
  async function writeDraft(id: string, patch: SessionCheckpoint): Promise<SessionRecord | null> {
    const box = await keyring.dropBox();
    if (!box) throw new PassphraseError('locked');
    const current = await inner.get(id);
    if (!current) return null;
    const previous = own.get(id);
    const draft: OwnDraft = {
      at: previous?.at ?? patch.lastCheckpointAt,
      fields: { ...previous?.fields, ...sealedPart(patch) },
    };
    const entry = await sealDraft(id, writer, draft.at, draft.fields, box);
    const drafts = [...(current.lockedDrafts ?? []).filter((d) => d.writer !== writer), entry];
    const written = await inner.checkpoint(id, { ...withoutSealedPart(patch), lockedDrafts: drafts });
    own.set(id, draft);
    return opened(written);
  }

  /** Unlocked: the patch merged with the opened session (drafts folded in) and sealed again. */
  async function writeSealed(id: string, patch: SessionCheckpoint, key: CryptoKey): Promise<SessionRecord | null> {
    const current = await inner.get(id);
    if (!current) return null;
    const previous = own.get(id);
    // Drafts (this page's too) are folded in; what this page sends is then read against that.
    const openedBase = await openSession(
      current,
      key,
      undefined,
      current.lockedDrafts?.length ? await keyring.dropKey() : null,
    );
    const fields = previous ? applyAfterFold(openedBase, previous, sealedPart(patch)) : sealedPart(patch);
    const sealed = await sealSession({ ...openedBase, ...withoutSealedPart(patch), ...fields }, key);
    const { notes, transcript, summary, sealed: blob } = sealed;
    const written = await inner.checkpoint(id, {
      ...withoutSealedPart(patch),
      notes,
      transcript,
      summary,
      sealed: blob,
      lockedDrafts: undefined,
    });
    own.delete(id);
    return opened(written);
  }

  /** No passphrase any more: a draft of this page's was opened by the page that turned it off; add only what came since. */
  async function writePlain(id: string, patch: SessionCheckpoint): Promise<SessionRecord | null> {
    const previous = own.get(id);
    if (!previous) return opened(await inner.checkpoint(id, patch));
    const current = await inner.get(id);
    if (!current) return null;
    const fields = applyAfterFold(current, previous, sealedPart(patch));
    own.delete(id);
    return opened(await inner.checkpoint(id, { ...withoutSealedPart(patch), ...fields }));
  }

  return {
    get: async (id) => opened(await inner.get(id)),
    async ensure(record) {
      const hasContent = record.notes !== '' || record.transcript !== null || record.summary !== null;
      if (!hasContent) return (await opened(await inner.ensure(record))) ?? record;
      return exclusive(async () => {
        if (!(await keyring.enabled())) return (await opened(await inner.ensure(record))) ?? record;
        const key = await keyring.key();
        if (key) return (await opened(await inner.ensure(await sealSession(record, key)))) ?? record;
        // Locked (a session put back while locked): stored with its words as this page's draft.
        const box = await keyring.dropBox();
        if (!box) throw new PassphraseError('locked');
        const fields: Partial<SealedFields> = {
          notes: record.notes,
          transcript: record.transcript,
          summary: record.summary,
        };
        const entry = await sealDraft(record.id, writer, record.lastCheckpointAt, fields, box);
        const { sealed: _sealed, ...bare } = record;
        void _sealed;
        const stored = await inner.ensure({
          ...bare,
          notes: '',
          transcript: null,
          summary: null,
          lockedDrafts: [entry],
        });
        own.set(record.id, { at: record.lastCheckpointAt, fields });
        return (await opened(stored)) ?? stored;
      });
    },
    async checkpoint(id, patch) {
      if (!touchesSealedFields(patch)) return opened(await inner.checkpoint(id, patch));
      return exclusive(async () => {
        if (!(await keyring.enabled())) return writePlain(id, patch);
        const key = await keyring.key();
        return key ? writeSealed(id, patch, key) : writeDraft(id, patch);
      });
    },
    async listByRelationship(relationshipId) {
      return Promise.all((await inner.listByRelationship(relationshipId)).map(async (s) => (await opened(s)) ?? s));
    },
    async listRecent(limit) {
      return Promise.all((await inner.listRecent(limit)).map(async (s) => (await opened(s)) ?? s));
    },
  };
}

/**
 * Seals (key given) or opens (key and `open: true`) every session, one record per transaction:
 * stopped midway, each session is either sealed or not, and reads handle both. Opening folds in
 * what was written while locked (`dropKey`). A session that cannot be opened (damaged) is left
 * as it is and reported in `unreadable`, so one bad record never stops the rest. The caller
 * holds the seal lock.
 */
export async function resealAll(
  ids: readonly string[],
  inner: SessionRepo,
  key: CryptoKey,
  {
    open = false,
    dropKey = null,
    onProgress,
  }: { open?: boolean; dropKey?: CryptoKey | null; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ changed: number; unreadable: string[] }> {
  let changed = 0;
  const unreadable: string[] = [];
  for (const [i, id] of ids.entries()) {
    const record = await inner.get(id);
    // Sealing: every plain session, and sealed ones not yet bound to their id. Opening: every protected one.
    const due =
      record &&
      (open
        ? isProtected(record)
        : !record.sealed || record.sealed.boundTo !== 'id' || (record.lockedDrafts?.length ?? 0) > 0);
    if (record && due) {
      try {
        const plain = await openSession(record, key, undefined, dropKey);
        const next = open ? plain : await sealSession(plain, key);
        const patch: SessionCheckpoint = {
          lastCheckpointAt: record.lastCheckpointAt,
          notes: next.notes,
          transcript: next.transcript,
          summary: next.summary,
          lockedDrafts: undefined,
        };
        // Opened: `sealed` is written as undefined, which every read takes as not sealed.
        await inner.checkpoint(id, open ? { ...patch, sealed: undefined } : { ...patch, sealed: next.sealed });
        changed += 1;
      } catch (e) {
        if (!(e instanceof PassphraseError)) throw e;
        unreadable.push(id);
      }
    }
    onProgress?.(i + 1, ids.length);
  }
  return { changed, unreadable };
}
