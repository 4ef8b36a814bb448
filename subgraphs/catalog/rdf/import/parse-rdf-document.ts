import { randomUUID } from 'node:crypto';
import jsonld from 'jsonld';
import { DataFactory, Parser, type Quad, type Term } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { describeProblem, hasUnsafeCharacters, inspectValue } from '../../../../platform/text/safe-text.js';

/** The serialisations a record may be pushed in. */
export type RecordFormat = 'turtle' | 'jsonld';
/** The serialisations a harvested catalogue may be read in. */
export type SourceFormat = RecordFormat | 'rdfxml';

/**
 * A document that is not well-formed in its format, or too big; `message` says where, for the sender,
 * and `line` is the line of the first error when the parser tells it.
 */
export class RdfSyntaxError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/**
 * How much a document may hold, `maxTriples` (a pushed record: `MAX_RECORD_TRIPLES`), and the address it
 * was read from, `baseIri`: relative IRIs of a harvested page name resources of its catalogue.
 */
export interface ParseLimits {
  readonly maxTriples: number;
  readonly baseIri?: string | undefined;
}

/** Most triples a pushed record may hold. */
export const MAX_RECORD_TRIPLES = 20_000;
/** Longest IRI accepted, in characters (after prefixes are expanded). */
export const MAX_IRI_LENGTH = 4_096;
/** Longest literal accepted, in characters. */
export const MAX_LITERAL_LENGTH = 100_000;

const { blankNode, quad } = DataFactory;

function tooLong(term: Term): boolean {
  if (term.termType === 'NamedNode') return term.value.length > MAX_IRI_LENGTH;
  if (term.termType === 'Literal') return term.value.length > MAX_LITERAL_LENGTH || term.datatype.value.length > MAX_IRI_LENGTH;
  return false;
}

/**
 * Collects parsed triples up to the limits: more than `MAX_RECORD_TRIPLES`, or an IRI or literal over its
 * length, stops the collection (nothing more is kept in memory) and refuses the document.
 */
class Collector {
  readonly quads: Quad[] = [];
  problem: string | null = null;

  constructor(private readonly maxTriples: number) {}

  add(q: Quad): void {
    if (this.problem !== null) return;
    if (this.quads.length >= this.maxTriples) {
      this.problem =
        this.maxTriples === MAX_RECORD_TRIPLES
          ? `The record holds more than ${MAX_RECORD_TRIPLES} triples; push one dataset per record.`
          : `The document holds more than ${this.maxTriples} triples.`;
    } else if ([q.subject, q.predicate, q.object].some(tooLong)) {
      this.problem = `The record has an IRI longer than ${MAX_IRI_LENGTH} characters or a text longer than ${MAX_LITERAL_LENGTH}.`;
    } else if ([q.subject, q.predicate, q.object].some((term) => hasUnsafeCharacters(term.value))) {
      this.problem = 'The record has an IRI or a text with a NUL character or a lone surrogate; send valid Unicode text without NUL.';
    } else {
      this.quads.push(q);
    }
  }
}

/**
 * A relative IRI in a record (`<>`, `<#publisher>`) names nothing outside the document: each is resolved
 * against a base of its own for this document, then made an unnamed node, so that two records using the
 * same relative IRI never name the same organisation or dataset.
 */
function withoutRelativeIris(quads: readonly Quad[], base: string): Quad[] {
  const nodes = new Map<string, ReturnType<typeof blankNode>>();
  const local = <T extends Term>(term: T): T | ReturnType<typeof blankNode> => {
    if (term.termType !== 'NamedNode' || !term.value.startsWith(base)) return term;
    let node = nodes.get(term.value);
    if (!node) nodes.set(term.value, (node = blankNode()));
    return node;
  };
  return quads.map((q) => quad(local(q.subject) as Quad['subject'], q.predicate, local(q.object) as Quad['object'], q.graph));
}

/** The line an n3 or XML parser error names, if any. */
function lineOf(error: unknown): number | undefined {
  const context = (error as { context?: { line?: unknown } }).context;
  if (typeof context?.line === 'number') return context.line;
  const match = /^(\d+):\d+:/.exec(error instanceof Error ? error.message : '') ?? /on line (\d+)/.exec(error instanceof Error ? error.message : '');
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function parseTurtle(text: string, base: string, limits: ParseLimits): Promise<Quad[]> {
  // A prefix or IRI written longer than the limit is refused before parsing: expanded into every triple,
  // it would cost memory out of all proportion to the document.
  if (new RegExp(`<[^>\\s]{${MAX_IRI_LENGTH + 1},}>`).test(text)) {
    return Promise.reject(new RdfSyntaxError(`The record has an IRI longer than ${MAX_IRI_LENGTH} characters.`));
  }
  const collector = new Collector(limits.maxTriples);
  return new Promise((resolve, reject) => {
    new Parser({ baseIRI: base, format: 'text/turtle' }).parse(text, (error, q) => {
      if (error) reject(new RdfSyntaxError(`The Turtle document is not well-formed: ${error.message}`, lineOf(error)));
      else if (q) collector.add(q);
      else if (collector.problem !== null) reject(new RdfSyntaxError(collector.problem));
      else resolve(collector.quads);
    });
  });
}

/** True when a string anywhere in `value` is longer than an IRI may be (a context cannot inflate IRIs). */
function hasOversizedString(value: unknown): boolean {
  if (typeof value === 'string') return value.length > MAX_IRI_LENGTH;
  if (Array.isArray(value)) return value.some(hasOversizedString);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.length > MAX_IRI_LENGTH || hasOversizedString(v));
  return false;
}

function contextsOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(contextsOf);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === '@context' ? [v] : contextsOf(v)));
}

function parseRdfXml(text: string, base: string, limits: ParseLimits): Promise<Quad[]> {
  const collector = new Collector(limits.maxTriples);
  return new Promise((resolve, reject) => {
    const parser = new RdfXmlParser({ baseIRI: base });
    let failed = false;
    parser.on('data', (q: Quad) => collector.add(q));
    parser.on('error', (error: Error) => {
      if (failed) return;
      failed = true;
      reject(new RdfSyntaxError(`The RDF/XML document is not well-formed: ${error.message}`, lineOf(error)));
    });
    parser.on('end', () => {
      if (failed) return;
      if (collector.problem !== null) reject(new RdfSyntaxError(collector.problem));
      else resolve(collector.quads);
    });
    parser.end(text);
  });
}

async function parseJsonLd(text: string, base: string, limits: ParseLimits): Promise<Quad[]> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new RdfSyntaxError(`The JSON-LD document is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Checked without recursion before anything walks the document: a record nested 50,000 deep is refused here.
  const problem = inspectValue(document, 'record');
  if (problem) throw new RdfSyntaxError(`The JSON-LD document is not accepted: ${describeProblem(problem)}`);
  if (contextsOf(document).some(hasOversizedString)) {
    throw new RdfSyntaxError(`The JSON-LD context has a term or IRI longer than ${MAX_IRI_LENGTH} characters.`);
  }
  let nquads: string;
  try {
    nquads = (await jsonld.toRDF(document as jsonld.JsonLdDocument, {
      base,
      format: 'application/n-quads',
      // Keys the context does not define would be dropped without a word: refuse them instead.
      safe: true,
      documentLoader: (url: string) => Promise.reject(new Error(`remote contexts are not fetched (${url.slice(0, 200)}); put the context inline`)),
    } as jsonld.Options.ToRdf)) as unknown as string;
  } catch (error) {
    const details = (error as { details?: { cause?: Error; event?: { message?: string } } }).details;
    const cause = details?.cause?.message ?? details?.event?.message ?? (error instanceof Error ? error.message : String(error));
    throw new RdfSyntaxError(`The JSON-LD document could not be read: ${cause}`);
  }
  const collector = new Collector(limits.maxTriples);
  for (const q of new Parser({ format: 'N-Quads' }).parse(nquads)) collector.add(q);
  if (collector.problem !== null) throw new RdfSyntaxError(collector.problem);
  return collector.quads;
}

/**
 * Parses a pushed record into triples, within the limits above. JSON-LD is expanded with its inline
 * context only: a remote `@context` is refused rather than fetched, since the catalogue makes no request
 * a sender could point at another host, and a key the context does not define is refused rather than
 * dropped. Without a `baseIri`, relative IRIs become unnamed nodes (`withoutRelativeIris`).
 */
export async function parseRdfDocument(text: string, format: SourceFormat, limits: ParseLimits = { maxTriples: MAX_RECORD_TRIPLES }): Promise<Quad[]> {
  const base = limits.baseIri ?? `urn:uuid:${randomUUID()}/`;
  const quads =
    format === 'turtle' ? await parseTurtle(text, base, limits) : format === 'jsonld' ? await parseJsonLd(text, base, limits) : await parseRdfXml(text, base, limits);
  return limits.baseIri === undefined ? withoutRelativeIris(quads, base) : quads;
}
