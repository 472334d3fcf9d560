import { toDbError } from './errors';
import type { AttuneDb } from './schema';
import type { RelationshipRecord } from './types';

export interface RelationshipRepo {
  get(id: string): Promise<RelationshipRecord | null>;
  put(record: RelationshipRecord): Promise<void>;
  /** Most recently updated first. */
  list(): Promise<RelationshipRecord[]>;
}

export function createIdbRelationshipRepo(db: AttuneDb): RelationshipRepo {
  return {
    async get(id) {
      try {
        return (await db.get('relationships', id)) ?? null;
      } catch (error) {
        throw toDbError(error);
      }
    },
    async put(record) {
      try {
        await db.put('relationships', record);
      } catch (error) {
        throw toDbError(error);
      }
    },
    async list() {
      try {
        return (await db.getAllFromIndex('relationships', 'by-updated')).reverse();
      } catch (error) {
        throw toDbError(error);
      }
    },
  };
}
