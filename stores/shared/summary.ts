import { defineStore } from 'pinia';
import { errorSentence } from '@/utils/errors';
import { useServices } from '@/utils/services';
import { ref, shallowRef, watch } from 'vue';
import type { StoredSummary } from '@/utils/db/types';
import {
  buildSummaryRequest,
  createSummaryClient,
  SummaryError,
  type RedactOptions,
  type SummaryClient,
  type SummaryMaterial,
} from '@/utils/summary';
import {
  DEFAULT_SUMMARY_SETTINGS,
  endpointOrigin,
  endpointProblem,
  SUMMARY_SETTINGS,
  type SummarySettings,
} from '@/utils/summary/settings';
import { readStored, writeStored } from '@/utils/storage-area';
import type { SummaryEndpoint } from '@/utils/summary/types';
import { restoreNames } from '@/utils/summary/restore-names';
import { useSessionStore } from '../panel/session';

export interface HostPermissions {
  request(permissions: { origins: string[] }): Promise<boolean>;
  /** Whether the browser still grants these origins (the user can revoke them in its settings). */
  contains(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
}

/** The page's services (local, permissions) come installed; a test may bring a client of its own. */
export interface SummaryDeps {
  createClient?: (endpoint: SummaryEndpoint) => SummaryClient;
}

export type SummaryStatus = 'idle' | 'writing' | 'failed';

/** What the mentor chose to hide before sending. E-mails and phone numbers are hidden by default. */
export interface RedactionChoice {
  emails: boolean;
  phoneNumbers: boolean;
  names: boolean;
}

/**
 * Opt-in AI summaries: off until the mentor turns them on with an endpoint of their choosing, and
 * then made for a session only after they record that both people agreed to it.
 */
export const useSummaryStore = defineStore('summary', () => {
  const settings = ref<SummarySettings>({ ...DEFAULT_SUMMARY_SETTINGS });
  const settingsError = ref<string | null>(null);
  const status = ref<SummaryStatus>('idle');
  const writtenChars = ref(0);
  const error = ref<string | null>(null);
  const redaction = ref<RedactionChoice>({ emails: true, phoneNumbers: true, names: false });
  const need = useServices();
  let createClient: SummaryDeps['createClient'] = undefined;
  const controller = shallowRef<AbortController | null>(null);

  /** A client other than the default (a test's, with a short timeout), then the settings. */
  async function connect(d: SummaryDeps) {
    createClient = d.createClient;
    await load();
  }

  /** Reads the settings from the browser's settings (storage.local). */
  async function load() {
    const area = need('local');
    settings.value = await readStored(area, SUMMARY_SETTINGS);
  }

  /**
   * Saves the settings. Turning summaries on checks the endpoint and asks the browser for
   * permission to reach its host (call from the click, which the browser requires); refused,
   * summaries stay off and nothing else changes.
   */
  async function saveSettings(next: SummarySettings): Promise<boolean> {
    const deps = { area: need('local'), permissions: need('permissions') };
    const clean = { ...next, baseURL: next.baseURL.trim(), model: next.model.trim(), apiKey: next.apiKey.trim() };
    if (clean.enabled) {
      const problem = endpointProblem(clean);
      if (problem) {
        settingsError.value = problem;
        return false;
      }
      const origin = endpointOrigin(clean.baseURL);
      let granted = false;
      try {
        granted = await deps.permissions.request({ origins: [origin] });
      } catch {
        granted = false;
      }
      if (!granted) {
        settingsError.value = `Attune needs your permission to reach ${new URL(clean.baseURL).host}. Summaries stay off.`;
        return false;
      }
    }
    try {
      await writeStored(deps.area, SUMMARY_SETTINGS, clean);
    } catch {
      settingsError.value = 'Attune could not save the settings (is the disk full?). Nothing changed.';
      return false;
    }
    const before = settings.value;
    settings.value = clean;
    settingsError.value = null;
    await giveUpOldOrigin(before, clean);
    return true;
  }

  /**
   * Hands back the host permission Attune no longer needs: summaries turned off, or moved to
   * another endpoint. Best effort: the settings are saved whatever the browser says.
   */
  async function giveUpOldOrigin(before: SummarySettings, after: SummarySettings) {
    const permissions = need('permissions');
    if (!before.enabled || endpointProblem(before)) return;
    const old = endpointOrigin(before.baseURL);
    if (after.enabled && endpointOrigin(after.baseURL) === old) return;
    try {
      await permissions.remove({ origins: [old] });
    } catch {
      // A permission the manifest requires cannot be removed (the e2e build's loopback host): nothing to do.
    }
  }

  function redactOptions(material: SummaryMaterial): RedactOptions {
    const names: Record<string, string> = {};
    if (redaction.value.names) {
      names[material.mentorName] = 'the mentor';
      names[material.menteeName] = 'the mentee';
    }
    return { emails: redaction.value.emails, phoneNumbers: redaction.value.phoneNumbers, names };
  }

  /** Exactly the text that would be sent for this material, with the chosen redaction. */
  function preview(material: SummaryMaterial): string {
    return buildSummaryRequest(material, redactOptions(material)).preview;
  }

  /**
   * Makes and saves the summary. Refuses without both people's recorded consent; any failure
   * leaves the session as it was, with a sentence and the chance to try again.
   */
  async function generate(material: SummaryMaterial, now: () => number = need('now')): Promise<boolean> {
    const session = useSessionStore();
    need('permissions');
    if (!settings.value.enabled || session.session?.summaryConsentAt == null || status.value === 'writing')
      return false;
    // The summary belongs to the session it was asked for: a rejoin or another call meanwhile
    // must not receive it, and consent withdrawn while it is written stops it.
    const sessionId = session.session.id;
    const stillWanted = () => session.session?.id === sessionId && session.session.summaryConsentAt != null;
    const endpoint = { baseURL: settings.value.baseURL, model: settings.value.model, apiKey: settings.value.apiKey };
    const abort = new AbortController();
    controller.value = abort;
    status.value = 'writing';
    writtenChars.value = 0;
    error.value = null;
    const stopWatching = watch(stillWanted, (wanted) => {
      if (!wanted) abort.abort();
    });
    try {
      if (!(await granted(endpoint.baseURL))) {
        status.value = 'failed';
        error.value = `Attune no longer has your permission to reach ${new URL(endpoint.baseURL).host}. Turn summaries on again in Settings. Nothing was sent.`;
        return false;
      }
      const request = buildSummaryRequest(material, redactOptions(material));
      const make = createClient ?? ((e: SummaryEndpoint) => createSummaryClient({ endpoint: e }));
      const hidden = redactOptions(material).names;
      const result = await make(endpoint).summarise(request, {
        signal: abort.signal,
        now: new Date(now()),
        onText: (text) => (writtenChars.value = text.length),
      });
      if (!stillWanted()) throw new SummaryError('cancelled');
      // The model saw "the mentee" where a name was hidden: what is kept names people again.
      const named = restoreNames(
        result,
        Object.fromEntries(Object.entries(hidden).map(([name, placeholder]) => [placeholder, name])),
      );
      const stored: StoredSummary = { ...named, model: endpoint.model, madeAt: now(), edited: false };
      if (!(await session.update({ summary: stored }, now()))) throw new Error('not saved');
      status.value = 'idle';
      return true;
    } catch (e) {
      status.value = 'failed';
      error.value = !stillWanted()
        ? 'The summary was stopped: consent was withdrawn or the session changed. Nothing was saved.'
        : errorSentence(e, 'Attune could not save the summary. The session is as it was; try again.');
      return false;
    } finally {
      stopWatching();
      controller.value = null;
    }
  }

  /** The browser still lets Attune reach the endpoint (the user may have revoked it since). */
  async function granted(baseURL: string): Promise<boolean> {
    const permissions = need('permissions');
    try {
      return await permissions.contains({ origins: [endpointOrigin(baseURL)] });
    } catch {
      return false;
    }
  }

  function cancel() {
    controller.value?.abort();
  }

  /** Saves the mentor's edit of the summary. */
  function saveEdit(summary: Omit<StoredSummary, 'edited'>, now: number) {
    return useSessionStore().update({ summary: { ...summary, edited: true } }, now);
  }

  function remove(now: number) {
    return useSessionStore().update({ summary: null }, now);
  }

  function recordConsent(agreed: boolean, now: number) {
    return useSessionStore().update({ summaryConsentAt: agreed ? now : null }, now);
  }

  return {
    settings,
    settingsError,
    status,
    writtenChars,
    error,
    redaction,
    connect,
    load,
    saveSettings,
    preview,
    generate,
    cancel,
    saveEdit,
    remove,
    recordConsent,
  };
});
