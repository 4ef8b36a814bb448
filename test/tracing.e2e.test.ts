/**
 * Tracing end to end, as operators run it: `scripts/start.ts` in a child process (instrumentation must be
 * in place before the entry point's imports, which an in-process test could not show), exporting OTLP/JSON
 * to a receiver started here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminQuery, adminUrl, dropDatabase } from './support/postgres-admin.js';

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: OtlpValue }[];
}
interface CollectedSpan extends OtlpSpan {
  scope: string;
  serviceName: string | undefined;
  attr(key: string): string | undefined;
}

const SERVER = 2;
const CLIENT = 3;

const collected: CollectedSpan[] = [];
const payloads: string[] = [];
let receiver: Server;
let child: ChildProcess;
let output = '';
let dataDir: string;
let databaseName: string | undefined;
let gatewayUrl: string;

function attribute(span: OtlpSpan, key: string): string | undefined {
  const value = span.attributes?.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : String(value.intValue));
}

/** A tiny OTLP/HTTP JSON trace receiver. */
async function startReceiver(): Promise<string> {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      payloads.push(body);
      const parsed = JSON.parse(body) as {
        resourceSpans?: { resource?: { attributes?: { key: string; value: OtlpValue }[] }; scopeSpans?: { scope?: { name?: string }; spans?: OtlpSpan[] }[] }[];
      };
      for (const resourceSpans of parsed.resourceSpans ?? []) {
        const serviceName = resourceSpans.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue;
        for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
          for (const span of scopeSpans.spans ?? []) {
            collected.push({ ...span, scope: scopeSpans.scope?.name ?? '', serviceName, attr: (key) => attribute(span, key) });
          }
        }
      }
      res.setHeader('content-type', 'application/json');
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/v1/traces`;
}

async function waitFor<T>(what: string, read: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; child output:\n${output.slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  const endpoint = await startReceiver();
  dataDir = await mkdtemp(path.join(tmpdir(), 'hmg-tracing-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    CATALOG_PORT: '0',
    ACCESS_PORT: '0',
    LINEAGE_PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    APOLLO_TELEMETRY_DISABLED: 'true',
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: endpoint,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_SERVICE_NAME: 'hmg-trace-test',
    // Export within 100 ms instead of 5 s.
    OTEL_BSP_SCHEDULE_DELAY: '100',
  };
  const url = process.env.DATABASE_URL;
  if (inject('testEngine') === 'postgres' && url) {
    databaseName = `hmg_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(url, `CREATE DATABASE ${databaseName} TEMPLATE ${inject('pgTemplateDatabase')}`);
    env.DATABASE_URL = adminUrl(url, databaseName);
  } else {
    delete env.DATABASE_URL;
    // An empty catalogue answers the query as well, and skips writing the demo data.
    env.SEED = 'none';
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  gatewayUrl = await waitFor(
    'the ready line',
    () => /"graphql":"(http:\/\/[^"]+)\/graphql"[^\n]*"msg":"ready[:"]/.exec(output)?.[1],
    60_000,
  );
}, 90_000);

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await new Promise<void>((resolve) => receiver?.close(() => resolve()));
  await rm(dataDir, { recursive: true, force: true });
  const url = process.env.DATABASE_URL;
  if (databaseName && url) await dropDatabase(url, databaseName);
});

describe('OpenTelemetry tracing', () => {
  it('continues the caller trace through the gateway into the subgraphs (W3C trace context)', async () => {
    const traceId = randomBytes(16).toString('hex');
    const response = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
      body: JSON.stringify({ query: 'query TraceProbe { datasets(first: 1) { totalCount } }' }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    await fetch(`${gatewayUrl}/ready`);

    const inTrace = () => collected.filter((s) => s.traceId === traceId);
    const server = (service: string) => inTrace().find((s) => s.kind === SERVER && s.attr('hmg.service') === service);
    const gatewayServer = await waitFor('the gateway server span', () => server('gateway'), 15_000);
    const catalogServer = await waitFor('the catalog server span', () => server('catalog'), 15_000);

    expect(gatewayServer.name).toBe('POST /graphql');
    expect(gatewayServer.serviceName).toBe('hmg-trace-test');
    // The catalog's request is a child of the gateway's outgoing call, itself within the gateway's work.
    const outgoing = inTrace().find((s) => s.spanId === catalogServer.parentSpanId);
    expect(outgoing?.kind).toBe(CLIENT);
    expect(inTrace().some((s) => s.name === 'gateway.fetch')).toBe(true);
    expect(inTrace().some((s) => s.name === 'gateway.plan')).toBe(true);
    if (inject('testEngine') === 'postgres') {
      await waitFor('a PostgreSQL span', () => inTrace().find((s) => s.scope === '@opentelemetry/instrumentation-pg'), 15_000);
    }

    // Probes are not traced, and no token reaches the exporter.
    expect(collected.some((s) => [s.attr('http.target'), s.attr('url.path')].some((p) => p === '/ready' || p === '/health'))).toBe(false);
    expect(payloads.join('\n')).not.toContain('Bearer');
  });

  it('stops on SIGTERM, exporting what is left, with exit code 0', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"stopped"');
  }, 30_000);
});
