import { brokenRules } from '../gate/summary';
import { formatApart } from '../util/numbers';
import { escapeCell, escapeCellKeepingCode, htmlCode } from './escape';
import type { GateRuleResult, GateSummary } from './types';

/** The "Gates" section that opens the report: one line per rule with the values it compared. Pure. */
export function gatesSection(gates: GateSummary): string {
  const lines = [`### Gates: ${gatesHeadline(gates)}`];
  if (gates.rules.length) lines.push('', '| | Rule | Base | Head | Threshold | Note |', '|---|---|---|---|---|---|');
  for (const r of gates.rules) {
    const cells = [statusIcon(r), escapeCell(r.level === 'warn' ? `warn: ${r.rule}` : r.rule), ...values(r.base, r.head, r.threshold), note(r)];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  if (gates.proposed) for (const line of ['', ...proposedRules(gates.proposed)]) lines.push(line);
  return lines.join('\n');
}

/** A pull request's changes to the rules: shown, never in force until merged (the base's rules gate the PR). */
function proposedRules(proposed: NonNullable<GateSummary['proposed']>): string[] {
  return [
    `**Proposed rules**: this pull request changes the rules in ${htmlCode(proposed.file)}. The gate above uses the base revision's rules; these changes apply after merge.`,
    '',
    ...proposed.added.map((r) => `- added: ${htmlCode(r)}`),
    ...proposed.removed.map((r) => `- removed: ${htmlCode(r)}`),
  ];
}

/** `✅ all 3 rules passed`, `❌ 1 of 4 rules broke`, `❌ 2 of 2 rules could not be checked`…: the title of the section and of the check run. */
export function gatesHeadline(gates: GateSummary): string {
  const total = gates.rules.length;
  const { failures, warnings, notChecked } = brokenRules(gates);
  const skipped = gates.rules.filter((r) => r.status === 'skipped').length;
  const extras = [warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '', skipped ? `${skipped} skipped` : ''].filter(Boolean);
  const tail = extras.length ? ` (${extras.join(', ')})` : '';
  if (failures) {
    // A rule that compared nothing (no value to compare, or a stage's last values) broke nothing: it was not checked.
    const broke = failures - notChecked;
    const rules = `of ${total} rule${total === 1 ? '' : 's'}`;
    const unchecked = `could not be checked`;
    if (!broke) return `❌ ${notChecked} ${rules} ${unchecked}${tail}`;
    return `❌ ${broke} ${rules} broke${notChecked ? `, ${notChecked} ${unchecked}` : ''}${tail}`;
  }
  if (gates.baseUnread) {
    return `❌ nothing checked (the base revision could not be read: ${gates.baseUnread})${gates.baseRemedy ? `. ${gates.baseRemedy.replace(/\.$/, '')}` : ''}`;
  }
  if (!gates.checked) {
    return `❌ nothing checked (${!total ? 'no rules at the base revision' : total === 1 ? 'the rule was skipped' : `${total} rules skipped`})`;
  }
  if (warnings) return `⚠️ no failing rule broke${tail}`;
  if (skipped) return `✅ no rule broke (${total - skipped} passed, ${skipped} skipped)`;
  return `✅ ${total === 1 ? 'the rule' : `all ${total} rules`} passed`;
}

function statusIcon(r: GateRuleResult): string {
  switch (r.status) {
    case 'passed':
      return '✅';
    case 'skipped':
      return '⏭️';
    case 'error':
      return '❌';
    case 'failed':
      return r.level === 'warn' ? '⚠️' : '❌';
  }
}

/** Why a rule did not pass; for a rule on `history.*`, also the band of noise it used and where the head's value is. */
function note(r: GateRuleResult): string {
  const why = r.status === 'passed' ? '' : escapeCellKeepingCode(r.detail);
  const noise = r.noise?.band ? `noise band ${escapeCell(r.noise.text)}` : '';
  return [why, noise].filter(Boolean).join(' · ');
}

/** Base, head and threshold, with the digits that tell apart any two that differ (`0.7909` and `0.79095`); `-` for none. */
function values(...vs: (number | null)[]): string[] {
  const shown = formatApart(vs.filter((v): v is number => v !== null));
  return vs.map((v) => (v === null ? '-' : shown.shift()!));
}
