import { storedValue } from '../storage-area';

/**
 * How the calendar file carries dated actions. Many calendar apps (Google Calendar's import,
 * Outlook on the web) ignore VTODO, so the mentor can have them as events instead.
 */
export type CalendarStyle = 'todo' | 'all-day' | 'timed';

export const CALENDAR_STYLES: ReadonlyArray<{ id: CalendarStyle; label: string }> = [
  { id: 'todo', label: 'To-dos' },
  { id: 'all-day', label: 'All-day events' },
  { id: 'timed', label: 'Timed events' },
];

/** storage.local: the mentor's last choice, shared by the panel's wrap-up and the dashboard. */
export const CALENDAR_STYLE_KEY = 'export.calendarStyle';
export const DEFAULT_CALENDAR_STYLE: CalendarStyle = 'todo';

/** A timed event for an action with a due time lasts this long, unless told otherwise. */
export const DEFAULT_ACTION_MINUTES = 30;

export function isCalendarStyle(raw: unknown): raw is CalendarStyle {
  return raw === 'todo' || raw === 'all-day' || raw === 'timed';
}

/** A stored choice, or the default when absent or damaged. */
export function parseCalendarStyle(raw: unknown): CalendarStyle {
  return isCalendarStyle(raw) ? raw : DEFAULT_CALENDAR_STYLE;
}

/** storage.local: the mentor's last choice of calendar style. */
export const CALENDAR_STYLE = storedValue(CALENDAR_STYLE_KEY, parseCalendarStyle);
