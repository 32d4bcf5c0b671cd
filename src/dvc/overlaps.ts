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

/** The project's outputs by path, and under each folder above them, so that what a path overlaps is looked up, not searched for. */
class Outputs {
  private readonly byPath = new Map<string, Owner>();
  private readonly below = new Map<string, { path: string; owner: Owner }[]>();

  get(path: string): Owner | undefined {
    return this.byPath.get(path);
  }

  /** Registers `path` unless it is registered already (the first owner is the one named). */
  add(path: string, owner: Owner): void {
    if (this.byPath.has(path)) return;
    this.byPath.set(path, owner);
    for (const folder of foldersAbove(path)) {
      const list = this.below.get(folder);
      if (list) list.push({ path, owner });
      else this.below.set(folder, [{ path, owner }]);
    }
  }

  /** The topmost entry `path` is inside of (a folder above it), as DVC's trie finds it (`shortest_prefix`). */
  holding(path: string): { path: string; owner: Owner } | undefined {
    for (const folder of foldersAbove(path)) {
      const owner = this.byPath.get(folder);
      if (owner) return { path: folder, owner };
    }
    return undefined;
  }

  /** The first entry inside `path` (a folder). */
  inside(path: string): { path: string; owner: Owner } | undefined {
    return this.below.get(path)?.[0];
  }
}

/** The folders above a project path, topmost first: `a/b/c` → `a`, `a/b`. */
function foldersAbove(path: string): string[] {
  const folders: string[] = [];
  for (let slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) folders.push(path.slice(0, slash));
  return folders;
}

/** A stage of a dvc.yaml and one of its outputs as a project path. */
interface StageOutput {
  stage: string;
  path: string;
}

/**
 * The outputs of a dvc.yaml's stages as project paths, in file order; one outside the project (absolute, or `../`
 * past its root), which no other file can overlap, is left out.
 */
export function stageOutputs(dvc: DvcYaml): StageOutput[] {
  return dvc.stages.flatMap((stage) =>
    stage.outs.flatMap((out) => {
      const path = projectPath(joinPath(dvc.dir, stage.wdir), out.path);
      return path === undefined ? [] : [{ stage: stage.name, path }];
    }),
  );
}

const REFUSED = 'DVC refuses such a project, and so do repro, status, pull and push here';

/**
 * The dvc.yaml and `.dvc` files DVC's index would refuse, with why, and the others. DVC builds one trie of every
 * stage's and `.dvc` file's outputs and refuses the project when two name the same path (dvc/repo/trie.py
 * `OutputDuplicationError`), when one is inside another (`OverlappingOutputPathsError`), or when a `.dvc` file or
 * dvc.yaml sits inside an output (dvc/repo/graph.py `StagePathAsOutputError`): a pull would otherwise check out one
 * over the other, or replace a committed `.dvc` file with data. The files come in the order DVC collects them
 * (./walk.ts), and dvc.yaml files are checked first: each against those before it (its own stages against each other
 * where its DAG is built, pipeline/dag.ts), then each `.dvc` file against them and the `.dvc` files before it. A
 * refused file is left out of the project like a file that does not load, and its error is `refused`: DVC refuses the
 * whole project over it, not only the file.
 */
export function refuseOverlappingOutputs(dvcYamls: DvcYaml[], dvcFiles: DvcFile[]): { dvcYamls: DvcYaml[]; dvcFiles: DvcFile[]; errors: FileError[] } {
  const outputs = new Outputs();
  const stageFiles = new Outputs();
  for (const dvc of dvcYamls) stageFiles.add(dvc.file, { name: dvc.file, file: dvc.file });
  const errors: FileError[] = [];
  const refuse = (file: string, error: string, tracks?: string[]): void => {
    errors.push({ file, error: `${file}: ${error}`, refused: true, ...(tracks && { tracks }) });
  };
  const acceptedYamls: DvcYaml[] = [];
  for (const dvc of dvcYamls) {
    const error = pipelineConflict(dvc, outputs, stageFiles);
    if (error) {
      refuse(dvc.file, error);
      continue;
    }
    acceptedYamls.push(dvc);
    for (const { stage, path } of stageOutputs(dvc)) outputs.add(path, { name: `stage '${stage}' of ${dvc.file}`, file: dvc.file });
  }
  const acceptedFiles: DvcFile[] = [];
  for (const dvcFile of dvcFiles) {
    const error = trackedConflict(dvcFile, outputs, stageFiles);
    if (error) {
      refuse(
        dvcFile.file,
        error,
        dvcFile.outs.map((out) => out.path),
      );
      continue;
    }
    acceptedFiles.push(dvcFile);
    const own: Owner = { name: dvcFile.file, file: dvcFile.file };
    stageFiles.add(dvcFile.file, own);
    for (const out of dvcFile.outs) outputs.add(out.path, own);
  }
  return { dvcYamls: acceptedYamls, dvcFiles: acceptedFiles, errors };
}

/** What DVC refuses of a dvc.yaml's outputs against those of the files collected before it. */
function pipelineConflict(dvc: DvcYaml, outputs: Outputs, stageFiles: Outputs): string | undefined {
  const holder = outputs.holding(dvc.file);
  if (holder) return `the dvc.yaml is inside the output '${holder.path}' of ${holder.owner.name} (${REFUSED}); move that output out of this folder.`;
  for (const { stage, path } of stageOutputs(dvc)) {
    const mine = `output '${path}' of stage '${stage}'`;
    const same = outputs.get(path);
    if (same) return `${mine} is already specified in ${same.name} (${REFUSED}); an output belongs to one stage or .dvc file: remove it from one of them.`;
    const other = outputs.holding(path) ?? outputs.inside(path);
    if (other)
      return `${mine} and the output '${other.path}' of ${other.owner.name} overlap, so they are in the same tracked directory (${REFUSED}); ${SEPARATE}`;
    const file = stageFiles.inside(path);
    if (file) return `${mine} holds ${file.path}, which is not allowed inside an output (${REFUSED}); write the output to another folder.`;
  }
  return undefined;
}

const SEPARATE = 'keep them in separate directories or track them individually.';

/** What DVC refuses of a `.dvc` file's outputs against those of the files before it and its own. */
function trackedConflict(dvcFile: DvcFile, outputs: Outputs, stageFiles: Outputs): string | undefined {
  const holder = outputs.holding(dvcFile.file);
  if (holder) return `the .dvc file is inside the output '${holder.path}' of ${holder.owner.name} (${REFUSED}); move it out of that directory.`;
  const mine = new Outputs();
  for (const out of dvcFile.outs) {
    const same = mine.get(out.path) ?? outputs.get(out.path);
    if (same) {
      const where = same.file === dvcFile.file ? 'this file' : same.name;
      return `output '${out.path}' is already specified in ${where} (${REFUSED}); an output belongs to one stage or .dvc file: remove it from one of them.`;
    }
    const other = outputs.holding(out.path) ?? mine.holding(out.path) ?? outputs.inside(out.path) ?? mine.inside(out.path);
    if (other) {
      return `output '${out.path}' and the output '${other.path}' of ${other.owner.file === dvcFile.file ? 'this file' : other.owner.name} overlap, so they are in the same tracked directory (${REFUSED}); ${SEPARATE}`;
    }
    const file = stageFiles.inside(out.path);
    if (file) return `output '${out.path}' holds ${file.path}, which is not allowed inside an output (${REFUSED}); move it out of that directory.`;
    mine.add(out.path, { name: dvcFile.file, file: dvcFile.file });
  }
  return undefined;
}

/** A stage's out as a project path; undefined for one outside the project (absolute, or `../`), which no `.dvc` file can overlap. */
function projectPath(dir: string, path: string): string | undefined {
  const joined = joinPath(dir, path);
  return joined === '' || joined === '..' || joined.startsWith('../') || joined.startsWith('/') || /^[A-Za-z]:/.test(joined) ? undefined : joined;
}
