import { posix } from 'node:path';
import { describeError, UserError } from '../util/errors';
import { NotAFile, type Tree } from '../workspace/tree';
import { readDvcFile, type DvcFile } from './dvcfile';
import { parseDataFile } from './formats';
import { readLockFile, type LockDocument } from './lock';
import { DEFAULT_PARSING, loadParsingConfig, type ParsingConfig } from './data/config';
import { refuseOverlappingOutputs, stageOutputs } from './overlaps';
import { joinPath } from './paths';
import { hasInterpolation, interpolateValue, InterpolationError, referenceParts, toStr, typeName } from './interpolate';
import { describeValue } from './python/format';
import { cloneMap, isRawMap, keyValue, mapFrom, type Raw, type RawMap } from './python/value';
import { onlyKeys } from './schema-fields';
import { collectedInWalk } from './walk';
import type { DvcYaml, Out, ParamsDep, Stage, TopPlot } from './types';

const TOP_KEYS = ['stages', 'vars', 'params', 'metrics', 'plots', 'artifacts', 'datasets'];
const STAGE_KEYS = ['cmd', 'wdir', 'deps', 'params', 'outs', 'metrics', 'plots', 'frozen', 'always_changed', 'desc', 'meta', 'vars'];
const OUT_FLAGS = ['cache', 'persist', 'checkpoint', 'remote', 'push', 'desc', 'type', 'labels', 'meta'];
/** The types DVC's schema gives an out's flags in dvc.yaml (dvc/schema.py OUT_PSTAGE_DETAILED_SCHEMA); `meta` is anything. */
const BOOL_FLAGS = ['cache', 'persist', 'checkpoint', 'push'];
const STRING_FLAGS = ['remote', 'desc', 'type'];
const PLOT_FLAGS = [...OUT_FLAGS, 'template', 'x', 'y', 'x_label', 'y_label', 'title', 'header'];
/** A top-level plot's properties (dvc/schema.py PLOT_DEFINITION): no `header`, and no other key. */
const TOP_PLOT_KEYS = ['x', 'y', 'template', 'title', 'x_label', 'y_label'];

export { joinPath } from './paths';

/**
 * Reads `<dir>/dvc.yaml` from a tree the way DVC does: schema checked, `vars` and params.yaml loaded for
 * `${…}`, `foreach`/`matrix` groups expanded into `group@key` stages. Returns null when there is no dvc.yaml.
 * Errors name the file (with line and column for YAML errors), the stage and the key.
 */
export async function loadDvcYaml(tree: Tree, dir = ''): Promise<DvcYaml | null> {
  const file = joinPath(dir, 'dvc.yaml');
  const doc = await readDataFile(tree, file);
  if (doc === undefined) return null;
  const where = file;
  if (doc === null) return { dir, file, stages: [], metrics: [], params: [], plots: [], trackedVars: new Map() };
  if (!isRawMap(doc)) throw new UserError(`${where}: expected a mapping with \`stages:\` at the top level.`);
  for (const key of doc.keys()) {
    if (!TOP_KEYS.includes(key)) throw new UserError(`${where}: unknown top-level key '${key}' (expected one of ${TOP_KEYS.join(', ')}).`);
  }
  const vars = new VarsLoader(tree, dir, where);
  await vars.loadDefaultParams();
  await vars.load(doc.get('vars'), '', 'vars');
  const context = vars.context;

  const stages: Stage[] = [];
  const trackedVars = new Map<string, string[]>();
  const stagesDoc = doc.get('stages') ?? new Map();
  if (!isRawMap(stagesDoc)) throw new UserError(`${where}: 'stages' must be a mapping of stage names to definitions.`);
  const parsing = unpacksInCmd(stagesDoc) ? await parsingConfigOf(tree, where) : DEFAULT_PARSING;
  for (const [name, definition] of stagesDoc) {
    // YAML makes `1:` or `true:` a number or a boolean, which DVC's schema refuses as a stage name (`{str: …}`).
    const key = keyValue(stagesDoc, name);
    if (typeof key !== 'string')
      throw new UserError(`${where}: a stage name is ${describeValue(key)}, not a string: quote it, as DVC takes only string names.`);
    for (const generated of expandEntry(where, name, definition, context)) {
      stages.push(await resolveStage(where, generated, vars, trackedVars, parsing));
    }
  }
  const seen = new Set<string>();
  for (const s of stages) {
    if (seen.has(s.name)) throw new UserError(`${where}: stage '${s.name}' is defined twice.`);
    seen.add(s.name);
  }

  const topStrings = (key: 'metrics' | 'params'): string[] => {
    const value = doc.get(key);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw new UserError(`${where}: '${key}' must be a list of paths.`);
    return value.map((v, i) => {
      const resolved = withField(where, `${key}[${i}]`, () => interpolateValue(v, context));
      if (typeof resolved !== 'string') throw new UserError(`${where}: '${key}[${i}]' must be a path (a string).`);
      return resolved;
    });
  };
  return { dir, file, stages, metrics: topStrings('metrics'), params: topStrings('params'), plots: topPlots(where, doc.get('plots'), context), trackedVars };
}

/**
 * Whether a stage's `cmd` (or a foreach group's `do.cmd`) has a `${…}`, which may be a dict unpacked there: only then
 * is DVC's config read for its `parsing` settings (a history of many commits reads none for a pipeline without one).
 */
function unpacksInCmd(stages: RawMap): boolean {
  return [...stages.values()].some((definition) => {
    if (!isRawMap(definition)) return false;
    const body = definition.get('do');
    const cmd = isRawMap(body) ? body.get('cmd') : definition.get('cmd');
    return cmd !== undefined && hasInterpolation(cmd);
  });
}

const parsingConfigs = new WeakMap<Tree, Promise<ParsingConfig>>();

/**
 * DVC's `parsing` settings at the tree's revision (`DataResolver` reads `repo.config["parsing"]`): the project's DVC
 * config as its one reader merges it — system, global, the revision's `.dvc/config`, `config.local` — read once a
 * tree. A tree with no folder on disk (a test's) has DVC's defaults.
 */
async function parsingConfigOf(tree: Tree, file: string): Promise<ParsingConfig> {
  let config = parsingConfigs.get(tree);
  if (!config) {
    config = tree.dvcConfigSource ? tree.dvcConfigSource().then(({ root, repo }) => loadParsingConfig(root, {}, repo)) : Promise.resolve(DEFAULT_PARSING);
    parsingConfigs.set(tree, config);
  }
  try {
    return await config;
  } catch (error) {
    throw new UserError(`${file}: DVC's config, whose 'parsing' settings say how a \${dict} in a cmd is written, does not load: ${describeError(error)}`);
  }
}

/** A project file that could not be read, and why (its message names the file, with line and column where YAML says them). */
export interface FileError {
  file: string;
  error: string;
  /** A `.dvc` file that parsed and that DVC's index refuses (./overlaps.ts): the outputs it names, which are not known there. */
  tracks?: string[];
  /** The file loads, but DVC's index refuses the whole project over it (outputs that overlap: ./overlaps.ts). */
  refused?: true;
}

/** A project at one revision: every dvc.yaml, dvc.lock and `.dvc` file that loads, and what is wrong with the others. */
export interface DvcProject {
  dvcYamls: DvcYaml[];
  /** dvc.lock files by the folder of their dvc.yaml (`''` at the root). */
  locks: Map<string, LockDocument>;
  dvcFiles: DvcFile[];
  /** One per file that could not be read: dvc.yaml files first, root first, then dvc.lock and `.dvc` files. */
  errors: FileError[];
}

/**
 * Loads every dvc.yaml (with its dvc.lock) and `.dvc` file of a tree that DVC's index collects (./walk.ts: not those
 * inside an output folder), as DVC collects them; a broken file is an error, the others still load. So is a file
 * whose outputs DVC's index refuses (one another stage or `.dvc` file declares too, or inside another's, or the
 * file inside an output: ./overlaps.ts).
 */
export async function loadProject(tree: Tree): Promise<DvcProject> {
  const files = await filesDvcCollects(tree);
  const loaded = await loadDvcYamls(tree, files);
  const errors: FileError[] = [];
  const dvcFiles: DvcFile[] = [];
  for (const file of files.filter((f) => f.endsWith('.dvc'))) {
    try {
      const dvcFile = await readDvcFile(tree, file);
      if (dvcFile) dvcFiles.push(dvcFile);
    } catch (error) {
      errors.push({ file, error: describeError(error) });
    }
  }
  const outs = new Map<string, string[]>([
    ...loaded.dvcYamls.map((d): [string, string[]] => [d.file, stageOutputs(d).map((o) => o.path)]),
    ...dvcFiles.map((f): [string, string[]] => [f.file, f.outs.map((o) => o.path)]),
  ]);
  const order = collectedInWalk([...new Set([...outs.keys(), ...loaded.errors.map((e) => e.file), ...errors.map((e) => e.file)])], (f) => outs.get(f) ?? []);
  const rank = new Map(order.map((file, i) => [file, i]));
  const walked = <T extends { file: string }>(list: T[]): T[] => list.filter((f) => rank.has(f.file)).sort((a, b) => rank.get(a.file)! - rank.get(b.file)!);
  // DVC refuses outputs that overlap before it touches anything; the file that collides is refused here.
  const checked = refuseOverlappingOutputs(walked(loaded.dvcYamls), walked(dvcFiles));
  // In path order, as the files are listed.
  const accepted = new Set<unknown>([...checked.dvcYamls, ...checked.dvcFiles]);
  const project: DvcProject = {
    dvcYamls: loaded.dvcYamls.filter((d) => accepted.has(d)),
    locks: new Map(),
    dvcFiles: dvcFiles.filter((f) => accepted.has(f)),
    errors: loaded.errors.filter((e) => rank.has(e.file)),
  };
  for (const error of checked.errors) if (isDvcYaml(error.file)) project.errors.push(error);
  const listed = new Set(files.filter(isDvcYaml));
  for (const file of order.filter((f) => listed.has(f))) {
    const dir = posix.dirname(file) === '.' ? '' : posix.dirname(file);
    const lock = joinPath(dir, 'dvc.lock');
    try {
      const read = await readLockFile(tree, lock);
      if (read) project.locks.set(dir, read);
    } catch (error) {
      project.errors.push({ file: lock, error: describeError(error) });
    }
  }
  for (const error of errors) if (rank.has(error.file)) project.errors.push(error);
  for (const error of checked.errors) if (!isDvcYaml(error.file)) project.errors.push(error);
  return project;
}

/**
 * The tree's files as DVC collects a project's: in a workspace, a dvc.yaml or `.dvc` file below the root that a
 * `.gitignore` or `.dvcignore` covers is not the project's (a virtualenv's package with its own `.dvc` file, an
 * `archive/` a `.dvcignore` names), as DVC's walk skips them. Root files are always the project's.
 */
async function filesDvcCollects(tree: Tree): Promise<string[]> {
  const files = await tree.list();
  const nested = files.filter((f) => f.includes('/') && (f.endsWith('.dvc') || isDvcYaml(f)));
  const ignored = nested.length && tree.ignored ? await tree.ignored(nested) : null;
  return ignored?.size ? files.filter((f) => !ignored.has(f)) : files;
}

/**
 * Throws the first file of `project` over which DVC refuses the whole project, for the commands that act on the
 * whole project as DVC does (`repro`, `status`, `pull`, `push`): a `.dvc` file that does not load, or a dvc.yaml or
 * `.dvc` file whose outputs DVC's index refuses (./overlaps.ts). DVC refuses such a project before it runs.
 */
export function refuseBrokenDvcFiles(project: DvcProject): void {
  const broken = project.errors.find((e) => e.refused || e.file.endsWith('.dvc'));
  if (broken) throw new UserError(broken.error);
}

/** How a run names the workspace among the revisions it loads the project at (a commit is named by its sha). */
export const WORKSPACE = 'workspace';

/**
 * The project at each revision one run reads — the workspace, once the steps that write files have run, and the
 * base commit — loaded once for all its steps: the values, the data changes, the plots, the causes and the
 * out-of-date check each read the whole project (every dvc.yaml with its params, every dvc.lock and `.dvc` file),
 * and each said what is wrong with a broken file, which is said once now (`sayOnce`). Like the run's read budget
 * and workspace listing, made once by `run` and passed to the steps; a step run on its own (a CLI command) loads
 * the project itself.
 */
export class LoadedProjects {
  private readonly loaded = new Map<string, Promise<DvcProject>>();
  private readonly said = new Set<string>();

  /**
   * The project at `revision` (`WORKSPACE`, or a commit's sha), loaded through `tree` by the first step that asks.
   * Every step of a run reads a revision through an equal tree (the run's budget, and its listing of the workspace),
   * so which one comes first makes no difference.
   */
  at(revision: string, tree: Tree): Promise<DvcProject> {
    let project = this.loaded.get(revision);
    if (!project) {
      project = loadProject(tree);
      this.loaded.set(revision, project);
    }
    return project;
  }

  /**
   * True the first time a step of the run is to say `message` about the project at `revision`, false after: a
   * broken file is said on the log by the first step that meets it, and the others show it in their part of the
   * report only.
   */
  sayOnce(revision: string, message: string): boolean {
    const key = `${revision}\0${message}`;
    if (this.said.has(key)) return false;
    this.said.add(key);
    return true;
  }
}

/** The project at `revision`: the run's, loaded once for all its steps, or loaded now for a step run on its own. */
export function projectAt(tree: Tree, revision: string, projects: LoadedProjects | undefined): Promise<DvcProject> {
  return projects ? projects.at(revision, tree) : loadProject(tree);
}

/**
 * Every dvc.yaml of a tree, root first, as DVC collects them for `metrics show` and `plots show` (each one's
 * paths relative to its own folder); a file that does not load is an error naming it, the others still load.
 */
export async function loadDvcYamls(tree: Tree, files?: string[]): Promise<{ dvcYamls: DvcYaml[]; errors: FileError[] }> {
  const out: { dvcYamls: DvcYaml[]; errors: FileError[] } = { dvcYamls: [], errors: [] };
  const dirs = dvcYamlDirs(files ?? (await filesDvcCollects(tree)));
  // The root's is read even when no file is listed there: a folder named dvc.yaml is an error, not "no pipeline".
  if (dirs[0] !== '') dirs.unshift('');
  for (const dir of dirs) {
    try {
      const dvc = await loadDvcYaml(tree, dir);
      if (dvc) out.dvcYamls.push(dvc);
    } catch (error) {
      out.errors.push({ file: joinPath(dir, 'dvc.yaml'), error: describeError(error) });
    }
  }
  return out;
}

/** Whether a project path is a dvc.yaml (at the root or in a folder), as the project's errors and listings name them. */
export function isDvcYaml(path: string): boolean {
  return path === 'dvc.yaml' || path.endsWith('/dvc.yaml');
}

/** The folders holding a dvc.yaml in a file listing, root first. */
function dvcYamlDirs(files: string[]): string[] {
  return files
    .filter(isDvcYaml)
    .map((p) => (p === 'dvc.yaml' ? '' : p.slice(0, -'/dvc.yaml'.length)))
    .sort();
}

/**
 * A params, vars or lock file read through the tree and parsed by extension, as DVC does (YAML unless
 * `.json`, `.toml` or `.py`); undefined when the file does not exist. Errors name `file:line:column`.
 */
export async function readDataFile(tree: Tree, path: string): Promise<Raw | undefined> {
  const bytes = await tree.read(path);
  if (!bytes) return undefined;
  return parseDataFile(path, bytes.toString('utf8')).data;
}

function topPlots(file: string, value: Raw | undefined, context: RawMap): TopPlot[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new UserError(`${file}: 'plots' must be a list.`);
  return value.map((entry, i): TopPlot => {
    const resolved = withField(file, `plots[${i}]`, () => interpolateValue(entry, context));
    if (typeof resolved === 'string') return { id: resolved, props: null };
    // DVC's schema takes any number of ids in one item (SINGLE_PLOT_SCHEMA `{Required(str): …}`), each checked, and
    // its plots read the item's first alone (dvc/repo/plots `_collect_pipeline_files`): the others are not drawn.
    if (isRawMap(resolved) && resolved.size) {
      for (const [id, props] of resolved) {
        if (props !== null && !isRawMap(props))
          throw new UserError(`${file}: plot '${id}' (plots[${i}]) must map to its properties {x, y, template, …}, or to nothing.`);
        if (props) onlyKeys(props, TOP_PLOT_KEYS, `${file}: plot '${id}' (plots[${i}])`);
      }
      const [id, props] = [...resolved][0]!;
      return { id, props: isRawMap(props) ? props : null };
    }
    throw new UserError(`${file}: 'plots[${i}]' must be a path or a mapping {id: {x, y, template, …}}.`);
  });
}

function withField<T>(file: string, field: string, fn: () => T, stage?: string): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof InterpolationError) {
      const where = stage ? `stages.${stage}.${field}` : field;
      throw new UserError(`${file}: failed to parse '${where}': ${error.message}.`);
    }
    throw error;
  }
}

interface GeneratedEntry {
  name: string;
  definition: Raw;
  context: RawMap;
  /**
   * The names the loop sets (`item`, `key`: reserved, in DVC's order) and, for DVC's tracked vars, where they and
   * a matrix's `item.<axis>` took their values in the context (`models.m1` for the item of `foreach: ${models}`),
   * or null where they hold no value of a file.
   */
  loop: Map<string, string | null>;
}

/**
 * The loop names the element at `index` of a `foreach`/`matrix` list or mapping as written sets (`name`, and a name
 * under it for each `${…}` inside it), each with where its value came from in the context: DVC resolves the data
 * keeping each node `${…}` selects, with its place (`Context.resolve(..., unwrap=False)`), so `${models}`'s item `m1`
 * is `models.m1`, a literal `${lr}` element is `lr`, and `${item.lr}` of a literal `{name: a, lr: ${base_lr}}` is
 * `base_lr`. Null where the value is no file's.
 */
function loopOrigins(name: string, written: Raw, index: string): [string, string | null][] {
  if (typeof written === 'string') return [[name, exactReference(written)?.concat(`.${index}`) ?? null]];
  const element = Array.isArray(written) ? written[Number(index)] : isRawMap(written) ? written.get(index) : undefined;
  const origins = new Map<string, string | null>([[name, null]]);
  const visit = (value: Raw | undefined, path: string): void => {
    if (typeof value === 'string') {
      const reference = exactReference(value);
      if (reference !== null) origins.set(path, reference);
    } else if (Array.isArray(value)) value.forEach((v, k) => visit(v, `${path}.${k}`));
    else if (isRawMap(value)) for (const [k, v] of value) if (!hasInterpolation(k)) visit(v, `${path}.${k}`);
  };
  visit(element, name);
  return [...origins];
}

/** The dotted path of a string that is exactly one `${…}`, else null. */
function exactReference(text: string): string | null {
  const m = /^\$\{(.*?)\}$/.exec(text);
  return m && !hasInterpolation(text.slice(2)) ? referenceParts(m[1]!).join('.') : null;
}

/** A plain stage, a `foreach`/`do` group or a `matrix` stage → the stages DVC generates from it. */
function expandEntry(file: string, name: string, definition: Raw, context: RawMap): GeneratedEntry[] {
  if (!isRawMap(definition)) throw new UserError(`${file}: stage '${name}': expected a mapping with 'cmd'.`);
  const withLoop = (entries: [string, Raw][]): RawMap => mapFrom([...context, ...entries], context);
  if (definition.has('foreach') || definition.has('do')) {
    const extra = [...definition.keys()].filter((k) => k !== 'foreach' && k !== 'do');
    if (extra.length) throw new UserError(`${file}: stage '${name}': a foreach group takes only 'foreach' and 'do' (found '${extra[0]}').`);
    if (!definition.has('do')) throw new UserError(`${file}: stage '${name}': 'foreach' needs a 'do' stage definition.`);
    if (!definition.has('foreach')) throw new UserError(`${file}: stage '${name}': 'do' needs a 'foreach' list or mapping.`);
    const written = definition.get('foreach') ?? null;
    // DVC resolves the foreach data whole: a reference, or `${…}` inside a literal list or mapping.
    const items = hasInterpolation(written) ? withField(file, 'foreach', () => interpolateValue(written, context), name) : written;
    const body = definition.get('do') ?? null;
    const out: GeneratedEntry[] = [];
    if (Array.isArray(items)) {
      // Composite items are keyed by index, scalars by their text (equal texts collapse into one stage).
      const byIndex = items.some((v) => Array.isArray(v) || isRawMap(v));
      const keyed = new Map<string, [Raw, number]>();
      items.forEach((item, i) => keyed.set(byIndex ? String(i) : toStr(item, 'item'), [item, i]));
      for (const [key, [item, i]] of keyed) {
        out.push({ name: `${name}@${key}`, definition: body, context: withLoop([['item', item]]), loop: new Map(loopOrigins('item', written, String(i))) });
      }
    } else if (isRawMap(items)) {
      for (const [itemKey, item] of items) {
        // DVC names the stage and sets `${key}` with `to_str(key)` (normalized_iterable): a YAML boolean key is
        // `true`/`false` there, not Python's `True`; other keys print as Python's str() does, as they are kept.
        const value = keyValue(items, itemKey);
        const key = typeof value === 'boolean' ? toStr(value, 'key') : itemKey;
        out.push({
          name: `${name}@${key}`,
          definition: body,
          context: withLoop([
            ['key', key],
            ['item', item],
          ]),
          loop: new Map([...loopOrigins('item', written, itemKey), ['key', null]]),
        });
      }
    } else if (typeof written === 'string') {
      // DVC's ForeachDefinition._check_is_map_or_seq, on what the string resolved to.
      throw new UserError(`${file}: failed to resolve 'stages.${name}.foreach': expected list/dictionary, got ${typeName(items)}.`);
    } else {
      throw new UserError(`${file}: stage '${name}': 'foreach' must be a list, a mapping or a \${…} reference to one.`);
    }
    return out;
  }
  if (definition.has('matrix')) {
    const matrix = definition.get('matrix');
    if (!isRawMap(matrix) || !matrix.size) throw new UserError(`${file}: stage '${name}': 'matrix' must be a mapping of names to lists.`);
    const axes: [string, Raw[]][] = [];
    for (const [axis, raw] of matrix) {
      const values = hasInterpolation(raw) ? withField(file, `matrix.${axis}`, () => interpolateValue(raw, context), name) : raw;
      if (!Array.isArray(values)) throw new UserError(`${file}: stage '${name}': 'matrix.${axis}' must be a list.`);
      axes.push([axis, values]);
    }
    const rest = mapFrom(definition, definition);
    rest.delete('matrix');
    let combos: { item: [string, Raw][]; key: string[]; loop: [string, string | null][] }[] = [{ item: [], key: [], loop: [] }];
    for (const [axis, values] of axes) {
      combos = combos.flatMap((c) =>
        values.map((v, i) => ({
          item: [...c.item, [axis, v] as [string, Raw]],
          key: [...c.key, Array.isArray(v) || isRawMap(v) ? `${axis}${i}` : toStr(v, axis)],
          loop: [...c.loop, ...loopOrigins(`item.${axis}`, matrix.get(axis)!, String(i))],
        })),
      );
    }
    return combos.map((c) => {
      const key = c.key.join('-');
      return {
        name: `${name}@${key}`,
        definition: rest,
        context: withLoop([
          ['item', new Map(c.item)],
          ['key', key],
        ]),
        loop: new Map([['key', null], ['item', null], ...c.loop]),
      };
    });
  }
  return [{ name, definition, context, loop: new Map() }];
}

async function resolveStage(file: string, entry: GeneratedEntry, vars: VarsLoader, trackedVars: Map<string, string[]>, parsing: ParsingConfig): Promise<Stage> {
  const { name, definition, context } = entry;
  const where = `${file}: stage '${name}'`;
  if (!isRawMap(definition)) throw new UserError(`${where}: expected a mapping with 'cmd'.`);
  for (const key of definition.keys()) {
    if (!STAGE_KEYS.includes(key)) throw new UserError(`${where}: unknown key '${key}' (expected one of ${STAGE_KEYS.join(', ')}).`);
  }
  // wdir sees only the global context (and foreach/matrix item), as in DVC.
  const wdirWritten = definition.get('wdir');
  const wdirValue = wdirWritten === undefined ? '.' : withField(file, 'wdir', () => interpolateValue(wdirWritten, context, { field: 'wdir' }), name);
  if (typeof wdirValue !== 'string') throw new UserError(`${where}: 'wdir' must be a path.`);
  const wdir = posix.normalize(wdirValue.replace(/\\/g, '/')).replace(/\/$/, '') || '.';
  let stageContext = context;
  let scope = vars;
  if (definition.has('vars')) {
    scope = vars.fork();
    const reserved = [...entry.loop.keys()].filter((k) => !k.includes('.'));
    await scope.load(definition.get('vars'), wdir === '.' ? '' : wdir, `stages.${name}.vars`, reserved);
    stageContext = mapFrom([...scope.context, ...[...context].filter(([k]) => k === 'item' || k === 'key')], scope.context);
  }
  scope.track(definition, entry.loop, trackedVars);
  const field = (key: string): Raw | undefined => {
    const written = definition.get(key);
    return written === undefined ? undefined : withField(file, key, () => interpolateValue(written, stageContext, { field: key, parsing }), name);
  };

  const cmd = field('cmd');
  if (cmd === undefined || cmd === null) throw new UserError(`${where}: 'cmd' is required.`);
  const cmdValue = typeof cmd === 'string' ? cmd : Array.isArray(cmd) && cmd.every((c) => typeof c === 'string') ? cmd : null;
  if (cmdValue === null) throw new UserError(`${where}: 'cmd' must be a string or a list of strings.`);

  const deps = stringList(field('deps'), `${where}: 'deps'`);
  const params = paramsDeps(field('params'), where);
  const outs: Out[] = [
    ...outList(field('outs'), 'out', `${where}: 'outs'`),
    ...outList(field('metrics'), 'metric', `${where}: 'metrics'`),
    ...outList(field('plots'), 'plot', `${where}: 'plots'`),
  ];
  const flag = (key: string): boolean => {
    const v = field(key);
    if (v === undefined || v === null) return false;
    if (typeof v !== 'boolean') throw new UserError(`${where}: '${key}' must be true or false.`);
    return v;
  };
  const desc = field('desc');
  const stage: Stage = { name, wdir, cmd: cmdValue, deps, params, outs, frozen: flag('frozen'), alwaysChanged: flag('always_changed') };
  if (typeof desc === 'string') stage.desc = desc;
  return stage;
}

function stringList(value: Raw | undefined, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new UserError(`${where} must be a list of paths.`);
  return value.map((v, i) => {
    if (typeof v !== 'string' || !v) throw new UserError(`${where}[${i}] must be a path (a string).`);
    return v;
  });
}

/** dvc/dependency/__init__.py `_merge_params`: bare keys → params.yaml; `{file: [keys] | null}`; empty → whole file. */
function paramsDeps(value: Raw | undefined, where: string): ParamsDep[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new UserError(`${where}: 'params' must be a list of keys or {file: [keys]}.`);
  const byFile = new Map<string, string[] | null>();
  const add = (file: string, keys: string[] | null): void => {
    const current = byFile.get(file);
    if (current === null) return;
    if (keys === null) byFile.set(file, null);
    else byFile.set(file, [...(current ?? []), ...keys.filter((k) => !current?.includes(k))]);
  };
  value.forEach((item, i) => {
    if (typeof item === 'string') add('params.yaml', [item]);
    else if (isRawMap(item)) {
      for (const [file, keys] of item) {
        if (keys === null || (Array.isArray(keys) && !keys.length)) add(file, null);
        else if (Array.isArray(keys) && keys.every((k) => typeof k === 'string')) add(file, keys);
        else throw new UserError(`${where}: 'params[${i}].${file}' must be a list of keys (or empty for the whole file).`);
      }
    } else throw new UserError(`${where}: 'params[${i}]' must be a key or {file: [keys]}.`);
  });
  return [...byFile].map(([file, keys]) => ({ file, keys }));
}

function outList(value: Raw | undefined, kind: Out['kind'], where: string): Out[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new UserError(`${where} must be a list.`);
  const allowed = kind === 'plot' ? PLOT_FLAGS : OUT_FLAGS;
  return value.map((item, i): Out => {
    if (typeof item === 'string' && item) return { path: item, kind, cache: true, persist: false, props: new Map() };
    if (isRawMap(item) && item.size === 1) {
      const [path, flags] = [...item][0]!;
      if (flags !== null && !isRawMap(flags)) throw new UserError(`${where}[${i}]: '${path}' must map to flags such as {cache: false}.`);
      const props: RawMap = flags ?? new Map<string, Raw>();
      for (const [k, v] of props) {
        if (!allowed.includes(k)) throw new UserError(`${where}[${i}]: unknown flag '${k}' on '${path}' (expected one of ${allowed.join(', ')}).`);
        const wrong = (expected: string): UserError => new UserError(`${where}[${i}]: '${k}' on '${path}' must be ${expected}, not ${describeValue(v)}.`);
        if (BOOL_FLAGS.includes(k) && typeof v !== 'boolean') throw wrong('true or false');
        if (STRING_FLAGS.includes(k) && typeof v !== 'string') throw wrong('a string');
        if (k === 'labels' && !(Array.isArray(v) && v.every((l) => typeof l === 'string'))) throw wrong('a list of strings');
      }
      return { path, kind, cache: props.get('cache') !== false, persist: props.get('persist') === true, props };
    }
    throw new UserError(`${where}[${i}] must be a path or {path: {cache: …, persist: …}}.`);
  });
}

/**
 * The `${…}` context: params.yaml next to dvc.yaml (if present), then `vars` entries in order — files
 * (`file`, `file:k1,k2`) or inline mappings. A leaf defined twice is an error, as in DVC (no overriding).
 * Files are read through the tree, relative to the dvc.yaml directory.
 */
class VarsLoader {
  context: RawMap = new Map();
  private readonly sources = new Map<string, string>();
  /** Files loaded, with the keys loaded of each, or null for the whole file (DVC's `Context.imports`). */
  private readonly imports = new Map<string, string[] | null>();
  /** Every file values came from (whole or some keys), for tracked vars. */
  private readonly files = new Set<string>();

  constructor(
    private readonly tree: Tree,
    private readonly dir: string,
    private readonly file: string,
  ) {}

  fork(): VarsLoader {
    const copy = new VarsLoader(this.tree, this.dir, this.file);
    copy.context = cloneMap(this.context);
    for (const [k, v] of this.sources) copy.sources.set(k, v);
    for (const [f, keys] of this.imports) copy.imports.set(f, keys && [...keys]);
    for (const f of this.files) copy.files.add(f);
    return copy;
  }

  async loadDefaultParams(): Promise<void> {
    const data = await readDataFile(this.tree, joinPath(this.dir, 'params.yaml'));
    if (data === undefined) return;
    this.merge(asMapping(data, joinPath(this.dir, 'params.yaml')), 'params.yaml');
    this.imports.set('params.yaml', null);
    this.files.add('params.yaml');
  }

  /** `reserved`: the names a loop sets (`item`, `key`), which a generated stage's own `vars` may not define. */
  async load(vars: Raw | undefined, wdir: string, where: string, reserved: string[] = []): Promise<void> {
    if (vars === undefined || vars === null) return;
    if (!Array.isArray(vars)) throw new UserError(`${this.file}: '${where}' must be a list of files or mappings.`);
    for (const [i, entry] of vars.entries()) {
      if (hasInterpolation(entry)) throw new UserError(`${this.file}: '${where}[${i}]' cannot use \${…} interpolation.`);
      // DVC's Context.merge_update (ReservedKeyError), naming the file entry it came from.
      const refuseReserved = (data: RawMap, from: string): void => {
        const names = reserved.filter((k) => data.has(k));
        if (!names.length) return;
        const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
        throw new UserError(`${this.file}: failed to parse '${where}[${i}]': attempted to modify reserved key${names.length > 1 ? 's' : ''} ${list}${from}.`);
      };
      if (isRawMap(entry)) {
        refuseReserved(entry, '');
        this.merge(entry, `${where}[${i}]`);
        continue;
      }
      if (typeof entry !== 'string') throw new UserError(`${this.file}: '${where}[${i}]' must be a file path or a mapping.`);
      const [file, keyList] = splitVarsEntry(entry);
      // DVC's `if select_keys:`: `file:` or `file:,` names no key, so the whole file loads.
      const keys = keyList?.length ? keyList : null;
      const rel = joinPath(wdir, file);
      const imported = this.imports.get(rel);
      if (imported !== undefined) {
        // A whole file twice is allowed; else DVC's `Context.check_loaded`, where merging would say a file redefines itself.
        if (!keys && imported === null) continue;
        const why =
          imported === null
            ? `cannot partially load '${entry}' as it's already loaded`
            : !keys || keys.some((k) => imported.includes(k))
              ? `cannot load '${entry}' as it's partially loaded already`
              : null;
        if (why) throw new UserError(`${this.file}: failed to parse '${where}': ${why}.`);
      }
      const failed = (why: string): UserError => new UserError(`${this.file}: failed to parse '${where}[${i}]': ${why}.`);
      const data = await readDataFile(this.tree, joinPath(this.dir, rel)).catch((error: unknown) => {
        throw error instanceof NotAFile ? failed(`'${rel}' is a directory`) : error;
      });
      if (data === undefined) {
        const split = entry.includes(':') ? ` (a vars entry is FILE or FILE:KEY1,KEY2, split at its first ':', so '${entry}' is file '${file}')` : '';
        throw failed(`'${rel}' does not exist${split}`);
      }
      // DVC's Context.load_from: an empty file is an empty mapping, anything else but a mapping an error.
      if (data !== null && !isRawMap(data)) throw failed(`expected a dictionary, got '${typeName(data)}' in file '${rel}'`);
      const mapping = data ?? new Map<string, Raw>();
      let picked = mapping;
      if (keys) {
        picked = new Map();
        for (const key of keys) {
          if (!mapping.has(key)) {
            const spaced = key.trim() !== key ? ` (keys are split at ',' only, spaces kept: write '${file}:${keys.map((k) => k.trim()).join(',')}')` : '';
            throw failed(`could not find '${key}' in '${rel}'${spaced}`);
          }
          picked.set(key, mapping.get(key)!);
        }
      }
      refuseReserved(picked, ` in '${entry}'`);
      this.merge(picked, rel);
      this.files.add(rel);
      // `file:,` is recorded as loaded in parts (of no key), as DVC's `imports[path] = []`.
      if (keyList) this.imports.set(rel, [...(imported ?? []), ...keyList]);
      else this.imports.set(rel, null);
    }
  }

  /**
   * DVC's tracked vars (dvc/parsing/context.py `_track_data`): each `${…}` a stage's fields (not its `vars`)
   * interpolate is a param of the vars file its value comes from, under the path it has there — a loop's item under
   * the path it was taken from (`models.m1.lr` for `${item.lr}` of `foreach: ${models}`). A mapping is not tracked
   * (DVC's CtxDict has no sources), inline `vars` and a literal loop item are no file's (but for a `${…}` inside it:
   * `loopOrigins`), and the `foreach`/`matrix` data itself is resolved outside DVC's tracking.
   */
  track(definition: Raw, loop: Map<string, string | null>, into: Map<string, string[]>): void {
    const visit = (value: Raw): void => {
      if (typeof value === 'string') {
        for (const m of value.matchAll(/(?<!\\)\$\{(.*?)\}/g)) {
          const path = this.contextPath(referenceParts(m[1]!), loop);
          if (path === null) continue;
          const { key, value: found } = this.place(path);
          if (isRawMap(found)) continue;
          const source = this.sourceOf(key);
          if (this.files.has(source)) into.set(source, [...new Set([...(into.get(source) ?? []), key])]);
        }
      } else if (Array.isArray(value)) value.forEach(visit);
      else if (isRawMap(value)) {
        for (const [k, v] of value) {
          visit(k);
          visit(v);
        }
      }
    };
    if (isRawMap(definition)) for (const [k, v] of definition) if (k !== 'vars') visit(v);
  }

  /** A reference's path in the context, through the loop's names; null for a loop name that holds no file's value. */
  private contextPath(parts: string[], loop: Map<string, string | null>): string[] | null {
    for (let n = parts.length; n > 0; n--) {
      const name = parts.slice(0, n).join('.');
      if (!loop.has(name)) continue;
      const origin = loop.get(name)!;
      return origin === null ? null : [...origin.split('.'), ...parts.slice(n)];
    }
    return parts;
  }

  /** The value at a path of the context, with the path as DVC's node records it (`l.1` for `${l[-1]}` of two items). */
  private place(path: string[]): { key: string; value: Raw | undefined } {
    let value: Raw | undefined = this.context;
    const parts = path.map((part) => {
      const list: Raw[] | null = Array.isArray(value) ? value : null;
      const index = list && /^-\d+$/.test(part) ? String(list.length + Number(part)) : part;
      value = list ? list[Number(index)] : isRawMap(value) ? value.get(part) : undefined;
      return index;
    });
    return { key: parts.join('.'), value };
  }

  private merge(data: RawMap, source: string, into: RawMap = this.context, prefix = ''): void {
    for (const [k, v] of data) {
      const path = prefix ? `${prefix}.${k}` : k;
      const existing = into.get(k);
      if (existing !== undefined && isRawMap(existing) && isRawMap(v)) {
        this.merge(v, source, existing, path);
      } else if (existing !== undefined) {
        throw new UserError(
          `${this.file}: cannot redefine '${path}' from '${source}' as it already exists in '${this.sources.get(path) ?? this.sourceOf(path)}'.`,
        );
      } else {
        into.set(k, isRawMap(v) ? cloneMap(v) : v);
        this.sources.set(path, source);
      }
    }
  }

  private sourceOf(path: string): string {
    for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
      const s = this.sources.get(p);
      if (s) return s;
    }
    return 'vars';
  }
}

/**
 * A `vars` file entry → its file and keys, as DVC's `Context.merge_from` splits it: at the first `:` (`partition`),
 * keys split at `,` with empty ones dropped but spaces kept; null keys when there is no `:` or nothing after it.
 */
function splitVarsEntry(entry: string): [string, string[] | null] {
  const colon = entry.indexOf(':');
  if (colon < 0) return [entry, null];
  const keys = entry.slice(colon + 1);
  return [entry.slice(0, colon), keys ? keys.split(',').filter(Boolean) : null];
}

function asMapping(value: Raw, file: string): RawMap {
  if (value === null) return new Map();
  if (!isRawMap(value)) throw new UserError(`${file}: expected a mapping at the top level.`);
  return value;
}
