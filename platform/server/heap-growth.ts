/**
 * Bounds how far the JavaScript heap grows between full collections, on import (every entry point,
 * `scripts/start*.ts`, imports it first). V8 lets the old generation grow to up to four times what the
 * last full collection kept before it collects again; under load a gateway that keeps 75 MB alive so
 * reached 200 MB of heap and 420 MB resident. With `HEAP_GROWING_PERCENT` (`Config.heapGrowingPercent`,
 * 50 by default) the next collection comes at 1.5 times the live heap: more frequent full collections
 * (each a few milliseconds, mostly incremental) for a resident size that follows what is alive.
 * 0 leaves V8's own rule. This is a growth factor, not a limit: a process that needs more heap gets it.
 */
import v8 from 'node:v8';
import { loadConfig } from '../config.js';

function growingPercent(): number {
  try {
    return loadConfig().heapGrowingPercent;
  } catch {
    // An invalid environment is reported (and the process ended) by the entry point's own loadConfigOrExit.
    return 0;
  }
}

const percent = growingPercent();
if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
