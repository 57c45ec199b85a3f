// `npm run fuzz [-- --cases N --seed S --family F --kills K]`: the long run of the importer fuzz (parseFile on
// hostile inputs, in this process) and of crash recovery (SIGKILL of a CLI import at random points). Prints
// one JSON line per finding and a summary; exits non-zero when anything was found.
import { parseArgs } from 'node:util';
import { corporaDir } from '../helpers.ts';
import { anyCase, corpusSamples, FAMILIES, makeCase, rng, type Family } from './inputs.ts';
import { problemsOfCase } from './check.ts';
import { killedImports } from './kill.ts';

const { values } = parseArgs({ options: {
  cases: { type: 'string', default: '500' }, seed: { type: 'string', default: String(Date.now() % 1e9) },
  family: { type: 'string' }, verbose: { type: 'boolean', default: false }, kills: { type: 'string', default: '0' },
} });
const seed = Number(values.seed);
const cases = Number(values.cases);
const family = values.family as Family | undefined;
if (family && !FAMILIES.includes(family)) throw new Error(`--family must be one of ${FAMILIES.join(', ')}`);

const samples = corpusSamples(corporaDir);
if (samples.length === 0) console.log(JSON.stringify({ note: 'no ../shared/corpora: mutated real files are replaced by random bytes' }));
let found = 0;
const started = Date.now();
const slowest: Array<{ ms: number; family: string; name: string; seed: number; i: number }> = [];
for (let i = 0; i < cases; i++) {
  const r = rng(seed * 100_003 + i);
  const c = family ? makeCase(family, r, samples) : anyCase(r, samples);
  if (values.verbose) process.stderr.write(`${i} ${c.family} ${c.name} ${c.bytes.length}\n`);
  const t0 = Date.now();
  const problems = await problemsOfCase(c);
  const ms = Date.now() - t0;
  slowest.push({ ms, family: c.family, name: c.name, seed, i });
  slowest.sort((a, b) => b.ms - a.ms).splice(5);
  if (problems.length > 0) {
    found++;
    console.log(JSON.stringify({ finding: problems.slice(0, 3), family: c.family, name: c.name, size: c.bytes.length, seed, case: i }));
  }
}
console.log(JSON.stringify({ fuzz: 'parseFile', cases, seed, findings: found, seconds: (Date.now() - started) / 1000, slowest }));

const kills = Number(values.kills);
if (kills > 0) {
  const r = await killedImports(kills, seed);
  console.log(JSON.stringify({ fuzz: 'kill', ...r }));
  if (r.problems.length > 0) found += r.problems.length;
}
process.exitCode = found > 0 ? 1 : 0;
