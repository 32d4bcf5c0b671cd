import { DataError } from './errors';

/** A value as ConfigObj reads it: a string, or a list where an unquoted comma split it. */
export type IniValue = string | string[];
/** Section name (lower-cased, as DVC lower-cases them) → key (lower-cased) → value. */
export type IniSections = Map<string, Map<string, IniValue>>;

const SECTION = /^(\[+)\s*(.*?)\s*(\]+)\s*(?:#.*)?$/;
const KEY_VALUE = /^("[^"]*"|'[^']*'|[^=]+?)\s*=\s*(.*)$/;

/**
 * The part of ConfigObj's syntax DVC config files use (DVC reads them with `ConfigObj(fobj)`): `[section]` and
 * quoted `['remote "name"']` headers, `key = value`, `#` comments, quoted values, unquoted commas making
 * lists, and ConfigParser-style `%(key)s` interpolation within a section and `DEFAULT`. DVC lower-cases every
 * key and section name, so this does too. `file` names the config in errors.
 */
export function parseIni(text: string, file: string): IniSections {
  const sections: IniSections = new Map([['', new Map<string, IniValue>()]]);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let current = sections.get('')!;
  let sectionName = '';
  const at = (n: number): string => `${file}:${n + 1}`;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (!line || line.startsWith('#')) continue;
    const header = SECTION.exec(line);
    if (header) {
      if (header[1]!.length !== header[3]!.length) throw new DataError(`${at(n)}: unbalanced brackets in section header '${line}'`);
      sectionName = unquote(header[2]!).toLowerCase();
      if (sections.has(sectionName)) throw new DataError(`${at(n)}: duplicate section '${sectionName}'`);
      current = new Map();
      sections.set(sectionName, current);
      continue;
    }
    const kv = KEY_VALUE.exec(line);
    // The line is not quoted: a DVC config holds credentials, and a mistyped one (`password: …`) would be shown in full.
    if (!kv) throw new DataError(`${at(n)}: expected 'key = value' or a [section] header (the line is not shown: DVC configs hold credentials)`);
    const key = unquote(kv[1]!.trim()).toLowerCase();
    if (current.has(key)) throw new DataError(`${at(n)}: duplicate key '${shownKey(key)}' in section '${sectionName}'`);
    current.set(key, parseValue(kv[2]!, at(n), key));
  }
  for (const [name, section] of sections) {
    for (const [key, value] of section) {
      const resolve = (v: string): string => interpolate(v, section, sections.get('default'), `${file}: key '${shownKey(key)}' in section '${name}'`);
      section.set(key, Array.isArray(value) ? value.map(resolve) : resolve(value));
    }
  }
  return sections;
}

/**
 * A key as a message may show it. An option name is letters, digits, `_`, `-` and `.`; anything past that is cut
 * (`password…`): `password: s3cret = x` parses, as in ConfigObj, into one key that holds the secret, lower-cased so
 * that the redactor no longer knows it.
 */
export function shownKey(key: string): string {
  const name = /^[A-Za-z0-9_.-]*/.exec(key)![0];
  return name === key ? key : `${name}…`;
}

function unquote(s: string): string {
  if (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s.endsWith(s[0])) return s.slice(1, -1);
  return s;
}

/** ConfigObj's value grammar: quoted strings keep `#` and `,`; unquoted ones lose an inline comment and split on commas. */
function parseValue(raw: string, where: string, key: string): IniValue {
  const items: string[] = [];
  let i = 0;
  let sawComma = false;
  const s = raw;
  while (i < s.length) {
    while (s[i] === ' ' || s[i] === '\t') i++;
    if (i >= s.length || s[i] === '#') break;
    let item: string;
    if (s[i] === '"' || s[i] === "'") {
      const end = s.indexOf(s[i]!, i + 1);
      if (end < 0) throw new DataError(`${where}: unterminated quote in the value of '${shownKey(key)}'`);
      item = s.slice(i + 1, end);
      i = end + 1;
    } else {
      let j = i;
      while (j < s.length && s[j] !== ',' && s[j] !== '#') j++;
      item = s.slice(i, j).trim();
      i = j;
    }
    items.push(item);
    while (s[i] === ' ' || s[i] === '\t') i++;
    if (s[i] === ',') {
      sawComma = true;
      i++;
    } else if (i < s.length && s[i] !== '#') {
      throw new DataError(`${where}: unexpected text after the value of '${shownKey(key)}'`);
    }
  }
  if (sawComma) return items.filter((x, k) => x !== '' || k < items.length - 1);
  return items[0] ?? '';
}

function interpolate(value: string, section: Map<string, IniValue>, defaults: Map<string, IniValue> | undefined, where: string, depth = 0): string {
  if (!value.includes('%(')) return value;
  if (depth > 10) throw new DataError(`${where}: interpolation '%(…)s' nests too deep`);
  return value.replace(/%\(([^)]*)\)s/g, (_m, name: string) => {
    const found = section.get(name.toLowerCase()) ?? defaults?.get(name.toLowerCase());
    if (found === undefined || Array.isArray(found)) {
      // ConfigObj raises MissingInterpolationOption here and DVC reports it as a config error.
      throw new DataError(`${where}: '%(${name})s' names no option of this section or [DEFAULT] (ConfigObj interpolates '%(name)s' in values)`);
    }
    return interpolate(found, section, defaults, where, depth + 1);
  });
}
