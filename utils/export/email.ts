import type { RelationshipRecord, StoredSummary } from '../db/types';
import type { SessionExport } from './types';
import { dueText } from '../commitments/due-text';
import { localDay } from '../commitments/follow-through';

// Mail clients and browsers cut long mailto: links; stay well below the usual 2,000-character limit.
const MAX_MAILTO_LENGTH = 1_800;
// RFC 5321 caps an address at 254 characters.
const MAX_ADDRESS_LENGTH = 254;
// One address, nothing that could add a second recipient or a header to the link (, ; ? & and
// spaces are refused, not escaped): local part, @, a domain with a dot.
const ADDRESS = /^[^\s@,;:?&<>()[\]\\"%]+@[^\s@,;:?&<>()[\]\\"'%]+\.[^\s@,;:?&<>()[\]\\"'%.]+$/;

/** The mentee's address as the draft's recipient, or null when there is none or it is not one address. */
export function emailRecipient(relationship: Pick<RelationshipRecord, 'menteeEmail'> | null): string | null {
  const address = relationship?.menteeEmail?.trim() ?? '';
  return address.length <= MAX_ADDRESS_LENGTH && ADDRESS.test(address) ? address : null;
}

/** The AI summary's themes and focus for next time, as lines of plain text. */
function summaryLines(summary: StoredSummary | null): string[] {
  if (!summary) return [];
  const lines = ['', 'From the summary of our session:'];
  if (summary.themes.length > 0) lines.push(`Themes: ${summary.themes.join('; ')}`);
  for (const insight of summary.insights) lines.push(`- ${insight}`);
  if (summary.nextFocus) lines.push(`Focus for next time: ${summary.nextFocus}`);
  return lines;
}

/**
 * A mailto: draft to the mentee (to their address when the relationship holds one) listing the
 * agreed actions, the next check-in and, when one was made, the summary. The summary comes last:
 * a draft too long for a link loses it before the actions.
 */
export function emailDraft({ session, relationship, commitments, nextCheckIn }: SessionExport): string {
  const subject = `Our session: ${session.title ?? 'actions'} (${localDay(new Date(session.startedAt))})`;
  const body = [
    relationship ? `Hi ${relationship.menteeName.split(' ')[0]},` : 'Hi,',
    '',
    'Here is what we agreed:',
    ...commitments.map((c) => `- ${c.owner}: ${c.action}${c.due ? ` (by ${dueText(c)})` : ''}`),
    '',
    nextCheckIn ? `Next check-in: ${nextCheckIn.replace('T', ' at ')}` : '',
    ...summaryLines(session.summary),
  ].join('\n');
  return mailtoLink(emailRecipient(relationship), subject, body, '\n… (the full list is in the attached export)');
}

/**
 * A mailto: link to one checked address (or none), cut to what mail clients take; where it is
 * cut, `cutNote` says where the rest is.
 */
export function mailtoLink(to: string | null, subject: string, body: string, cutNote: string): string {
  const link = `mailto:${to ? encodeURIComponent(to).replace('%40', '@') : ''}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  if (link.length <= MAX_MAILTO_LENGTH) return link;
  const note = encodeURIComponent(cutNote);
  return `${link.slice(0, MAX_MAILTO_LENGTH - note.length).replace(/%[0-9A-F]?$/i, '')}${note}`;
}
