// Numbers as they read inside formulas: thousands grouped, at most six decimals, no exponent. The
// functions live in format.ts with every other number format; the rules import them from here.
export { countPrefix, monthScale, n, plural } from './format.js';
