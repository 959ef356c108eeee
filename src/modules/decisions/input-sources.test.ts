// Every kind of input has a source: a kind added to `inputKinds` without one fails here.

import { describe, expect, it } from 'vitest';
import { inputKinds } from './input-source.js';
import { allInputSources, inputSourceOf } from './input-sources.js';

describe('input source registry', () => {
  it('has a source for every kind of input, registered under its own kind', () => {
    for (const kind of inputKinds) expect(inputSourceOf(kind)?.kind, kind).toBe(kind);
    expect(allInputSources().map((s) => s.kind)).toEqual([...inputKinds]);
  });
});
