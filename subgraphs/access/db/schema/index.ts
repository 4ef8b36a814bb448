/** Every table of the access subgraph, for drizzle-kit and for typed queries. */
export { accessSchema } from './access-schema.js';
export { accessApplication } from './access-application.js';
export { auditEvent } from './audit-event.js';
export { organisation } from './organisation.js';
export { organisationMember } from './organisation-member.js';
export { permit } from './permit.js';
