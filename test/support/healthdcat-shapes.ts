import { readFileSync } from 'node:fs';
import { DataFactory, Parser, Store, type Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

const OWL_IMPORTS = 'http://www.w3.org/2002/07/owl#imports';
const SH = 'http://www.w3.org/ns/shacl#';

/** The conformance fixtures (tests only: the product never reads them); sources and licences in their README. */
export const conformanceDir = new URL('../fixtures/conformance/', import.meta.url);

/** The access levels HealthDCAT-AP Release 8 has one shapes file for. */
export type AccessLevel = 'public' | 'restricted' | 'non-public';

/** The access level of an EU access-right IRI, as the HealthData@EU validator picks shapes by it. */
export function accessLevelOf(accessRightIri: string): AccessLevel {
  const code = accessRightIri.split('/').pop();
  if (code === 'PUBLIC') return 'public';
  if (code === 'RESTRICTED') return 'restricted';
  if (code === 'NON_PUBLIC') return 'non-public';
  throw new Error(`not an EU access right: ${accessRightIri}`);
}

/** Parses a Turtle file of the corpus. */
export function readTurtle(relativePath: string): Quad[] {
  const url = new URL(relativePath, conformanceDir);
  return new Parser({ baseIRI: url.href }).parse(readFileSync(url, 'utf8'));
}

/**
 * A shapes graph as the conformance check defines it:
 * - `owl:imports` are dropped, i.e. left unresolved (the HealthDCAT-AP shapes import DCAT-AP 3's
 *   `html/shacl/shapes.ttl`, which the corpus does not hold; the official validator resolves it);
 * - with `withoutClassConstraints`, every `sh:class` constraint is dropped: DCAT-AP 3's range constraints
 *   expect the vocabulary terms typed as in the EU vocabularies, which the official validator loads and
 *   this check does not (without them even the official examples fail them).
 */
export function loadShapes(relativePath: string, options: { withoutClassConstraints?: boolean } = {}): Store {
  const quads = readTurtle(relativePath).filter(
    (q) => q.predicate.value !== OWL_IMPORTS && !(options.withoutClassConstraints && q.predicate.value === `${SH}class`),
  );
  return new Store(quads);
}

/** The HealthDCAT-AP Release 8 shapes of an access level. */
export function healthDcatShapes(level: AccessLevel): Store {
  return loadShapes(`healthdcat-ap/validator/shapes/${level}-shapes.ttl`);
}

/** SEMIC's DCAT-AP 3.0.0 shapes, range (`sh:class`) constraints left aside. */
export function dcatApShapes(): Store {
  return loadShapes('dcat-ap/dcat-ap_3_shacl_shapes.ttl', { withoutClassConstraints: true });
}

/** One SHACL result, flattened for assertions and readable failure messages. */
export interface ShaclResult {
  severity: string;
  focusNode: string;
  path: string | undefined;
  component: string;
  message: string;
}

/** Validates `data` against `shapes` and returns every result (empty when it conforms). */
export async function shaclResults(shapes: Store, data: readonly Quad[]): Promise<ShaclResult[]> {
  const validator = new SHACLValidator(shapes);
  const report = await validator.validate(new Store([...data]));
  return report.results.map((r) => ({
    severity: r.severity?.value.replace(SH, 'sh:') ?? '',
    focusNode: r.focusNode?.value ?? '',
    path: r.path?.value,
    component: r.sourceConstraintComponent?.value.replace(SH, 'sh:') ?? '',
    message: r.message.map((m) => m.value).join(' '),
  }));
}

/** The `dct:accessRights` of the one `dcat:Dataset` in `data`. */
export function datasetAccessRight(data: readonly Quad[]): string {
  const store = new Store([...data]);
  const [dataset] = store.getSubjects(DataFactory.namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), DataFactory.namedNode('http://www.w3.org/ns/dcat#Dataset'), null);
  const [right] = dataset ? store.getObjects(dataset, DataFactory.namedNode('http://purl.org/dc/terms/accessRights'), null) : [];
  if (!right) throw new Error('no dataset with access rights in the document');
  return right.value;
}
