import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from '../src/locales/index.js';
import { createI18n } from '../src/platform/i18n.js';

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      keys(v, prefix ? `${prefix}.${k}` : k),
    );
  }
  return [prefix];
}

function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      leaves(v, prefix ? `${prefix}.${k}` : k),
    );
  }
  return [[prefix, value]];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('catalogues', () => {
  it('English and Danish have exactly the same keys in every namespace', () => {
    for (const [ns, en] of Object.entries(resources.en)) {
      const da = (resources.da as Record<string, unknown>)[ns];
      expect(keys(da).sort(), `namespace ${ns}`).toEqual(keys(en).sort());
    }
  });

  it('has no empty translation', () => {
    for (const lang of ['en', 'da'] as const) {
      for (const [ns, catalogue] of Object.entries(resources[lang])) {
        const empty = leaves(catalogue).filter(
          ([, value]) => typeof value !== 'string' || value.trim() === '',
        );
        expect(empty, `${lang}/${ns}`).toEqual([]);
      }
    }
  });

  it('defines every literal key the code asks for', () => {
    const i18n = createI18n();
    const missing: string[] = [];
    for (const file of sourceFiles('src')) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z]+:[\w.]+|[\w.]+)'/g)) {
        const key = match[1]!;
        if (!i18n.exists(key, { lng: 'en' }) || !i18n.exists(key, { lng: 'da' }))
          missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('defines a title and detail for every error code', async () => {
    const { errorCatalogue } = await import('../src/platform/errors.js');
    const i18n = createI18n();
    for (const code of Object.keys(errorCatalogue)) {
      for (const lng of ['en', 'da']) {
        expect(i18n.exists(`errors:${code}.title`, { lng }), `${lng} errors:${code}.title`).toBe(true);
        expect(i18n.exists(`errors:${code}.detail`, { lng }), `${lng} errors:${code}.detail`).toBe(true);
      }
    }
  });
});
