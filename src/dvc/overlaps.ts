import { posix } from 'node:path';
import type { DvcFile } from './dvcfile';
import type { FileError } from './project';
import { joinPath } from './paths';
import type { DvcYaml } from './types';

/** Who declares an output: a dvc.yaml stage or a `.dvc` file, as a message names it. */
interface Owner {
  /** `stage 'train' of dvc.yaml`, or the `.dvc` file's path. */
  name: string;
  /** The file to blame (dvc.yaml or the `.dvc` file), from the project root. */
  file: string;
}

/**
 * The `.dvc` files DVC's index would refuse, with why, and the others. DVC builds one trie of every stage's and
 * `.dvc` file's outputs and refuses the project when two name the same path (dvc/repo/trie.py
 * `OutputDuplicationError`), when one is inside another (`OverlappingOutputPathsError`), or when a `.dvc` file or
 * dvc.yaml sits inside an output (dvc/repo/graph.py `StagePathAsOutputError`): a pull would otherwise check out one
 * over the other, or replace a committed `.dvc` file with data. The stages of dvc.yaml files are checked against each
 * other where their DAG is built (pipeline/dag.ts); here each `.dvc` file is checked, in path order, against them and
 * the `.dvc` files before it, and a refused one is left out of the project like a file that does not load.
 */
export function refuseOverlappingOutputs(dvcYamls: DvcYaml[], dvcFiles: DvcFile[]): { dvcFiles: DvcFile[]; errors: FileError[] } {
  const outputs = new Map<string, Owner>();
  const stageFiles = new Map<string, Owner>();
  for (const dvc of dvcYamls) {
    stageFiles.set(dvc.file, { name: dvc.file, file: dvc.file });
    for (const stage of dvc.stages) {
      for (const out of stage.outs) {
        const path = projectPath(posix.join(dvc.dir || '.', stage.wdir), out.path);
        if (path !== undefined && !outputs.has(path)) outputs.set(path, { name: `stage '${stage.name}' of ${dvc.file}`, file: dvc.file });
      }
    }
  }
  const accepted: DvcFile[] = [];
  const errors: FileError[] = [];
  for (const dvcFile of dvcFiles) {
    const own: Owner = { name: dvcFile.file, file: dvcFile.file };
    const error = conflict(dvcFile, outputs, stageFiles);
    if (error) {
      errors.push({ file: dvcFile.file, error: `${dvcFile.file}: ${error}`, tracks: dvcFile.outs.map((out) => out.path) });
      continue;
    }
    accepted.push(dvcFile);
    stageFiles.set(dvcFile.file, own);
    for (const out of dvcFile.outs) outputs.set(out.path, own);
  }
  return { dvcFiles: accepted, errors };
}

const REFUSED = 'DVC refuses such a project, and so do pull and push here';

function conflict(dvcFile: DvcFile, outputs: Map<string, Owner>, stageFiles: Map<string, Owner>): string | undefined {
  const holder = holding(dvcFile.file, outputs);
  if (holder) return `the .dvc file is inside the output '${holder.path}' of ${holder.owner.name} (${REFUSED}); move it out of that directory.`;
  const mine = new Map<string, Owner>();
  for (const out of dvcFile.outs) {
    const same = mine.get(out.path) ?? outputs.get(out.path);
    if (same) {
      const where = same.file === dvcFile.file ? 'this file' : same.name;
      return `output '${out.path}' is already specified in ${where} (${REFUSED}); an output belongs to one stage or .dvc file: remove it from one of them.`;
    }
    const other = holding(out.path, outputs) ?? holding(out.path, mine) ?? inside(out.path, outputs) ?? inside(out.path, mine);
    if (other) {
      return `output '${out.path}' and the output '${other.path}' of ${other.owner.file === dvcFile.file ? 'this file' : other.owner.name} overlap, so they are in the same tracked directory (${REFUSED}); track them in separate directories or individually.`;
    }
    const file = inside(out.path, stageFiles);
    if (file) return `output '${out.path}' holds ${file.path}, which is not allowed inside an output (${REFUSED}); move it out of that directory.`;
    mine.set(out.path, { name: dvcFile.file, file: dvcFile.file });
  }
  return undefined;
}

/** The entry of `paths` that `path` is inside of (a folder above it), if any. */
function holding(path: string, paths: Map<string, Owner>): { path: string; owner: Owner } | undefined {
  for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
    const folder = path.slice(0, slash);
    const owner = paths.get(folder);
    if (owner) return { path: folder, owner };
  }
  return undefined;
}

/** An entry of `paths` inside `path` (a folder), if any. */
function inside(path: string, paths: Map<string, Owner>): { path: string; owner: Owner } | undefined {
  for (const [p, owner] of paths) if (p.startsWith(`${path}/`)) return { path: p, owner };
  return undefined;
}

/** A stage's out as a project path; undefined for one outside the project (absolute, or `../`), which no `.dvc` file can overlap. */
function projectPath(dir: string, path: string): string | undefined {
  const joined = joinPath(dir, path);
  return joined === '' || joined === '..' || joined.startsWith('../') || joined.startsWith('/') || /^[A-Za-z]:/.test(joined) ? undefined : joined;
}
