import type { FlatValues } from './flat';

/**
 * A float that JavaScript cannot tell from an int: integral floats as written (`1.0`, `1e3`) and NaN/±inf.
 * DVC shows these as Python does (`1.0`, `nan`, `inf`), so the file's own type is kept.
 * Non-finite values are strings so report.json stays valid JSON.
 */
export interface FloatLeaf {
  float: number | 'NaN' | 'Infinity' | '-Infinity';
}

/**
 * An int a double cannot hold exactly (beyond ±2^53, `1700000000123456789`): its decimal digits. Python keeps
 * ints exact, so DVC shows these digits and their exact difference. A string, not a bigint, so report.json stays JSON.
 */
export interface IntLeaf {
  int: string;
}

/**
 * A flattened value as read from a file. Plain JS numbers are ints when integral and floats otherwise;
 * integral floats and non-finite floats are a `FloatLeaf`, ints beyond ±2^53 an `IntLeaf`. Params
 * lists/tuples/dicts in lists are kept as the text Python would print (`['a', 'b']`), as DVC does. Use
 * `numericValue`/`displayValue` rather than inspecting the representation.
 */
export type Leaf = number | string | boolean | null | FloatLeaf | IntLeaf;

/** A metrics or params file read at one revision: its values as a map, or as columns (a big JSON metrics file). */
export type ValueFile =
  { status: 'ok'; values: Map<string, Leaf> | FlatValues; warnings?: string[] } | { status: 'missing'; note?: string } | { status: 'error'; message: string };

export interface ValueRow {
  key: string;
  /** undefined: the key does not exist on that side (DVC shows `-`, its JSON `null`). */
  old: Leaf | undefined;
  new: Leaf | undefined;
  /**
   * new − old, only when both sides are numbers (Python's rule, so booleans count as 0/1): the double nearest the
   * exact difference when a side is an `IntLeaf` (`exactDiff` gives its digits).
   */
  diff?: number;
  /** diff / |old|, when diff exists and old is not 0. */
  relative?: number;
  changed: boolean;
  /** Metrics rows that changed, when there is a base: what changed upstream of them (docs/causes.md). */
  causes?: MetricCauses;
}

/**
 * Why a metric may have moved: what changed between base and head upstream of the stage that writes its file, or,
 * without such a stage, every changed param and file. Nothing here is guessed: what could not be compared is in `unknown`.
 */
export interface MetricCauses {
  /** `pipeline`: dvc.yaml walked upstream of `stage`; `no-pipeline`: no dvc.yaml; `no-stage`: no stage writes the file. */
  basis: 'pipeline' | 'no-pipeline' | 'no-stage';
  /** The stage that writes the metric's file (`dir/dvc.yaml:name` outside the root dvc.yaml); null without one. */
  stage: string | null;
  /** That stage and every stage upstream of it, upstream first. */
  stages: StageCause[];
  /** Changed params the stages depend on (every changed param without a stage). */
  params: ParamCause[];
  /** Changed files tracked by git among the stages' deps, lines from `git diff --numstat` base → workspace. */
  files: FileCause[];
  /** Changed DVC-tracked data among the stages' deps, sizes from the `.dvc` file or dvc.lock entries. */
  data: DataCause[];
  /** What could not be compared, said instead of guessed (`dvc.lock missing at base: data changes unknown`). */
  unknown: string[];
  /** Entries left out of `params`, `files` and `data` past 50 each. */
  omitted: number;
  /** The metric moved while no param, file, data or stage definition upstream changed and nothing is unknown. */
  nothingUpstream: boolean;
}

export interface StageCause {
  name: string;
  /**
   * `ran`/`failed`/`not-run` in this run; `out-of-date`: would run (not reproduced); `updated`: its dvc.lock entry
   * differs from the base's (run before the commit); `new`: not in dvc.lock at the base; `unchanged`; `unknown`: no
   * dvc.lock at the base to compare with.
   */
  status: 'ran' | 'failed' | 'not-run' | 'out-of-date' | 'updated' | 'new' | 'unchanged' | 'unknown';
  /** Why it ran or would run, in `dvc status` words, as the pipeline section says them. */
  reasons: string[];
  /** How its dvc.yaml definition differs from the base's: `command`, `definition` (deps, params or outs), `new`; null when it does not. */
  definition: 'command' | 'definition' | 'new' | null;
  /**
   * Why it was out of date at the base commit itself, in `dvc status` words (committed without reproducing): the base's
   * values of its outputs are of a run of other params or code than the base's. Absent when it was up to date there.
   */
  staleAtBase?: string[];
}

/**
 * Whether a stage's outputs are its last run's, not this change's: it failed or did not run, or it is out of date for
 * a reason of its deps, params or command. Out of date only because its outputs differ from dvc.lock (a metrics file
 * rewritten, or not in the workspace) is the effect of the change, not a cause.
 */
export function lastRunValues(stage: StageCause): boolean {
  if (stage.status === 'failed' || stage.status === 'not-run') return true;
  return stage.status === 'out-of-date' && stage.reasons.some((r) => !r.startsWith('out '));
}

export interface ParamCause {
  file: string;
  key: string;
  /** As in the params diff: absent when the key does not exist on that side. */
  old?: Leaf;
  new?: Leaf;
  /**
   * `dvc.lock`: `old` is the value the base's dvc.lock records, which its stage last ran with, not its params file's
   * (the stage was out of date at the base).
   */
  oldFrom?: 'dvc.lock';
  /** The stages that depend on it (empty without a pipeline). */
  stages: string[];
}

export interface FileCause {
  path: string;
  /** Lines added and deleted; null for a binary file. */
  added: number | null;
  deleted: number | null;
  binary: boolean;
  stages: string[];
}

export interface DataCause {
  /** The path the `.dvc` file or dvc.lock entry records. */
  path: string;
  /** Where the sizes come from. */
  source: '.dvc' | 'dvc.lock';
  /** Size in bytes and number of files (directories) at base and head; null where the entry records none or there is no entry. */
  old: { size: number | null; nfiles: number | null } | null;
  new: { size: number | null; nfiles: number | null } | null;
  /**
   * `dvc.lock`: `old` is what the base's dvc.lock records the stage read, not the base's `.dvc` file (the data changed
   * at the base without reproducing the stage).
   */
  oldFrom?: 'dvc.lock';
  stages: string[];
}

export interface FileDiff {
  path: string;
  rows: ValueRow[];
  /** Why a side has no values (missing file, parse error), for the report. */
  notes: string[];
}

export function isFloatLeaf(value: unknown): value is FloatLeaf {
  return value !== null && typeof value === 'object' && 'float' in value;
}

export function isIntLeaf(value: unknown): value is IntLeaf {
  return value !== null && typeof value === 'object' && 'int' in value;
}

/** An int as a leaf: a number when a double holds it exactly, else its digits. */
export function intLeaf(value: bigint): number | IntLeaf {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : { int: value.toString() };
}

/**
 * The number a leaf holds (booleans are 0/1, as in Python), or undefined for strings, null and absent. An `IntLeaf`
 * gives the nearest double: use `exactInt` where its last digits matter.
 */
export function numericValue(leaf: Leaf | undefined): number | undefined {
  if (typeof leaf === 'number') return leaf;
  if (typeof leaf === 'boolean') return leaf ? 1 : 0;
  if (isFloatLeaf(leaf)) return typeof leaf.float === 'number' ? leaf.float : Number(leaf.float);
  if (isIntLeaf(leaf)) return Number(leaf.int);
  return undefined;
}

/** The exact value of a leaf that is a Python int (booleans as 0/1); null for floats and anything else. */
export function exactInt(leaf: Leaf | undefined): bigint | null {
  if (typeof leaf === 'number') return Number.isInteger(leaf) ? BigInt(leaf) : null;
  if (typeof leaf === 'boolean') return leaf ? 1n : 0n;
  if (isIntLeaf(leaf)) return BigInt(leaf.int);
  return null;
}

/** True when the leaf is a Python float (as opposed to an int or bool). */
export function isFloat(leaf: Leaf | undefined): boolean {
  return isFloatLeaf(leaf) || (typeof leaf === 'number' && !Number.isInteger(leaf));
}

/** Makes a leaf from a JS number known to be a float. */
export function floatLeaf(value: number): Leaf {
  if (Number.isNaN(value)) return { float: 'NaN' };
  if (value === Infinity) return { float: 'Infinity' };
  if (value === -Infinity) return { float: '-Infinity' };
  return Number.isInteger(value) ? { float: value } : value;
}
