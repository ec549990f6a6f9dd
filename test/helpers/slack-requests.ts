// Real Slack-signed requests (v0 HMAC-SHA256 over `v0:<timestamp>:<raw body>`) and payload builders.
import { createHmac } from 'node:crypto';

export function slackSignature(secret: string, timestamp: number, rawBody: string): string {
  return 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex');
}

export interface SignedPostOptions {
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Overrides the computed signature (forgery tests). */
  signature?: string;
  contentType?: string;
}

export async function signedPost(
  url: string,
  secret: string,
  rawBody: string,
  options: SignedPostOptions = {},
): Promise<{ status: number; contentType: string; body: string }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': options.contentType ?? 'application/x-www-form-urlencoded',
      'X-Slack-Request-Timestamp': String(timestamp),
      'X-Slack-Signature': options.signature ?? slackSignature(secret, timestamp, rawBody),
    },
    body: rawBody,
  });
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.text() };
}

export function slashCommandBody(command: string, text: string, responseUrl: string): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T0001',
    team_domain: 'example',
    channel_id: 'C0001',
    channel_name: 'general',
    user_id: 'U0001',
    user_name: 'alice',
    command,
    text,
    api_app_id: 'A0001',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '1.2.3',
  };
}

export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

export function blockActionPayload(actionId: string, value: string, responseUrl: string): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: 'U0001', username: 'alice', name: 'alice', team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: '1700000000.000001', channel_id: 'C0001', is_ephemeral: true },
    trigger_id: '1.2.4',
    team: { id: 'T0001', domain: 'example' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: 'C0001', name: 'general' },
    response_url: responseUrl,
    actions: [
      {
        action_id: actionId,
        block_id: 'paramcount_actions',
        text: { type: 'plain_text', text: 'button' },
        value,
        type: 'button',
        action_ts: '1700000002.000001',
      },
    ],
  };
}

export function messageShortcutPayload(
  text: string,
  responseUrl: string,
  ts = '1700000100.000100',
): Record<string, unknown> {
  return {
    type: 'message_action',
    token: 'legacy-verification-token',
    action_ts: '1700000200.000001',
    team: { id: 'T0001', domain: 'example' },
    user: { id: 'U0001', name: 'alice', team_id: 'T0001' },
    channel: { id: 'C0001', name: 'general' },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: 'explain_parameter_counts',
    trigger_id: '1.2.5',
    response_url: responseUrl,
    message_ts: ts,
    message: { type: 'message', user: 'U0002', ts, text },
  };
}

export function eventCallback(event: Record<string, unknown>, eventId: string): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T0001',
    api_app_id: 'A0001',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1700000000,
    authorizations: [
      { enterprise_id: null, team_id: 'T0001', user_id: 'UBOT', is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
  };
}

/** Every action element with this action_id found in a Block Kit message. */
export function findButtons(
  blocks: unknown,
  actionId: string,
): Array<{ action_id: string; value?: string; text?: { text: string } }> {
  const found: Array<{ action_id: string; value?: string; text?: { text: string } }> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.action_id === actionId) found.push(o as never);
      Object.values(o).forEach(walk);
    }
  };
  walk(blocks);
  return found;
}

/** Keys whose values are never shown to a reader (ids, types, button payloads). */
const HIDDEN_KEYS = new Set(['value', 'action_id', 'block_id', 'type', 'style', 'url']);

/** Everything a user could read in a message: its text and every displayed string inside its blocks. */
export function messageText(body: Record<string, unknown>): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === 'string') parts.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) if (!HIDDEN_KEYS.has(k)) walk(v);
    }
  };
  walk(body.text);
  walk(body.blocks);
  return parts.join('\n');
}
