// Imported first by cli.ts, so it runs before the rest of the CLI's modules are evaluated: `dossier import` starts
// its import worker and first parse thread while Node is still loading the CLI and opening the library, instead of
// after (see prepareImportWorker). Any other command, or the CLI imported as a module (tests), starts nothing.
import { realpathSync } from 'node:fs';
import { prepareImportWorker } from './import/worker-host.ts';

function runAsCli(): boolean {
  try {
    return !!process.argv[1] && /[\\/]cli\.(mjs|ts)$/.test(realpathSync(process.argv[1]));
  } catch {
    return false;
  }
}

// The documented form only (`dossier import PATH...`); options before the command just miss the head start.
if (process.argv[2] === 'import' && process.argv.length > 3 && runAsCli()) prepareImportWorker(null);
