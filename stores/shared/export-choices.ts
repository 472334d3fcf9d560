import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useServices } from '@/utils/services';
import { readStored, writeStored } from '@/utils/storage-area';
import { CALENDAR_STYLE, DEFAULT_CALENDAR_STYLE, type CalendarStyle } from '@/utils/export/calendar-style';

/** The mentor's choices for exports, shared by the panel's wrap-up and the dashboard (storage.local). */
export const useExportChoicesStore = defineStore('export-choices', () => {
  const calendarStyle = ref<CalendarStyle>(DEFAULT_CALENDAR_STYLE);
  const error = ref<string | null>(null);
  const need = useServices();

  /** Reads the last choice from the browser's settings (storage.local). */
  async function load() {
    const area = need('local');
    try {
      calendarStyle.value = await readStored(area, CALENDAR_STYLE);
    } catch {
      calendarStyle.value = DEFAULT_CALENDAR_STYLE;
    }
  }

  /** Takes the choice at once (the next download uses it) and keeps it for next time. */
  async function setCalendarStyle(style: CalendarStyle) {
    calendarStyle.value = style;
    const area = need('local');
    try {
      await writeStored(area, CALENDAR_STYLE, style);
      error.value = null;
    } catch {
      error.value = 'Attune could not keep that choice for next time; this download uses it all the same.';
    }
  }

  return { calendarStyle, error, load, setCalendarStyle };
});
