import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The tools that print a file's md5 on each runner OS, and how to read their answer. */
const TOOLS: { cmd: string; args: (file: string) => string[]; parse: (out: string) => string }[] = [
  // GNU coreutils: Linux, and Git for Windows' usr/bin when it is on PATH.
  { cmd: 'md5sum', args: (f) => [f], parse: (out) => out.split(' ')[0]!.replace(/^\\/, '') },
  // macOS has BSD md5, not md5sum.
  { cmd: 'md5', args: (f) => ['-q', f], parse: (out) => out.trim() },
  // Windows: "MD5 hash of <file>:\r\n<hex>\r\nCertUtil: …" (older versions space the bytes).
  { cmd: 'certutil', args: (f) => ['-hashfile', f, 'MD5'], parse: (out) => out.split(/\r?\n/)[1]!.replace(/\s/g, '') },
];

/**
 * A file's md5 as an independent tool on this machine computes it — whichever of md5sum, md5 -q or certutil the
 * OS has — so object names and places in the tests are not decided by our own hashing code. A machine with none
 * of them (a PATH without md5sum) gets node's crypto over the raw bytes, still not the code under test.
 */
export function md5sum(file: string): string {
  for (const tool of TOOLS) {
    let out: string;
    try {
      out = execFileSync(tool.cmd, tool.args(file), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      continue;
    }
    const md5 = tool.parse(out).toLowerCase();
    if (/^[0-9a-f]{32}$/.test(md5)) return md5;
  }
  return createHash('md5').update(readFileSync(file)).digest('hex');
}
