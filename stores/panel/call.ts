import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { TabCallState } from '@/utils/messaging';
import { PLATFORM_NAMES } from '@/utils/platforms/hosts';

/** What the panel knows of the call tab it sits beside, as the background last recorded it. */
export const useCallStore = defineStore('call', () => {
  const tabId = ref<number | null>(null);
  /** Whether the tab beside the panel is a supported call page at all (Firefox's sidebar follows any tab). */
  const onCallPage = ref(true);
  const tab = shallowRef<TabCallState | null>(null);
  /** When the capture shortcut was last pressed for this tab. */
  const captureRequestedAt = ref<number | null>(null);

  const platformName = computed(() => (tab.value ? PLATFORM_NAMES[tab.value.platform] : null));
  const state = computed(() => tab.value?.snapshot.state ?? null);
  const controlsMissing = computed(() => tab.value !== null && !tab.value.snapshot.controlsFound);
  const meetingTitle = computed(() => tab.value?.snapshot.title ?? null);
  const selfName = computed(() => tab.value?.snapshot.selfName ?? null);

  function attach(id: number | null, isCallPage: boolean) {
    tabId.value = id;
    onCallPage.value = isCallPage;
    tab.value = null;
  }

  function setTabState(next: TabCallState | null) {
    tab.value = next;
  }

  function requestCapture(at: number) {
    captureRequestedAt.value = at;
  }

  return {
    tabId,
    onCallPage,
    tab,
    captureRequestedAt,
    platformName,
    state,
    controlsMissing,
    meetingTitle,
    selfName,
    attach,
    setTabState,
    requestCapture,
  };
});
