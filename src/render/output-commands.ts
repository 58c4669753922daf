// The commands whose JSON output has a schema (output-schemas.ts), apart from the schemas: the
// command line lists them at every start, and the schemas are built only for `dtcost schema`.
export const OUTPUT_COMMANDS = ['estimate', 'validate', 'explain', 'compare', 'diff', 'rates'] as const;
export type OutputCommand = (typeof OUTPUT_COMMANDS)[number];
