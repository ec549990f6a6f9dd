// keras.applications: the entry points. `kerasApplicationCall` takes a call as a code reader evaluated
// it; `kerasApplication` takes the arguments already typed.
export type { ApplicationArgs } from './common.js';
export type { PythonValue } from './call.js';
export type { ApplicationResult } from './registry.js';
export { kerasApplicationCall } from './call.js';
export { KERAS_APPLICATION_NAMES, kerasApplication, kerasApplicationSignature } from './registry.js';
