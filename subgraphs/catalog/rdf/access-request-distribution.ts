import type { DatasetRow } from '../db/queries/datasets.js';
import type { HolderIndex } from './catalogue-entry.js';
import type { DistributionFacts } from './distribution-quads.js';

/**
 * The distribution the export states for a dataset whose record lists none. HealthDCAT-AP requires at
 * least one distribution "independently of the access rights", and DCAT-AP's rule for data reachable only
 * through a page is a distribution whose `dcat:accessURL` is that page. So this distribution says only
 * where access is asked for, in this order: the home page of the dataset's health data access body (the
 * route the catalogue records for it), else the dataset's landing page, else its contact page. It has no
 * download URL, format or size, which the catalogue does not know. Null when none of the three is known.
 */
export function accessRequestDistribution(dataset: DatasetRow, holders: HolderIndex): DistributionFacts | null {
  const accessBody = dataset.accessBodyId ? holders.get(dataset.accessBodyId) : undefined;
  if (accessBody?.homepage) {
    return {
      title: { en: 'Access on request', fr: 'Accès sur demande' },
      description: {
        en: `Access to the data is requested from the health data access body (${accessBody.name}).`,
        fr: `L'accès aux données se demande auprès de l'organisme d'accès aux données de santé (${accessBody.name}).`,
      },
      accessUrl: accessBody.homepage,
    };
  }
  const page = dataset.landingPage ?? dataset.contactPoint.url;
  if (!page) return null;
  return {
    title: { en: 'Access on request', fr: 'Accès sur demande' },
    description: {
      en: `The catalogue lists no download for this dataset; access is requested through its ${dataset.landingPage ? 'landing' : 'contact'} page.`,
      fr: `Le catalogue ne propose pas de téléchargement de ce jeu de données ; l'accès se demande par sa page ${dataset.landingPage ? "d'accueil" : 'de contact'}.`,
    },
    accessUrl: page,
  };
}
