// Injected at build time by esbuild (scripts/build.mjs) and in tests by vitest.config.ts.
declare const __DTCOST_VERSION__: string;
export const VERSION: string = __DTCOST_VERSION__;
