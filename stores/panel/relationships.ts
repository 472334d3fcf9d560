import { defineStore } from 'pinia';
import { errorSentence } from '@/utils/errors';
import { ref, shallowRef } from 'vue';
import type { RelationshipRecord, RelationshipStage } from '@/utils/db/types';
import { acknowledgeAgreement, editAgreement, type AgreementTextField } from '@/utils/relationships/agreement';
import { useServices } from '@/utils/services';
import { isArchived, unarchiveRelationship } from '@/utils/relationships/manage';
import {
  newRelationship,
  sameRelationshipNames,
  type NewRelationshipInput,
} from '@/utils/relationships/new-relationship';

/** The mentoring relationships on this computer, most recently used first. */
export const useRelationshipsStore = defineStore('relationships', () => {
  const list = shallowRef<RelationshipRecord[]>([]);
  const error = ref<string | null>(null);
  const need = useServices();

  function fail(e: unknown) {
    error.value = errorSentence(e, 'Attune could not load your relationships. Try again.');
  }

  async function load() {
    const repo = need('relationships');
    try {
      list.value = await repo.list();
      error.value = null;
    } catch (e) {
      fail(e);
    }
  }

  // A create under way, so that a second click while it is saved waits for the same record.
  let creating: Promise<RelationshipRecord | null> | null = null;

  /**
   * Creates a relationship, or gives back the existing one with the same two names (a second
   * click, or a pair created before; archived, it is brought back): one relationship per pair,
   * never an identical twin. Null
   * (with `error` set) when the input or storage refuses it.
   */
  async function create(
    input: NewRelationshipInput,
    deps: { now: number; id: string } = { now: need('now')(), id: crypto.randomUUID() },
  ): Promise<RelationshipRecord | null> {
    const store = need('relationships');
    if (creating) await creating;
    const work = (async () => {
      try {
        const found = (await store.list()).find((r) => sameRelationshipNames(r, input));
        if (found) {
          // The pair archived when they moved on, meeting again: the same relationship, back in the list.
          const existing = isArchived(found) ? unarchiveRelationship(found, deps.now) : found;
          if (existing !== found) await store.put(existing);
          list.value = [existing, ...list.value.filter((r) => r.id !== existing.id)];
          error.value = null;
          return existing;
        }
        const rel = newRelationship(input, deps);
        await store.put(rel);
        list.value = [rel, ...list.value];
        error.value = null;
        return rel;
      } catch (e) {
        fail(e);
        return null;
      }
    })();
    creating = work;
    try {
      return await work;
    } finally {
      if (creating === work) creating = null;
    }
  }

  /** Marks a relationship as just used, so it is suggested first next time. */
  async function touch(id: string, now: number) {
    const rel = list.value.find((r) => r.id === id);
    const repo = need('relationships');
    if (!rel) return;
    const updated = { ...rel, updatedAt: now };
    try {
      await repo.put(updated);
      list.value = [updated, ...list.value.filter((r) => r.id !== id)];
    } catch (e) {
      fail(e);
    }
  }

  async function change(
    id: string,
    now: number,
    edit: (rel: RelationshipRecord) => RelationshipRecord,
  ): Promise<boolean> {
    const rel = list.value.find((r) => r.id === id);
    const repo = need('relationships');
    if (!rel) return false;
    const updated = { ...edit(rel), updatedAt: now };
    try {
      await repo.put(updated);
      list.value = list.value.map((r) => (r.id === id ? updated : r));
      error.value = null;
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  }

  /** Saves the agreement's text; changed words clear earlier acknowledgements. */
  function saveAgreement(id: string, text: Partial<Record<AgreementTextField, string>>, now: number) {
    return change(id, now, (rel) => ({ ...rel, agreement: editAgreement(rel.agreement, text) }));
  }

  /** One of the two people acknowledges the agreement as it now reads. */
  function acknowledge(id: string, name: string, now: number) {
    return change(id, now, (rel) => ({ ...rel, agreement: acknowledgeAgreement(rel.agreement, name, now) }));
  }

  /** Moves the relationship to another of its stages (seed 002). */
  function setStage(id: string, stage: RelationshipStage, now: number) {
    return change(id, now, (rel) => ({ ...rel, stage }));
  }

  return { list, error, load, create, touch, saveAgreement, acknowledge, setStage };
});
