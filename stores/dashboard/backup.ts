import { defineStore } from 'pinia';
import { shallowRef, toRaw } from 'vue';
import type { SessionRecord } from '@/utils/db/types';
import type { KeyValueArea } from '@/utils/storage-area';
import { ImportError } from '@/utils/export/import-error';
import { unlockPassphraseKey, type KeyRecord } from '@/utils/crypto/passphrase';
import { protectImported, resealSessions, sameKeyRecord } from '@/utils/crypto/backup-passphrase';
import { openDropBox } from '@/utils/crypto/drop-box';
import { isProtected } from '@/utils/crypto/sealed-session';
import type { BackupContents, MadeBackup } from '@/utils/history/backup';
import type { BackupExtras } from '@/utils/history/backup-settings';
import { useServices } from '@/utils/services';
import { describeBundle, plural, dashboardDeps } from './state';
import { useHistoryStore } from './history';
import { useDashboardNoticeStore } from './notice';
import { useDashboardSettingsStore } from './settings';

function ownQuestionCount(questions: BackupExtras['questions']): number {
  return Object.values(questions).reduce(
    (n, c) => n + Object.values(c.added).reduce((m, list) => m + list.length, 0),
    0,
  );
}

/** The storage.local entries a backup carries, as stored. */
async function storedSettings(area: KeyValueArea, keys: readonly string[]): Promise<Record<string, unknown>> {
  const entries = await Promise.all(keys.map(async (key) => [key, (await area.get(key))[key]] as const));
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
}

type SealedForHere = { sessions: SessionRecord[]; adopt: { record: KeyRecord; key: CryptoKey } | null; note: string };

/** Backups out and in: everything with settings, questions and models, sealed notes kept sealed. */
export const useBackupStore = defineStore('dashboard-backup', () => {
  const deps = dashboardDeps(useServices());
  const notice = useDashboardNoticeStore();
  /** A backup waiting for its passphrase (see importAll). */
  const pendingImport = shallowRef<{ text: string; byteLength: number } | null>(null);
  /** The backup made last, kept while the page is open so that it can be saved again from any view. */
  const made = shallowRef<MadeBackup | null>(null);

  /** Everything as a backup file's text (kept in `made` with its file's name), or null (with `error` set) when it could not be read. */
  async function exportAll(at: number): Promise<string | null> {
    const d = deps();
    try {
      const bundle = await d.history.readAll();
      const record = (await d.passphrase?.record()) ?? null;
      // The backup's writer and reader (with their schemas) load when first used.
      const [{ backupJson, backupFileName }, { backupExtras, BACKUP_SETTING_KEYS }] = await Promise.all([
        import('@/utils/history/backup'),
        import('@/utils/history/backup-settings'),
      ]);
      const extras = backupExtras(await storedSettings(d.settings, BACKUP_SETTING_KEYS));
      notice.done(
        `Exported ${describeBundle(bundle)}, your settings, ${plural(ownQuestionCount(extras.questions), 'question')} of your own and ${plural(extras.models.length, 'imported model')}.`,
      );
      const content = backupJson(bundle, at, record, extras);
      made.value = { name: backupFileName(at), content };
      return content;
    } catch (e) {
      notice.fail(e, 'Attune could not read everything for the backup. Nothing was exported.');
      return null;
    }
  }

  /**
   * Imports a backup: validated first, nothing changed on any problem, no duplicates. Sessions
   * sealed with a passphrase other than this browser's (or in a browser with none) need the
   * backup's passphrase: without `backupPassphrase`, the file waits in `pendingImport` and nothing
   * is imported; with it, they are sealed again with this browser's key, or, where no passphrase
   * is set, the backup's becomes this browser's.
   */
  async function importAll(text: string, byteLength = text.length, backupPassphrase?: string) {
    const d = deps();
    try {
      const { parseBackupJson } = await import('@/utils/history/backup');
      const backup = parseBackupJson(text, byteLength);
      const sealed = await sealedForHere(backup, backupPassphrase);
      if (sealed === 'ask') {
        pendingImport.value = { text, byteLength };
        notice.done(
          'This backup’s notes are sealed with a passphrase this browser does not have. Type the backup’s passphrase to import it; nothing is imported until then.',
        );
        return;
      }
      // Under this browser's passphrase nothing is stored in clear, imported or not.
      const here = sealed.adopt || !d.passphrase ? null : await d.passphrase.record();
      const sessions = here
        ? await protectImported(sealed.sessions, { key: await d.passphrase!.key(), dropBox: here.dropBox ?? null })
        : sealed.sessions;
      const { added, kept } = await d.history.merge({
        relationships: backup.relationships,
        sessions,
        commitments: backup.commitments,
      });
      pendingImport.value = null;
      const restored = backup.extras ? await restoreExtras(backup.extras) : '';
      const what = `Imported ${plural(added, 'record')}${kept ? `; ${kept.toLocaleString()} already here ${kept === 1 ? 'was' : 'were'} kept as ${kept === 1 ? 'it is' : 'they are'}` : ''}.${restored}`;
      const history = useHistoryStore();
      history.relationships = await d.relationships.list();
      history.searchEntries = null;
      // Sealing every session here drops the caches and reloads the history itself.
      if (sealed.adopt && d.passphrase) await d.passphrase.adopt(sealed.adopt.record, sealed.adopt.key);
      else await history.rebuild(deps().now());
      notice.done(`${what}${sealed.note}`);
      void history.loadDue();
      void useDashboardSettingsStore().refreshStorage();
    } catch (e) {
      notice.fail(e, 'Attune could not import that file. Nothing was changed.');
    }
  }

  /**
   * Writes a backup's settings, questions and models over this browser's (see restoreItems), and
   * has the stores that read them read again; returns the sentence that says what it did. The
   * history is merged before: a failure here says so and leaves the history imported.
   */
  async function restoreExtras(extras: BackupExtras): Promise<string> {
    const d = deps();
    try {
      const [{ restoreItems, BACKUP_SETTING_KEYS }, { BUILT_IN_MODELS }] = await Promise.all([
        import('@/utils/history/backup-settings'),
        import('@/utils/frameworks'),
      ]);
      const here = await storedSettings(d.settings, BACKUP_SETTING_KEYS);
      const { items, counts } = restoreItems(
        extras,
        here,
        BUILT_IN_MODELS.map((m) => m.id),
      );
      if (Object.keys(items).length === 0) return '';
      await d.settings.set(structuredClone(toRaw(items)));
      await useDashboardSettingsStore().loadSettings();
      await d.afterSettingsRestored();
      const parts = [];
      if (counts.settings) parts.push(`${plural(counts.settings, 'setting')}`);
      if (counts.questions) parts.push(`${plural(counts.questions, 'question')} of your own`);
      if (counts.models) parts.push(plural(counts.models, 'model'));
      return parts.length ? ` Restored ${parts.join(', ')}.` : '';
    } catch {
      return ' Its settings, questions and models could not be saved here; the sessions were imported. Import the file again to retry.';
    }
  }

  /**
   * The backup's sessions as this browser can keep them: 'ask' when the backup's passphrase is
   * needed and was not given; with it, the sealed ones sealed again with this browser's key, or
   * the backup's passphrase to adopt where this browser has none.
   */
  async function sealedForHere(
    backup: BackupContents,
    backupPassphrase: string | undefined,
  ): Promise<'ask' | SealedForHere> {
    const as: SealedForHere = { sessions: backup.sessions, adopt: null, note: '' };
    const passphrase = deps().passphrase;
    if (!passphrase || !backup.sessions.some(isProtected)) return as;
    if (!backup.passphrase)
      return {
        ...as,
        note: ' Its sealed notes came without their passphrase record (an older backup): they open only in the browser that made it.',
      };
    const here = await passphrase.record();
    if (here && sameKeyRecord(here, backup.passphrase)) return as;
    if (backupPassphrase === undefined) return 'ask';
    let backupKey: CryptoKey;
    try {
      backupKey = await unlockPassphraseKey(backupPassphrase, backup.passphrase);
    } catch {
      throw new ImportError(
        'That passphrase does not open this backup’s notes. Check it and try again; nothing was imported.',
      );
    }
    if (!here)
      return {
        ...as,
        adopt: { record: backup.passphrase, key: backupKey },
        note: ' The backup’s passphrase is now this browser’s, and unlocked: every session here is encrypted with it.',
      };
    const key = await passphrase.key();
    if (!key)
      throw new ImportError(
        'Unlock this browser’s notes first (Settings → Passphrase for notes), so the backup’s can be sealed with its passphrase; nothing was imported.',
      );
    const backupDrop = backup.passphrase.dropBox ? await openDropBox(backup.passphrase.dropBox, backupKey) : null;
    return { ...as, sessions: await resealSessions(backup.sessions, backupKey, key, backupDrop) };
  }

  /** The waiting backup, imported with its passphrase. */
  async function importPending(backupPassphrase: string) {
    const pending = pendingImport.value;
    if (pending) await importAll(pending.text, pending.byteLength, backupPassphrase);
  }

  function cancelImport() {
    pendingImport.value = null;
    notice.message = 'Nothing was imported.';
  }

  return { pendingImport, made, exportAll, importAll, importPending, cancelImport };
});
