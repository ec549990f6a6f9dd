// Explicit bounds, checked before any work is done. No real model comes near them;
// each error message quotes the bound it hit (see README "Limits").

/** Characters in one query (a pasted model or summary included). Slack caps a message at 40,000. */
export const MAX_QUERY_CHARS = 100_000;
/** Lines in one query. */
export const MAX_QUERY_LINES = 5_000;
/** Largest size (input, units, vocabulary, channels...) accepted: 10^12. */
export const MAX_SIZE = 1_000_000_000_000n;
/** Digits in any integer literal before it is even converted. */
export const MAX_DIGITS = 13;
/** Stacked layers in one recurrent layer (num_layers / layers=N). */
export const MAX_STACKED_LAYERS = 1_000;
/** Layers in one pasted model. */
export const MAX_MODEL_LAYERS = 2_000;
/** Bracket nesting depth in pasted code. */
export const MAX_NESTING = 64;
/** Tokens in pasted code. */
export const MAX_TOKENS = 200_000;
