// better-sqlite3 is native: Node (CLI, tests) and Electron (the app) need it built for different ABIs.
// `node build/ensure-native.mjs node|electron` rebuilds it only when the other one is currently built.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const want = process.argv[2];
const marker = 'node_modules/.dossier-native-abi';
const current = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : 'node';

function nodeCanLoad() {
  const r = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { stdio: 'ignore' });
  return r.status === 0;
}

if (want === 'node') {
  if (current !== 'node' || !nodeCanLoad()) {
    console.error('[dossier] rebuilding better-sqlite3 for Node (tests and CLI)…');
    execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
    writeFileSync(marker, 'node\n');
  }
} else if (want === 'electron') {
  if (current !== 'electron') {
    console.error('[dossier] rebuilding better-sqlite3 for Electron…');
    execSync('npx electron-builder install-app-deps', { stdio: 'inherit' });
    writeFileSync(marker, 'electron\n');
  }
} else {
  console.error('usage: node build/ensure-native.mjs node|electron');
  process.exitCode = 2;
}
