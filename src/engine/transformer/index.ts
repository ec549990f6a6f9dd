// Transformers and Hugging Face models: spec (zod), family readers for config.json, the counter.
export * from './spec.js';
export * from './count.js';
export * from './families.js';
