import type { RelationshipMode } from '../db/types';
import { DEFAULT_LISTENING_TARGETS } from './follow';
import { storedValue } from '../storage-area';

export const LISTENING_TARGETS_KEY = 'listening.targets';
const MODES = Object.keys(DEFAULT_LISTENING_TARGETS) as RelationshipMode[];

/** The mentor's listening targets as saved, each mode falling back to its default when absent or damaged. */
export function parseListeningTargets(raw: unknown): Record<RelationshipMode, number> {
  const saved = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return Object.fromEntries(
    MODES.map((mode) => {
      const value = saved[mode];
      return [mode, typeof value === 'number' && value >= 0 && value <= 1 ? value : DEFAULT_LISTENING_TARGETS[mode]];
    }),
  ) as Record<RelationshipMode, number>;
}

/** storage.local: the mentor's listening targets, per relationship mode. */
export const LISTENING_TARGETS = storedValue(LISTENING_TARGETS_KEY, parseListeningTargets);
