import type { Cue, Stage } from './types';

const MS_PER_MINUTE = 60_000;

/**
 * The stages with today's minutes: where the session keeps a plan for this very model, each stage
 * the plan gave minutes takes them; the others, and every stage without such a plan, keep the
 * model's own. The stepper's suggestion and the timed cues then follow the plan set before the call.
 */
export function stagesForToday<S extends Pick<Stage, 'id' | 'defaultMinutes'>>(
  modelId: string,
  stages: readonly S[],
  plan: { modelId: string; stageMinutes: Readonly<Record<string, number>> } | null | undefined,
): S[] {
  if (!plan || plan.modelId !== modelId) return [...stages];
  return stages.map((s) => {
    const minutes = plan.stageMinutes[s.id];
    return minutes === undefined ? s : { ...s, defaultMinutes: minutes };
  });
}

/** Minutes planned for the whole session: the sum of the stages' planned minutes. */
export function plannedMinutes(stages: Pick<Stage, 'defaultMinutes'>[]): number {
  return stages.reduce((sum, s) => sum + (s.defaultMinutes ?? 0), 0);
}

/**
 * The stage the session plan says the conversation should be in after `elapsedMs`: stages take
 * their planned minutes in order; past the end of the plan, the last stage.
 */
export function stageByClock(stages: Pick<Stage, 'id' | 'defaultMinutes'>[], elapsedMs: number): string | null {
  if (stages.length === 0) return null;
  let end = 0;
  for (const stage of stages) {
    end += (stage.defaultMinutes ?? 0) * MS_PER_MINUTE;
    if (elapsedMs < end) return stage.id;
  }
  return stages[stages.length - 1]?.id ?? null;
}

// How long a cue stays up once it is due.
const CUE_SHOW_MS = 2 * MS_PER_MINUTE;

/** The cue due at this moment of the session, if any (dismissed ones excluded). */
export function dueCue(
  cues: Cue[],
  elapsedMs: number,
  planMinutes: number,
  dismissed: ReadonlySet<string>,
): Cue | null {
  for (const cue of cues) {
    if (dismissed.has(cue.id)) continue;
    if (cue.at === 'start' && elapsedMs < CUE_SHOW_MS) return cue;
    if (cue.at === 'before-end') {
      const from = (planMinutes - (cue.minutes ?? 10)) * MS_PER_MINUTE;
      if (elapsedMs >= from && elapsedMs < planMinutes * MS_PER_MINUTE) return cue;
    }
    if (cue.at === 'every-minutes' && cue.minutes) {
      const period = cue.minutes * MS_PER_MINUTE;
      if (elapsedMs >= period && elapsedMs % period < CUE_SHOW_MS) return cue;
    }
  }
  return null;
}

/** `count` prompts starting at `offset`, wrapping round, pinned ones first. */
export function promptWindow<T extends { id: string }>(
  questions: T[],
  offset: number,
  count: number,
  pinned: ReadonlySet<string>,
): T[] {
  const pinnedFirst = questions.filter((q) => pinned.has(q.id));
  const rest = questions.filter((q) => !pinned.has(q.id));
  const out = [...pinnedFirst];
  for (let i = 0; out.length < count && i < rest.length; i += 1) {
    const q = rest[(((offset + i) % rest.length) + rest.length) % rest.length];
    if (q) out.push(q);
  }
  return out.slice(0, Math.max(count, pinnedFirst.length));
}
