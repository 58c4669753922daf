// Exit codes (SPEC "Exit codes").
export const EXIT = {
  ok: 0,
  /** Done, and a budget is exceeded; the estimate is still printed in full. */
  budgetExceeded: 1,
  /** An estate, a flag or a rate card is invalid, or a file cannot be read: nothing is estimated. */
  invalidInput: 2,
  /** A bug in dtcost. */
  internal: 3,
} as const;

/** A problem with the command line itself (a flag's value), reported like an input error. */
export class UsageError extends Error {}
