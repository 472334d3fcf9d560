import { defineStore } from 'pinia';
import { ref } from 'vue';
import { ImportError, parseSessionJson } from '@/utils/export/json';
import { importSession } from '@/utils/db/import-session';
import { DbError } from '@/utils/db/errors';
import type { SessionRepo } from '@/utils/db/session-repo';
import type { RelationshipRepo } from '@/utils/db/relationship-repo';
import type { CommitmentRepo } from '@/utils/db/commitment-repo';

/** Imports of session exports: validated first, merged without duplicates, reported in a sentence. */
export const useTransferStore = defineStore('transfer', () => {
  const message = ref<string | null>(null);
  const error = ref<string | null>(null);
  /** The session the panel showed when the import ran: its sentence is not carried into the next one. */
  const reportedFor = ref<string | null>(null);
  let repos: { sessions: SessionRepo; relationships: RelationshipRepo; commitments: CommitmentRepo } | null = null;

  function connect(all: NonNullable<typeof repos>) {
    repos = all;
  }

  async function importFile(text: string, sessionId: string | null = null) {
    if (!repos) return;
    message.value = null;
    reportedFor.value = sessionId;
    try {
      const { added, skipped } = await importSession(parseSessionJson(text), repos);
      error.value = null;
      message.value = `Imported ${added} record${added === 1 ? '' : 's'}${skipped ? `; ${skipped} already here were kept as they are` : ''}.`;
    } catch (e) {
      error.value =
        e instanceof ImportError || e instanceof DbError
          ? e.message
          : 'Attune could not import that file. Nothing was changed.';
    }
  }

  /** The last import's sentences, only while the session it was made in is still the one shown. */
  function reportFor(sessionId: string | null): { message: string | null; error: string | null } {
    return reportedFor.value === sessionId
      ? { message: message.value, error: error.value }
      : { message: null, error: null };
  }

  return { message, error, connect, importFile, reportFor };
});
