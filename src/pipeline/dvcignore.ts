import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One `.dvcignore` line, compiled (gitignore syntax, as DVC reads it with pathspec). */
interface IgnoreRule {
  negate: boolean;
  dirOnly: boolean;
  regex: RegExp;
  /** A plain name without `/` (`.git`, `node_modules`): the path itself or its end after a `/`, no regex run. */
  name?: string;
  slashName?: string;
}

/**
 * DVC's built-in patterns (dvc/ignore.py `DvcIgnoreFilter`), applied at the repository root. None has a `/`
 * inside: each matches a path anywhere by its last segment, which is all they are tested on.
 */
const DEFAULT_PATTERNS = ['.hg/', '.git/', '.git', '.dvc/'];

/**
 * Answers "does DVC ignore this path?" for paths relative to the DVC root, from the built-in patterns and
 * every `.dvcignore` on the way down (deeper files are read after, so they win). `.gitignore` plays no part.
 */
export class DvcIgnore {
  private readonly cache = new Map<string, IgnoreRule[]>();
  private readonly chains = new Map<string, readonly { rules: IgnoreRule[]; offset: number }[]>();
  private readonly defaults = DEFAULT_PATTERNS.map(compileRule).filter((r): r is IgnoreRule => r !== null);

  constructor(readonly root: string) {}

  /** `relPath` is posix, relative to the root, without a leading `./`. */
  isIgnored(relPath: string, isDir: boolean): boolean {
    const parts = relPath.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const sub = parts.slice(0, i).join('/');
      if (this.matches(sub, i < parts.length ? true : isDir)) return true;
    }
    return false;
  }

  /** Whether the directory `relDir` holds a `.dvcignore` file. */
  hasIgnoreFile(relDir: string): boolean {
    try {
      readFileSync(join(this.root, relDir, '.dvcignore'));
      return true;
    } catch {
      return false;
    }
  }

  /** Whether the rules ignore `relPath` itself, its folders being known not to be ignored (a walk's child). */
  matches(relPath: string, isDir: boolean): boolean {
    const slash = relPath.lastIndexOf('/');
    let ignored = apply(this.defaults, slash < 0 ? relPath : relPath.slice(slash + 1), isDir, false);
    for (const { rules, offset } of this.chain(slash < 0 ? '' : relPath.slice(0, slash))) {
      ignored = apply(rules, relPath.slice(offset), isDir, ignored);
    }
    return ignored;
  }

  /**
   * `matches` for the children of `relDir` by name, made once a folder: a walk of 10k files under no
   * `.dvcignore` then tests only the built-in names and builds no paths.
   */
  childMatcher(relDir: string): (name: string, isDir: boolean) => boolean {
    if (!this.chain(relDir).length) return (name, isDir) => apply(this.defaults, name, isDir, false);
    const prefix = relDir ? `${relDir}/` : '';
    return (name, isDir) => this.matches(prefix + name, isDir);
  }

  /**
   * The folders from the root down to `relDir` (itself included) that have rules, each with where a path
   * below it starts: a walk asks this once a folder, not once a file.
   */
  private chain(relDir: string): readonly { rules: IgnoreRule[]; offset: number }[] {
    let chain = this.chains.get(relDir);
    if (!chain) {
      const slash = relDir.lastIndexOf('/');
      const parent = relDir ? this.chain(slash < 0 ? '' : relDir.slice(0, slash)) : [];
      const rules = this.rulesIn(relDir);
      chain = rules.length ? [...parent, { rules, offset: relDir ? relDir.length + 1 : 0 }] : parent;
      this.chains.set(relDir, chain);
    }
    return chain;
  }

  private rulesIn(relDir: string): IgnoreRule[] {
    let rules = this.cache.get(relDir);
    if (!rules) {
      const file = join(this.root, relDir, '.dvcignore');
      let text = '';
      // Asked first without an exception: most folders of a walk have no .dvcignore, and a thrown ENOENT costs more than the stat.
      if (statSync(file, { throwIfNoEntry: false })) {
        try {
          text = readFileSync(file, 'utf8');
        } catch {
          text = '';
        }
      }
      rules = text
        .split(/\r?\n/)
        .map(compileRule)
        .filter((r): r is IgnoreRule => r !== null);
      this.cache.set(relDir, rules);
    }
    return rules;
  }
}

/** The verdict after `rules` (later rules win), starting from `ignored`. */
function apply(rules: IgnoreRule[], rel: string, isDir: boolean, ignored: boolean): boolean {
  for (const rule of rules) {
    if (rule.dirOnly && !isDir) continue;
    if (rule.name === undefined ? rule.regex.test(rel) : rel === rule.name || rel.endsWith(rule.slashName!)) ignored = !rule.negate;
  }
  return ignored;
}

function compileRule(line: string): IgnoreRule | null {
  let pattern = line.replace(/(?<!\\)\s+$/, '');
  if (!pattern || pattern.startsWith('#')) return null;
  let negate = false;
  if (pattern.startsWith('!')) {
    negate = true;
    pattern = pattern.slice(1);
  }
  if (pattern.startsWith('\\#') || pattern.startsWith('\\!')) pattern = pattern.slice(1);
  let dirOnly = false;
  if (pattern.endsWith('/')) {
    dirOnly = true;
    pattern = pattern.slice(0, -1);
  }
  const anchored = pattern.includes('/');
  if (pattern.startsWith('/')) pattern = pattern.slice(1);
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      const atStart = i === 0 || pattern[i - 1] === '/';
      const atEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
      if (atStart && atEnd) {
        if (i + 2 === pattern.length) re += '.*';
        else {
          re += '(?:.*/)?';
          i += 1;
        }
        i += 1;
        continue;
      }
      re += '[^/]*';
      i += 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        let cls = pattern.slice(i + 1, close);
        if (cls.startsWith('!')) cls = `^${cls.slice(1)}`;
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '\\' && i + 1 < pattern.length) {
      re += pattern[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  const prefix = anchored ? '^' : '^(?:.*/)?';
  const rule: IgnoreRule = { negate, dirOnly, regex: new RegExp(`${prefix}${re}$`) };
  if (!anchored && !/[*?[\\]/.test(pattern)) {
    rule.name = pattern;
    rule.slashName = `/${pattern}`;
  }
  return rule;
}
