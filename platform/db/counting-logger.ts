import type { Logger } from 'drizzle-orm/logger';

/** A drizzle logger that only counts the statements sent (tests use the count to prove there is no N+1). */
export class CountingLogger implements Logger {
  count = 0;
  logQuery(): void {
    this.count++;
  }
}
