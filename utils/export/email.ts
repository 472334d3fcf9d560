import type { SessionExport } from './types';
import { dueText } from '../commitments/due-text';

// Mail clients and browsers cut long mailto: links; stay well below the usual 2,000-character limit.
const MAX_MAILTO_LENGTH = 1_800;

/** A mailto: draft to the mentee listing the agreed actions and the next check-in. */
export function emailDraft({ session, relationship, commitments, nextCheckIn }: SessionExport): string {
  const subject = `Our session: ${session.title ?? 'actions'} (${new Date(session.startedAt).toISOString().slice(0, 10)})`;
  const body = [
    relationship ? `Hi ${relationship.menteeName.split(' ')[0]},` : 'Hi,',
    '',
    'Here is what we agreed:',
    ...commitments.map((c) => `- ${c.owner}: ${c.action}${c.due ? ` (by ${dueText(c)})` : ''}`),
    '',
    nextCheckIn ? `Next check-in: ${nextCheckIn.replace('T', ' at ')}` : '',
  ].join('\n');
  let link = `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  if (link.length > MAX_MAILTO_LENGTH) {
    const note = encodeURIComponent('\n… (the full list is in the attached export)');
    link = `${link.slice(0, MAX_MAILTO_LENGTH - note.length).replace(/%[0-9A-F]?$/i, '')}${note}`;
  }
  return link;
}
