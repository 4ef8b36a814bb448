import { pino, type Logger } from 'pino';

export type { Logger };

/** Creates the structured JSON logger shared by one process's services. */
export function createLogger(level: string, name = 'health-metadata-gateway'): Logger {
  return pino({ name, level, redact: ['req.headers.authorization', 'headers.authorization'] });
}
