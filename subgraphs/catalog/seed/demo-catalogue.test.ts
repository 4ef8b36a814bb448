import { describe, expect, it } from 'vitest';
import { demoDataHolders, demoDatasets } from './seed-demo.js';

describe('the demo catalogue', () => {
  const holders = demoDataHolders();
  const datasets = demoDatasets();
  const holderById = new Map(holders.map((h) => [h.id, h]));

  it('has at least 45 valid datasets, at least 10 of them outside France', () => {
    expect(datasets.length).toBeGreaterThanOrEqual(45);
    expect(datasets.filter((d) => !d.spatial.includes('FRA')).length).toBeGreaterThanOrEqual(10);
  });

  it('uses each dataset id and each holder id once', () => {
    expect(new Set(datasets.map((d) => d.id)).size).toBe(datasets.length);
    expect(new Set(holders.map((h) => h.id)).size).toBe(holders.length);
  });

  it('names only known holders, and only access bodies as access bodies', () => {
    for (const d of datasets) {
      expect(holderById.has(d.publisher), `${d.id} publisher`).toBe(true);
      if (d.custodian) expect(holderById.has(d.custodian), `${d.id} custodian`).toBe(true);
      if (d.accessBody) expect(holderById.get(d.accessBody)?.isAccessBody, `${d.id} access body`).toBe(true);
    }
  });

  it('carries the SNDS components the lineage seed refers to', () => {
    const ids = new Set(datasets.map((d) => d.id));
    for (const id of ['snds-base-principale', 'snds-dcir', 'snds-dcirs', 'pmsi-mco', 'pmsi-ssr', 'pmsi-had', 'pmsi-rimp', 'cepidc-bcmd', 'mdph', 'cartographie-pathologies']) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('records CCAM as the national procedure coding system (PROC-CODES-NAT) where PMSI MCO uses it', () => {
    expect(datasets.find((d) => d.id === 'pmsi-mco')?.codingSystems).toContain('PROC_CODES_NAT');
  });

  it('has a title and a description in both languages for every dataset', () => {
    for (const d of datasets) {
      expect(d.title.fr && d.title.en, d.id).toBeTruthy();
      expect(d.description.fr && d.description.en, d.id).toBeTruthy();
    }
  });
});
