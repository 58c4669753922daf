// The formats of `dtcost estimate`, apart from the command (the command line lists them at every start).
export const FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];
