// What one caption message may carry, shared by the content scripts that send and the panel that
// validates: a content script never sends what the panel would refuse.

/** An utterance is a turn of speech; a monologue of a few minutes fits, a runaway block is split. */
export const MAX_UTTERANCE_TEXT = 10_000;
export const MAX_UTTERANCES_A_MESSAGE = 100;
