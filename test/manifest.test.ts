// manifest.yml against Slack's published app manifest JSON schema (draft-07), plus what the bot needs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXPLAIN_CALLBACK_ID, SLASH_COMMANDS } from '../src/slack/ids.js';

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));

interface Manifest {
  display_information: { name: string; long_description?: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean; messages_tab_read_only_enabled?: boolean };
    bot_user: { display_name: string };
    slash_commands: Array<{ command: string; description: string; usage_hint?: string; url?: string }>;
    shortcuts: Array<{ name: string; type: string; callback_id: string }>;
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
    org_deploy_enabled: boolean;
  };
}

let manifest: Manifest;

beforeAll(() => {
  manifest = parse(readFileSync(root('manifest.yml'), 'utf8')) as Manifest;
});

describe('manifest.yml', () => {
  it("validates against Slack's manifest schema", () => {
    const schema = JSON.parse(readFileSync(root('test/fixtures/slack/manifest.schema.1.0.0.json'), 'utf8')) as object;
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addFormat('uri', (s: string) => {
      try {
        new URL(s);
        return true;
      } catch {
        return false;
      }
    });
    // Slack's schema uses a non-standard `regex` keyword (e.g. background_color); enforce it too.
    ajv.addKeyword({
      keyword: 'regex',
      type: 'string',
      schemaType: 'string',
      validate: (pattern: string, data: string) => new RegExp(pattern).test(data),
    });
    const validate = ajv.compile(schema);
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check is real: a broken manifest fails it', () => {
    const schema = JSON.parse(readFileSync(root('test/fixtures/slack/manifest.schema.1.0.0.json'), 'utf8')) as object;
    const ajv = new Ajv({ strict: false, validateFormats: false });
    const validate = ajv.compile(schema);
    expect(validate({ ...manifest, display_information: { name: 'ParamCount', long_description: 'too short' } })).toBe(
      false,
    );
    expect(validate({ ...manifest, features: { ...manifest.features, unknown_feature: true } })).toBe(false);
  });

  it('is named ParamCount', () => {
    expect(manifest.display_information.name).toBe('ParamCount');
    expect(manifest.features.bot_user.display_name).toBe('ParamCount');
  });

  it('declares /lstm /gru /rnn /params /transformer with usage hints, exactly the commands the app registers', () => {
    const commands = manifest.features.slash_commands.map((c) => c.command);
    expect(commands).toEqual(['/lstm', '/gru', '/rnn', '/params', '/transformer']);
    expect([...SLASH_COMMANDS]).toEqual(commands);
    for (const c of manifest.features.slash_commands) {
      expect(c.description.length).toBeGreaterThan(10);
      expect(c.usage_hint?.length ?? 0).toBeGreaterThan(3);
    }
  });

  it('declares the message shortcut the app listens for', () => {
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ type: 'message', callback_id: EXPLAIN_CALLBACK_ID, name: 'Explain parameter counts' }),
    ]);
  });

  it('asks for the least scopes: commands, chat:write, app_mentions:read, im:history, users:read and nothing else', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'app_mentions:read',
      'chat:write',
      'commands',
      'im:history',
      'users:read',
    ]);
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
  });

  it('subscribes to app_mention, message.im and app_home_opened', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'message.im',
    ]);
  });

  it('turns on Socket Mode, interactivity, the Home tab and the Messages tab; no org deploy', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.org_deploy_enabled).toBe(false);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).not.toBe(true);
  });
});

describe('.env.example', () => {
  it('lists every variable the config reads', () => {
    const text = readFileSync(root('.env.example'), 'utf8');
    for (const name of [
      'SLACK_BOT_TOKEN',
      'SLACK_APP_TOKEN',
      'SLACK_SIGNING_SECRET',
      'PORT',
      'SLACK_API_URL',
      'LOG_LEVEL',
    ]) {
      expect(text).toMatch(new RegExp(`^${name}=`, 'm'));
    }
    // No real-looking secrets committed.
    expect(text).not.toMatch(/xox[a-z]-[A-Za-z0-9]|xapp-[A-Za-z0-9]/);
  });
});
