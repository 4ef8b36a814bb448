import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * `npm install` on the oldest Node the project supports must not warn that a dependency wants a newer
 * one (EBADENGINE). Checked on the lock file, so every installed package version is covered.
 */
const root = path.resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

describe('installing on the supported Node versions', () => {
  const oldest = semver.minVersion(manifest.engines.node);
  const supportedMajors = ['20.19.0', '22.15.0'].filter((v) => semver.satisfies(v, manifest.engines.node));

  it('supports Node 20', () => {
    expect(oldest?.major).toBe(20);
  });

  it('locks no package whose engines exclude a supported Node version', () => {
    const refusing: string[] = [];
    for (const [where, pkg] of Object.entries(lock.packages)) {
      const range = pkg.engines && !Array.isArray(pkg.engines) ? pkg.engines.node : undefined;
      if (!where || !range) continue;
      for (const version of supportedMajors) {
        if (!semver.satisfies(version, range, { includePrerelease: true })) refusing.push(`${where}@${pkg.version} wants node ${range} (not ${version})`);
      }
    }
    expect(refusing).toEqual([]);
  });
});
