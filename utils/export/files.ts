import type { SessionExport } from './types';
import type { CalendarStyle } from './calendar-style';
import type { commitmentsCsv } from './csv';
import type { sessionCalendar } from './ics';
import { sessionMarkdown } from './markdown';
import { sessionJson } from './json';
import { localDay } from '../commitments/follow-through';

/** One file a session can be exported as. */
export interface ExportFile {
  label: string;
  name: string;
  type: string;
  content: string;
}

/**
 * The CSV and calendar writers. Their libraries (papaparse, ical.js) are loaded by the page when
 * first needed, so they are passed in rather than imported here.
 */
export interface FileWriters {
  commitmentsCsv: typeof commitmentsCsv;
  sessionCalendar: typeof sessionCalendar;
}

/** Loads the CSV and calendar writers. */
export async function loadFileWriters(): Promise<FileWriters> {
  const [csv, ics] = await Promise.all([import('./csv'), import('./ics')]);
  return { commitmentsCsv: csv.commitmentsCsv, sessionCalendar: ics.sessionCalendar };
}

/** The session's files, as the panel's wrap-up and the dashboard's report offer them. */
export function sessionExportFiles(
  data: SessionExport,
  writers: FileWriters,
  now: number,
  calendarStyle: CalendarStyle,
): ExportFile[] {
  // The day the user lived the session on, not UTC's: an evening call in New York is not tomorrow's.
  const base = `attune-${localDay(new Date(data.session.startedAt))}`;
  return [
    { label: 'Markdown', name: `${base}.md`, type: 'text/markdown', content: sessionMarkdown(data) },
    { label: 'CSV', name: `${base}.csv`, type: 'text/csv', content: writers.commitmentsCsv(data.commitments) },
    {
      label: 'Calendar',
      name: `${base}.ics`,
      type: 'text/calendar',
      content: writers.sessionCalendar(data, now, { style: calendarStyle }),
    },
    { label: 'JSON', name: `${base}.json`, type: 'application/json', content: sessionJson(data, now) },
  ];
}
