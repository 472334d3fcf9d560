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
    indexes: { 'by-relationship': string; 'by-started': number };
  };
  commitments: {
    key: string;
    value: CommitmentRecord;
    indexes: {
      'by-session': string;
      'by-relationship': string;
      'by-status': CommitmentStatus;
      'by-relationship-status': [string, CommitmentStatus];
    };
  };
}

export type AttuneDb = IDBPDatabase<AttuneSchema>;
