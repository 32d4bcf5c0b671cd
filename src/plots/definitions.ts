import { posix } from 'node:path';
import { UserError } from '../util/errors';
import type { PlotDefinition, PlotSource } from './types';
import { IMAGE_EXTENSIONS } from './image';

export const DATA_EXTENSIONS = ['.json', '.yaml', '.yml', '.csv', '.tsv'];

/** Result of reading definitions: what could be read, and a message per entry that could not. */
export interface DefinitionsResult {
  definitions: PlotDefinition[];
  errors: { id: string; error: string }[];
}

/**
 * The plots a dvc.yaml defines, as DVC reads them (dvc/schema.py `PLOT_DEFINITION`, `PLOT_PROPS`): the
 * top-level `plots:` list (a path, or `{id: props}` where a dict `y` makes the id a name and its keys
 * files), then each stage's `plots:` outputs (paths relative to the stage's `wdir`). `doc` is the dvc.yaml as
 * the project loader resolved it (see collect.ts). Pure.
 */
export function plotsFromDvcDoc(doc: unknown, file = 'dvc.yaml'): DefinitionsResult {
  const out: DefinitionsResult = { definitions: [], errors: [] };
  if (!isRecord(doc)) return out;
  if (doc.plots !== undefined && !Array.isArray(doc.plots)) {
    out.errors.push({ id: 'plots', error: `${file}: \`plots\` must be a list of paths or {id: properties} entries.` });
  }
  asList(doc.plots).forEach((entry, i) => add(out, () => topLevelEntry(entry, `${file} plots[${i}]`)));
  out.definitions = oncePerId(out.definitions);
  const ids = out.definitions.map((d) => (d.sources.some((s) => s.file === d.id) ? d.id : normalise(posix.join(posix.dirname(file), d.id))));
  for (const d of out.definitions) d.topLevelIds = ids;
  // A stage output with no plot properties whose file a top-level plot already draws (the usual way to give
  // it a template) would only repeat that plot with default properties: it is left out.
  const drawn = new Set(out.definitions.flatMap((d) => d.sources.map((s) => s.file)));
  const stages = isRecord(doc.stages) ? doc.stages : {};
  for (const [name, stage] of Object.entries(stages)) {
    if (!isRecord(stage)) continue;
    const wdir = typeof stage.wdir === 'string' ? stage.wdir : '.';
    asList(stage.plots).forEach((entry, i) => {
      const before = out.definitions.length;
      add(out, () => stageEntry(entry, wdir, `${file} stages.${name}.plots[${i}]`));
      const added = out.definitions[before];
      if (added && drawn.has(added.id) && !hasPlotProps(entry)) out.definitions.pop();
    });
  }
  return out;
}

/**
 * The top-level plots with the same id listed twice as one, where the id first stands, with the later definition:
 * DVC reads the list into a dict (dvc/repo/plots `_collect_pipeline_files`).
 */
function oncePerId(definitions: PlotDefinition[]): PlotDefinition[] {
  const at = new Map<string, number>();
  const out: PlotDefinition[] = [];
  for (const d of definitions) {
    const i = at.get(d.id);
    if (i === undefined) at.set(d.id, out.push(d) - 1);
    else out[i] = d;
  }
  return out;
}

/** Definitions for paths given by the user (the `plots` input / `--plots`): default properties. */
export function plotsFromPaths(paths: string[]): PlotDefinition[] {
  return paths.map((p) => fromPath(normalise(p), {}, 'plots input'));
}

function add(out: DefinitionsResult, make: () => PlotDefinition): void {
  try {
    out.definitions.push(make());
  } catch (error) {
    const id = error instanceof DefinitionError ? error.id : 'plots';
    out.errors.push({ id, error: (error as Error).message });
  }
}

class DefinitionError extends UserError {
  constructor(
    readonly id: string,
    message: string,
  ) {
    super(message);
  }
}

function topLevelEntry(entry: unknown, origin: string): PlotDefinition {
  if (typeof entry === 'string') return fromPath(normalise(entry), {}, origin);
  if (!isRecord(entry) || Object.keys(entry).length !== 1) {
    throw new DefinitionError('plots', `${origin}: expected a path or a single-key mapping {id: properties}, got ${describe(entry)}.`);
  }
  const [id, props] = Object.entries(entry)[0]!;
  if (props !== null && !isRecord(props)) throw new DefinitionError(id, `${origin} (${id}): properties must be a mapping, got ${describe(props)}.`);
  const p = props ?? {};
  if (isRecord(p.y)) return fromYDict(id, p, origin);
  return fromPath(normalise(id), p, origin);
}

function stageEntry(entry: unknown, wdir: string, origin: string): PlotDefinition {
  const prefix = (path: string) => normalise(posix.join(normalise(wdir), path));
  if (typeof entry === 'string') return fromPath(prefix(entry), {}, origin);
  if (!isRecord(entry) || Object.keys(entry).length !== 1) {
    throw new DefinitionError('plots', `${origin}: expected a path or {path: properties}, got ${describe(entry)}.`);
  }
  const [path, props] = Object.entries(entry)[0]!;
  if (props !== null && !isRecord(props)) throw new DefinitionError(path, `${origin} (${path}): properties must be a mapping.`);
  return fromPath(prefix(path), props ?? {}, origin);
}

/** `{id: {y: {file: field | [fields]}, x: field | {file: field}}}`: the id is a name, the keys are files. */
const PLOT_PROPS = ['x', 'y', 'template', 'title', 'x_label', 'y_label'];

function hasPlotProps(entry: unknown): boolean {
  if (!isRecord(entry)) return false;
  const props = Object.values(entry)[0];
  return isRecord(props) && PLOT_PROPS.some((k) => k in props);
}

function fromYDict(id: string, p: Record<string, unknown>, origin: string): PlotDefinition {
  const yDict = p.y as Record<string, unknown>;
  const ys = Object.entries(yDict).map(([file, fields]) => ({ file: normalise(file), fields: fieldList(fields, id, origin, `y.${file}`) }));
  if (!ys.length) throw new DefinitionError(id, `${origin} (${id}): \`y\` names no files.`);
  return { id, sources: withX(ys, p.x, id, origin), ...common(id, p, origin), image: false };
}

function fromPath(path: string, p: Record<string, unknown>, origin: string): PlotDefinition {
  const image = IMAGE_EXTENSIONS.includes(posix.extname(path).toLowerCase());
  const sources = withX([{ file: path, fields: fieldList(p.y, path, origin, 'y') }], p.x, path, origin);
  return { id: path, sources, ...common(path, p, origin), image };
}

/**
 * The y files with their x, as DVC's VegaConverter pairs them (dvc/render/converter/vega.py `flat_datapoints`): a
 * field name is each y file's own field; a `{file: field}` mapping of one entry is the x of every y field, and of
 * several entries is paired with the y fields in order, one each (by position, not by file name), so their
 * numbers must match. An x in another file than its y is joined to the y file's rows row by row when drawn.
 */
function withX(ys: { file: string; fields: string[] }[], x: unknown, id: string, origin: string): PlotSource[] {
  if (x === undefined || x === null || typeof x === 'string') return ys.map((y) => ({ file: y.file, y: y.fields, x: x ?? null }));
  const xs = isRecord(x) ? Object.entries(x) : [];
  const bad = xs.find(([, field]) => typeof field !== 'string');
  if (!xs.length || bad) {
    const got = bad ? `\`x.${bad[0]}\` is ${describe(bad[1])}` : `got ${describe(x)}`;
    throw new DefinitionError(id, `${origin} (${id}): \`x\` must be a field name or {file: field}, ${got}.`);
  }
  // One y field per pair; a file whose y is inferred (no `y`) counts as one, as in DVC.
  type Pair = { file: string; field: string | null };
  const pairs = ys.flatMap((y): Pair[] => (y.fields.length ? y.fields.map((field) => ({ file: y.file, field })) : [{ file: y.file, field: null }]));
  if (xs.length > 1 && xs.length !== pairs.length) {
    throw new DefinitionError(
      id,
      `${origin} (${id}): \`x\` names ${xs.length} files and \`y\` ${pairs.length} fields; DVC pairs several x files with the y fields one by one, so their numbers must match (or give one x for all).`,
    );
  }
  const sources: PlotSource[] = [];
  pairs.forEach((pair, i) => {
    const [xPath, xField] = xs.length > 1 ? xs[i]! : xs[0]!;
    const xFile = normalise(xPath);
    const last = sources.at(-1);
    // Fields of one file with the same x stay one source, as a plot without x pairs has them.
    if (last && last.file === pair.file && last.x === xField && (last.xFile ?? pair.file) === xFile && pair.field !== null) {
      last.y.push(pair.field);
      return;
    }
    sources.push({ file: pair.file, y: pair.field === null ? [] : [pair.field], x: xField as string, ...(xFile !== pair.file ? { xFile } : {}) });
  });
  return sources;
}

function common(id: string, p: Record<string, unknown>, origin: string): Omit<PlotDefinition, 'id' | 'sources' | 'image'> {
  return {
    template: templateName(p.template, id, origin),
    title: optionalString(p.title, id, origin, 'title'),
    xLabel: optionalString(p.x_label, id, origin, 'x_label'),
    yLabel: optionalString(p.y_label, id, origin, 'y_label'),
    header: p.header === undefined ? true : p.header !== false,
    origin,
  };
}

/** The name or path, as DVC takes it: where it leads is looked up at draw time (find-template.ts), in the project's files. */
function templateName(value: unknown, id: string, origin: string): string {
  if (value === undefined || value === null) return 'linear';
  if (typeof value !== 'string') throw new DefinitionError(id, `${origin} (${id}): \`template\` must be a string.`);
  return value;
}

function fieldList(value: unknown, id: string, origin: string, key: string): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  const expected = `\`${key}\` must be a field name or a list of field names`;
  if (Array.isArray(value)) {
    const i = value.findIndex((v) => typeof v !== 'string');
    throw new DefinitionError(id, `${origin} (${id}): \`${key}[${i}]\` is ${describe(value[i])}, not a field name: ${expected}.`);
  }
  throw new DefinitionError(id, `${origin} (${id}): ${expected}, got ${describe(value)}.`);
}

function optionalString(value: unknown, id: string, origin: string, key: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  throw new DefinitionError(id, `${origin} (${id}): \`${key}\` must be a string.`);
}

function normalise(path: string): string {
  return posix.normalize(path.replace(/\\/g, '/')).replace(/^\.\//, '').replace(/\/$/, '');
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
