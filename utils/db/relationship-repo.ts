import { withDbErrors } from './errors';
import type { AttuneDb } from './schema';
import type { RelationshipRecord } from './types';

export interface RelationshipRepo {
  get(id: string): Promise<RelationshipRecord | null>;
  put(record: RelationshipRecord): Promise<void>;
  /** Most recently updated first. */
  list(): Promise<RelationshipRecord[]>;
}

export function createIdbRelationshipRepo(db: AttuneDb): RelationshipRepo {
  return withDbErrors({
    async get(id) {
      return (await db.get('relationships', id)) ?? null;
    },
    async put(record) {
      await db.put('relationships', record);
    },
    async list() {
      return (await db.getAllFromIndex('relationships', 'by-updated')).reverse();
    },
  });
}
