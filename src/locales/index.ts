import commonEn from './en/common.json' with { type: 'json' };
import commonDa from './da/common.json' with { type: 'json' };
import errorsEn from './en/errors.json' with { type: 'json' };
import errorsDa from './da/errors.json' with { type: 'json' };
import validationEn from './en/validation.json' with { type: 'json' };
import validationDa from './da/validation.json' with { type: 'json' };

// One namespace per concern; a module adds its own pair of files here.
export const resources = {
  en: { common: commonEn, errors: errorsEn, validation: validationEn },
  da: { common: commonDa, errors: errorsDa, validation: validationDa },
};

/** The namespaces every locale must have (a test checks both catalogues have the same keys). */
export const namespaces = Object.keys(resources.en);
