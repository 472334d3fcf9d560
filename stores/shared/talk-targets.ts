import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useServices } from '@/utils/services';
import { plainCopy } from '@/utils/plain-copy';
import type { ModeId } from '@/utils/frameworks/types';
import { readStored, removeStored, writeStored } from '@/utils/storage-area';
import {
  TALK_TARGETS,
  bandsForEveryMode,
  targetBandFor,
  validBand,
  type TalkTargetBand,
  type TalkTargetOverrides,
} from '@/utils/talk-time/target-band';

/**
 * The share of the talk the mentor aims for in each mode: the mode's default band, or the
 * mentor's own for that mode, kept in storage.local. The panel's gauge uses the session's mode;
 * the dashboard's settings and trends use every mode's.
 */
export const useTalkTargetsStore = defineStore('talk-targets', () => {
  const mode = ref<ModeId | null>(null);
  const overrides = ref<TalkTargetOverrides>({});
  const error = ref<string | null>(null);
  const band = computed<TalkTargetBand>(() => targetBandFor(mode.value, overrides.value));
  const everyMode = computed(() => bandsForEveryMode(overrides.value));
  const need = useServices();

  /** Reads the mentor's own bands from the browser's settings (again when the dashboard changed them). */
  async function loadSettings() {
    const area = need('local');
    overrides.value = await readStored(area, TALK_TARGETS);
  }

  /** The mentor's own band for a mode; null goes back to the mode's default. True once kept. */
  async function setTarget(forMode: ModeId, next: TalkTargetBand | null): Promise<boolean> {
    const clean = next === null ? null : validBand(next);
    if (next !== null && !clean) {
      error.value = 'A target is a share between 0% and 100%, the lower end first.';
      return false;
    }
    const settings = need('local');
    const rest = { ...overrides.value };
    delete rest[forMode];
    overrides.value = clean ? { ...rest, [forMode]: clean } : rest;
    error.value = null;
    try {
      await writeStored(settings, TALK_TARGETS, plainCopy(overrides.value));
      return true;
    } catch {
      error.value = 'Attune could not save the target; it applies until the page closes.';
      return false;
    }
  }

  /** Every mode back to Attune's default band. */
  async function resetAll(): Promise<boolean> {
    overrides.value = {};
    error.value = null;
    try {
      await removeStored(need('local'), TALK_TARGETS);
      return true;
    } catch {
      error.value = 'Attune could not save the change; it applies until the page closes.';
      return false;
    }
  }

  function setMode(next: ModeId | null) {
    mode.value = next;
  }

  return { mode, overrides, band, everyMode, error, loadSettings, setTarget, resetAll, setMode };
});
