import { execFile, spawnSync } from 'node:child_process';
import { appendFile, chmod, chown, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** A PostgreSQL primary and its synchronous streaming standby, of the drill's own (never the machine's shared server). */
export interface PostgresPair {
  readonly primaryPort: number;
  readonly standbyPort: number;
  /** Stops the primary abruptly (`pg_ctl stop -m immediate`: no checkpoint, like a crash). */
  crashPrimary(): Promise<void>;
  /** Promotes the standby to primary and waits until it accepts writes. */
  promoteStandby(): Promise<void>;
  /** Stops whatever still runs and removes the data folders. */
  destroy(): Promise<void>;
}

/** The folder of PostgreSQL's server programs (Debian keeps them outside PATH). */
function binaries(): string {
  const found = spawnSync('sh', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1'], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error('PostgreSQL server programs not found under /usr/lib/postgresql/*/bin');
  return found;
}

/**
 * PostgreSQL refuses to run as root: when the drill runs as root, the servers run as the `postgres`
 * system user, which owns their folders.
 */
async function asServerUser(program: string, args: string[]): Promise<string> {
  const asRoot = process.getuid?.() === 0;
  const { stdout } = await run(asRoot ? 'runuser' : program, asRoot ? ['-u', 'postgres', '--', program, ...args] : args, { maxBuffer: 1 << 22 });
  return stdout;
}

async function ownedFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(folder, Number(stdout.trim()), Number(gid.trim()));
  }
  await chmod(folder, 0o700);
}

/** Waits until a statement answers on `port` (at most `timeoutMs`). */
async function waitAccepting(port: number, statement: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query(statement);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL on ${port} did not accept \`${statement}\` in time: ${(error as Error).message}`, { cause: error });
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Builds a primary (`initdb`) on `primaryPort` and a standby (`pg_basebackup -R`, streaming) on
 * `standbyPort` under `folder`, with synchronous replication: the primary's commits wait until the
 * standby has flushed them (`synchronous_standby_names = '*'`, `synchronous_commit = on`), so a
 * commit the primary acknowledged survives its loss. The standby's own configuration names no
 * synchronous standby, so that once promoted it commits alone. Answers once the standby streams in
 * `sync` state.
 */
export async function startPostgresPair(folder: string, primaryPort: number, standbyPort: number): Promise<PostgresPair> {
  const bin = binaries();
  await rm(folder, { recursive: true, force: true });
  await ownedFolder(folder);
  const primary = path.join(folder, 'primary');
  const standby = path.join(folder, 'standby');
  const sockets = path.join(folder, 'sockets');
  await ownedFolder(sockets);
  await asServerUser(path.join(bin, 'initdb'), ['-D', primary, '-U', 'postgres', '--auth=trust', '--no-instructions', '-E', 'UTF8', '--locale=C']);
  await appendFile(
    path.join(primary, 'postgresql.conf'),
    [
      `port = ${primaryPort}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${sockets}'`,
      'wal_level = replica',
      'max_wal_senders = 5',
      "synchronous_standby_names = '*'",
      'synchronous_commit = on',
      'max_connections = 200',
      'hot_standby = on',
      '',
    ].join('\n'),
  );
  await asServerUser(path.join(bin, 'pg_ctl'), ['-D', primary, '-l', path.join(folder, 'primary.log'), '-w', 'start']);
  await waitAccepting(primaryPort, 'SELECT 1');
  await asServerUser(path.join(bin, 'pg_basebackup'), ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', standby, '-R', '-X', 'stream']);
  await appendFile(path.join(standby, 'postgresql.auto.conf'), `port = ${standbyPort}\nsynchronous_standby_names = ''\n`);
  await asServerUser(path.join(bin, 'pg_ctl'), ['-D', standby, '-l', path.join(folder, 'standby.log'), '-w', 'start']);
  await waitAccepting(primaryPort, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_stat_replication WHERE sync_state = 'sync') THEN RAISE EXCEPTION 'no synchronous standby yet'; END IF; END $$");

  const stop = async (data: string, mode: string) => {
    await asServerUser(path.join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop']).catch(() => undefined);
  };
  return {
    primaryPort,
    standbyPort,
    crashPrimary: () => stop(primary, 'immediate'),
    promoteStandby: async () => {
      await asServerUser(path.join(bin, 'pg_ctl'), ['-D', standby, '-w', 'promote']);
      await waitAccepting(standbyPort, 'CREATE TEMP TABLE promoted_check (x int)');
    },
    destroy: async () => {
      await stop(standby, 'fast');
      await stop(primary, 'immediate');
      await rm(folder, { recursive: true, force: true });
    },
  };
}
