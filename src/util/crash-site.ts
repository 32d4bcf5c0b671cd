import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FRAME = /(?:\(|at )((?:file:\/\/)?\/[^():\s]+):(\d+):\d+\)?$/gm;
const MODULE_COMMENT = /^\/\/ (\S+\.[cm]?[jt]sx?)$/;

/**
 * The src/ file a bug was thrown from, for the one-line message a user sees. dist/ ships no source maps; its
 * readable bundle keeps esbuild's `// src/<file>.ts` comment above each module instead, so the first stack frame
 * in our own code leads back to the file. Under tsx (tests, local-action) the frame names the src/ file itself.
 */
export function crashSite(error: Error): string | null {
  for (const [, where = '', line = '0'] of (error.stack ?? '').matchAll(FRAME)) {
    const file = where.startsWith('file:') ? fileURLToPath(where) : where;
    if (file.includes('/node_modules/')) continue;
    const direct = /\/(src\/.+\.ts)$/.exec(file);
    if (direct) return `${direct[1]}:${line}`;
    const module = file.endsWith('.js') ? moduleAt(file, Number(line)) : null;
    if (module?.startsWith('src/')) return `${module}, ${file.split('/').slice(-2).join('/')}:${line}`;
  }
  return null;
}

function moduleAt(bundle: string, line: number): string | null {
  let lines: string[];
  try {
    lines = readFileSync(bundle, 'utf8').split('\n', line);
  } catch {
    return null;
  }
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = MODULE_COMMENT.exec(lines[i]!);
    if (m) return m[1]!;
  }
  return null;
}
