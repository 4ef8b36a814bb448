import { DataFactory } from 'n3';
import type { DataHolderRow } from '../db/queries/data-holders.js';
import { publisherTypes, type PublisherTypeCode } from '../vocabulary/publisher-types.js';
import { isCodeOf } from '../vocabulary/term.js';
import type { CatalogueIris } from './catalogue-iris.js';
import { cv, dct, foaf, rdf } from './namespaces.js';
import { publisherTypeIris } from './publisher-type-iris.js';
import type { QuadBuilder } from './quad-builder.js';

const { blankNode, namedNode } = DataFactory;

/**
 * Describes a data holder as a `foaf:Agent`: its name, its HealthDCAT-AP publisher type and its contact
 * point (`cv:ContactPoint`, which HealthDCAT-AP demands of a publisher, custodian or access body). The
 * catalogue records a home page and sometimes an e-mail address for an organisation; the home page is
 * given as the contact page, since it is where the organisation's contact details are published. A holder
 * with neither gets no contact point rather than an invented one. Call it once per holder and document.
 */
export function addAgentQuads(b: QuadBuilder, holder: DataHolderRow, iris: CatalogueIris): void {
  const agent = namedNode(iris.dataHolder(holder.id));
  b.add(agent, rdf('type'), foaf('Agent')).add(agent, rdf('type'), foaf('Organization'));
  b.string(agent, foaf('name'), holder.name);
  if (isCodeOf(publisherTypes, holder.publisherType)) {
    b.iri(agent, dct('type'), publisherTypeIris[holder.publisherType as PublisherTypeCode]);
  } else {
    throw new Error(`publisher type ${holder.publisherType} is not in its vocabulary`);
  }
  b.iri(agent, foaf('homepage'), holder.homepage);
  if (holder.homepage || holder.email) {
    // Labelled after the holder so that the same agent in two datasets of a page keeps one contact point.
    const contact = blankNode(`b-holder-${holder.id}-contact`);
    b.add(agent, cv('contactPoint'), contact).add(contact, rdf('type'), cv('ContactPoint'));
    b.iri(contact, cv('contactPage'), holder.homepage);
    b.string(contact, cv('email'), holder.email);
  }
}
