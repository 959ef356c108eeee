// `npm run bench`: runs every `bench:*` script of package.json in turn, each in its own process so
// that one benchmark's memory and JIT state never colour the next one's figures.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const names = Object.keys(scripts).filter((name) => name.startsWith('bench:'));
let failed = 0;
for (const name of names) {
  console.log(`\n== npm run ${name}`);
  const run = spawnSync('npm', ['run', '--silent', name], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
if (names.length === 0) console.log('no benchmarks');
process.exit(failed === 0 ? 0 : 1);
