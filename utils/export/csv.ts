import Papa from 'papaparse';
import type { CommitmentRecord } from '../db/types';
import { dueText } from '../commitments/due-text';

const HEADER = ['owner', 'action', 'due', 'status', 'agreed_by_both', 'obstacles', 'support', 'stage', 'session'];

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula;
 * a leading apostrophe makes them show it as text (OWASP's advice on CSV injection).
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Commitments as RFC 4180 CSV (CRLF line ends, quotes doubled), safe to open in a spreadsheet.
 * Every field is quoted: in locales whose spreadsheets split on `;`, an unquoted
 * "Send the deck;=HYPERLINK(…)" would start a new cell with a formula.
 */
export function commitmentsCsv(commitments: CommitmentRecord[]): string {
  const rows = commitments.map((c) =>
    [
      c.owner,
      c.action,
      dueText(c),
      c.status,
      c.agreedByBoth ? 'yes' : 'no',
      c.obstacles,
      c.support,
      c.stage ?? '',
      c.sessionId,
    ].map(neutraliseCell),
  );
  return Papa.unparse({ fields: HEADER, data: rows }, { newline: '\r\n', quotes: true, escapeFormulae: false });
}
