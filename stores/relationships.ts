import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { RelationshipRecord } from '@/utils/db/types';
import type { RelationshipRepo } from '@/utils/db/relationship-repo';
import { DbError } from '@/utils/db/errors';
import { newRelationship, RelationshipInputError, type NewRelationshipInput } from '@/utils/relationships/new-relationship';

export function relationshipLabel(rel: Pick<RelationshipRecord, 'mentorName' | 'menteeName'>): string {
  return `${rel.mentorName} & ${rel.menteeName}`;
}

/** The mentoring relationships on this computer, most recently used first. */
export const useRelationshipsStore = defineStore('relationships', () => {
  const list = shallowRef<RelationshipRecord[]>([]);
  const error = ref<string | null>(null);
  let repo: RelationshipRepo | null = null;

  function connect(relationships: RelationshipRepo) {
    repo = relationships;
  }

  function fail(e: unknown) {
    error.value = e instanceof DbError || e instanceof RelationshipInputError ? e.message : 'Attune could not load your relationships. Try again.';
  }

  async function load() {
    if (!repo) return;
    try {
      list.value = await repo.list();
      error.value = null;
    } catch (e) {
      fail(e);
    }
  }

  /** Creates a relationship; null (with `error` set) when the input or storage refuses it. */
  async function create(input: NewRelationshipInput, deps: { now: number; id: string } = { now: Date.now(), id: crypto.randomUUID() }): Promise<RelationshipRecord | null> {
    if (!repo) return null;
    try {
      const rel = newRelationship(input, deps);
      await repo.put(rel);
      list.value = [rel, ...list.value];
      error.value = null;
      return rel;
    } catch (e) {
      fail(e);
      return null;
    }
  }

  /** Marks a relationship as just used, so it is suggested first next time. */
  async function touch(id: string, now: number) {
    const rel = list.value.find((r) => r.id === id);
    if (!repo || !rel) return;
    const updated = { ...rel, updatedAt: now };
    try {
      await repo.put(updated);
      list.value = [updated, ...list.value.filter((r) => r.id !== id)];
    } catch (e) {
      fail(e);
    }
  }

  return { list, error, connect, load, create, touch };
});
