import { posix } from 'node:path';
import { UserError } from '../util/errors';
import type { Tree } from '../workspace/tree';
import { BUILTIN_TEMPLATES, type BuiltinTemplate, type FoundTemplate } from './types';

/** DVC's folder of plot templates (dvc/repo/plots `templates_dir`), which `dvc plots templates` fills. */
const TEMPLATE_DIR = '.dvc/plots';

/**
 * A plot's `template:` looked up as dvc-render's `get_template(template, template_dir)` does: `.dvc/plots/<name>`, then
 * `.dvc/plots/<name>` with its suffix made `.json` (Python's `with_suffix`), then `<name>` as a file of the project,
 * and only then a builtin name — so a file in `.dvc/plots/` adds a named template or replaces a builtin one. A name
 * with folders (`sub/mine`) is joined to the folder as DVC joins it (`Path(template_dir) / name`), so templates in
 * its subfolders are found by their path from it; a name is not searched for in subfolders, as DVC does not either.
 */
export async function findTemplate(name: string, tree: Tree): Promise<FoundTemplate> {
  const looked: string[] = [];
  const inDir = inTemplateDir(name);
  if (inDir !== null) {
    for (const file of new Set([inDir, withJsonSuffix(inDir)])) {
      looked.push(`${TEMPLATE_DIR}/${file}`);
      const bytes = await tree.dvcPlotsFile(file);
      if (bytes) return { kind: 'custom', path: `${TEMPLATE_DIR}/${file}`, text: bytes.toString('utf8') };
    }
  }
  if (name.trim()) {
    const path = normalName(name);
    looked.push(path);
    // A path into the template folder is read as the folder's file; any other `.dvc/` path, the reader refuses.
    const inFolder = path.startsWith(`${TEMPLATE_DIR}/`);
    const bytes = inFolder ? await tree.dvcPlotsFile(path.slice(TEMPLATE_DIR.length + 1)) : await tree.read(path);
    if (bytes) return { kind: 'custom', path, text: bytes.toString('utf8') };
  }
  if ((BUILTIN_TEMPLATES as readonly string[]).includes(name)) return { kind: 'builtin', name: name as BuiltinTemplate };
  const files = looked.length > 1 ? `${looked.slice(0, -1).join(', ')} or ${looked.at(-1)}` : looked[0];
  const places = files ? `no file ${files} at ${tree.name}, and ` : '';
  throw new UserError(`unknown template '${name}': ${places}no builtin template of that name (${BUILTIN_TEMPLATES.join(', ')})`);
}

/**
 * Where DVC's `template_dir / name` leads, as a path from the template folder: null when it leads out of the folder
 * (`../config.local`) or names the folder itself, which is not looked in then.
 */
function inTemplateDir(name: string): string | null {
  if (!name.trim()) return null;
  const path = normalName(name).replace(/\/$/, '');
  if (path === '.' || path === '..' || path.startsWith('../') || path.startsWith('/')) return null;
  return path;
}

/** A template's name as a `/`-separated path, normalised, without a leading `./`. */
function normalName(name: string): string {
  return posix.normalize(name.replace(/\\/g, '/')).replace(/^\.\//, '');
}

/** `PurePath(name).with_suffix('.json')`: the last suffix replaced, or `.json` added where there is none. */
function withJsonSuffix(name: string): string {
  const ext = posix.extname(name);
  return `${ext ? name.slice(0, -ext.length) : name}.json`;
}
