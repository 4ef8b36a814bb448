import type { ContactPointJson } from '../db/schema/dataset.js';

/**
 * A dataset's contact point. An imported HealthDCAT-AP record may give a contact point without a name
 * (`vcard:fn` is optional there); `name` then reads as its e-mail address or URL, which is how such a
 * contact is addressed, and the export states no name.
 */
export const ContactPoint = {
  name: (contact: ContactPointJson) => contact.name ?? contact.email ?? contact.url ?? '',
};
