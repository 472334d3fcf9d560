export * from './types';
export { SummaryError, type SummaryFailure } from './errors';
export { redact, type RedactOptions } from './redact';
export { buildSummaryRequest, materialText, type SummaryRequest, type ChatMessage } from './prompt';
export { parseSummary, SUMMARY_JSON_SCHEMA } from './parse';
export { createSummaryClient, type SummaryClient, type SummaryClientOptions } from './client';
