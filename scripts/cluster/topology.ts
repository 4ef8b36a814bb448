import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The subgraphs, each run as replicas behind a balanced address of its own. */
export const SUBGRAPHS = ['catalog', 'access', 'lineage'] as const;
export type SubgraphKind = (typeof SUBGRAPHS)[number];

export interface ClusterOptions {
  /** PostgreSQL every process uses (the primary, or an address that follows it). */
  databaseUrl: string;
  /** Redis shared by the gateways (response cache, rate-limit budgets); unset: each keeps its own. */
  redisUrl?: string | undefined;
  /** Where the processes keep their keys (one folder: every replica signs and verifies with the same keys), logs and HAProxy's configuration. */
  folder: string;
  /** The balanced gateway address is `basePort`; replicas and balanced subgraph addresses are above it (see `clusterPorts`). */
  basePort?: number;
  /** Replicas of the gateway and of each subgraph. */
  replicas?: number;
  /** Extra environment for every process (e.g. `LOG_LEVEL`, `NODE_ENV`, `AUDIT_KEY`). */
  env?: Record<string, string>;
  /** How often HAProxy checks each replica's `/ready`. */
  checkIntervalMs?: number;
}

/** One process of the cluster. */
export interface ClusterProcess {
  /** `gateway-1`, `catalog-2`, ... */
  readonly name: string;
  readonly kind: 'gateway' | SubgraphKind;
  readonly port: number;
  child: ChildProcess | undefined;
}

export interface RunningCluster {
  /** The balanced gateway address (HAProxy), for partners. */
  readonly url: string;
  /** The balanced address of each subgraph's replicas (what gateways and peers call). */
  readonly subgraphUrls: Readonly<Record<SubgraphKind, string>>;
  readonly processes: readonly ClusterProcess[];
  /** HAProxy's process id (to measure what balancing costs). */
  readonly haproxyPid: number | undefined;
  /** Kills one process with `signal` (SIGKILL by default) and waits until it is gone. */
  kill(name: string, signal?: NodeJS.Signals): Promise<void>;
  /** Starts a killed process again and waits until it is ready. */
  restart(name: string): Promise<void>;
  /** Stops every process (SIGTERM, then SIGKILL after 15 s) and HAProxy. */
  stop(): Promise<void>;
}

/** The ports of a topology: the balanced gateway at `base`, gateway replicas at base+10+i, subgraph `k` balanced at base+100·(k+1) and its replicas just above. */
export function clusterPorts(base: number, replicas: number) {
  return {
    gateway: base,
    gatewayReplicas: Array.from({ length: replicas }, (_, i) => base + 10 + i),
    subgraph: Object.fromEntries(SUBGRAPHS.map((s, k) => [s, base + 100 * (k + 1)])) as Record<SubgraphKind, number>,
    subgraphReplicas: Object.fromEntries(SUBGRAPHS.map((s, k) => [s, Array.from({ length: replicas }, (_, i) => base + 100 * (k + 1) + 1 + i)])) as Record<SubgraphKind, number[]>,
  };
}

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Installs Debian's `haproxy` when it is missing (this machine's package manager; needs root). */
export function ensureHaproxy(): string {
  const found = spawnSync('sh', ['-c', 'command -v haproxy'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  console.log('HAProxy is missing: installing Debian\'s haproxy package...');
  const install = spawnSync('sh', ['-c', 'DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends haproxy || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends haproxy)'], { stdio: 'inherit' });
  const again = spawnSync('sh', ['-c', 'command -v haproxy'], { encoding: 'utf8' }).stdout.trim();
  if (install.status !== 0 || !again) throw new Error('Could not install haproxy: install Debian\'s haproxy package, then run this again.');
  return again;
}

/** HAProxy's configuration: HTTP balancing with `/ready` health checks, round robin, retries only where the request never reached a replica. */
export function haproxyConfig(ports: ReturnType<typeof clusterPorts>, checkIntervalMs: number): string {
  const backend = (name: string, front: number, replicas: number[]) => `
frontend ${name}
  bind 127.0.0.1:${front}
  default_backend ${name}_replicas

backend ${name}_replicas
  balance roundrobin
  option httpchk GET /ready
  http-check expect status 200
  # A replica that stops answering /ready leaves the rotation within two checks; one success brings it back.
  default-server inter ${checkIntervalMs} fall 2 rise 1 maxconn 256
  # Only a connection that failed is tried on another replica: a request a replica received is never sent twice.
  retry-on conn-failure
  retries 2
  option redispatch
${replicas.map((port, i) => `  server ${name}-${i + 1} 127.0.0.1:${port} check`).join('\n')}
`;
  return `# Written by the cluster topology (scripts/cluster/topology.ts); regenerated at each start.
global
  maxconn 8192

defaults
  mode http
  option http-keep-alive
  timeout connect 2s
  timeout client 65s
  timeout server 65s
  timeout http-keep-alive 10s
${backend('gateway', ports.gateway, ports.gatewayReplicas)}${SUBGRAPHS.map((s) => backend(s, ports.subgraph[s], ports.subgraphReplicas[s])).join('')}`;
}

/** Waits until `url` answers 200, the process exits (an error), or `timeoutMs` passes (an error). */
export async function waitReady(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`${url}: the process exited (${child.signalCode ?? `code ${child.exitCode}`}) before it was ready`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} was not ready within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Resolves when `child` has exited (at once if it already has). */
function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

/**
 * Starts the topology on this machine: `replicas` gateways and `replicas` replicas of each subgraph,
 * each its own process on its own port, behind HAProxy (health-checking `/ready`). The first replica
 * of each subgraph starts alone (it migrates its schema and writes missing demo data), then the
 * others, then HAProxy, then the gateways; answers once the balanced gateway is ready. Logs go to
 * `folder/logs/<process>.log`.
 */
export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const replicas = options.replicas ?? 2;
  const ports = clusterPorts(options.basePort ?? 4000, replicas);
  const haproxy = ensureHaproxy();
  const folder = path.resolve(options.folder);
  await mkdir(path.join(folder, 'logs'), { recursive: true });
  const local = (port: number) => `http://127.0.0.1:${port}`;
  const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((s) => [s, `${local(ports.subgraph[s])}/graphql`])) as Record<SubgraphKind, string>;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    APOLLO_TELEMETRY_DISABLED: 'true',
    DATA_DIR: path.join(folder, 'data'),
    DATABASE_URL: options.databaseUrl,
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    CATALOG_URL: subgraphUrls.catalog,
    ACCESS_URL: subgraphUrls.access,
    LINEAGE_URL: subgraphUrls.lineage,
    ...options.env,
  };
  const processes: ClusterProcess[] = [
    ...SUBGRAPHS.flatMap((kind) => ports.subgraphReplicas[kind].map((port, i) => ({ name: `${kind}-${i + 1}`, kind, port, child: undefined }))),
    ...ports.gatewayReplicas.map((port, i) => ({ name: `gateway-${i + 1}`, kind: 'gateway' as const, port, child: undefined })),
  ];
  const spawnProcess = (p: ClusterProcess) => {
    const script = p.kind === 'gateway' ? ['scripts/start-gateway.ts'] : ['scripts/start-subgraph.ts', p.kind];
    const portVariable = p.kind === 'gateway' ? 'PORT' : `${p.kind.toUpperCase()}_PORT`;
    const log = createWriteStream(path.join(folder, 'logs', `${p.name}.log`), { flags: 'a' });
    const child = spawn(process.execPath, ['--import', 'tsx', ...script], { cwd: root, env: { ...env, [portVariable]: String(p.port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    p.child = child;
    return child;
  };
  const startAndWait = async (p: ClusterProcess) => waitReady(`${local(p.port)}/ready`, 90_000, spawnProcess(p));

  let proxy: ChildProcess | undefined;
  const stopAll = async () => {
    const running = processes.filter((p) => p.child && p.child.exitCode === null && p.child.signalCode === null);
    for (const p of running) p.child?.kill('SIGTERM');
    const force = setTimeout(() => running.forEach((p) => p.child?.kill('SIGKILL')), 15_000);
    await Promise.all(running.map((p) => exited(p.child as ChildProcess)));
    clearTimeout(force);
    proxy?.kill('SIGTERM');
    if (proxy) await exited(proxy);
  };
  try {
    for (const kind of SUBGRAPHS) {
      const [first, ...others] = processes.filter((p) => p.kind === kind);
      await startAndWait(first as ClusterProcess);
      await Promise.all(others.map(startAndWait));
    }
    const configFile = path.join(folder, 'haproxy.cfg');
    await writeFile(configFile, haproxyConfig(ports, options.checkIntervalMs ?? 1000));
    proxy = spawn(haproxy, ['-f', configFile, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const proxyLog = createWriteStream(path.join(folder, 'logs', 'haproxy.log'), { flags: 'a' });
    proxy.stdout?.pipe(proxyLog);
    proxy.stderr?.pipe(proxyLog);
    await Promise.all(SUBGRAPHS.map((s) => waitReady(`${local(ports.subgraph[s])}/ready`, 30_000, proxy)));
    await Promise.all(processes.filter((p) => p.kind === 'gateway').map(startAndWait));
    await waitReady(`${local(ports.gateway)}/ready`, 30_000, proxy);
  } catch (error) {
    await stopAll();
    throw error;
  }
  const byName = (name: string) => {
    const p = processes.find((q) => q.name === name);
    if (!p) throw new Error(`no process ${name} (${processes.map((q) => q.name).join(', ')})`);
    return p;
  };
  return {
    url: local(ports.gateway),
    subgraphUrls,
    processes,
    haproxyPid: proxy?.pid,
    kill: async (name, signal = 'SIGKILL') => {
      const p = byName(name);
      if (!p.child) return;
      p.child.kill(signal);
      await exited(p.child);
    },
    restart: async (name) => {
      const p = byName(name);
      // A process still running is stopped first: two on one port would leave the new one failing.
      if (p.child && p.child.exitCode === null && p.child.signalCode === null) {
        p.child.kill('SIGTERM');
        await exited(p.child);
      }
      await startAndWait(p);
    },
    stop: stopAll,
  };
}
