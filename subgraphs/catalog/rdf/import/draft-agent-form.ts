import { DataFactory, type Quad } from 'n3';
import { publisherTypes, type PublisherTypeCode } from '../../vocabulary/publisher-types.js';
import { dct, healthdcatap } from '../namespaces.js';
import { publisherTypeIris } from '../publisher-type-iris.js';
import { codeOfIri } from './vocabulary-codes.js';

const { quad } = DataFactory;
const PUBLISHER_TYPE = healthdcatap('publisherType').value;
const PUBLISHER_NOTE = healthdcatap('publisherNote').value;

/**
 * Rewrites the agent properties of the older HealthDCAT-AP draft, which the French Health Data Hub still
 * uses, into their Release 8 form, so that one reader and one set of shapes serve both:
 * - `healthdcatap:publisherType <t>` becomes `dct:type`, with the Release 8 concept of the same type when
 *   there is one (the draft's own IRI otherwise);
 * - `healthdcatap:publisherNote` becomes `dct:description`;
 * - `healthdcatap:trustedDataHolder` is the same property in both.
 * Every other triple is kept as it is. `draft` tells whether anything was rewritten.
 */
export function toRelease8AgentForm(quads: readonly Quad[]): { quads: Quad[]; draft: boolean } {
  let draft = false;
  const out = quads.map((q) => {
    if (q.predicate.value === PUBLISHER_TYPE) {
      draft = true;
      const code = q.object.termType === 'NamedNode' ? codeOfIri(publisherTypes, q.object.value) : undefined;
      const release8 = code === undefined ? undefined : publisherTypeIris[code as PublisherTypeCode];
      return quad(q.subject, dct('type'), release8 ? DataFactory.namedNode(release8) : q.object, q.graph);
    }
    if (q.predicate.value === PUBLISHER_NOTE) {
      draft = true;
      return quad(q.subject, dct('description'), q.object, q.graph);
    }
    return q;
  });
  return { quads: out, draft };
}
