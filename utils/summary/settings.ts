import type { SummaryEndpoint } from './types';
import { storedValue } from '../storage-area';

/** Summary settings, kept in storage.local only (never synced, logged or exported). */
export interface SummarySettings extends SummaryEndpoint {
  enabled: boolean;
}

export const SUMMARY_SETTINGS_KEY = 'summary-settings';

export const DEFAULT_SUMMARY_SETTINGS: SummarySettings = {
  enabled: false,
  baseURL: 'https://api.openai.com/v1',
  model: 'gpt-4o-mini',
  apiKey: '',
};

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Checks an endpoint before Attune asks for permission to reach it. Plain http is allowed only
 * for a model on this computer, so a key never crosses a network unencrypted. Null when fine.
 */
export function endpointProblem(settings: Pick<SummarySettings, 'baseURL' | 'model'>): string | null {
  let url: URL;
  try {
    url = new URL(settings.baseURL.trim());
  } catch {
    return 'The endpoint is not a web address. It looks like https://api.openai.com/v1 or http://localhost:11434/v1.';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))) {
    return 'Use https for a service on the internet; plain http only for a model on this computer (localhost).';
  }
  if (url.username || url.password) return 'Put the key in the key field, not in the address.';
  if (!settings.model.trim()) return 'Name the model, for example gpt-4o-mini or llama3.1.';
  return null;
}

/** The host permission pattern for an endpoint: its scheme and host, any port and path. */
export function endpointOrigin(baseURL: string): string {
  const url = new URL(baseURL.trim());
  return `${url.protocol}//${url.hostname}/*`;
}

/** Settings read back from storage, with anything missing or of the wrong type replaced by defaults. */
export function readSummarySettings(raw: unknown): SummarySettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const pick = <K extends keyof SummarySettings>(key: K): SummarySettings[K] =>
    (typeof value[key] === typeof DEFAULT_SUMMARY_SETTINGS[key]
      ? value[key]
      : DEFAULT_SUMMARY_SETTINGS[key]) as SummarySettings[K];
  return { enabled: pick('enabled'), baseURL: pick('baseURL'), model: pick('model'), apiKey: pick('apiKey') };
}

/** storage.local: where summaries are made, and how. */
export const SUMMARY_SETTINGS = storedValue(SUMMARY_SETTINGS_KEY, readSummarySettings);
