// The backup's reader and writer are not re-exported here: they bring the import schemas (zod),
// which the dashboard loads only when a backup is made or read (import from './backup').
export * from './types';
export * from './digest';
export * from './filters';
export * from './search';
export * from './trends';
export * from './report';
export * from './retention';
export * from './history-cache';
export * from './trend-buckets';
export * from './trend-axis';
export * from './overview';
export * from './refresh';
export * from './history-index';
