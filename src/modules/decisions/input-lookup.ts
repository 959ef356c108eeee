import type { Db } from '../../db/database.js';
import type { InputItem, InputKind } from './input-source.js';
import { inputSourceOf } from './input-sources.js';

// Reads inputs of any kind through the registry, so decisions never touch another module's tables.

/** The key of an input among inputs of every kind. */
export const inputKey = (kind: string, id: string): string => `${kind}:${id}`;

/** The inputs behind these references, keyed by `inputKey`; unknown ones (or kinds without a source) left out. */
export async function lookUpInputs(
  db: Db,
  organizationId: string,
  refs: readonly { inputKind: string; inputId: string }[],
): Promise<Map<string, InputItem>> {
  const byKind = new Map<string, string[]>();
  for (const r of refs) byKind.set(r.inputKind, [...(byKind.get(r.inputKind) ?? []), r.inputId]);
  const out = new Map<string, InputItem>();
  for (const [kind, ids] of byKind) {
    const source = inputSourceOf(kind as InputKind);
    if (!source) continue;
    for (const item of await source.byIds(db, organizationId, ids))
      out.set(inputKey(item.kind, item.id), item);
  }
  return out;
}

/** One input of an initiative, or undefined when the initiative holds no such input. */
export async function inputOfInitiative(
  db: Db,
  organizationId: string,
  initiativeId: string,
  kind: string,
  inputId: string,
): Promise<InputItem | undefined> {
  const item = (await lookUpInputs(db, organizationId, [{ inputKind: kind, inputId }])).get(
    inputKey(kind, inputId),
  );
  return item?.initiativeId === initiativeId ? item : undefined;
}
