// The kinds of `dtcost import`, apart from the importers: the command line lists them at every start.
export const IMPORT_KINDS = ['rvtools', 'kubernetes', 'aws', 'azure', 'gcp', 'terraform', 'splunk'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
