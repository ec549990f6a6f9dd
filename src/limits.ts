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

// The work budget: bounds on how much one answer may count and print, checked before the work.
/** Layer rows in one model: each layer counts 1, a recurrent layer its stacked layers x directions. */
export const MAX_MODEL_ROWS = 10_000;
/** Largest total parameter count I report; past it the sizes are typos, not models. */
export const MAX_TOTAL_PARAMS = 10n ** 48n;
/** Rows of one rendered table (a layer's tensors or its per-layer stack); the rest are summarised. */
export const MAX_TABLE_ROWS = 40;
/** Characters of terminal text for one answer; the CLI's `--json` has every layer. */
export const MAX_TEXT_CHARS = 200_000;
/** Follow-up messages the "All layer derivations" button posts. */
export const MAX_DETAIL_MESSAGES = 3;
