import { parseLockText, type LockDocument, type LockEntry, type LockStage } from '../dvc/lock';
import { isRawMap, mapFrom, type Raw, type RawMap } from '../dvc/python/value';
import { writeFileAtomic } from '../util/files';
import type { Tree } from '../workspace/tree';
import { compareCodePoints } from '../dvc/data/manifest';
import type { HashMeta } from './hash';
import { emitYaml, type Folding } from './yaml-emit';

/** dvc.lock as read, and the line folding the file was written with (older ruamel versions wrap long commands differently). */
export interface LockFile extends LockDocument {
  folding: Folding;
}

/** Reads dvc.lock through the project's reader; a missing file is an empty lock. Errors name the file and the stage. */
export async function readLock(tree: Tree, path = 'dvc.lock'): Promise<LockFile> {
  const bytes = await tree.read(path);
  if (!bytes) return { stages: new Map(), raw: new Map(), folding: 'current' };
  return parseLock(bytes.toString('utf8'), path);
}

export function parseLock(text: string, displayPath = 'dvc.lock'): LockFile {
  const lock = parseLockText(text, displayPath);
  // Keep the folding the file already has, so stages we do not touch stay byte for byte as they were. A CRLF
  // checkout (core.autocrlf) of a lock written with LF is still that lock: compare its lines, not its line ends.
  const lines = text.replace(/\r\n/g, '\n');
  const folding: Folding = emitYaml(lock.raw, 'current') !== lines && emitYaml(lock.raw, 'legacy') === lines ? 'legacy' : 'current';
  return { ...lock, folding };
}

/** A dep/out entry exactly as DVC 3 writes it: path, hash, md5, size, [nfiles], [isexec]. */
export function lockEntryFromHash(path: string, meta: HashMeta): LockEntry {
  const entry: LockEntry = { path, hashName: 'md5', md5: meta.md5, size: meta.size };
  if (meta.nfiles !== undefined) entry.nfiles = meta.nfiles;
  if (meta.isexec) entry.isexec = true;
  return entry;
}

/** The stage mapping in DVC's key order (dvc/stage/serialize.py `to_single_stage_lockfile`). */
function serializeStage(stage: LockStage): RawMap {
  const out = new Map<string, Raw>([['cmd', stage.cmd]]);
  const entry = (e: LockEntry): RawMap => {
    const d = new Map<string, Raw>([['path', e.path]]);
    if (e.hashName === 'md5') d.set('hash', 'md5');
    if (e.md5 !== null) d.set('md5', e.md5);
    if (e.size !== undefined) d.set('size', e.size);
    if (e.nfiles !== undefined) d.set('nfiles', e.nfiles);
    if (e.isexec) d.set('isexec', true);
    return d;
  };
  const byPath = (a: LockEntry, b: LockEntry): number => compareCodePoints(a.path, b.path);
  if (stage.deps.length) out.set('deps', [...stage.deps].sort(byPath).map(entry));
  const files = [...stage.params.keys()].sort(compareCodePoints);
  if (files.length) {
    // params.yaml first, the other files alphabetically; keys sorted at the first level only.
    const ordered = [...files.filter((f) => f === 'params.yaml'), ...files.filter((f) => f !== 'params.yaml')];
    const params: RawMap = new Map();
    for (const file of ordered) {
      const values = stage.params.get(file)!;
      params.set(
        file,
        mapFrom(
          [...values].sort(([a], [b]) => compareCodePoints(a, b)),
          values,
        ),
      );
    }
    out.set('params', params);
  }
  if (stage.outs.length) out.set('outs', [...stage.outs].sort(byPath).map(entry));
  return out;
}

/**
 * The lock file text after updating `updates` (stage name → record): existing stages keep their place and
 * their text, new ones are appended, `schema: '2.0'` comes first — as DVC's `Lockfile.dump_stages` does.
 */
export function renderLock(lock: LockFile, updates: Map<string, LockStage>): string {
  const raw = mapFrom([['schema', '2.0'], ...lock.raw], lock.raw);
  const before = raw.get('stages');
  const stages = isRawMap(before) ? mapFrom(before, before) : new Map<string, Raw>();
  for (const [name, stage] of updates) stages.set(name, serializeStage(stage));
  raw.set('stages', stages);
  return emitYaml(raw, lock.folding);
}

export async function writeLock(path: string, lock: LockFile, updates: Map<string, LockStage>): Promise<void> {
  await writeFileAtomic(path, renderLock(lock, updates));
}
