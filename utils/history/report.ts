import type { MentoringModel } from '../frameworks/types';
import type { PromptUse, QuestionTallies, SessionRecord, StageMark, TalkTimeMinute } from '../db/types';

export interface StageSpan {
  stageId: string;
  name: string;
  from: number;
  to: number;
  /** Share of the session's length, 0..1. */
  share: number;
}

function stageName(stageId: string, model: MentoringModel | null): string {
  return model?.stages.find((s) => s.id === stageId)?.name ?? stageId;
}

/** The stage timeline as spans from each mark to the next (the last runs to the session's end). */
export function stageSpans(
  timeline: readonly StageMark[],
  startedAt: number,
  endedAt: number,
  model: MentoringModel | null,
): StageSpan[] {
  const total = Math.max(1, endedAt - startedAt);
  return timeline.map((mark, i) => {
    const to = Math.max(mark.at, timeline[i + 1]?.at ?? endedAt);
    return {
      stageId: mark.stageId,
      name: stageName(mark.stageId, model),
      from: mark.at,
      to,
      share: (to - mark.at) / total,
    };
  });
}

export interface QuestionMixRow {
  kind: 'open' | 'closed' | 'leading';
  label: string;
  count: number;
  share: number;
}

/** Open, closed and leading questions with their shares; stacked ones are counted apart. */
export function questionMix(tallies: QuestionTallies): QuestionMixRow[] {
  const total = tallies.open + tallies.closed + tallies.leading;
  const row = (kind: QuestionMixRow['kind'], label: string, count: number): QuestionMixRow => ({
    kind,
    label,
    count,
    share: total === 0 ? 0 : count / total,
  });
  return [
    row('open', 'Open', tallies.open),
    row('closed', 'Closed', tallies.closed),
    row('leading', 'Leading', tallies.leading),
  ];
}

export interface TalkMinuteBar extends TalkTimeMinute {
  /** The mentor's share of the talk in this minute; null in a silent minute. */
  mentorShare: number | null;
}

export function talkMinuteBars(timeline: readonly TalkTimeMinute[]): TalkMinuteBar[] {
  return timeline.map((m) => {
    const talk = m.mentorSeconds + m.menteeSeconds;
    return { ...m, mentorShare: talk === 0 ? null : m.mentorSeconds / talk };
  });
}

export interface PromptLine {
  text: string;
  stageName: string;
  at: number;
}

/** The prompts the mentor marked as asked, in words when the model still has them. */
export function promptLines(prompts: readonly PromptUse[], model: MentoringModel | null): PromptLine[] {
  return prompts.map((p) => {
    const question = model?.stages.flatMap((s) => s.questions).find((q) => q.id === p.questionId);
    return {
      text: question?.text ?? `A question no longer in the model (${p.questionId})`,
      stageName: stageName(p.stageId, model),
      at: p.at,
    };
  });
}

/** When a session ended, or its last save when it never saw its end (a crash). */
export function sessionEnd(session: Pick<SessionRecord, 'endedAt' | 'lastCheckpointAt' | 'startedAt'>): number {
  return Math.max(session.startedAt, session.endedAt ?? session.lastCheckpointAt);
}
