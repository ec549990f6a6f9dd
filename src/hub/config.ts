// HF_ENDPOINT and HF_TOKEN, the Hugging Face Hub's own variable names, validated with zod.
// Read at call time (the Hub step runs in whichever process answers), never logged.
import { z } from 'zod';

export const DEFAULT_HF_ENDPOINT = 'https://huggingface.co';

export interface HubConfig {
  /** Base URL without a trailing slash. */
  endpoint: string;
  /** Bearer token for gated repositories, or undefined. */
  token: string | undefined;
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const HubEnvSchema = z.object({
  HF_ENDPOINT: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .refine(
        (value) => {
          try {
            const url = new URL(value);
            return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
          } catch {
            return false;
          }
        },
        { message: 'HF_ENDPOINT must be an http(s) URL without credentials, such as https://huggingface.co' },
      )
      .optional(),
  ),
  HF_TOKEN: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^[\x21-\x7e]+$/, { message: 'HF_TOKEN must be one word of printable characters (hf_...)' })
      .optional(),
  ),
});

export type HubConfigResult = { ok: true; config: HubConfig } | { ok: false; problems: string[] };

/** Pure: give it process.env or any record. Problems name the variable, never its value. */
export function readHubConfig(env: Record<string, string | undefined>): HubConfigResult {
  const parsed = HubEnvSchema.safeParse({ HF_ENDPOINT: env.HF_ENDPOINT, HF_TOKEN: env.HF_TOKEN });
  if (!parsed.success) return { ok: false, problems: [...new Set(parsed.error.issues.map((i) => i.message))] };
  let endpoint = parsed.data.HF_ENDPOINT ?? DEFAULT_HF_ENDPOINT;
  while (endpoint.endsWith('/')) endpoint = endpoint.slice(0, -1);
  return { ok: true, config: { endpoint, token: parsed.data.HF_TOKEN } };
}
