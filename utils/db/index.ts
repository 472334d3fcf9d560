export * from './types';
export * from './schema';
export * from './errors';
export { openAttuneDb } from './open';
export { DB_VERSION } from './migrations';
export { createIdbSessionRepo, type SessionRepo, type SessionCheckpoint } from './session-repo';
export { createIdbRelationshipRepo, type RelationshipRepo } from './relationship-repo';
export { createIdbCommitmentRepo, type CommitmentRepo } from './commitment-repo';
export { createIdbHistoryRepo, type HistoryRepo, type HistoryBundle, type MergeCounts } from './history-repo';
