import { describe, expect, it } from 'vitest';
import { createI18n } from './i18n.js';
import { fieldMessage } from './field-messages.js';
import { formErrors } from '../ui/page-context.js';

const i18n = createI18n();

describe('fieldMessage', () => {
  it.each(['en', 'da'])('takes shared codes from the validation catalogue (%s)', (lng) => {
    const t = i18n.getFixedT(lng);
    expect(fieldMessage(t, { field: 'title', code: 'tooLong', params: { max: 5 } })).toBe(
      t('validation:tooLong', { max: 5 }),
    );
    expect(fieldMessage(t, { field: 'title', code: 'tooLong', params: { max: 5 } })).toContain('5');
  });

  it.each(['en', 'da'])('takes a capability code from that capability’s errors (%s)', (lng) => {
    const t = i18n.getFixedT(lng);
    for (const [ns, code] of [
      ['ideas', 'mergeSelf'],
      ['interviews', 'notConsented'],
    ] as const) {
      const key = `${ns}:errors.${code}`;
      expect(i18n.exists(key, { lng }), key).toBe(true);
      const message = fieldMessage(t, { field: 'x', code: `${ns}.${code}` });
      expect(message).toBe(t(key));
      expect(message).not.toContain(code);
    }
  });

  it('does not read a prefix that is no namespace as one', () => {
    const t = i18n.getFixedT('en');
    expect(fieldMessage(t, { field: 'x', code: 'nowhere.required' })).toBe(t('validation:nowhere.required'));
  });

  it('gives forms the first message of each field', () => {
    const t = i18n.getFixedT('en');
    expect(
      formErrors(
        [
          { field: 'a', code: 'required' },
          { field: 'a', code: 'tooLong', params: { max: 1 } },
          { field: 'b', code: 'ideas.mergeSelf' },
        ],
        t,
      ),
    ).toEqual({ a: t('validation:required'), b: t('ideas:errors.mergeSelf') });
  });
});
