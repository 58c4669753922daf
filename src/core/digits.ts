// Thousands grouping lives in format.ts, with every other number format; re-exported here for the
// modules that import it from its old place.
export { groupThousands } from './format.js';
