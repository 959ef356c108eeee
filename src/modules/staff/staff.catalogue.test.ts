import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { roles } from '../../platform/actor.js';
import { createI18n } from '../../platform/i18n.js';
import { roleDocs, staffRules } from './staff.policy.js';

const here = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Every literal `staff:` and `validation:` key this module's code asks for, plus the role and status keys. */
function usedKeys(): string[] {
  const keys = new Set<string>();
  for (const file of sourceFiles(here)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/'((?:staff|validation):[\w.]+)'/g)) {
      if (match[1]) keys.add(match[1]);
    }
  }
  for (const role of roles) {
    keys.add(`staff:roles.${role}.name`);
    keys.add(`staff:roles.${role}.description`);
  }
  for (const status of ['active', 'disabled']) keys.add(`staff:status.${status}`);
  for (const code of [
    'wrongCredentials',
    'passwordTooShort',
    'passwordsDiffer',
    'taken',
    'emailTaken',
    'lastAdmin',
  ])
    keys.add(`validation:${code}`);
  return [...keys];
}

describe('staff catalogues and policy', () => {
  const i18n = createI18n();

  it.each(['en', 'da'])('has every key the staff pages use in %s', (locale) => {
    const missing = usedKeys().filter(
      (key) => !i18n.exists(key, { lng: locale, fallbackLng: false, count: 2 }),
    );
    expect(missing).toEqual([]);
  });

  it('documents every role and only admins manage the team', () => {
    expect(Object.keys(roleDocs).sort()).toEqual([...roles].sort());
    expect(staffRules.manageTeam).toEqual(['admin']);
    expect([...staffRules.viewTeam].sort()).toEqual([...roles].sort());
  });
});
