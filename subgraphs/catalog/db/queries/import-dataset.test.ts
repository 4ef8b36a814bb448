import { readFileSync } from 'node:fs';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../platform/db/database.js';
import { conformanceDir } from '../../../../test/support/healthdcat-shapes.js';
import { createTestDatabase } from '../../../../test/support/test-database.js';
import { ownIdMatcher, pushRecord } from '../../rdf/import/push-record.js';
import { dataHolder } from '../schema/data-holder.js';
import { dataset } from '../schema/dataset.js';

const ARCA = readFileSync(new URL('healthdcat-ap/examples/EPRDR/ARCA.ttl', conformanceDir), 'utf8');
const steward = { subject: 'steward-1', organisation: null };
const PUBLISHER_IRI = 'https://eu-rd-platform.jrc.ec.europa.eu/mdr/detail/ARCA/publisher-jrc';

/** The ARCA record as another registry: its own identifier and IRI, the same organisations. */
function registry(n: number): string {
  return ARCA.replace('dct:identifier "ARCA"', `dct:identifier "REGISTRY-${n}"`).replaceAll(
    '<https://eu-rd-platform.jrc.ec.europa.eu/mdr/detail/ARCA>',
    `<https://registries.example.org/${n}>`,
  );
}

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

describe('importing records', () => {
  it('creates each organisation once when records naming it are pushed at the same time', async () => {
    const outcomes = await Promise.all(
      [1, 2, 3, 4].map((n) => pushRecord(database.db, { text: registry(n), format: 'turtle', mode: 'create' }, steward, '2026-11-24')),
    );
    expect(outcomes.map((o) => (o.ok ? o.id : o.message))).toEqual(['registry-1', 'registry-2', 'registry-3', 'registry-4']);
    expect(await database.db.select({ id: dataHolder.id }).from(dataHolder).where(eq(dataHolder.sourceIri, PUBLISHER_IRI))).toHaveLength(1);
    const publishers = await database.db.select({ publisher: dataset.publisherId }).from(dataset).where(like(dataset.id, 'registry-%'));
    expect(new Set(publishers.map((p) => p.publisher)).size).toBe(1);
  });

  it('updates an organisation it imported before from a later record, and leaves it alone when the record is refused', async () => {
    const renamed = registry(5).replace('foaf:name "Union body"@en ;\n    dct:type <https://hdeu-dcat.data.health.europa.eu/resource/authority/publisher-type/administrative-institution> ;\n    cv:contactPoint arca:publisher-contact-point', 'foaf:name "European Union body"@en ;\n    dct:type <https://hdeu-dcat.data.health.europa.eu/resource/authority/publisher-type/administrative-institution> ;\n    cv:contactPoint arca:publisher-contact-point');
    expect(renamed).not.toBe(registry(5));
    // Refused once the organisations are written: its id is taken. The rename must go with the refusal.
    const clash = renamed.replace('dct:identifier "REGISTRY-5"', 'dct:identifier "REGISTRY-1"');
    const refused = await pushRecord(database.db, { text: clash, format: 'turtle', mode: 'create' }, steward, '2026-11-24');
    expect(refused).toMatchObject({ ok: false, code: 'ALREADY_EXISTS' });
    const [before] = await database.db.select({ name: dataHolder.name }).from(dataHolder).where(eq(dataHolder.sourceIri, PUBLISHER_IRI));
    expect(before?.name).toBe('Union body');

    // A record restating the organisation as it is leaves the datasets naming it unchanged for harvesters...
    const changedAt = async () => (await database.db.select({ at: dataset.updatedAt }).from(dataset).where(eq(dataset.id, 'registry-1')))[0]?.at.getTime();
    const initially = await changedAt();
    expect((await pushRecord(database.db, { text: registry(7), format: 'turtle', mode: 'create' }, steward, '2026-11-24')).ok).toBe(true);
    expect(await changedAt()).toBe(initially);

    // ...and one that renames it marks them changed, so that incremental harvests carry the new name.
    const accepted = await pushRecord(database.db, { text: renamed, format: 'turtle', mode: 'create' }, steward, '2026-11-24');
    expect(accepted.ok).toBe(true);
    const [after] = await database.db.select({ name: dataHolder.name }).from(dataHolder).where(eq(dataHolder.sourceIri, PUBLISHER_IRI));
    expect(after?.name).toBe('European Union body');
    expect(await changedAt()).toBeGreaterThan(initially ?? Infinity);
  });

  it("refuses IRIs under the catalogue's own address that name none of its datasets or organisations", async () => {
    const base = 'https://health-data.example.org';
    const text = registry(6).replaceAll('arca:publisher-jrc', `<${base}/catalogue>`);
    expect(text).toContain(`dct:publisher <${base}/catalogue>`);
    const outcome = await pushRecord(database.db, { text, format: 'turtle', mode: 'create', publicBase: base }, steward, '2026-11-24');
    expect(outcome).toMatchObject({ ok: false, code: 'INVALID_RECORD', message: expect.stringContaining("under the catalogue's own address") });
  });

  it("takes an IRI as the catalogue's own only under its known public address", () => {
    expect(ownIdMatcher(undefined)('https://partner.example/catalogue/data-holders/cnam', 'dataHolder')).toBeUndefined();
    expect(ownIdMatcher('https://health-data.example.org')('https://partner.example/catalogue/data-holders/cnam', 'dataHolder')).toBeUndefined();
    expect(ownIdMatcher('https://health-data.example.org')('https://health-data.example.org/catalogue/data-holders/cnam', 'dataHolder')).toBe('cnam');
    expect(ownIdMatcher('https://health-data.example.org')('https://health-data.example.org/catalogue/datasets/%E0%A4%A', 'dataset')).toBeUndefined();
  });
});
