import type { SessionExport } from './types';
import { dueText } from '../commitments/due-text';
import { localDay } from '../commitments/follow-through';

/** Markdown has few special characters in running text; these could turn text into markup. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** The session's agreed actions as a short Markdown document, grouped by owner, with the AI summary when one was made. */
export function sessionMarkdown({ session, relationship, commitments, nextCheckIn }: SessionExport): string {
  const who = relationship ? `${relationship.mentorName} & ${relationship.menteeName}` : null;
  const lines = [
    `# ${escapeMarkdown(session.title ?? 'Mentoring session')} — ${localDay(new Date(session.startedAt))}`,
    '',
  ];
  if (who) lines.push(`With ${escapeMarkdown(who)}.`, '');
  lines.push('## Agreed actions', '');
  if (commitments.length === 0) lines.push('No actions were captured.', '');
  const owners = [...new Set(commitments.map((c) => c.owner))];
  for (const owner of owners) {
    lines.push(`### ${escapeMarkdown(owner)}`, '');
    for (const c of commitments.filter((x) => x.owner === owner)) {
      lines.push(
        `- [${c.status === 'done' ? 'x' : ' '}] ${escapeMarkdown(c.action)}${c.due ? ` — by ${dueText(c)}` : ''}${c.agreedByBoth ? ' (agreed by both)' : ''}`,
      );
      if (c.obstacles) lines.push(`  - What might get in the way: ${escapeMarkdown(c.obstacles)}`);
      if (c.support) lines.push(`  - Support: ${escapeMarkdown(c.support)}`);
    }
    lines.push('');
  }
  if (session.summary) {
    const { themes, insights, nextFocus, edited } = session.summary;
    lines.push(
      '## Summary',
      '',
      edited ? '_Made by the AI summary and edited by the mentor._' : '_Made by the AI summary._',
      '',
    );
    if (themes.length > 0) lines.push(`**Themes:** ${themes.map(escapeMarkdown).join('; ')}`, '');
    if (insights.length > 0)
      lines.push('**In the mentee’s words:**', '', ...insights.map((i) => `- ${escapeMarkdown(i)}`), '');
    if (nextFocus) lines.push(`**Focus for next time:** ${escapeMarkdown(nextFocus)}`, '');
  }
  lines.push('## Next check-in', '', nextCheckIn ? nextCheckIn.replace('T', ' at ') : 'Not set yet.', '');
  return lines.join('\n');
}
