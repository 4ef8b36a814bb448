import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { apiSchemaOf } from './api-schema.js';
import type { BaseSchema } from './run-schema-check.js';

/** A base that cannot be read: a usage error (exit code 2), not a failed check. */
export class BaseSchemaError extends Error {}

/** The repository root, where git runs and `gateway/supergraph.graphql` lies. */
export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The supergraph's path in the repository, as git names it. */
const SUPERGRAPH_PATH = 'gateway/supergraph.graphql';

/** Tried in order when no base is given: a CI clone may only have the remote-tracking branch. */
const DEFAULT_REFS = ['main', 'origin/main'];

const run = promisify(execFile);

/**
 * The base API schema from `spec`: a file (a supergraph or a plain GraphQL SDL) when one exists at that
 * path, relative to the working directory, or else a git ref whose `gateway/supergraph.graphql` is read.
 * Without `spec`, `main` (then `origin/main`) is read, and when neither can be read (a shallow clone, a
 * source archive) the working tree's `gateway/supergraph.graphql`, with a note saying so. Throws
 * `BaseSchemaError` when `spec` names neither a file nor a readable ref, or the base is not a schema.
 */
export async function readBase(spec: string | undefined, root: string = repositoryRoot): Promise<BaseSchema> {
  if (spec === undefined) {
    const problems: string[] = [];
    for (const ref of DEFAULT_REFS) {
      const shown = await showAtRef(ref, root);
      if (shown.ok) return build(`git ${ref}`, shown.sdl, null);
      problems.push(`${ref}: ${shown.error}`);
    }
    const path = resolve(root, SUPERGRAPH_PATH);
    const sdl = await readFile(path, 'utf8').catch(() => {
      throw new BaseSchemaError(`No base schema: neither ${DEFAULT_REFS.join(' nor ')} nor ${SUPERGRAPH_PATH} can be read (${problems.join('; ')}).`);
    });
    const note = `Base ${DEFAULT_REFS.join(' and ')} could not be read from git (${problems.join('; ')}); compared with the committed ${SUPERGRAPH_PATH} in the working tree instead.`;
    return build(`working tree ${SUPERGRAPH_PATH}`, sdl, note);
  }
  const path = resolve(spec);
  if (await isFile(path)) return build(`file ${spec}`, await readFile(path, 'utf8'), null);
  // A leading '-' would reach git as an option.
  if (spec.startsWith('-') || spec.trim() === '') throw new BaseSchemaError(`--base ${spec}: not a file, nor a git ref.`);
  const shown = await showAtRef(spec, root);
  if (!shown.ok) throw new BaseSchemaError(`--base ${spec}: no such file, and ${SUPERGRAPH_PATH} cannot be read at that git ref (${shown.error}).`);
  return build(`git ${spec}`, shown.sdl, null);
}

function build(source: string, sdl: string, note: string | null): BaseSchema {
  try {
    return { source, schema: apiSchemaOf(sdl), note };
  } catch (error) {
    throw new BaseSchemaError(`Base ${source} is neither a supergraph nor a GraphQL schema: ${(error as Error).message}`);
  }
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

async function showAtRef(ref: string, root: string): Promise<{ ok: true; sdl: string } | { ok: false; error: string }> {
  try {
    // `./` makes the path relative to `root` even when the repository's top level is above it.
    const { stdout } = await run('git', ['show', `${ref}:./${SUPERGRAPH_PATH}`], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    return { ok: true, sdl: stdout };
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    return { ok: false, error: (stderr?.trim() || message).split('\n')[0] ?? message };
  }
}
