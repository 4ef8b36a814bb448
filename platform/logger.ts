import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/** Keys under which an error names the error it wraps. */
const WRAPPED = ['cause', 'originalError'] as const;

/**
 * A logged error without the parameters of a failed statement: they are caller values (names, texts,
 * identifiers) that a log must not keep. The statement's text stays, for the operator; its parameters
 * are replaced by `[hidden]` wherever they appear (the `params` field, message and stack).
 */
function withoutStatementParameters(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 5) return value;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if ('params' in copy) copy.params = '[hidden]';
  for (const key of ['message', 'stack']) {
    if (typeof copy[key] === 'string') copy[key] = (copy[key] as string).replace(/^params: .*$/gm, 'params: [hidden]');
  }
  for (const key of WRAPPED) if (key in copy) copy[key] = withoutStatementParameters(copy[key], depth + 1);
  return copy;
}

/** Creates the structured JSON logger shared by one process's services; stdout unless `destination` is given. */
export function createLogger(level: string, name = 'health-metadata-gateway', destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    name,
    level,
    redact: ['req.headers.authorization', 'headers.authorization'],
    serializers: { err: (error: Error) => withoutStatementParameters(pino.stdSerializers.err(error)) },
  };
  return destination ? pino(options, destination) : pino(options);
}
