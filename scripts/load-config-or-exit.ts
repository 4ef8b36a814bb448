import { ConfigError, loadConfig, type Config } from '../platform/config.js';

/** The validated configuration; on an invalid environment, prints every problem and exits with status 2. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}
