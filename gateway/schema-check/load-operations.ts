import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, type DocumentNode, type GraphQLError } from 'graphql';

/** The registry of partners' operations: `operations/<partner>/<operation-name>.graphql`. */
export const operationsDir = new URL('../../operations/', import.meta.url);

/** Where an operation is registered, as reports name it. */
export interface OperationRef {
  /** The partner's directory name: its organisation id, or an internal tool's name. */
  readonly partner: string;
  /** The operation's name. */
  readonly operation: string;
  /** The file, as `operations/<partner>/<file>.graphql`. */
  readonly file: string;
}

/** A registered operation: one named query or mutation, with the fragments it uses from the same file. */
export interface RegisteredOperation extends OperationRef {
  readonly document: DocumentNode;
  /** The file's text, exactly as registered. */
  readonly source: string;
  /**
   * True when the file marks the operation as shared (a comment line `# @shared` before it): any caller,
   * anonymous included, may send it. Otherwise only the partner's own callers (and internal roles) may.
   */
  readonly shared: boolean;
}

/** The comment line that marks an operation as shared by every caller. */
const SHARED_MARK = /^[ \t]*#[ \t]*@shared\b/m;

/** A file under the registry that is not a valid registration. */
export interface OperationFileError {
  readonly partner: string;
  readonly file: string;
  readonly message: string;
}

export interface LoadedOperations {
  readonly operations: readonly RegisteredOperation[];
  readonly errors: readonly OperationFileError[];
}

const PARTNER_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads one registration. The file must hold exactly one named operation (query, mutation or
 * subscription) and may hold fragments; its name, once hyphens, underscores and case are ignored, must
 * be the operation's (`search-datasets.graphql` for `SearchDatasets`), so that a reviewer finds an
 * operation from its name. Never throws: what is wrong is returned as an error.
 */
export function parseOperation(partner: string, file: string, source: string): RegisteredOperation | OperationFileError {
  const fail = (message: string): OperationFileError => ({ partner, file, message });
  let document: DocumentNode;
  try {
    document = parse(source);
  } catch (error) {
    return fail(`not valid GraphQL: ${(error as GraphQLError).message}`);
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const others = document.definitions.filter((d) => d.kind !== Kind.OPERATION_DEFINITION && d.kind !== Kind.FRAGMENT_DEFINITION);
  if (others.length > 0) return fail('holds definitions other than an operation and its fragments');
  if (operations.length !== 1) return fail(`holds ${operations.length} operations; register one operation per file`);
  const name = operations[0]?.name?.value;
  if (!name) return fail('the operation has no name; registered operations are named');
  const fileStem = basename(file, '.graphql');
  if (normalised(fileStem) !== normalised(name)) return fail(`the operation ${name} must be in a file named after it, such as ${kebabCase(name)}.graphql`);
  return { partner, operation: name, file, document, source, shared: SHARED_MARK.test(source) };
}

/**
 * Loads every registration under `dir`: each sub-directory is a partner (lower-case letters, digits and
 * hyphens), each `*.graphql` file in it one operation. Other files are ignored. A missing `dir` means no
 * registrations. Duplicate operation names within a partner are errors, since a partner's operations
 * are known by name.
 */
export async function loadOperations(dir: string | URL = operationsDir): Promise<LoadedOperations> {
  const root = typeof dir === 'string' ? dir : fileURLToPath(dir);
  const label = basename(root);
  const partners = await readdir(root, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const operations: RegisteredOperation[] = [];
  const errors: OperationFileError[] = [];
  for (const entry of [...partners].filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const partner = entry.name;
    const files = (await readdir(join(root, partner))).filter((f) => f.endsWith('.graphql')).sort();
    if (!PARTNER_NAME.test(partner)) {
      errors.push({ partner, file: `${label}/${partner}/`, message: 'partner directories are named in lower-case letters, digits and hyphens' });
      continue;
    }
    const seen = new Map<string, string>();
    for (const name of files) {
      const file = `${label}/${partner}/${name}`;
      const parsed = parseOperation(partner, file, await readFile(join(root, partner, name), 'utf8'));
      if (!('operation' in parsed)) {
        errors.push(parsed);
        continue;
      }
      const previous = seen.get(parsed.operation);
      if (previous) {
        errors.push({ partner, file, message: `the operation ${parsed.operation} is already registered in ${previous}` });
        continue;
      }
      seen.set(parsed.operation, file);
      operations.push(parsed);
    }
  }
  return { operations, errors };
}

function normalised(name: string): string {
  return name.replace(/[-_]/g, '').toLowerCase();
}

function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase();
}
