import * as z from 'zod/mini';
import {
  commitmentRecordSchema,
  completeCommitment,
  completeSession,
  ImportError,
  parseSessionJson,
  relationshipRecordSchema,
  SESSION_FORMAT,
  sessionRecordSchema,
} from '../export/json';
import type { HistoryBundle } from '../db/history-repo';
import { localDay } from '../commitments/follow-through';
import { parseKeyRecord, type KeyRecord } from '../crypto/passphrase';
import { fileHead, problemAt, readJsonFile, refuseNewer } from '../export/versioned-json';
import { hasExtras, parseBackupExtras, type BackupExtras } from './backup-settings';

/** A backup's contents: the history, and the passphrase record its sealed sessions were sealed under. */
export interface BackupContents extends HistoryBundle {
  /** Salt and check of the passphrase (no secret); null when no session is sealed, or in an older backup. */
  passphrase: KeyRecord | null;
  /** Settings, the mentor's own questions and imported models; null in older backups and session exports. */
  extras: BackupExtras | null;
}

export const BACKUP_FORMAT = 'attune.backup';
export const BACKUP_FORMAT_VERSION = 1;
/** Years of sessions run to tens of megabytes; more than this is not an Attune backup. */
export const MAX_BACKUP_BYTES = 500 * 1024 * 1024;

/** A backup made on request: its file's name and text. */
export interface MadeBackup {
  name: string;
  content: string;
}

/** The backup's file name, after the day it was made on the user's own calendar (UTC's can be tomorrow's). */
export function backupFileName(at: number): string {
  return `attune-backup-${localDay(new Date(at))}.json`;
}

/**
 * Everything, as one JSON file to keep or to import elsewhere. Sealed sessions stay sealed; the
 * passphrase's record goes with them, so that another browser can open them with the passphrase.
 * Settings, questions and models are added parts: the format's version stays 1, since an older
 * Attune reads the history of such a file and passes over what it does not know.
 */
export function backupJson(
  bundle: HistoryBundle,
  now: number,
  passphrase: KeyRecord | null = null,
  extras: BackupExtras | null = null,
): string {
  const sealed = bundle.sessions.some((s) => s.sealed || (s.lockedDrafts?.length ?? 0) > 0);
  return `${JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    exportedAt: new Date(now).toISOString(),
    ...(sealed && passphrase ? { passphrase } : {}),
    ...(extras && hasExtras(extras)
      ? { settings: extras.settings, questions: extras.questions, models: extras.models }
      : {}),
    relationships: bundle.relationships,
    sessions: bundle.sessions,
    commitments: bundle.commitments,
  })}\n`;
}

// A backup's passphrase record may become this browser's: its PBKDF2 rounds are bounded, so that
// a hostile file can neither weaken the passphrase (1 round) nor hang every unlock for minutes
// (4 billion rounds). Attune itself writes 600,000.
export const MIN_BACKUP_ROUNDS = 100_000;
export const MAX_BACKUP_ROUNDS = 5_000_000;

const schema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number(),
  relationships: z.array(relationshipRecordSchema),
  sessions: z.array(sessionRecordSchema),
  commitments: z.array(commitmentRecordSchema),
});

/** Reads a backup. Any problem: an ImportError that says what, and nothing is applied. */
export function parseBackupJson(text: string, byteLength = text.length): BackupContents {
  const raw = readJsonFile(text, {
    byteLength,
    maxBytes: MAX_BACKUP_BYTES,
    empty: 'The file is empty. Nothing was imported.',
    tooLarge: 'The file is larger than 500 MB, more than any Attune backup. Nothing was imported.',
    refuse: (sentence) => new ImportError(sentence),
  });
  const head = fileHead(raw);
  if (!head) throw new ImportError('This is not an Attune backup. Nothing was imported.');
  // A single session's export (the panel's wrap-up file) is taken here too: it is a backup of one
  // session, merged the same way, and the panel that could import it exists only on a call page.
  if (head.format === SESSION_FORMAT) {
    const one = parseSessionJson(text);
    return {
      relationships: one.relationship ? [one.relationship] : [],
      sessions: [one.session],
      commitments: one.commitments,
      passphrase: null,
      extras: null,
    };
  }
  if (head.format !== BACKUP_FORMAT) throw new ImportError('This is not an Attune backup. Nothing was imported.');
  refuseNewer(
    head.version,
    BACKUP_FORMAT_VERSION,
    'This backup comes from a newer version of Attune. Update Attune to import it. Nothing was imported.',
    (sentence) => new ImportError(sentence),
  );
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new ImportError(problemAt('backup', parsed.error.issues[0]));
  const { relationships, sessions, commitments } = parsed.data;
  const stated = (raw as { passphrase?: unknown }).passphrase;
  const passphrase = stated === undefined ? null : parseKeyRecord(stated);
  if (stated !== undefined && !passphrase)
    throw new ImportError(
      'The backup’s passphrase record is damaged, so its sealed notes could not be opened. Nothing was imported.',
    );
  if (passphrase && (passphrase.iterations < MIN_BACKUP_ROUNDS || passphrase.iterations > MAX_BACKUP_ROUNDS)) {
    throw new ImportError(
      `The backup’s passphrase asks for ${passphrase.iterations.toLocaleString('en')} rounds of key stretching; Attune takes ${MIN_BACKUP_ROUNDS.toLocaleString('en')} to ${MAX_BACKUP_ROUNDS.toLocaleString('en')} (fewer would be weak, more would hang the unlock). Nothing was imported.`,
    );
  }
  const parts = raw as { settings?: unknown; questions?: unknown; models?: unknown };
  const extras =
    parts.settings === undefined && parts.questions === undefined && parts.models === undefined
      ? null
      : parseBackupExtras(parts);
  return {
    relationships,
    sessions: sessions.map(completeSession),
    commitments: commitments.map(completeCommitment),
    passphrase,
    extras,
  };
}
