import { defineStore } from 'pinia';
import { ref } from 'vue';
import { errorSentence } from '@/utils/errors';
import { PassphraseError } from '@/utils/crypto/passphrase';

/** The dashboard's one line of news at the top: what was just done, or what went wrong. */
export const useDashboardNoticeStore = defineStore('dashboard-notice', () => {
  const message = ref<string | null>(null);
  const error = ref<string | null>(null);

  /**
   * Shows the error's own sentence when it has one for the user, else `fallback`. Locked notes
   * are the exception: the dashboard's own sentence says where to unlock them (Settings), which
   * the passphrase's, written for every page, does not.
   */
  function fail(e: unknown, fallback: string) {
    message.value = null;
    const locked = e instanceof PassphraseError && e.failure === 'locked';
    error.value = locked ? fallback : errorSentence(e, fallback);
  }

  /** Says what was done, clearing any earlier error. */
  function done(text: string) {
    error.value = null;
    message.value = text;
  }

  return { message, error, fail, done };
});
