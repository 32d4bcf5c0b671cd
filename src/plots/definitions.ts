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
  const sources: PlotSource[] = Object.entries(yDict).map(([file, fields]) => ({
    file: normalise(file),
    y: fieldList(fields, id, origin, `y.${file}`),
    x: xFor(p.x, file, id, origin),
  }));
  if (!sources.length) throw new DefinitionError(id, `${origin} (${id}): \`y\` names no files.`);
  return { id, sources, ...common(id, p, origin), image: false };
}

function fromPath(path: string, p: Record<string, unknown>, origin: string): PlotDefinition {
  const image = IMAGE_EXTENSIONS.includes(posix.extname(path).toLowerCase());
  const x = p.x === undefined || p.x === null ? null : typeof p.x === 'string' ? p.x : xFor(p.x, path, path, origin);
  return { id: path, sources: [{ file: path, y: fieldList(p.y, path, origin, 'y'), x }], ...common(path, p, origin), image };
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

function xFor(x: unknown, file: string, id: string, origin: string): string | null {
  if (x === undefined || x === null) return null;
  if (typeof x === 'string') return x;
  if (isRecord(x)) {
    const field = x[file];
    if (field === undefined) return null;
    if (typeof field === 'string') return field;
  }
  throw new DefinitionError(id, `${origin} (${id}): \`x\` must be a field name or {file: field}, got ${describe(x)}.`);
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
