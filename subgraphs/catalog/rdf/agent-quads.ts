import { DataFactory } from 'n3';
import type { DataHolderRow } from '../db/queries/data-holders.js';
import { publisherTypes, type PublisherTypeCode } from '../vocabulary/publisher-types.js';
import { isCodeOf } from '../vocabulary/term.js';
import { subjectIri, type CatalogueIris } from './catalogue-iris.js';
import { cv, dct, foaf, healthdcatap, rdf } from './namespaces.js';
import { publisherTypeIris } from './publisher-type-iris.js';
import type { QuadBuilder } from './quad-builder.js';

const { blankNode, literal, namedNode } = DataFactory;

/**
 * Describes a data holder as a `foaf:Agent`: its name, its HealthDCAT-AP publisher type, its publisher
 * note and trusted-data-holder status when known, and its contact point (`cv:ContactPoint`, which
 * HealthDCAT-AP demands of a publisher, custodian or access body). The contact page is the one recorded,
 * else the home page, since that is where the organisation's contact details are published. A holder with
 * no contact page, home page, e-mail address or telephone gets no contact point rather than an invented
 * one. Call it once per holder and document.
 */
export function addAgentQuads(b: QuadBuilder, holder: DataHolderRow, iris: CatalogueIris): void {
  const agent = namedNode(subjectIri(iris, 'dataHolder', holder));
  b.add(agent, rdf('type'), foaf('Agent'));
  // An imported agent is stated as its record typed it; the catalogue's own holders are organisations.
  if (holder.sourceIri === null) b.add(agent, rdf('type'), foaf('Organization'));
  b.add(agent, foaf('name'), holder.nameLanguage ? literal(holder.name, holder.nameLanguage) : literal(holder.name));
  if (isCodeOf(publisherTypes, holder.publisherType)) {
    b.iri(agent, dct('type'), publisherTypeIris[holder.publisherType as PublisherTypeCode]);
  } else {
    throw new Error(`publisher type ${holder.publisherType} is not in its vocabulary`);
  }
  b.iri(agent, foaf('homepage'), holder.homepage);
  b.text(agent, dct('description'), holder.note);
  b.typed(agent, healthdcatap('trustedDataHolder'), holder.trustedDataHolder, 'boolean');
  const contactPage = holder.contactPage ?? holder.homepage;
  if (contactPage || holder.email || holder.telephone) {
    // Labelled after the holder so that the same agent in two datasets of a page keeps one contact point.
    const contact = blankNode(`b-holder-${holder.id}-contact`);
    b.add(agent, cv('contactPoint'), contact).add(contact, rdf('type'), cv('ContactPoint'));
    b.iri(contact, cv('contactPage'), contactPage);
    b.string(contact, cv('email'), holder.email);
    b.string(contact, cv('telephone'), holder.telephone);
  }
}
