import { posix } from 'node:path';
import { UserError } from '../util/errors';
import type { Stage } from '../dvc/types';

/** A stage with its deps and outs as paths relative to the dvc.yaml directory. */
interface StageNode {
  stage: Stage;
  deps: string[];
  outs: string[];
}

/** Stages connected out → dep, in an order that runs every stage after all stages it depends on. */
export interface Dag {
  nodes: Map<string, StageNode>;
  /** stage → the stages whose outs it reads. */
  upstream: Map<string, string[]>;
  /** Every stage, upstream first, otherwise in dvc.yaml order. */
  order: string[];
  /** The stage that writes a path (or a directory containing it), if any. */
  producerOf(path: string): string | undefined;
}

/** A path relative to the dvc.yaml directory for `p` written relative to the stage's wdir. */
export function projectPath(stage: Stage, p: string): string {
  return posix.normalize(posix.join(stage.wdir, p.replace(/\\/g, '/'))).replace(/\/$/, '');
}

/** `/data`, `\\server\share`, `C:\data` or `C:/data`: a path of one machine, wherever the dvc.yaml is read. */
function isAbsolute(p: string): boolean {
  return /^[\\/]/.test(p) || /^[A-Za-z]:[\\/]/.test(p);
}

const EXTERNAL_LINK = '<https://dvc.org/doc/user-guide/pipelines/external-dependencies-and-outputs>';

/**
 * DVC takes an absolute path outside the project as an external dependency, and refuses it as a cached output
 * (dvc/stage/utils.py `check_no_externals`). mlreport reads only the project's own files: both are refused, the
 * out with DVC's words, before anything runs.
 */
function refuseAbsolute(stage: Stage, file: string): void {
  const outs = stage.outs.map((o) => o.path).filter(isAbsolute);
  if (outs.length) {
    throw new UserError(`${file}: stage '${stage.name}': Cached output(s) outside of DVC project: ${outs.join(', ')}. See ${EXTERNAL_LINK} for more info.`);
  }
  const deps = [...stage.deps, ...stage.params.map((p) => p.file)].filter(isAbsolute);
  if (deps.length) {
    throw new UserError(
      `${file}: stage '${stage.name}': dependency ${deps.map((d) => `'${d}'`).join(', ')} is an absolute path, outside of DVC project: ` +
        `DVC's external dependencies are not read by mlreport; use a path relative to dvc.yaml. See ${EXTERNAL_LINK} for more info.`,
    );
  }
}

/** An output as registered: its stage, and its place in dvc.yaml order (which errors and producers follow). */
interface Output {
  path: string;
  owner: string;
  index: number;
}

/**
 * Every output so far, by path and under each folder above it: what a path overlaps is found by walking its own
 * folders, not by comparing it with every output (a `foreach` of 2,000 stages made 4,000,000 comparisons).
 */
class Outputs {
  private readonly byPath = new Map<string, Output>();
  private readonly below = new Map<string, Output[]>();

  get(path: string): Output | undefined {
    return this.byPath.get(path);
  }

  add(path: string, owner: string): void {
    const output = { path, owner, index: this.byPath.size };
    this.byPath.set(path, output);
    for (const folder of foldersAbove(path)) {
      const list = this.below.get(folder);
      if (list) list.push(output);
      else this.below.set(folder, [output]);
    }
  }

  /** The outputs `path` is, or is inside of: first in dvc.yaml order. */
  holding(path: string): Output[] {
    const found: Output[] = [];
    for (const candidate of [path, ...foldersAbove(path)]) {
      const output = this.byPath.get(candidate);
      if (output) found.push(output);
    }
    return found.sort(inOrder);
  }

  /** The outputs `path` is or is inside of (`holding`, when the caller has them already), and those inside it: first in dvc.yaml order. */
  overlapping(path: string, holding = this.holding(path)): Output[] {
    return [...holding, ...(this.below.get(path) ?? [])].sort(inOrder);
  }
}

function inOrder(a: Output, b: Output): number {
  return a.index - b.index;
}

/** The folders a project path is inside of, `.` (the project) first: `a/b/c` → `.`, `a`, `a/b`. */
function foldersAbove(path: string): string[] {
  if (path === '.') return [];
  const folders = ['.'];
  for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) folders.push(path.slice(0, slash));
  return folders;
}

/**
 * Builds the DAG; errors as DVC's (dvc/repo/trie.py, graph.py): an out declared twice, outs nested in one another
 * (within one stage too), a cycle. Each names the dvc.yaml (`file`, from the project root), the stages and the path.
 */
export function buildDag(stages: Stage[], file = 'dvc.yaml'): Dag {
  const nodes = new Map<string, StageNode>();
  const outputs = new Outputs();
  for (const stage of stages) {
    refuseAbsolute(stage, file);
    const node: StageNode = {
      stage,
      deps: [...stage.deps.map((d) => projectPath(stage, d)), ...stage.params.map((p) => projectPath(stage, p.file))],
      outs: stage.outs.map((o) => projectPath(stage, o.path)),
    };
    nodes.set(stage.name, node);
    for (const out of node.outs) {
      const other = outputs.get(out)?.owner;
      if (other !== undefined) {
        throw new UserError(
          other === stage.name
            ? `${file}: stage '${stage.name}' lists the output '${out}' twice.`
            : `${file}: output '${out}' is written by two stages: '${other}' and '${stage.name}'. Each output must belong to one stage.`,
        );
      }
      const nested = outputs.overlapping(out)[0];
      if (nested?.owner === stage.name) {
        throw new UserError(
          `${file}: stage '${stage.name}' lists the outputs '${nested.path}' and '${out}', one inside the other: DVC refuses outputs that overlap, as they are in the same tracked directory; list the folder alone.`,
        );
      }
      if (nested) throw new UserError(`${file}: output '${out}' of stage '${stage.name}' overlaps output '${nested.path}' of stage '${nested.owner}'.`);
      outputs.add(out, stage.name);
    }
  }
  const producerOf = (path: string): string | undefined => outputs.holding(path)[0]?.owner;
  const upstream = new Map<string, string[]>();
  for (const [name, node] of nodes) {
    const ups = new Set<string>();
    for (const dep of node.deps) {
      const held = outputs.holding(dep);
      const own = held.find((o) => o.owner === name);
      if (own) throw new UserError(`${file}: stage '${name}' depends on its own output '${own.path}' (a cycle).`);
      for (const o of outputs.overlapping(dep, held)) if (o.owner !== name) ups.add(o.owner);
    }
    upstream.set(name, [...ups]);
  }

  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]): void => {
    const s = state.get(name);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = [...path.slice(path.indexOf(name)), name];
      throw new UserError(`${file}: the pipeline has a cycle: ${cycle.join(' → ')}.`);
    }
    state.set(name, 'visiting');
    for (const up of upstream.get(name) ?? []) visit(up, [...path, name]);
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of nodes.keys()) visit(name, []);
  return { nodes, upstream, order, producerOf };
}

/** A stage as `dvc status` names it: by its name in the root dvc.yaml, `sub/dvc.yaml:name` in another. */
export function stageAddress(file: string, name: string): string {
  return file === 'dvc.yaml' ? name : `${file}:${name}`;
}

/**
 * The stages of every dvc.yaml of a project (each file's own DAG, built already) as one DAG, as DVC's index graphs
 * them: a stage of `sub/dvc.yaml` reads what one of the root's writes (`deps: [../data/features.csv]`) and is
 * downstream of it. Stages are named by stageAddress, their paths are from the project root. Throws what buildDag
 * throws across files: an output two files' stages write, a cycle through two files.
 */
export function projectDag(pipelines: { file: string; dag: Dag }[]): Dag {
  const stages: Stage[] = [];
  for (const p of pipelines) {
    const dir = posix.dirname(p.file);
    for (const [name, node] of p.dag.nodes) stages.push({ ...node.stage, name: stageAddress(p.file, name), wdir: posix.join(dir, node.stage.wdir) });
  }
  return buildDag(stages);
}

/**
 * The stages `dvc repro TARGET…` considers: the targets and everything upstream of them, not walking
 * past frozen stages (DVC's active graph drops a frozen stage's edges to its upstream).
 */
export function selectStages(dag: Dag, targets: string[]): string[] {
  if (!targets.length) return dag.order;
  const wanted = new Set<string>();
  const add = (name: string): void => {
    if (wanted.has(name)) return;
    wanted.add(name);
    if (dag.nodes.get(name)?.stage.frozen) return;
    for (const up of dag.upstream.get(name) ?? []) add(up);
  };
  for (const written of targets) {
    // DVC's `dvc.yaml:train` (and `./dvc.yaml:train`) names a stage of the project's dvc.yaml; `dvc.yaml`, all of them.
    const file = /^(?:\.\/)?dvc\.yaml(?::(.*))?$/.exec(written);
    if (file && file[1] === undefined) {
      dag.order.forEach(add);
      continue;
    }
    const target = file ? file[1]! : written;
    const matches = [...dag.nodes.keys()].filter((n) => n === target || n.startsWith(`${target}@`));
    if (!matches.length) throw new UserError(`No stage '${target}' in dvc.yaml (stages: ${[...dag.nodes.keys()].join(', ') || 'none'}).`);
    matches.forEach(add);
  }
  return dag.order.filter((n) => wanted.has(n));
}

/** Every stage that (transitively) reads what `name` writes. */
export function downstreamOf(dag: Dag, name: string): Set<string> {
  const out = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const [stage, ups] of dag.upstream) {
      if (!out.has(stage) && ups.some((u) => u === name || out.has(u))) {
        out.add(stage);
        grew = true;
      }
    }
  }
  return out;
}
