/**
 * The 1-based line where a flattened key (`train.loss`) is written in a JSON/YAML/TOML metrics file, found by
 * looking for each segment in turn after the previous one; 1 when it cannot be found (annotations need a line).
 */
export function keyLine(text: string, key: string): number {
  let from = 0;
  let at = -1;
  for (const segment of key.split('.')) {
    const escaped = segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(?:["']${escaped}["']|(?:^|[\\s{,])${escaped})\\s*[:=]`, 'gm');
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m) return at < 0 ? 1 : lineAt(text, at);
    at = m.index + (/^\s/.test(m[0]) ? m[0].length - m[0].trimStart().length : 0);
    from = m.index + m[0].length;
  }
  return at < 0 ? 1 : lineAt(text, at);
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
