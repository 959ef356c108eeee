import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { environment } from '../src/config.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The variable names in the first column of the tables under `## Configuration`. */
function documentedVariables(): string[] {
  const section = /^## Configuration\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
  return [...section.matchAll(/^\|\s*`([A-Z0-9_]+)`\s*\|/gm)].map((m) => m[1] ?? '');
}

const testOnly = ['TEST_DATABASE_URL', 'CHROMIUM_PATH'];

describe('README configuration table', () => {
  it('documents every environment variable the platform reads', () => {
    const documented = documentedVariables();
    const missing = environment.map((v) => v.name).filter((name) => !documented.includes(name));
    expect(missing, 'add these to the README table (from src/config.ts `environment`)').toEqual([]);
  });

  it('documents the test-only variables', () => {
    expect(documentedVariables()).toEqual(expect.arrayContaining(testOnly));
  });

  it('documents no variable the platform does not read', () => {
    const known = new Set([...environment.map((v) => v.name), ...testOnly]);
    expect(documentedVariables().filter((name) => !known.has(name))).toEqual([]);
  });

  it('gives each variable its default from src/config.ts', () => {
    const rows = new Map(
      [...readme.matchAll(/^\|\s*`([A-Z0-9_]+)`\s*\|([^|]*)\|/gm)].map((m) => [
        m[1] ?? '',
        (m[2] ?? '').replace(/`/g, '').trim(),
      ]),
    );
    const wrong = environment
      .filter((v) => rows.get(v.name) !== v.default.replace(/`/g, ''))
      .map((v) => `${v.name}: README says "${rows.get(v.name)}", config.ts says "${v.default}"`);
    expect(wrong).toEqual([]);
  });
});
