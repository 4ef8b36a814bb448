import type { Vocabulary } from './term.js';

const base = 'https://w3id.org/dpv/legal/eu/gdpr#';

function term(article: string, en: string, fr: string) {
  return { uri: base + article, en, fr };
}

/** GDPR legal bases for processing (DPV GDPR extension), Art. 6(1) and Art. 9(2). */
export const legalBases = {
  GDPR_6_1_A: term('A6-1-a', 'Consent (GDPR Art. 6(1)(a))', 'Consentement (RGPD art. 6.1.a)'),
  GDPR_6_1_C: term('A6-1-c', 'Legal obligation (GDPR Art. 6(1)(c))', 'Obligation légale (RGPD art. 6.1.c)'),
  GDPR_6_1_E: term('A6-1-e', 'Public interest task (GDPR Art. 6(1)(e))', "Mission d'intérêt public (RGPD art. 6.1.e)"),
  GDPR_6_1_F: term('A6-1-f', 'Legitimate interests (GDPR Art. 6(1)(f))', 'Intérêts légitimes (RGPD art. 6.1.f)'),
  GDPR_9_2_A: term('A9-2-a', 'Explicit consent (GDPR Art. 9(2)(a))', 'Consentement explicite (RGPD art. 9.2.a)'),
  GDPR_9_2_H: term('A9-2-h', 'Preventive medicine and care (GDPR Art. 9(2)(h))', 'Médecine préventive et soins (RGPD art. 9.2.h)'),
  GDPR_9_2_I: term('A9-2-i', 'Public interest in public health (GDPR Art. 9(2)(i))', 'Intérêt public en santé publique (RGPD art. 9.2.i)'),
  GDPR_9_2_J: term('A9-2-j', 'Scientific research and statistics (GDPR Art. 9(2)(j))', 'Recherche scientifique et statistique (RGPD art. 9.2.j)'),
} as const satisfies Vocabulary<string>;

export type LegalBasisCode = keyof typeof legalBases;
