import { ideaInputSource } from '../ideas/idea-input-source.js';
import type { InputKind, InputSource } from './input-source.js';

// The registry of input sources. A module that holds input adds its source here (one line each).
const sources: Partial<Record<InputKind, InputSource>> = {
  idea: ideaInputSource,
};

/** The source of one kind of input, or undefined while that kind has none. */
export function inputSourceOf(kind: InputKind): InputSource | undefined {
  return sources[kind];
}

/** Every registered source, in the order of `inputKinds`. */
export function allInputSources(): InputSource[] {
  return Object.values(sources);
}
