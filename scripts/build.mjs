// Bundles the server (src/main.ts) and the client islands into dist/ with esbuild: fast, and the
// JSX runtime and TypeScript are handled the same way as in the tests.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(root, 'src/main.ts')],
  outdir: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  jsx: 'automatic',
  jsxImportSource: '@kitajs/html',
  logLevel: 'warning',
});
// The conversations' analysis runs in a worker thread (piscina) that loads this file beside main.js.
await build({
  entryPoints: [join(root, 'src/modules/conversations/conversation-analysis.worker.ts')],
  outfile: join(out, 'conversation-analysis.worker.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
cpSync(join(root, 'src/ui/public'), join(out, 'public'), { recursive: true });
// The demo seed imports a real Pol.is conversation from these files (see src/modules/demo/seed-demo-conversation.ts).
cpSync(join(root, 'src/modules/demo/polis'), join(out, 'demo-polis'), { recursive: true });
console.log('built dist/');
