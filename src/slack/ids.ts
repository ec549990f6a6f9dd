// Identifiers shared by manifest.yml, the listeners and the renderers' buttons.

/** The slash commands declared in manifest.yml; each one is answered by the same pipeline. */
export const SLASH_COMMANDS = ['/lstm', '/gru', '/rnn', '/params', '/transformer'] as const;

/** Button action_ids rendered by src/render/blocks.ts. */
export const SHARE_ACTION_ID = 'paramcount_share';
export const COMPARE_ACTION_ID = 'paramcount_compare';
export const DETAILS_ACTION_ID = 'paramcount_details';
export const MORE_ACTION_ID = 'paramcount_more';

/** The message shortcut's callback_id. */
export const EXPLAIN_CALLBACK_ID = 'explain_parameter_counts';
