// The work limits every door shares (README "Limits"). Kept apart so the CLI can read them without
// loading the configuration's dependencies.

/** How long one answer may work before its worker is stopped (ms); ANSWER_DEADLINE_MS overrides it for `npm start`. */
export const DEFAULT_ANSWER_DEADLINE_MS = 2000;
/** Largest rendered answer handed back to a door (UTF-8 bytes). */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
/** Heap one worker may use; a question that needs more is stopped like a slow one. */
export const WORKER_HEAP_MB = 512;
