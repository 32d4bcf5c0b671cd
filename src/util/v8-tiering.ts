import { setFlagsFromString } from 'node:v8';

/**
 * V8 optimises a function once it has run ≈ 400 times (Maglev) and ≈ 3,000 times (TurboFan), scaled by its size:
 * settings for pages that run for minutes. A run of mlreport lasts a fraction of a second to a few seconds and calls
 * hundreds of functions a few thousand times each (once a file, once a row): at those settings ≈ a quarter of its CPU
 * went to V8's compiler threads, compiling code that had nearly finished running. Ten times both thresholds, set
 * once the entry's code is loaded (V8 reads them at each decision; see cli.ts for why not before): `report` of 2,000
 * values files 333 → 289 ms CPU; a 1,000,000-key `metrics diff`, whose loops are optimised all the same, 1033 → 1030
 * ms (docs/development.md).
 * Only on the V8 they were measured on (Node 24's, 13.x): another may lack a flag, and would print an error for it.
 */
export function tuneTieringForShortRuns(): void {
  if (!process.versions.v8.startsWith('13.')) return;
  setFlagsFromString('--invocation-count-for-maglev=4000');
  setFlagsFromString('--invocation-count-for-turbofan=30000');
}
