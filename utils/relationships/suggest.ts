import type { RelationshipRecord } from '../db/types';

export interface CallClues {
  title: string | null;
  selfName: string | null;
}

function words(text: string): Set<string> {
  return new Set(
    text
      .toLocaleLowerCase()
      .split(/[^\p{L}\p{N}'-]+/u)
      .filter((w) => w.length > 1),
  );
}

function nameMatches(name: string, titleWords: Set<string>): number {
  const parts = [...words(name)];
  if (parts.length === 0) return 0;
  const hits = parts.filter((p) => titleWords.has(p)).length;
  // A full name counts more than a first name alone.
  return hits === parts.length ? 2 : hits > 0 ? 1 : 0;
}

/**
 * The relationship this call most likely belongs to, from the meeting title (the mentee's or
 * mentor's name in it) and the local user's name; null when nothing points to one. Ties go to
 * the relationship used most recently.
 */
export function suggestRelationship(relationships: RelationshipRecord[], clues: CallClues): RelationshipRecord | null {
  const titleWords = words(clues.title ?? '');
  const self = clues.selfName?.toLocaleLowerCase().trim() ?? '';
  let best: { rel: RelationshipRecord; score: number } | null = null;
  for (const rel of relationships) {
    let score = nameMatches(rel.menteeName, titleWords) * 2 + nameMatches(rel.mentorName, titleWords);
    if (score === 0) continue;
    if (self && (rel.mentorName.toLocaleLowerCase() === self || rel.menteeName.toLocaleLowerCase() === self))
      score += 1;
    if (!best || score > best.score || (score === best.score && rel.updatedAt > best.rel.updatedAt))
      best = { rel, score };
  }
  return best?.rel ?? null;
}
