import { timestamp } from 'drizzle-orm/pg-core';

/** Creation and last-update times shared by every catalog table. */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};
