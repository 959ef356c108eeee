import { namespaces } from '../locales/index.js';
import type { FieldError } from './errors.js';
import type { Translate } from './i18n.js';

// The `validation` catalogue holds the messages every form shares (required, too long …). A message
// only one capability needs (a malformed WebVTT line, merging an idea into itself) lives in that
// capability's namespace under `errors`, and its field-error code names the namespace:
// `interviews.notConsented` is `interviews:errors.notConsented`.

const capabilityNamespaces = new Set(namespaces.filter((ns) => ns !== 'validation'));

/** The message of one field error in the reader's language (shared or capability catalogue). */
export function fieldMessage(t: Translate, f: FieldError): string {
  const dot = f.code.indexOf('.');
  if (dot > 0) {
    const ns = f.code.slice(0, dot);
    if (capabilityNamespaces.has(ns)) return t(`${ns}:errors.${f.code.slice(dot + 1)}`, f.params ?? {});
  }
  return t(`validation:${f.code}`, f.params ?? {});
}
