import { defineStore } from 'pinia';
import { ref } from 'vue';
import { RETENTION_DAYS } from '@/utils/history/retention';
import { readStored, writeStored } from '@/utils/storage-area';
import { useServices } from '@/utils/services';
import { useTalkTargetsStore } from '../shared/talk-targets';
import { dashboardDeps } from './state';

/**
 * The settings kept in the dashboard: the retention period and the storage figure. Talk targets
 * are the shared talk-targets store's, the same one the panel's gauge edits; the history store
 * applies the retention (it deletes sessions).
 */
export const useDashboardSettingsStore = defineStore('dashboard-settings', () => {
  const deps = dashboardDeps(useServices());
  const targets = useTalkTargetsStore();
  /** Sessions older than this many days are deleted; null keeps them all. */
  const retentionDays = ref<number | null>(null);
  const storage = ref<{ usage: number; quota: number } | null>(null);

  async function loadSettings() {
    const { settings } = deps();
    const retention = await readStored(settings, RETENTION_DAYS);
    await targets.loadSettings();
    retentionDays.value = retention;
  }

  async function refreshStorage() {
    const { estimate } = deps();
    if (!estimate) return;
    try {
      const { usage, quota } = await estimate();
      storage.value = usage === undefined || quota === undefined ? null : { usage, quota };
    } catch {
      storage.value = null;
    }
  }

  async function saveRetention(days: number | null) {
    retentionDays.value = days;
    await writeStored(deps().settings, RETENTION_DAYS, days);
  }

  return { retentionDays, storage, loadSettings, refreshStorage, saveRetention };
});
