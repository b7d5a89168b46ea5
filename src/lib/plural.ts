/**
 * Plural words, by Intl.PluralRules (the interface's words are English): one helper instead of
 * `n === 1 ? 'run' : 'runs'` in every sentence.
 */
const rules = new Intl.PluralRules('en-US');
const numbers = new Intl.NumberFormat();

/** The word for `n` things: `plural(1, 'run')` → "run", `plural(3, 'run')` → "runs". */
export const plural = (n: number, one: string, other = `${one}s`): string =>
  rules.select(n) === 'one' ? one : other;

/** A count with its word, the count in the user's locale: "1 run", "1,204 lines". */
export const countOf = (n: number, one: string, other = `${one}s`): string =>
  `${numbers.format(n)} ${plural(n, one, other)}`;
