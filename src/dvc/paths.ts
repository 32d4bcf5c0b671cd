import { posix } from 'node:path';

/**
 * `dir` + `path` as a project path (`/`-separated, no `./`). An absolute `path` stays absolute, for the reader to
 * refuse by name: joined, `/tmp/m.json` would become the project's `tmp/m.json`.
 */
export function joinPath(dir: string, path: string): string {
  const slashed = path.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) return slashed;
  const joined = posix.normalize(posix.join(dir || '.', slashed));
  return joined === '.' ? '' : joined.replace(/^\.\//, '').replace(/\/$/, '');
}
