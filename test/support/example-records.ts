import { readFileSync } from 'node:fs';

const ARCA_IRI = 'https://eu-rd-platform.jrc.ec.europa.eu/mdr/detail/ARCA';
let arca: string | undefined;

/** The official ARCA example (HealthDCAT-AP Release 8, PUBLIC, zero violations), as fixed in test/fixtures. */
function arcaExample(): string {
  arca ??= readFileSync(new URL('../fixtures/conformance/healthdcat-ap/examples/EPRDR/ARCA.ttl', import.meta.url), 'utf8');
  return arca;
}

/**
 * A valid PUBLIC HealthDCAT-AP record made from the official ARCA example: the dataset is `iri`, with its
 * own identifier and English title, and `keywords` more French keywords. With `ownNodes`, the example's
 * other nodes (agents, contact points, distributions) are renamed under `iri` too; otherwise every record
 * shares the example's organisations.
 */
export function exampleRecord(iri: string, identifier: string, title: string, options: { keywords?: number; ownNodes?: boolean } = {}): string {
  const keywords = options.keywords ?? 0;
  const words = keywords === 0 ? '' : `\n<${iri}> <http://www.w3.org/ns/dcat#keyword> ${Array.from({ length: keywords }, (_, i) => `"mot ${i}"@fr`).join(', ')} .\n`;
  let text = arcaExample().replaceAll(`<${ARCA_IRI}>`, `<${iri}>`);
  if (options.ownNodes) text = text.replace(`@prefix arca: <${ARCA_IRI}/> .`, `@prefix arca: <${iri}/> .`);
  return text.replace('dct:title "[Test] ARCA"@en', `dct:title ${JSON.stringify(title)}@en`).replace('dct:identifier "ARCA"', `dct:identifier ${JSON.stringify(identifier)}`) + words;
}
