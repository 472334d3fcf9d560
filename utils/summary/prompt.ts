import { redact, type RedactOptions } from './redact';
import type { SummaryMaterial } from './types';

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

export interface SummaryRequest {
  messages: ChatMessage[];
  /** Exactly the session material that will be sent, to show the mentor before sending. */
  preview: string;
}

const INSTRUCTIONS = [
  'You help a mentor keep a faithful record of one mentoring session.',
  'Work only from the material you are given; do not add advice, judgement or anything that was not said.',
  'Return JSON with: "themes" (2 to 5 short phrases naming what the conversation was about);',
  '"insights" (up to 5 things the mentee realised, in the mentee\'s own words where the material has them);',
  '"agreedActions" (each with "owner", "action" and "due" as YYYY-MM-DD or null, only actions both people agreed);',
  '"nextFocus" (one sentence: what the next session could pick up).',
  'Write plainly, in the language of the material.',
].join(' ');

function section(title: string, body: string): string {
  return `## ${title}\n${body.trim() || '(none)'}`;
}

/** The material as one document, in the order a reader would want it. */
export function materialText(material: SummaryMaterial): string {
  const parts = [
    section('People', `Mentor: ${material.mentorName}\nMentee: ${material.menteeName}`),
    section('Agenda', material.agenda),
    section('Stages', material.stages.map((s) => `- ${s.name} (${Math.round(s.minutes)} min)`).join('\n')),
    section('Notes', material.notes),
    section(
      'Commitments captured during the call',
      material.commitments.map((c) => `- ${c.owner}: ${c.action}${c.due ? ` (by ${c.due})` : ''}`).join('\n'),
    ),
  ];
  if (material.transcript) {
    parts.push(section('Transcript', material.transcript.map((line) => `${line.speaker}: ${line.text}`).join('\n')));
  }
  return parts.join('\n\n');
}

/** The chat request for a summary, with optional redaction applied to everything sent. */
export function buildSummaryRequest(material: SummaryMaterial, redaction: RedactOptions | null): SummaryRequest {
  const text = materialText(material);
  const preview = redaction ? redact(text, redaction) : text;
  return {
    preview,
    messages: [
      { role: 'system', content: INSTRUCTIONS },
      { role: 'user', content: preview },
    ],
  };
}
