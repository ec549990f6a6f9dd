import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { DEFAULT_HF_ENDPOINT, readHubConfig } from '../../src/hub/config.js';

describe('HF_ENDPOINT and HF_TOKEN', () => {
  it('default to the public Hub and no token', () => {
    expect(readHubConfig({})).toEqual({ ok: true, config: { endpoint: DEFAULT_HF_ENDPOINT, token: undefined } });
    expect(readHubConfig({ HF_ENDPOINT: '  ', HF_TOKEN: '' })).toEqual({
      ok: true,
      config: { endpoint: DEFAULT_HF_ENDPOINT, token: undefined },
    });
  });
  it('an endpoint loses its trailing slashes; a token is kept', () => {
    expect(readHubConfig({ HF_ENDPOINT: 'https://hf-mirror.example/', HF_TOKEN: 'hf_abc' })).toEqual({
      ok: true,
      config: { endpoint: 'https://hf-mirror.example', token: 'hf_abc' },
    });
  });
  it('bad values are named, never quoted', () => {
    const r = readHubConfig({ HF_ENDPOINT: 'ftp://secret-host', HF_TOKEN: 'two words' });
    expect(r.ok).toBe(false);
    const text = !r.ok ? r.problems.join(' ') : '';
    expect(text).toContain('HF_ENDPOINT');
    expect(text).toContain('HF_TOKEN');
    expect(text).not.toContain('secret-host');
    expect(text).not.toContain('two words');
  });
  it('loadConfig refuses a bad HF_ENDPOINT at start-up', () => {
    expect(() => loadConfig({ HF_ENDPOINT: 'not a url' })).toThrow(ConfigError);
    expect(loadConfig({ HF_ENDPOINT: 'http://127.0.0.1:9' }).mode).toBe('console');
  });
});
