// Number formatting for charts through the built-in Intl API: the caller passes its locale ('en' or
// 'da'; Danish gets its decimal comma), charts never import i18n.

/** Formats a share (0..1) as a percentage, e.g. 0.125 → "12.5%" (en) or "12,5 %" (da). */
export function percentFormat(locale: string, fractionDigits = 0): (share: number) => string {
  const f = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  });
  return (share) => f.format(share);
}

/** Formats a plain number, e.g. 1234.5 → "1,234.5" (en) or "1.234,5" (da). */
export function numberFormat(locale: string, fractionDigits = 0): (value: number) => string {
  const f = new Intl.NumberFormat(locale, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  });
  return (value) => f.format(value);
}

/**
 * Formats a difference of shares in percentage points with its sign, e.g. 0.052 → "+5.2 pp"; the unit
 * text comes from the caller's catalogue.
 */
export function pointsFormat(
  locale: string,
  unit: string,
  fractionDigits = 1,
): (difference: number) => string {
  const f = new Intl.NumberFormat(locale, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
    signDisplay: 'exceptZero',
  });
  return (difference) => `${f.format(difference * 100)}\u00a0${unit}`;
}
