import http from 'node:http';
import https from 'node:https';
import { Webhook } from 'standardwebhooks';
import { hostOf, type WebhookTargetPolicy } from './webhook-target.js';

/** Bounds of one webhook call. */
export const WEBHOOK_CALL = { timeoutMs: 10_000, maxResponseBytes: 64 * 1024 } as const;

export interface WebhookMessage {
  /** `webhook-id`: the same for every attempt of one message, so that the receiver can deduplicate. */
  id: string;
  body: string;
  /** The secrets to sign with (the current one, and the previous one during a rotation). */
  secrets: readonly string[];
}

/** What one attempt came to: a 2xx acknowledgement, or why not. */
export type WebhookOutcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/**
 * POSTs one message to `url`, signed by the Standard Webhooks scheme (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature` with one `v1,` signature per secret). Redirects are not
 * followed (a 3xx is a failure), the call is abandoned after 10 s, at most 64 KiB of the answer is
 * read, and the target's addresses are checked by `policy` when connecting.
 */
export async function sendWebhook(url: string, message: WebhookMessage, policy: WebhookTargetPolicy, now = new Date()): Promise<WebhookOutcome> {
  const refusal = policy.refusal(url);
  if (refusal) return { ok: false, status: null, error: `target refused: the URL ${refusal}` };
  const target = new URL(url);
  const signature = message.secrets.map((secret) => new Webhook(secret).sign(message.id, now, message.body)).join(' ');
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(message.body)),
    'user-agent': 'health-metadata-gateway-webhooks',
    'webhook-id': message.id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': signature,
  };
  const client = target.protocol === 'https:' ? https : http;
  return new Promise<WebhookOutcome>((resolve) => {
    const request = client.request(
      target,
      { method: 'POST', headers, lookup: policy.lookup(hostOf(target)), timeout: WEBHOOK_CALL.timeoutMs, agent: false },
      (response) => {
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > WEBHOOK_CALL.maxResponseBytes) response.destroy();
        });
        const done = () => {
          const status = response.statusCode ?? 0;
          resolve(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, error: status >= 300 && status < 400 ? 'redirect not followed' : `answered ${status}` });
        };
        response.on('end', done);
        response.on('close', done);
        response.on('error', done);
      },
    );
    const deadline = setTimeout(() => request.destroy(new Error(`no answer within ${WEBHOOK_CALL.timeoutMs / 1000} s`)), WEBHOOK_CALL.timeoutMs);
    request.on('timeout', () => request.destroy(new Error(`no answer within ${WEBHOOK_CALL.timeoutMs / 1000} s`)));
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ ok: false, status: null, error: (error.code ? `${error.code}: ` : '') + error.message.slice(0, 300) }));
    request.on('close', () => clearTimeout(deadline));
    request.end(message.body);
  });
}
