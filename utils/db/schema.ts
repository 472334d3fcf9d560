import type { DBSchema, IDBPDatabase } from 'idb';
import type { CommitmentRecord, CommitmentStatus, RelationshipRecord, SessionRecord } from './types';

export const DB_NAME = 'attune';

export interface AttuneSchema extends DBSchema {
  relationships: {
    key: string;
    value: RelationshipRecord;
    indexes: { 'by-updated': number };
  };
  sessions: {
    key: string;
    value: SessionRecord;
    indexes: { 'by-relationship': string; 'by-started': number; 'by-checkpoint': number };
  };
  commitments: {
    key: string;
    value: CommitmentRecord;
    indexes: {
      'by-session': string;
      'by-relationship': string;
      'by-status': CommitmentStatus;
      'by-relationship-status': [string, CommitmentStatus];
      'by-updated': number;
    };
  };
  /** Derived data that can always be rebuilt from the stores above (since schema version 6). */
  caches: {
    key: string;
    value: CacheRecord;
  };
}

/** A cached, rebuildable view of the data, stamped with what it was built from. */
export interface CacheRecord {
  id: string;
  /** Which shape `data` has; a cache of another version is rebuilt. */
  version: number;
  fingerprint: string;
  builtAt: number;
  /** JSON text: one string clones far faster out of IndexedDB than thousands of objects. */
  data: string;
}

export type AttuneDb = IDBPDatabase<AttuneSchema>;
