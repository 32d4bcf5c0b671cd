import { isAscii } from 'node:buffer';
import { posix } from 'node:path';
import { isDvcYaml, joinPath, loadDvcYamls, projectAt, WORKSPACE, type DvcProject, type LoadedProjects } from '../dvc/project';
import { isRawMap, mapFrom, toPlain, type RawMap } from '../dvc/python/value';
import type { DvcYaml } from '../dvc/types';
import type { GitRepo } from '../git/repo';
import type { Revision } from '../git/revisions';
import type { Deadline } from '../util/deadline';
import { describeError } from '../util/errors';
import { groupDigits } from '../util/numbers';
import { globToRegExp, isGlob } from '../workspace/glob';
import { commitTree, NotAFile, workspaceTree, type ReadBudget, type Tree, type WorkspaceListing } from '../workspace/tree';
import { PipelineData, type DataOptions } from '../pipeline/restore';
import { withCachedOutputs } from '../values/cached-outputs';
import { chartSeries, followsX } from './chart-series';
import { fillCustomTemplate } from './custom';
import { findTemplate } from './find-template';
import { parsePlotData, type PlotData } from './data';
import { inUnits, rescaleHuge } from './huge-values';
import { IMAGE_EXTENSIONS, imageProblem } from './image';
import { DATA_EXTENSIONS, plotsFromDvcDoc, plotsFromPaths, type DefinitionsResult } from './definitions';
import {
  dagshubNames,
  frameFields,
  joinProblems,
  PlotDataError,
  resolveSources,
  revisionDatapoints,
  revisionSeries,
  type ResolvedSource,
  type RevisionFiles,
  type SeriesColumns,
} from './datapoints';
import { coerceNumeric, MAX_LINE_POINTS, MAX_SCATTER_POINTS, reduceSeries } from './series';
import { builtinSpec, REVISION_COLORS, type SpecInput } from './spec';
import type { BuiltinTemplate, Datapoint, FoundTemplate, PlotDefinition, PreparedPlot } from './types';

export interface PlotsRequest {
  workspace: string;
  base: Revision | null;
  headLabel: string;
  /** Files or globs from the `plots` input; null: the plots dvc.yaml defines. */
  plotsPaths: string[] | null;
  /** The run's read budget, shared with the other steps. */
  budget?: ReadBudget;
  /** The run's deadline: plots not read or drawn when it passes are a note each. */
  deadline?: Deadline;
  /** The run's listing of the workspace, shared with its other steps. */
  listing?: WorkspaceListing;
  /** The run's projects at the head and the base, shared with its other steps. */
  projects?: LoadedProjects;
  /** Options for the DVC remotes DVC-cached plot data is read from (the hub's credentials for its own remote). */
  data?: DataOptions;
}

/** Why a scatter plot whose points do not follow x gets no Mermaid chart where its image cannot be shown. */
const SCATTER_CLOUD = 'its points are a cloud, not a curve along x, and a Mermaid chart draws lines, not points';
const LINE_LIKE: BuiltinTemplate[] = ['linear', 'simple', 'smooth', 'scatter'];

/** The base commit plots are compared with, and its tree. */
export interface PlotsBase {
  sha: string;
  tree: Tree;
}

/**
 * The plots to draw: the `plots` input's files, else dvc.yaml's definitions at the head and at the base, matched by
 * id as `dvc plots diff` matches them (a revision's data is drawn under the ids its own dvc.yaml defines);
 * directories expanded.
 */
export async function findPlotDefinitions(
  workspace: string,
  plotsPaths: string[] | null,
  budget?: ReadBudget,
  listing?: WorkspaceListing,
  projects?: LoadedProjects,
  base?: PlotsBase,
): Promise<DefinitionsResult> {
  const tree = workspaceTree(workspace, { ...(budget ? { budget } : {}), listing });
  let result: DefinitionsResult;
  if (plotsPaths) {
    const files = plotsPaths.some(isGlob) ? await tree.list() : [];
    const paths = plotsPaths.flatMap((p) => {
      const clean = p.replace(/\\/g, '/').replace(/^\.\//, '');
      if (!isGlob(clean)) return [clean];
      const re = globToRegExp(clean);
      return files.filter((f) => re.test(f));
    });
    result = { definitions: plotsFromPaths([...new Set(paths)]), errors: [] };
  } else {
    try {
      // Every dvc.yaml's plots, as `dvc plots show` collects them; `${…}` in plot paths and properties resolved
      // as DVC does, by the project's one dvc.yaml loader (the run's project, when it shares one: its dvc.yaml files
      // and their errors, not its dvc.lock or `.dvc` files).
      const { dvcYamls, errors } = projects ? dvcYamlsOf(await projects.at(WORKSPACE, tree)) : await loadDvcYamls(tree);
      // Without dvc.yaml, a DagsHub logger's metrics.csv at the root is the training curve (one line per name).
      if (!dvcYamls.length && !errors.length) {
        return { definitions: (await tree.list()).includes('metrics.csv') ? plotsFromPaths(['metrics.csv']) : [], errors: [] };
      }
      result = combine(dvcYamls.map((dvc) => ({ file: dvc.file, ...plotsFromDvcDoc(resolvedDoc(dvc), dvc.file) })));
      result.errors = [...errors.map((e) => ({ id: e.file, error: e.error })), ...result.errors];
      // What each revision defines is known only when both revisions' dvc.yaml files load.
      if (base && !result.errors.length) result.definitions = matchRevisions(result.definitions, await definitionsAt(base, projects));
    } catch (error) {
      return { definitions: [], errors: [{ id: 'dvc.yaml', error: describeError(error) }] };
    }
  }
  const expanded: PlotDefinition[] = [];
  const errors = [...result.errors];
  for (const def of result.definitions) {
    // A directory is the files in it at each revision that defines it.
    const one = await expandDirectory(def, def.only === 'base' ? base!.tree : tree, def.only ? undefined : base?.tree);
    if (typeof one === 'string') errors.push({ id: def.id, error: `plot '${def.id}' (${def.origin}): ${one}` });
    else for (const d of one) expanded.push(d);
  }
  return { definitions: expanded, errors };
}

/**
 * The plots the base's dvc.yaml files define; null when one of them does not load, or a plot in them does not read:
 * what the base defines is not known, and its data is then drawn under the head's definitions.
 */
async function definitionsAt(base: PlotsBase, projects: LoadedProjects | undefined): Promise<PlotDefinition[] | null> {
  const { dvcYamls, errors } = projects ? dvcYamlsOf(await projects.at(base.sha, base.tree)) : await loadDvcYamls(base.tree);
  if (errors.length) return null;
  const result = combine(dvcYamls.map((dvc) => ({ file: dvc.file, ...plotsFromDvcDoc(resolvedDoc(dvc), dvc.file) })));
  return result.errors.length ? null : result.definitions;
}

/**
 * The head's definitions matched with the base's by id, as `dvc plots diff` groups each revision's own definitions
 * (dvc/render/match.py): an id both define is drawn from the head's definition at both; one the head alone defines
 * (a plot added or renamed) shows the head only, and one the base alone defines (removed or renamed) is drawn from
 * the base's definition with the base's data, after the head's plots.
 */
function matchRevisions(head: PlotDefinition[], base: PlotDefinition[] | null): PlotDefinition[] {
  if (!base) return head;
  const atBase = new Set(base.map((d) => d.id));
  const atHead = new Set(head.map((d) => d.id));
  return [
    ...head.map((d): PlotDefinition => (atBase.has(d.id) ? d : { ...d, only: 'head' })),
    ...base.filter((d) => !atHead.has(d.id)).map((d): PlotDefinition => ({ ...d, only: 'base' })),
  ];
}

/** A loaded project's dvc.yaml files and their errors, as `loadDvcYamls` gives them. */
function dvcYamlsOf(project: DvcProject): Pick<DvcProject, 'dvcYamls' | 'errors'> {
  return { dvcYamls: project.dvcYamls, errors: project.errors.filter((e) => isDvcYaml(e.file)) };
}

/**
 * The plot parts of a loaded dvc.yaml, in the shape dvc.yaml has them, with paths from the project root: a
 * dvc.yaml below the root names files relative to its own folder (dvc/repo/plots `_resolve_definitions`).
 */
function resolvedDoc(dvc: DvcYaml): Record<string, unknown> {
  const at = (path: string): string => (dvc.dir ? joinPath(dvc.dir, path) : path);
  const files = (value: RawMap): RawMap => mapFrom([...value].map(([file, v]) => [at(file), v]));
  const topPlot = (id: string, props: RawMap | null): unknown => {
    if (props === null) return at(id);
    const y = props.get('y');
    if (!isRawMap(y)) return { [at(id)]: toPlain(props) };
    // A named plot: its id stays, the files it reads move.
    const x = props.get('x');
    const moved = mapFrom([...props, ['y', files(y)], ...(isRawMap(x) ? [['x', files(x)] as const] : [])]);
    return { [id]: toPlain(moved) };
  };
  return {
    plots: dvc.plots.map((p) => topPlot(p.id, p.props)),
    stages: Object.fromEntries(
      dvc.stages.map((stage) => [
        stage.name,
        { wdir: at(stage.wdir), plots: stage.outs.filter((o) => o.kind === 'plot').map((o) => ({ [o.path]: toPlain(o.props) })) },
      ]),
    ),
  };
}

/**
 * The definitions of several dvc.yaml files as one list. An id two files use (a plot name, or a path both draw)
 * becomes `file::id` in each, as DVC names such plots.
 */
function combine(results: (DefinitionsResult & { file: string })[]): DefinitionsResult {
  const files = new Map<string, Set<string>>();
  for (const r of results) for (const d of r.definitions) files.set(d.id, (files.get(d.id) ?? new Set()).add(r.file));
  return {
    definitions: results.flatMap((r) => r.definitions.map((d) => ((files.get(d.id)?.size ?? 0) > 1 ? { ...d, id: `${r.file}::${d.id}` } : d))),
    errors: results.flatMap((r) => r.errors),
  };
}

/**
 * A plot whose id is a directory stands for every data or image file in it, as in DVC: those in the workspace and
 * those at the base (`baseTree`), so a file the pull request deleted is drawn with its base alone and said to have
 * no data at the head, not left out.
 */
async function expandDirectory(def: PlotDefinition, tree: Tree, baseTree: Tree | undefined): Promise<PlotDefinition[] | string> {
  if (def.sources.length !== 1 || def.sources[0]!.file !== def.id) return [def];
  const all = await tree.list();
  if (all.includes(def.id)) return [def];
  const extensions = [...DATA_EXTENSIONS, ...IMAGE_EXTENSIONS];
  const under = (f: string) => f.startsWith(`${def.id}/`);
  const inside = (f: string) => under(f) && extensions.includes(posix.extname(f).toLowerCase());
  const found = [...new Set([...all.filter(inside), ...(baseTree ? (await baseTree.list()).filter(inside) : [])])].sort();
  // A folder of other files (notes, a model), or of none, is not a plot file either: say what a plot folder holds.
  if (!found.length && (all.some(under) || (await isFolder(tree, def.id)))) {
    return `${def.id}: a folder without plot data or images in it (expected ${extensions.join(', ')} files)`;
  }
  if (!found.length) return [def];
  // A file another top-level plot names more closely (itself, or a folder deeper down) is drawn by that plot alone.
  const files = found.filter((file) => closestParent(file, def.topLevelIds ?? [def.id]) === def.id);
  return files.map((file) => {
    return { ...def, id: file, sources: [{ ...def.sources[0]!, file }], image: IMAGE_EXTENSIONS.includes(posix.extname(file).toLowerCase()) };
  });
}

/**
 * DVC's `_closest_parent`: the longest path `path` has in common with one of `parents`. A directory plot keeps a file
 * only when that is the directory itself.
 */
function closestParent(path: string, parents: string[]): string {
  const parts = path.split('/');
  let best: string[] = [];
  for (const parent of parents) {
    const other = parent.split('/');
    let n = 0;
    while (n < parts.length && n < other.length && parts[n] === other[n]) n++;
    if (n > best.length) best = parts.slice(0, n);
  }
  return best.join('/');
}

/** An empty folder is in no listing (git keeps none, the walk lists files): only reading the path tells it from a missing file. */
async function isFolder(tree: Tree, path: string): Promise<boolean> {
  try {
    await tree.read(path);
    return false;
  } catch (error) {
    return error instanceof NotAFile;
  }
}

/**
 * Reads each plot's data at the base (through git) and in the workspace (the head), overlays them like
 * `dvc plots diff`, and returns Vega-Lite specs ready to render. A plot that cannot be drawn becomes an
 * error entry naming the plot, file and field; the others are unaffected.
 */
export function preparePlots(git: GitRepo, request: PlotsRequest, definitions: PlotDefinition[]): Promise<PreparedPlot[]> {
  // DVC outputs missing from git (or the workspace) are read from the cache or the remote — a DagsHub remote with the
  // hub's credentials, as the values are; a DVC config that does not load leaves them missing here, and the values
  // step says why.
  return PipelineData.using(request.workspace, request.data ?? {}, (data) => preparedWith(git, request, definitions, data));
}

async function preparedWith(git: GitRepo, request: PlotsRequest, definitions: PlotDefinition[], data: PipelineData | null): Promise<PreparedPlot[]> {
  // Both sides through the project's guarded reader: a refused file (a link out of the project, .git/…) is an
  // error for that plot at the head, a note at the base, and its bytes are never read.
  const budget = request.budget ? { budget: request.budget } : {};
  const at = (tree: Tree, revision: string) => withCachedOutputs(tree, data, () => projectAt(tree, revision, request.projects));
  const headTree = workspaceTree(request.workspace, { name: request.headLabel, ...budget, listing: request.listing });
  const head = at(headTree, WORKSPACE);
  const base = request.base ? at(commitTree(git, request.base.sha, request.base.label, budget), request.base.sha) : null;
  const readHeadFile = (path: string) => head.read(path);
  const readBaseFile = (path: string) => (base ? base.read(path) : Promise.resolve(null));
  const noFile = () => Promise.resolve(null);
  // A file at neither revision; when it is a DVC output whose object could not be read, why (a remote that does not
  // answer, credentials), as the values step says it: "does not exist" would send the reader looking for a bug.
  const notThere = (path: string): string => {
    const why = head.whyMissing(path) ?? base?.whyMissing(path);
    if (why) return `${path} is not in the workspace${base ? ' or in git at the base' : ''} (DVC-cached) and cannot be read: ${why}`;
    return `${path} does not exist${base ? ' at the head or the base' : ''}`;
  };
  // One template for both revisions, found in the workspace as `dvc plots diff` finds it on disk (dvc-render's
  // VegaRenderer reads it once, without the revision's file system); once a name for all the plots that use it.
  const templates = new Map<string, Promise<FoundTemplate>>();
  const lookup = (name: string): Promise<FoundTemplate> => {
    let found = templates.get(name);
    if (!found) templates.set(name, (found = findTemplate(name, headTree)));
    return found;
  };
  // Several plots often draw the same file (loss and accuracy from one training log): read and parse it once.
  const headCache: ParseCache = new Map();
  const baseCache: ParseCache = new Map();
  const out: PreparedPlot[] = [];
  for (const def of definitions) {
    const title = def.title ?? def.id;
    if (request.deadline?.passed()) {
      out.push({ kind: 'error', id: def.id, title, error: `plot '${def.id}': ${request.deadline.skipped(`plot '${def.id}'`)}`, notes: [] });
      continue;
    }
    // A revision whose dvc.yaml does not define the plot has no data for it, as in DVC.
    const readHead = def.only === 'base' ? noFile : readHeadFile;
    const readBase = def.only === 'head' ? noFile : readBaseFile;
    try {
      if (def.image) {
        const file = def.sources[0]!.file;
        const [head, base] = await Promise.all([readHead(file), readBase(file)]);
        out.push(preparedImage(def, title, head, base, request, notThere));
        continue;
      }
      const headFiles = def.only === 'base' ? (new Map() as RevisionFiles) : await readFiles(def, readHead, headCache);
      // A base file that cannot be parsed leaves the base out of this plot, with a note; the head still shows.
      const baseNotes: string[] = [];
      const baseFiles =
        request.base && def.only !== 'head'
          ? await readFiles(def, readBase, baseCache, (error) => baseNotes.push(`base (${request.base!.label}): ${describeError(error)}`))
          : (new Map() as RevisionFiles);
      for (const expanded of splitDagshub(def, headFiles)) {
        out.push(await prepareOne(expanded, headFiles, baseFiles, request, lookup, baseNotes, notThere));
      }
    } catch (error) {
      out.push({ kind: 'error', id: def.id, title, error: plotError(def, error), notes: [] });
    }
  }
  return out;
}

/**
 * An image the pipeline wrote, at the head and the base. Bytes that are not the image the name says are an error at
 * the head and leave the base out, with a note: copied as they are, they would show as a broken image.
 */
function preparedImage(
  def: PlotDefinition,
  title: string,
  head: Buffer | null,
  base: Buffer | null,
  request: PlotsRequest,
  notThere: (path: string) => string,
): PreparedPlot {
  const file = def.sources[0]!.file;
  if (!head && !base) throw new PlotDataError(notThere(file));
  const headProblem = head && imageProblem(file, head);
  const baseProblem = base && imageProblem(file, base);
  // A bad image at the head leaves the base's shown, as a data plot's base is when the head has no data.
  if (headProblem && (!base || baseProblem)) throw new PlotDataError(headProblem);
  if (headProblem) {
    const notes = [`head (${request.headLabel}): ${headProblem}: showing ${request.base!.label}'s`];
    return { kind: 'image', id: def.id, title, origin: def.origin, head: null, base, ext: posix.extname(file).toLowerCase(), notes };
  }
  const notes: string[] = [];
  if (baseProblem) {
    if (!head) throw new PlotDataError(`${baseProblem} at the base, and ${file} does not exist at the head`);
    notes.push(`base (${request.base!.label}): ${baseProblem}`);
  } else if (def.only === 'base') notes.push(`not in dvc.yaml at the head (${request.headLabel}): showing ${request.base!.label}'s`);
  else if (!head) notes.push(`no image at the head (${request.headLabel}): showing ${request.base!.label}'s`);
  else if (def.only === 'head' && request.base) notes.push(`not in dvc.yaml at the base (${request.base.label})`);
  else if (request.base && !base) notes.push(`no image at the base (${request.base.label})`);
  return { kind: 'image', id: def.id, title, origin: def.origin, head, base: baseProblem ? null : base, ext: posix.extname(file).toLowerCase(), notes };
}

type ParseCache = Map<string, Promise<PlotData | null>>;

/** The plot's files at one revision, parsed; a file that fails to parse throws, or is left out when `onError` is given. */
async function readFiles(
  def: PlotDefinition,
  read: (path: string) => Promise<Buffer | null>,
  cache: ParseCache,
  onError?: (error: unknown) => void,
): Promise<RevisionFiles> {
  const files: RevisionFiles = new Map();
  // The y files, and the files an x is joined from.
  const paths = [...new Set(def.sources.flatMap((s) => (s.xFile ? [s.file, s.xFile] : [s.file])))];
  for (const path of paths) {
    const key = `${def.header}\0${path}`;
    let parsed = cache.get(key);
    if (!parsed) {
      parsed = read(path).then((bytes) => (bytes ? parsePlotData(path, decodeText(bytes), def.header) : null));
      cache.set(key, parsed);
    }
    try {
      const data = await parsed;
      if (data) files.set(path, data);
    } catch (error) {
      if (!onError) throw error;
      onError(error);
    }
  }
  return files;
}

/**
 * A data file's text. Pure ASCII (most logs) is decoded as Latin-1, which gives the same string but, for a file over
 * about 1 MB, one Node keeps outside V8's heap: a 100,000-row log no longer grows the heap's old generation by its
 * size, which started a full garbage collection (≈ 30–50 ms of CPU) while it was parsed.
 */
function decodeText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** A DagsHub metrics.csv with no `y` holds many metrics of different scales: one plot per Name. */
function splitDagshub(def: PlotDefinition, headFiles: RevisionFiles): PlotDefinition[] {
  const source = def.sources[0]!;
  const data = headFiles.get(source.file);
  if (def.sources.length !== 1 || source.y.length || !data?.dagshub) return [def];
  const names = dagshubNames(data);
  return names.map((name) => ({ ...def, id: `${def.id}#${name}`, title: def.title ? `${def.title}: ${name}` : name, sources: [{ ...source, y: [name] }] }));
}

async function prepareOne(
  def: PlotDefinition,
  headFiles: RevisionFiles,
  baseFiles: RevisionFiles,
  request: PlotsRequest,
  lookup: (name: string) => Promise<FoundTemplate>,
  baseNotes: string[],
  notThere: (path: string) => string,
): Promise<PreparedPlot> {
  const title = def.title ?? def.id;
  const notes: string[] = [...baseNotes];
  const baseLabel = request.base && request.base.label === request.headLabel ? `${request.base.label} (base)` : (request.base?.label ?? 'base');
  // As `dvc plots diff` matches them (dvc/render/match.py): each file is drawn at every revision that has it, and a
  // file one revision lacks is a note for that file and revision, not the loss of the revision's other files.
  const present = def.sources.filter((s) => headFiles.has(s.file) || baseFiles.has(s.file));
  if (!present.length) throw new PlotDataError(notThere(def.sources[0]!.file));
  for (const s of def.sources) if (!present.includes(s)) notes.push(notThere(s.file));
  // DVC: the first revision that has data decides the fields, file by file.
  const sources = present.map((s) => resolveSources({ ...def, sources: [s] }, headFiles.has(s.file) ? headFiles : baseFiles)[0]!);
  const fields = frameFields(sources);
  // An x joined from another file that does not fit its y file's rows leaves that revision out, as DVC does (with a
  // warning): said in a note, and the plot's error when no revision is left.
  const headSources = sources.filter((s) => headFiles.has(s.file));
  const headProblems = joinProblems(headSources, headFiles).map((p) => `head (${request.headLabel}): ${p}`);
  const headUsable = headSources.length > 0 && !headProblems.length;
  const headSeries = headUsable ? revisionSeries(sources, request.headLabel, headFiles, headSources) : [];
  let baseSeries: SeriesColumns[] = [];
  let baseSources: ResolvedSource[] = [];
  let baseProblems: string[] = [];
  // A base file that lacks a field the plot draws (a metric the pull request adds): why that file is not drawn there.
  let baseMisfits = new Map<ResolvedSource, string>();
  if (request.base && baseFiles.size) {
    ({ usable: baseSources, misfits: baseMisfits } = checkedAtBase(def, sources, baseFiles));
    baseProblems = joinProblems(baseSources, baseFiles).map((p) => `base (${baseLabel}): ${p}`);
    if (baseProblems.length) baseSources = [];
    baseSeries = revisionSeries(sources, baseLabel, baseFiles, baseSources);
  }
  const hasData = (series: SeriesColumns[]) => series.some((s) => s.y.length > 0);
  const problems = [...baseProblems, ...headProblems];
  if (problems.length && !hasData(headSeries) && !hasData(baseSeries)) throw new PlotDataError(problems.join('; '));
  for (const problem of problems) notes.push(problem);
  if (def.only === 'base') notes.push(`not in dvc.yaml at the head (${request.headLabel}): showing ${baseLabel} only`);
  else if (def.only === 'head' && request.base) notes.push(`not in dvc.yaml at the base (${baseLabel}): showing ${request.headLabel} only`);
  else if (!hasData(headSeries)) notes.push(`no data at the head (${request.headLabel}): showing ${baseLabel} only`);
  else if (request.base && !hasData(baseSeries)) {
    for (const misfit of baseMisfits.values()) notes.push(`base (${baseLabel}): ${misfit}`);
    notes.push(`no data at the base (${baseLabel}): showing ${request.headLabel} only`);
  } else {
    // Both revisions drawn, one of them without some of the plot's files.
    for (const s of sources) {
      if (!headSources.includes(s)) notes.push(`no ${s.file} at the head (${request.headLabel}): it shows ${baseLabel} only`);
      else if (request.base && !baseSources.includes(s)) {
        const misfit = baseMisfits.get(s);
        const why = misfit ? `base (${baseLabel}): ${misfit}` : `no ${s.file} at the base (${baseLabel})`;
        notes.push(`${why}: it shows ${request.headLabel} only`);
      }
    }
  }
  const revs = [
    ...(hasData(baseSeries) ? [{ label: baseLabel, color: REVISION_COLORS[0]! }] : []),
    ...(hasData(headSeries) ? [{ label: request.headLabel, color: REVISION_COLORS[1]! }] : []),
  ];
  const series = fields.multi ? [...new Set([...baseSeries, ...headSeries].map((s) => s.series))] : [];
  const labels = { x: def.xLabel ?? fields.defaultXLabel, y: def.yLabel ?? fields.defaultYLabel };

  const found = await lookup(def.template);
  if (found.kind === 'custom') {
    // DVC hands custom templates every field of every row.
    const points = [
      ...revisionDatapoints(sources, fields, baseLabel, baseFiles, baseSources),
      ...(headUsable ? revisionDatapoints(sources, fields, request.headLabel, headFiles, headSources) : []),
    ];
    const numeric = tryNumeric(tryNumeric(points, fields.x), fields.y);
    const spec = fillCustomTemplate(found.path, found.text, {
      data: numeric,
      x: fields.x,
      y: fields.y,
      title,
      xLabel: labels.x,
      yLabel: labels.y,
      revs,
      multi: fields.multi,
    });
    return { kind: 'vega', id: def.id, title, origin: def.origin, spec, notes };
  }

  const template: BuiltinTemplate = found.name;
  const lines = ['linear', 'simple', 'smooth'].includes(template);
  const numericX = lines || ['scatter', 'bar_horizontal', 'bar_horizontal_sorted'].includes(template);
  const numericY = lines || template === 'scatter';
  const reduced = reduceSeries([...baseSeries, ...headSeries], {
    x: fields.x,
    y: fields.y,
    numericX,
    numericY,
    reduce: lines ? 'lines' : template === 'scatter' || template === 'scatter_jitter' ? 'points' : 'all',
  });
  if (!reduced.points.length) throw new PlotDataError('no numeric values to draw');
  let { points } = reduced;
  let [xLabel, yLabel] = [labels.x, labels.y];
  const hugeX = numericX ? rescaleHuge(points, fields.x) : null;
  if (hugeX) [points, xLabel] = [hugeX.points, inUnits(xLabel, hugeX.power)];
  const hugeY = numericY ? rescaleHuge(points, fields.y) : null;
  if (hugeY) [points, yLabel] = [hugeY.points, inUnits(yLabel, hugeY.power)];
  if (reduced.dropped) {
    // A row is a point of each revision that has it: an unchanged file's blank row counts once at each.
    const where = revs.length > 1 ? ', base and head counted apart' : '';
    notes.push(`${groupDigits(reduced.dropped)} row${reduced.dropped === 1 ? '' : 's'} with a blank, NaN or infinite value skipped${where}`);
  }
  if (reduced.from && lines) {
    notes.push(`downsampled to ${groupDigits(MAX_LINE_POINTS)} points per line (from ${groupDigits(reduced.from)}, LTTB, shape kept)`);
  } else if (reduced.from) {
    notes.push(`thinned to ${groupDigits(MAX_SCATTER_POINTS)} points per revision (from ${groupDigits(reduced.from)})`);
  }
  const input: SpecInput = { template, title, subtitle: notes, x: fields.x, y: fields.y, xLabel, yLabel, revs, series, points };
  const spec = builtinSpec(input);
  // Confusion matrices, bars and jittered categories have no line to draw, nor has a cloud of scatter points; the
  // others' lines let a comment without images show a chart.
  const cloud = template === 'scatter' && !followsX(points, fields.x);
  const chart = LINE_LIKE.includes(template) && !cloud ? chartSeries({ points, x: fields.x, y: fields.y, multi: fields.multi, xLabel, yLabel }) : null;
  return {
    kind: 'vega',
    id: def.id,
    title,
    origin: def.origin,
    spec,
    notes,
    ...(chart ? { series: chart } : {}),
    ...(cloud ? { noChart: SCATTER_CLOUD } : {}),
  };
}

/**
 * At the base a file or field may not exist yet (a metric the PR adds): that side is left out, with a note naming
 * the field, as DVC's `_verify_field` names it (FieldNotFoundError) when it leaves that revision out.
 */
function checkedAtBase(
  def: PlotDefinition,
  sources: ResolvedSource[],
  baseFiles: RevisionFiles,
): { usable: ResolvedSource[]; misfits: Map<ResolvedSource, string> } {
  const misfits = new Map<ResolvedSource, string>();
  const usable = sources.filter((s) => {
    if (!baseFiles.has(s.file)) return false;
    try {
      resolveSources({ ...def, sources: [{ file: s.file, x: s.x, y: s.ys, ...(s.xFile ? { xFile: s.xFile } : {}) }] }, baseFiles);
      return true;
    } catch (error) {
      misfits.set(s, describeError(error));
      return false;
    }
  });
  return { usable, misfits };
}

function tryNumeric(points: Datapoint[], field: string): Datapoint[] {
  try {
    return coerceNumeric(points, field, 'x').points;
  } catch {
    return points;
  }
}

function plotError(def: PlotDefinition, error: unknown): string {
  return `plot '${def.id}' (${def.origin}): ${describeError(error)}`;
}
