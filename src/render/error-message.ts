// An error answer in the reply's language: slash refusals are catalogue data (why, nearest reading,
// usage); errors from the code and summary parsers are still English sentences.
import type { Answer } from '../answer.js';
import type { Locale } from '../i18n/index.js';
import { refusalText } from '../parse/slash.js';
import { formulaText } from '../parse/code/formula.js';

export function errorMessage(a: Extract<Answer, { kind: 'error' }>, locale: Locale): string {
  if (a.formula) return formulaText(locale, a.formula);
  return a.refusal ? refusalText(locale, a.refusal) : a.message;
}
