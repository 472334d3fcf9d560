import { defineStore } from 'pinia';
import { errorSentence } from '@/utils/errors';
import { ref } from 'vue';
import { parseSessionJson } from '@/utils/export/json';
import { importSession } from '@/utils/db/import-session';
import { useServices } from '@/utils/services';

/** Imports of session exports: validated first, merged without duplicates, reported in a sentence. */
export const useTransferStore = defineStore('transfer', () => {
  const message = ref<string | null>(null);
  const error = ref<string | null>(null);
  /** The session the panel showed when the import ran: its sentence is not carried into the next one. */
  const reportedFor = ref<string | null>(null);
  const need = useServices();

  async function importFile(text: string, sessionId: string | null = null) {
    const repos = {
      sessions: need('sessions'),
      relationships: need('relationships'),
      commitments: need('commitments'),
    };
    message.value = null;
    reportedFor.value = sessionId;
    try {
      const { added, skipped } = await importSession(parseSessionJson(text), repos);
      error.value = null;
      message.value = `Imported ${added} record${added === 1 ? '' : 's'}${skipped ? `; ${skipped} already here were kept as they are` : ''}.`;
    } catch (e) {
      error.value = errorSentence(e, 'Attune could not import that file. Nothing was changed.');
    }
  }

  /** The last import's sentences, only while the session it was made in is still the one shown. */
  function reportFor(sessionId: string | null): { message: string | null; error: string | null } {
    return reportedFor.value === sessionId
      ? { message: message.value, error: error.value }
      : { message: null, error: null };
  }

  return { message, error, importFile, reportFor };
});
