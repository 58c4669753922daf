// Display formatting of exact numbers: the functions live in src/core/format.ts (the one number
// formatting module); this re-exports those the renderers and the commands use.
export { group, money, percent, quantity, roundHalfUp, unitPrice, unitPrices } from '../core/format.js';
