import { UserFacingError } from '../errors';
export type SummaryFailure =
  | 'bad-key'
  | 'rate-limit'
  | 'offline'
  | 'timeout'
  | 'malformed'
  | 'model-not-found'
  | 'server'
  | 'cancelled'
  | 'refused';

const SENTENCES: Record<SummaryFailure, string> = {
  'bad-key': 'The summary service did not accept your API key. Check the key in Settings and try again.',
  'rate-limit': 'The summary service is busy or your plan’s limit is reached. Wait a minute and try again.',
  offline:
    'Attune could not reach the summary service. Check your connection or that your local model is running, then try again.',
  timeout: 'The summary service took too long to answer. Try again, or choose a faster model.',
  malformed: 'The model’s answer was not a usable summary. Try again, or choose another model.',
  'model-not-found': 'The summary service does not have that model. Check the model name in Settings.',
  server: 'The summary service had a problem on its side. Try again in a moment.',
  cancelled: 'The summary was cancelled. Nothing was saved.',
  refused: 'The summary service refused the request. Check the endpoint and model in Settings.',
};

/** Why a summary could not be made. The message never contains the key or the session text. */
export class SummaryError extends UserFacingError {
  override readonly name = 'SummaryError';
  constructor(readonly failure: SummaryFailure) {
    super(`${SENTENCES[failure]} Your session is unchanged.`);
  }
}
