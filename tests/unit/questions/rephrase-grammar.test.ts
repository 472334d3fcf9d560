import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyQuestion } from '@/utils/questions/classify';

// Every closed and leading turn the checker was labelled on, and turns written to break the
// rewriter (either/or, "would you rather", a verb after "want to", names after "tell").
function labelledTurns(): string[] {
  const turns: string[] = [];
  for (const file of ['tests/fixtures/questions/labelled.tsv', 'tests/fixtures/questions/held-out.tsv']) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cells = line.split('\t');
      if (cells[0] === 'closed' || cells[0] === 'leading') turns.push(cells.at(-1) ?? '');
    }
  }
  return turns.filter(Boolean);
}
const TRICKY = [
  'Do you want to talk about your career or your team?',
  'Are you happy with that or would you rather change it?',
  'Do you want to quit your job?',
  'Do you need to ask for more budget?',
  'Do you plan to go back to studying?',
  'Did you tell Sam about the move?',
  'Have you talked to your manager yet?',
  'Did she mention it to HR already?',
  'Do you like your new role or not?',
  'Do you enjoy teaching?',
  'Is it the workload or the people?',
  'Would you rather stay or leave?',
  'Are you worried about the launch or about the team?',
  'Did the presentation go well?',
  'Were you nervous?',
  'Have you tried delegating it?',
  "Don't you think you should say no?",
  'Can you finish it by Friday?',
  'Should you tell them first, or wait?',
];

const BASE_VERBS =
  /\babout (talk|go|quit|ask|tell|get|make|take|start|stop|change|try|be|do|have|stay|leave|move|work|say|see|find)\b/;
const LOOSE_ENDINGS = /\b(the|a|an|your|my|yet|already|and|or|but|to|of|with the|about the)\?$/;

/** What makes a rewrite broken English: each problem found, none for a good one. */
function grammarProblems(text: string): string[] {
  const problems: string[] = [];
  if (!/^[A-Z]/.test(text)) problems.push('starts without a capital');
  if (!/[^?]\?$/.test(text)) problems.push('does not end with one question mark');
  if (/\s(or|rather)\s/i.test(text)) problems.push('keeps an either/or');
  if (/\b(\w+) \1\b/i.test(text)) problems.push('repeats a word');
  if (BASE_VERBS.test(text)) problems.push('puts a bare verb after "about"');
  if (LOOSE_ENDINGS.test(text)) problems.push('ends on a loose word');
  const check = classifyQuestion(text);
  if (check.kind !== 'open' || check.stacked) problems.push(`is itself ${check.stacked ? 'stacked' : check.kind}`);
  return problems;
}

describe('the open rewrites the checker suggests', () => {
  const turns = [...labelledTurns(), ...TRICKY];

  it('are checked on every closed and leading turn of the labelled sets', () => {
    expect(turns.length).toBeGreaterThan(150);
  });

  it.each(turns)('reads as good English for “%s”', (turn) => {
    const { suggestion } = classifyQuestion(turn);
    if (suggestion === undefined) return;
    expect(grammarProblems(suggestion)).toEqual([]);
  });

  it.each([
    ['Do you want to talk about your career or your team?', 'What would you like to talk about?'],
    ['Are you happy with that or would you rather change it?', 'How do you feel about that?'],
    ['Do you want to quit your job?', 'What would you like to do about your job?'],
    ['Did you tell Sam about the move?', 'How did that conversation go?'],
    ['Have you talked to your manager yet?', 'How did the conversation with your manager go?'],
  ])('rewrites “%s” as “%s”', (turn, rewrite) => {
    expect(classifyQuestion(turn).suggestion).toBe(rewrite);
  });

  it('catches the broken forms it guards against', () => {
    expect(grammarProblems('What would you like to do about talk about your career?')).toContain(
      'puts a bare verb after "about"',
    );
    expect(grammarProblems('How do you feel about that or would you rather change it?')).toContain(
      'keeps an either/or',
    );
    expect(grammarProblems('How did the conversation with hr yet go?')).toEqual([]);
    expect(grammarProblems('How did the conversation with your manager yet?')).toContain('ends on a loose word');
  });
});
