import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Fewest bytes an audit key may have. */
export const MIN_AUDIT_KEY_BYTES = 32;

/**
 * The secret the audit trail's entries and checkpoints are authenticated with (HMAC-SHA256). It lives
 * outside the database (`AUDIT_KEY`, `AUDIT_KEY_FILE`, or in development a file under DATA_DIR), so that
 * rights on the database alone do not let anyone write an entry or a checkpoint that verifies.
 */
export class AuditKey {
  readonly #secret: Buffer;

  constructor(secret: Buffer) {
    if (secret.length < MIN_AUDIT_KEY_BYTES) throw new Error(`An audit key needs at least ${MIN_AUDIT_KEY_BYTES} bytes; got ${secret.length}.`);
    this.#secret = Buffer.from(secret);
  }

  /** The key's base64 text, as `AUDIT_KEY` takes it. */
  static parse(text: string): AuditKey {
    return new AuditKey(Buffer.from(text.trim(), 'base64'));
  }

  /** HMAC-SHA256 of `text` (UTF-8), in hex. */
  mac(text: string): string {
    return createHmac('sha256', this.#secret).update(text, 'utf8').digest('hex');
  }

  /** Whether `mac` is this key's MAC of `text` (constant-time comparison). */
  verifies(text: string, mac: string): boolean {
    const expected = Buffer.from(this.mac(text), 'hex');
    const given = Buffer.from(/^[0-9a-f]{64}$/.test(mac) ? mac : '', 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/** Where the audit key comes from: the configuration's key, its file, or (development only) DATA_DIR. */
export interface AuditKeySource {
  readonly key?: string | undefined;
  readonly keyFile?: string | undefined;
  readonly dataDir: string;
  readonly production: boolean;
}

/**
 * Loads the audit key: `key` (base64), else the base64 text of `keyFile`, else in development the key in
 * `<dataDir>/keys/audit.key`, made on first use (mode 0600). Production without a configured key is an
 * error (`loadConfig` refuses it already).
 */
export async function loadAuditKey(source: AuditKeySource): Promise<AuditKey> {
  if (source.key) return AuditKey.parse(source.key);
  if (source.keyFile) return AuditKey.parse(await readFile(source.keyFile, 'utf8'));
  if (source.production) throw new Error('AUDIT_KEY or AUDIT_KEY_FILE is required when NODE_ENV=production.');
  const file = path.join(source.dataDir, 'keys', 'audit.key');
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, randomBytes(MIN_AUDIT_KEY_BYTES).toString('base64'), { mode: 0o600, flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return AuditKey.parse(await readFile(file, 'utf8'));
}
