import { lstatSync, realpathSync } from 'node:fs';
import { join, posix, sep } from 'node:path';

/** Folders whose files are git's or DVC's own: an output is never written or deleted there. */
const OWN_FOLDERS: Record<string, string> = { '.git': "git's own files", '.dvc': "DVC's own files" };

/**
 * Why the output `path` (`/`-separated, from the project folder `root`) must not be written or deleted where it is, or
 * null when it may: a folder on the way to it is a link that leads out of the project or into `.git/` or `.dvc/`
 * (`ln -s .git g` and an output `g/config`), or the path names such a folder itself. Checked before anything is removed,
 * written or moved into place: the reader refuses these links, and a write or a removal through one would reach the
 * runner's own files or git's config. The output itself being a link is no matter here: it is replaced, or removed, as
 * a link, never written through.
 */
export function outputPlaceRefused(root: string, path: string): string | null {
  const normal = posix.normalize(path);
  if (normal === '..' || normal.startsWith('../') || posix.isAbsolute(normal)) return 'it is outside the project';
  const parts = normal.split('/').filter((part) => part && part !== '.');
  const own = parts.find((part) => OWN_FOLDERS[part.toLowerCase()]);
  if (own) return `it is inside ${own}/, which holds ${OWN_FOLDERS[own.toLowerCase()]}`;
  let realRoot: string;
  try {
    realRoot = realpathSync.native(root);
  } catch {
    return null;
  }
  let dir = root;
  for (let at = 0; at < parts.length - 1; at++) {
    dir = join(dir, parts[at]!);
    const info = entryAt(dir);
    // Nothing there: the folders from here on are made as plain folders, inside the one before.
    if (!info) return null;
    if (!info.isSymbolicLink()) continue;
    let real: string;
    try {
      real = realpathSync.native(dir);
    } catch {
      // A link that leads to nothing (or round a loop): no folder can be made or emptied through it.
      return null;
    }
    const link = parts.slice(0, at + 1).join('/');
    if (real !== realRoot && !real.startsWith(realRoot + sep)) return `'${link}' on the way to it is a link to ${real}, outside the project`;
    const inner = real.slice(realRoot.length + 1).split(sep);
    const into = inner.find((part) => OWN_FOLDERS[part.toLowerCase()]);
    if (into) return `'${link}' on the way to it is a link to ${real}, inside ${into}/, which holds ${OWN_FOLDERS[into.toLowerCase()]}`;
  }
  return null;
}

/** What is at `full` itself (a link stays a link); undefined when nothing is, or a file or a loop is in the way. */
function entryAt(full: string): ReturnType<typeof lstatSync> {
  try {
    return lstatSync(full, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
