import type { RelationshipRecord } from '../db/types';
import { emailRecipient, mailtoLink } from '../export/email';
import { AGREEMENT_PARTS, agreementStatus } from './agreement';
import { roleWords } from './role-words';

type AgreementSource = Pick<RelationshipRecord, 'mentorName' | 'menteeName' | 'mode' | 'agreement'> &
  Partial<Pick<RelationshipRecord, 'menteeEmail'>>;

function acknowledgementLines(rel: AgreementSource, locale?: string): string[] {
  const date = (at: number) =>
    new Date(at).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' });
  return [rel.mentorName, rel.menteeName].map((name) => {
    const ack = rel.agreement.acknowledgements.find((a) => a.name === name);
    return ack ? `- ${name}: agreed on ${date(ack.at)}` : `- ${name}: not yet agreed`;
  });
}

/**
 * The agreement as Markdown for the other person to read and agree to: each part under its
 * heading, who has agreed and when, and what is still to be written.
 */
export function agreementMarkdown(rel: AgreementSource, locale?: string): string {
  const words = roleWords(rel.mode);
  const title = words.agreement.charAt(0).toUpperCase() + words.agreement.slice(1);
  const status = agreementStatus(rel);
  const lines = [`# ${title}: ${rel.mentorName} and ${rel.menteeName}`, ''];
  for (const part of AGREEMENT_PARTS) {
    lines.push(`## ${part.label}`, '', rel.agreement[part.field].trim() || '_Not written yet._', '');
  }
  lines.push('## Agreed', '', ...acknowledgementLines(rel, locale));
  if (status.missing.length > 0)
    lines.push(
      '',
      `Still to write: ${status.missing.map((f) => AGREEMENT_PARTS.find((p) => p.field === f)?.label ?? f).join(', ')}.`,
    );
  return `${lines.join('\n')}\n`;
}

/** A mailto: draft of the agreement to the other person (to their address when the relationship holds one), asking them to read it and say whether they agree. */
export function agreementEmail(rel: AgreementSource, locale?: string): string {
  const words = roleWords(rel.mode);
  const body = [
    `Hi ${rel.menteeName.split(' ')[0]},`,
    '',
    `Here is our ${words.agreement} as it stands. Could you read it and tell me whether you agree, or what you would change?`,
    '',
    ...AGREEMENT_PARTS.flatMap((part) => [
      `${part.label}:`,
      rel.agreement[part.field].trim() || '(not written yet)',
      '',
    ]),
    'Agreed so far:',
    ...acknowledgementLines(rel, locale),
  ].join('\n');
  return mailtoLink(
    emailRecipient({ menteeEmail: rel.menteeEmail }),
    `Our ${words.agreement}`,
    body,
    '\n… (the rest is in the copy I can send you)',
  );
}
