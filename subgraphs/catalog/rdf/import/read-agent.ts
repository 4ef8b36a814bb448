import type { LocalizedJson } from '../../db/schema/dataset.js';
import { publisherTypes, type PublisherTypeCode } from '../../vocabulary/publisher-types.js';
import { cv, dct, foaf, healthdcatap } from '../namespaces.js';
import { publisherTypeOfIri } from '../publisher-type-iris.js';
import type { Node, RecordGraph } from './record-graph.js';
import { codeOfIri } from './vocabulary-codes.js';

/** What a pushed record says of an agent (a publisher, custodian or health data access body). */
export interface AgentFacts {
  /** The agent's node: the same node in two roles is one organisation. */
  readonly node: Node;
  /** Its IRI; null for an unnamed node. */
  readonly iri: string | null;
  readonly name: string | undefined;
  readonly nameLanguage: string | undefined;
  readonly publisherType: PublisherTypeCode | undefined;
  readonly homepage: string | undefined;
  readonly email: string | undefined;
  readonly contactPage: string | undefined;
  readonly telephone: string | undefined;
  readonly note: LocalizedJson | undefined;
  readonly trustedDataHolder: boolean | undefined;
}

/**
 * The publisher type of an agent: a `dct:type` concept of HealthDCAT-AP Release 8, or of the older
 * list the catalogue's own codes follow (`vocabulary/publisher-types.ts`). Any other concept is a problem:
 * the catalogue keeps organisations' types in its vocabulary.
 */
function publisherTypeOf(graph: RecordGraph, agent: Node): PublisherTypeCode | undefined {
  const iri = graph.iri(agent, dct('type').value);
  if (iri === undefined) return undefined;
  const code = publisherTypeOfIri.get(iri) ?? codeOfIri(publisherTypes, iri);
  if (code === undefined) graph.problem(agent, dct('type').value, `${iri} is not a HealthDCAT-AP publisher type the catalogue knows`);
  return code;
}

/** The name of an agent (`foaf:name`), in any language: the English one when there are several. */
function nameOf(graph: RecordGraph, agent: Node): { name?: string; language?: string } {
  const literals = graph.objects(agent, foaf('name').value).filter((o) => o.termType === 'Literal');
  const chosen = literals.find((l) => l.language.startsWith('en')) ?? literals.find((l) => l.language.startsWith('fr')) ?? literals[0];
  if (!chosen) return {};
  // The catalogue keeps one name per organisation: the others are reported.
  for (const other of literals) if (other !== chosen) graph.report(`foaf:name${other.language ? `@${other.language}` : ''}`);
  const name = chosen.value.trim();
  if (name.length === 0 || name.length > 300) {
    graph.problem(agent, foaf('name').value, 'a name has 1 to 300 characters');
    return {};
  }
  return { name, ...(chosen.language ? { language: chosen.language } : {}) };
}

/**
 * Reads an agent as HealthDCAT-AP Release 8 describes it: `foaf:name`, `dct:type` (publisher type),
 * `foaf:homepage`, `dct:description` (the publisher note), `healthdcatap:trustedDataHolder` and one
 * `cv:contactPoint` with `cv:email`, `cv:contactPage` and `cv:telephone`. The older draft's properties
 * have been rewritten to these before (`draft-agent-form.ts`).
 */
export function readAgent(graph: RecordGraph, agent: Node): AgentFacts {
  graph.takeTypes(agent, foaf('Agent').value);
  const { name, language } = nameOf(graph, agent);
  const contacts = graph.nodes(agent, cv('contactPoint').value);
  if (contacts.length > 1) graph.problem(agent, cv('contactPoint').value, 'give one contact point');
  const contact = contacts[0];
  if (contact) graph.takeTypes(contact, cv('ContactPoint').value);
  const email = contact ? graph.string(contact, cv('email').value)?.replace(/^mailto:/i, '') : undefined;
  return {
    node: agent,
    iri: agent.termType === 'NamedNode' ? agent.value : null,
    name,
    nameLanguage: language,
    publisherType: publisherTypeOf(graph, agent),
    homepage: graph.iri(agent, foaf('homepage').value),
    email,
    contactPage: contact ? graph.iri(contact, cv('contactPage').value) : undefined,
    telephone: contact ? graph.string(contact, cv('telephone').value) : undefined,
    note: graph.text(agent, dct('description').value),
    trustedDataHolder: graph.boolean(agent, healthdcatap('trustedDataHolder').value),
  };
}
