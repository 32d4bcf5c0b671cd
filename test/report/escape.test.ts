import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { commentBody } from '../../src/publish/github/body';
import { code, escapeCell } from '../../src/report/escape';
import { composeMarkdown } from '../../src/report/markdown';
import type { ReportData } from '../../src/report/types';
import { verdictOf } from '../../src/report/verdict';
import { plotEntry, reportData } from '../publish/github-fixtures';

/** Everything a pull request controls (names, values, notes, plot ids and titles, branch names), made hostile. */
const HOSTILE = [
  '<img src="https://tracker.example/p.gif">',
  '<details open><summary>x</summary>',
  '@everyone and @org/team',
  'fixes #123 and other/repo#45 and GH-7',
  '\\[click\\](https://evil.example)',
  '[click](https://evil.example)',
  'see https://evil.example/x and www.evil.example',
  '<!-- mlreport:comment id=other -->',
  'a|b',
];

function hostileReport(): ReportData {
  const data = reportData([], 1, 1);
  const text = HOSTILE.join(' ');
  data.head.label = 'feat`ure';
  data.base!.label = 'main';
  data.metrics[0]!.path = text;
  data.metrics[0]!.rows[0]!.key = text;
  data.metrics[0]!.rows[0]!.new = text;
  data.metrics[0]!.notes = [text];
  data.warnings = [text];
  data.plots = [
    plotEntry({ id: `loss\n\n${text}\n\`\`\`\n`, title: text, image: null, notes: [text], error: text }),
    plotEntry({ id: 'p', title: text, image: 'plots/p.png', baseImage: 'plots/p base.png' }),
  ];
  data.pipeline = { engine: 'builtin', stages: [{ name: text, status: 'failed', seconds: 1, error: text, log: text }] };
  return { ...data, verdict: verdictOf(data) };
}

/** The report's lines outside fenced code blocks (where GitHub shows text as it is). */
function outsideFences(markdown: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const m = /^(`{3,})/.exec(line);
    if (fence) {
      if (m && m[1]!.length >= fence.length && line.trim() === m[1]) fence = null;
    } else if (m) fence = m[1]!;
    else out.push(line);
  }
  return out.join('\n');
}

/** The text with its code spans blanked (GitHub shows a code span's text as it is); an escaped backtick opens none. */
function outsideCodeSpans(text: string): string {
  const masked = text.replace(/\\[\\`]/g, 'xx');
  let out = text;
  // A code span ends with its paragraph: it never crosses a blank line.
  for (const m of masked.matchAll(/(?<!`)(`+)(?!`)(?:(?!\n\s*\n)[\s\S])*?(?<!`)\1(?!`)/g))
    out = out.slice(0, m.index) + ' '.repeat(m[0].length) + out.slice(m.index + m[0].length);
  return out;
}

describe('one escaping policy for the markdown the report emits', () => {
  const md = composeMarkdown(hostileReport());
  const prose = outsideCodeSpans(outsideFences(md));

  test('no raw HTML from data: only our own tags', () => {
    const tags = [...prose.matchAll(/<\/?([a-z][\w-]*)/gi)].map((m) => m[1]!.toLowerCase());
    assert.deepEqual([...new Set(tags)].sort(), ['details', 'summary'], md);
    assert.equal((prose.match(/<details>/g) ?? []).length, (prose.match(/<\/details>/g) ?? []).length);
    assert.doesNotMatch(prose, /<img|<details open/);
    assert.doesNotMatch(prose, /<!--\s*mlreport:comment/);
  });

  test('no @mentions, no #123 / owner/repo#N / GH-N cross-references', () => {
    assert.doesNotMatch(prose, /@[\w]/);
    assert.doesNotMatch(prose, /(?:^|[^\w&])#\d/);
    assert.doesNotMatch(prose, /\bGH-\d/);
  });

  test('no live links from data: every [ and ] escaped (a backslash before them escaped too), no autolinked URL', () => {
    // Our own image and link syntax around a title: `![title](plots/…)` and `At the base: [title](plots/…)`.
    const text = prose.replace(/^(!|At the base: )\[/gm, '$1 ').replace(/\]\(plots\/[^)]*\)$/gm, ' ');
    for (const m of text.matchAll(/\\*[[\]]/g)) {
      const slashes = m[0].length - 1;
      assert.equal(slashes % 2, 1, `an unescaped bracket at …${text.slice(Math.max(0, m.index - 30), m.index + 30)}…`);
    }
    assert.doesNotMatch(prose, /https?:\/\/evil|www\.evil/);
  });

  test('a plot id with a blank line or backticks stays in its code span, on its line', () => {
    const line = md.split('\n').find((l) => l.startsWith('**') && l.includes('loss'))!;
    assert.ok(line.includes(code(hostileReport().plots[0]!.id)), line);
    // Our headings: the verdict (it starts with its emoji, whatever names it quotes) and the sections.
    assert.doesNotMatch(md, /^#{1,6} (?!❌ |⚠️ |✅ |ℹ️ |Gates|Pipeline|Metrics|Params|Plots|Notes)/m, 'no heading from data');
  });

  test('a backtick in a branch name does not break the line naming the revisions', () => {
    assert.match(md.split('\n')[3]!, /^\*\*mlreport\*\* · ``feat`ure`` vs `main` \(\w{7}\) · /);
  });

  test('the verdict heading quotes names from files escaped, on one line', () => {
    const heading = md.split('\n')[1]!;
    assert.match(heading, /^## ❌ pipeline failed: stage &lt;img src=/);
    assert.doesNotMatch(heading, /<img|@everyone|#123/);
  });

  test('the comment carries one marker, ours, however the data nests others', () => {
    const data = hostileReport();
    data.plots[1]!.id = '<!-- mlreport:<!-- mlreport:comment id=x -->comment id=default -->';
    const { body } = commentBody('default', data, new Map(), null, null);
    assert.equal((body.match(/<!--\s*mlreport:comment/g) ?? []).length, 1, body);
    assert.ok(body.startsWith('<!-- mlreport:comment id=default -->\n'));
  });
});

describe('code spans', () => {
  test('any text: one line, a fence longer than its longest backtick run, padded where it starts or ends with one', () => {
    assert.equal(code('plain'), '`plain`');
    assert.equal(code('a`b'), '``a`b``');
    assert.equal(code('`x``'), '``` `x`` ```');
    assert.equal(code('two\n\nlines'), '`two  lines`');
    assert.equal(code(' padded '), '`  padded  `');
  });

  test('cells: a backslash is escaped before the characters it would otherwise un-escape', () => {
    assert.equal(escapeCell('\\[t\\](u)'), '\\\\\\[t\\\\\\](u)');
  });
});
