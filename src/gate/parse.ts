import { UserError } from '../util/errors';
import type { Comparator, Expr, GateLevel, GateRule, HistoryStat, MetricRef, RuleSource } from './types';

/**
 * The threshold rule language, one rule per line:
 *
 *   [warn: | fail:] METRIC OP EXPR [if present]
 *
 * METRIC is `[file:]key.path` (quoted with "…" when it holds spaces or operator characters); OP is one of
 * >= <= > < == != (≥ ≤ ≠ too); EXPR is arithmetic over numbers, `base` (the metric's value at the
 * base revision) and `history.mean|std|min|max|n` (its values on the base branch's last commits) with + - * /
 * and parentheses, where `X + N%` / `X - N%` add or take N percent of |X|.
 * A hand-written recursive-descent parser: nothing is ever evaluated as code.
 */

/** A rule line that does not parse, with the line and column at fault and what would have been accepted. */
export class RuleSyntaxError extends UserError {
  constructor(
    readonly source: RuleSource,
    readonly column: number,
    readonly problem: string,
    lineText: string,
  ) {
    // The column an editor shows: the line's where the rule's place in it is known, else the rule's own, said so.
    const at = source.column === null ? `column ${column} of the rule` : `column ${(source.column ?? 1) + column - 1}`;
    super(`${source.origin} line ${source.line}, ${at}: ${problem}\n    ${lineText}\n    ${' '.repeat(Math.max(column - 1, 0))}^`);
    this.name = 'RuleSyntaxError';
  }
}

/** A rule line with where it came from. */
export interface RuleLine {
  text: string;
  source: RuleSource;
}

/** Parses every line; all syntax errors are reported together, so one run shows every mistake. */
export function parseRules(lines: RuleLine[]): GateRule[] {
  const rules: GateRule[] = [];
  const errors: RuleSyntaxError[] = [];
  for (const line of lines) {
    try {
      rules.push(parseRule(line.text, line.source));
    } catch (error) {
      if (error instanceof RuleSyntaxError) errors.push(error);
      else throw error;
    }
  }
  if (errors.length === 1) throw errors[0]!;
  if (errors.length) throw new UserError(`${errors.length} threshold rules do not parse:\n${errors.map((e) => e.message).join('\n')}`);
  return rules;
}

const COMPARATORS: Record<string, Comparator> = { '>=': '>=', '<=': '<=', '==': '==', '!=': '!=', '>': '>', '<': '<', '≥': '>=', '≤': '<=', '≠': '!=' };
const COMPARATOR_LIST = '`>=`, `<=`, `>`, `<`, `==` or `!=`';
const OPERAND = 'a number, `base`, `(` or `-`';
const LEVEL = /^\s*(warn|warning|fail)\s*:\s+/i;
const HISTORY_STATS: readonly HistoryStat[] = ['mean', 'std', 'min', 'max', 'n'];
const HISTORY_NAMES = HISTORY_STATS.map((s) => `\`history.${s}\``).join(', ');
/**
 * Bounds that keep parsing and evaluation far from the call stack's limit (5,000 `(` overflowed it): no rule
 * a person writes comes near them.
 */
const MAX_DEPTH = 64;
const MAX_TOKENS = 1000;

type Token =
  | { kind: 'number'; value: number; pos: number; end: number }
  | { kind: 'word'; value: string; pos: number; end: number }
  | { kind: 'punct'; value: string; pos: number; end: number }
  | { kind: 'end'; pos: number; end: number };

/** Parses one rule; throws RuleSyntaxError naming the column and what was expected there. */
export function parseRule(text: string, source: RuleSource): GateRule {
  const fail = (pos: number, problem: string): never => {
    throw new RuleSyntaxError(source, pos + 1, problem, text);
  };
  let pos = 0;
  let level: GateLevel = 'fail';
  const levelMatch = LEVEL.exec(text);
  if (levelMatch) {
    level = levelMatch[1]!.toLowerCase() === 'fail' ? 'fail' : 'warn';
    pos = levelMatch[0].length;
  }
  const ruleStart = skipSpace(text, pos);
  const { ref, end: refEnd } = readMetric(text, ruleStart, fail);
  pos = skipSpace(text, refEnd);

  const comparatorText = [2, 1].map((n) => text.slice(pos, pos + n)).find((t) => COMPARATORS[t]);
  if (!comparatorText) {
    const found = text.slice(pos, pos + 2);
    const hint = found.startsWith('=') ? ' (use `==` to compare for equality)' : '';
    fail(pos, `expected a comparison, one of ${COMPARATOR_LIST}, after the metric \`${ref.text}\`, but found ${describeFound(text, pos)}${hint}`);
  }
  const comparator = COMPARATORS[comparatorText!]!;
  const tokens = tokenize(text, pos + comparatorText!.length, fail);
  const parser = new ExprParser(tokens, fail);
  const threshold = parser.expression();
  const ifPresent = parser.ifPresent();
  const end = parser.expectEnd();
  return { text: text.slice(ruleStart, end).trim(), level, metric: ref, comparator, threshold, ifPresent, source };
}

function skipSpace(text: string, pos: number): number {
  while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  return pos;
}

function describeFound(text: string, pos: number): string {
  if (pos >= text.length) return 'the end of the rule';
  const word = /^[^\s]+/.exec(text.slice(pos))![0];
  return `\`${word.length > 20 ? `${word.slice(0, 20)}…` : word}\``;
}

function readMetric(text: string, pos: number, fail: (pos: number, problem: string) => never): { ref: MetricRef; end: number } {
  if (pos >= text.length) fail(pos, 'expected a metric name such as `accuracy` or `metrics.json:loss`, but the rule is empty');
  let raw: string;
  let end: number;
  const quote = text[pos]!;
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, pos + 1);
    if (close < 0) fail(pos, `this quote is never closed: expected a closing ${quote} after the metric name`);
    raw = text.slice(pos + 1, close);
    end = close + 1;
  } else {
    end = pos;
    while (end < text.length && !/[\s<>=!≥≤≠]/.test(text[end]!)) end++;
    raw = text.slice(pos, end);
    if (!raw) fail(pos, `expected a metric name such as \`accuracy\` or \`metrics.json:loss\` before the comparison, but found ${describeFound(text, pos)}`);
    if (/^[\d.+-]/.test(raw) && Number.isFinite(Number(raw))) {
      fail(pos, `expected a metric name on the left (as in \`accuracy >= 0.9\`), but found the number \`${raw}\``);
    }
  }
  const colon = raw.indexOf(':');
  const file = colon >= 0 ? raw.slice(0, colon).trim() : null;
  const key = (colon >= 0 ? raw.slice(colon + 1) : raw).trim();
  if (file === '') fail(pos, 'expected a file name before `:` (as in `metrics.json:loss`)');
  if (!key) fail(pos + (colon >= 0 ? colon + 1 : 0), 'expected a metric key after the file name (as in `metrics.json:loss`)');
  return { ref: { file: file ? file.replace(/\\/g, '/').replace(/^\.\//, '') : null, key, text: raw }, end };
}

function tokenize(text: string, start: number, fail: (pos: number, problem: string) => never): Token[] {
  const tokens: Token[] = [];
  let pos = start;
  for (;;) {
    pos = skipSpace(text, pos);
    // `#` starts a comment, as in YAML: `accuracy >= 0.9  # agreed with the team in May`.
    if (pos >= text.length || text[pos] === '#') break;
    const rest = text.slice(pos);
    const number = /^(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest);
    if (number) {
      const value = Number(number[0].replace(/_/g, ''));
      if (!Number.isFinite(value)) fail(pos, `\`${number[0]}\` is not a finite number`);
      tokens.push({ kind: 'number', value, pos, end: pos + number[0].length });
      pos += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][\w.]*/.exec(rest);
    if (word) {
      tokens.push({ kind: 'word', value: word[0], pos, end: pos + word[0].length });
      pos += word[0].length;
      continue;
    }
    if ('+-*/()%−'.includes(rest[0]!)) {
      // − (U+2212, the minus sign of typeset docs) is read as -.
      tokens.push({ kind: 'punct', value: rest[0] === '−' ? '-' : rest[0]!, pos, end: pos + 1 });
      pos += 1;
      continue;
    }
    if (/^(?:>=|<=|==|!=|[<>≥≤≠=])/.test(rest)) {
      if (!tokens.length) fail(pos, `expected ${OPERAND} after the comparison, but found \`${/^[<>=!≥≤≠]+/.exec(rest)![0]}\``);
      fail(pos, 'a rule has one comparison; expected an arithmetic operator (`+`, `-`, `*`, `/`), `if present` or the end of the rule');
    }
    fail(pos, `unexpected character \`${rest[0]}\`: expected ${OPERAND}, an operator (\`+\`, \`-\`, \`*\`, \`/\`, \`%\`) or \`if present\``);
  }
  tokens.push({ kind: 'end', pos, end: pos });
  if (tokens.length > MAX_TOKENS)
    fail(tokens[MAX_TOKENS]!.pos, `the rule is too long: at most ${MAX_TOKENS} numbers, names and operators after the comparison`);
  return tokens;
}

class ExprParser {
  private i = 0;
  private depth = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly fail: (pos: number, problem: string) => never,
  ) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }

  private isPunct(value: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'punct' && t.value === value;
  }

  private found(t: Token): string {
    return t.kind === 'end' ? 'the end of the rule' : `\`${t.value}\``;
  }

  /** expression := term (('+' | '-') (NUMBER '%' | term))* */
  expression(): Expr {
    let left = this.term();
    while (this.isPunct('+') || this.isPunct('-')) {
      const op = (this.peek() as { value: '+' | '-' }).value;
      this.i++;
      const next = this.peek();
      if (next.kind === 'number' && this.isPunct('%', 1)) {
        this.i += 2;
        left = { kind: 'percent', op, left, percent: next.value };
      } else {
        left = { kind: 'binary', op, left, right: this.term() };
      }
    }
    return left;
  }

  /** term := unary (('*' | '/') unary)* */
  private term(): Expr {
    let left = this.unary();
    while (this.isPunct('*') || this.isPunct('/')) {
      const op = (this.peek() as { value: '*' | '/' }).value;
      this.i++;
      left = { kind: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  /** unary := '-' unary | NUMBER | 'base' | '(' expression ')' */
  private unary(): Expr {
    const t = this.peek();
    if (++this.depth > MAX_DEPTH) this.fail(t.pos, `the expression is nested too deeply: at most ${MAX_DEPTH} parentheses and signs inside each other`);
    try {
      return this.operand(t);
    } finally {
      this.depth--;
    }
  }

  private operand(t: Token): Expr {
    if (t.kind === 'punct' && t.value === '-') {
      this.i++;
      return { kind: 'negate', operand: this.unary() };
    }
    if (t.kind === 'number') {
      this.i++;
      if (this.isPunct('%')) {
        this.fail(
          this.peek().pos,
          `a percentage is relative to the value before it: write \`base + ${t.value}%\` or \`base - ${t.value}%\` (for an absolute value, write ${t.value / 100})`,
        );
      }
      return { kind: 'number', value: t.value };
    }
    if (t.kind === 'word' && t.value.toLowerCase() === 'base') {
      this.i++;
      return { kind: 'base' };
    }
    if (t.kind === 'word' && /^history(\.|$)/i.test(t.value)) {
      const stat = HISTORY_STATS.find((s) => `history.${s}` === t.value.toLowerCase());
      if (!stat) this.fail(t.pos, `unknown name \`${t.value}\`: the base branch's history gives ${HISTORY_NAMES}`);
      this.i++;
      return { kind: 'history', stat };
    }
    if (t.kind === 'punct' && t.value === '(') {
      this.i++;
      const inner = this.expression();
      if (!this.isPunct(')'))
        this.fail(this.peek().pos, `expected \`)\` to close the \`(\` at column ${t.pos + 1}, or an operator, but found ${this.found(this.peek())}`);
      this.i++;
      return inner;
    }
    if (t.kind === 'word') {
      this.fail(
        t.pos,
        `unknown name \`${t.value}\`: expected ${OPERAND} (the right side compares with numbers, \`base\`, the metric's value at the base revision, and ${HISTORY_NAMES} of its values on the base branch)`,
      );
    }
    return this.fail(t.pos, `expected ${OPERAND}, but found ${this.found(t)}`);
  }

  /** Consumes a trailing `if present`, if there is one. */
  ifPresent(): boolean {
    const t = this.peek();
    if (t.kind !== 'word' || t.value.toLowerCase() !== 'if') return false;
    const next = this.peek(1);
    if (next.kind !== 'word' || next.value.toLowerCase() !== 'present') {
      this.fail(next.pos, `expected \`present\` after \`if\` (the only condition is \`if present\`), but found ${this.found(next)}`);
    }
    this.i += 2;
    return true;
  }

  /** Checks nothing follows the rule; returns where it ends (a trailing comment is not part of it). */
  expectEnd(): number {
    const t = this.peek();
    if (t.kind === 'end') return t.pos;
    this.fail(t.pos, `expected an operator (\`+\`, \`-\`, \`*\`, \`/\`), \`if present\` or the end of the rule, but found ${this.found(t)}`);
  }
}

/** Whether the threshold needs the base's value. */
export function usesBase(expr: Expr): boolean {
  return uses(expr, (e) => e.kind === 'base');
}

/** The `history.*` statistics the threshold uses, in the order written (none: it does not need history). */
export function historyStatsUsed(expr: Expr): HistoryStat[] {
  const found: HistoryStat[] = [];
  uses(expr, (e) => {
    if (e.kind === 'history' && !found.includes(e.stat)) found.push(e.stat);
    return false;
  });
  return found;
}

function uses(expr: Expr, is: (leaf: Expr) => boolean): boolean {
  switch (expr.kind) {
    case 'base':
    case 'number':
    case 'history':
      return is(expr);
    case 'negate':
      return uses(expr.operand, is);
    case 'binary':
      return [expr.left, expr.right].map((e) => uses(e, is)).some(Boolean);
    case 'percent':
      return uses(expr.left, is);
  }
}

/** Reads the `thresholds` input: one rule per line; blank lines and `#` comments are skipped. */
export function ruleLinesFromText(text: string, origin: string, file?: string): RuleLine[] {
  const out: RuleLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    out.push({ text: trimmed, source: { origin, line: i + 1, column: raw.indexOf(trimmed) + 1, ...(file ? { file } : {}) } });
  });
  return out;
}
