import type { LockedDraft, SessionRecord, TranscriptLine } from '../db/types';
import { dropOpen, dropSeal, type DropBoxRecord } from './drop-box';
import { decryptText, encryptText, PassphraseError, type EncryptedText } from './passphrase';

/** What a passphrase protects in a session: the mentor's notes, the kept transcript, the AI summary. */
export type SealedFields = Pick<SessionRecord, 'notes' | 'transcript' | 'summary'>;
export const SEALED_FIELD_NAMES = ['notes', 'transcript', 'summary'] as const;

const EMPTY: SealedFields = { notes: '', transcript: null, summary: null };

export function touchesSealedFields(patch: object): boolean {
  return SEALED_FIELD_NAMES.some((name) => name in patch);
}

/** Whether a stored session holds anything a passphrase hides (sealed fields, or drafts written while locked). */
export function isProtected(record: Pick<SessionRecord, 'sealed' | 'lockedDrafts'>): boolean {
  return Boolean(record.sealed) || (record.lockedDrafts?.length ?? 0) > 0;
}

/**
 * The session as stored under a passphrase: the three fields emptied, their values encrypted
 * together (fresh IV) and bound to the session's id; drafts written while locked are gone
 * (the caller folded them in first).
 */
export async function sealSession<T extends SessionRecord>(record: T, key: CryptoKey, cryptoApi?: Crypto): Promise<T> {
  const fields: SealedFields = { notes: record.notes, transcript: record.transcript, summary: record.summary };
  const sealed = await encryptText(key, JSON.stringify(fields), cryptoApi, record.id);
  const { lockedDrafts: _drafts, ...rest } = record;
  void _drafts;
  return { ...rest, ...EMPTY, sealed: { ...sealed, boundTo: 'id' } } as T;
}

function parseFields(text: string): Partial<SealedFields> {
  let fields: unknown;
  try {
    fields = JSON.parse(text);
  } catch {
    throw new PassphraseError('corrupt');
  }
  if (typeof fields !== 'object' || fields === null) throw new PassphraseError('corrupt');
  return fields as Partial<SealedFields>;
}

/**
 * Puts what panels wrote while locked after what was sealed: notes appended in the order they
 * were written, transcript lines merged by time without repeats, the latest summary kept; a
 * transcript or summary set to null then is deleted.
 */
export function foldDrafts(
  base: SealedFields,
  drafts: ReadonlyArray<{ at: number; fields: Partial<SealedFields> }>,
): SealedFields {
  const ordered = [...drafts].sort((a, b) => a.at - b.at);
  let { notes, transcript, summary } = base;
  for (const { fields } of ordered) {
    if (typeof fields.notes === 'string' && fields.notes.trim() !== '')
      notes = notes.trim() === '' ? fields.notes : `${notes}\n\n${fields.notes}`;
    if (Array.isArray(fields.transcript) && fields.transcript.length > 0)
      transcript = mergeLines(transcript ?? [], fields.transcript);
    // An explicit null is a deletion made while locked (the transcript not kept, the summary deleted).
    if (fields.transcript === null) transcript = null;
    if (fields.summary) summary = fields.summary;
    if (fields.summary === null) summary = null;
  }
  return { notes, transcript, summary };
}

function mergeLines(a: readonly TranscriptLine[], b: readonly TranscriptLine[]): TranscriptLine[] {
  const seen = new Set<string>();
  const out: TranscriptLine[] = [];
  for (const line of [...a, ...b].sort((x, y) => x.at - y.at)) {
    const id = `${line.at}\u0000${line.speaker}\u0000${line.text}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(line);
  }
  return out;
}

/** Seals what one panel wrote while locked, to the drop box's public key (no passphrase needed). */
export async function sealDraft(
  sessionId: string,
  writer: string,
  at: number,
  fields: Partial<SealedFields>,
  box: Pick<DropBoxRecord, 'publicKey'>,
  cryptoApi?: Crypto,
): Promise<LockedDraft> {
  return { writer, at, blob: await dropSeal(box, JSON.stringify(fields), sessionId, cryptoApi) };
}

/**
 * The session with its sealed fields back, drafts written while locked folded in (`dropKey`, the
 * drop box's private key, is needed only when there are drafts). A record with neither is
 * returned as it is. A blob bound to another session's id does not open here.
 */
export async function openSession<T extends SessionRecord>(
  record: T,
  key: CryptoKey,
  cryptoApi?: Crypto,
  dropKey?: CryptoKey | null,
): Promise<T> {
  if (!isProtected(record)) return record;
  let base: SealedFields = { notes: record.notes, transcript: record.transcript, summary: record.summary };
  if (record.sealed) {
    const bound = record.sealed.boundTo === 'id' ? record.id : undefined;
    const fields = parseFields(await decryptText(key, record.sealed, cryptoApi, bound));
    if (typeof fields.notes !== 'string') throw new PassphraseError('corrupt');
    base = { notes: fields.notes, transcript: fields.transcript ?? null, summary: fields.summary ?? null };
  }
  const drafts = record.lockedDrafts ?? [];
  if (drafts.length > 0) {
    if (!dropKey) throw new PassphraseError('corrupt');
    const opened = await Promise.all(
      drafts.map(async (d) => ({
        at: d.at,
        fields: parseFields(await dropOpen(dropKey, d.blob, record.id, cryptoApi)),
      })),
    );
    base = foldDrafts(base, opened);
  }
  const { sealed: _sealed, lockedDrafts: _drafts, ...rest } = record;
  void _sealed;
  void _drafts;
  return { ...rest, ...base } as T;
}

export type { EncryptedText };

/**
 * Sessions held outside the database (a deletion's undo) brought to the state the passphrase was
 * just put in: opened when it was turned off, sealed (and bound) when it was turned on, so that
 * putting them back never restores a session sealed under a forgotten key, or plain under a
 * passphrase. One that cannot be opened is kept as it is.
 */
export async function matchPassphraseState(
  sessions: readonly SessionRecord[],
  { open, key, dropKey }: { open: boolean; key: CryptoKey; dropKey: CryptoKey | null },
): Promise<SessionRecord[]> {
  return Promise.all(
    sessions.map(async (s) => {
      try {
        const plain = await openSession(s, key, undefined, dropKey);
        return open ? plain : sealSession(plain, key);
      } catch (e) {
        if (e instanceof PassphraseError) return s;
        throw e;
      }
    }),
  );
}
