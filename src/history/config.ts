import type { GateRule } from '../gate/types';
import { historyStatsUsed } from '../gate/parse';
import { parseDecimal } from '../util/decimal';
import { UserError } from '../util/errors';

/** Base-branch commits read when the input (`history`) or flag (`--history`) is not given. */
export const DEFAULT_HISTORY = 20;
/** More commits than this is a typo, and a fetch of that much history is not a noise estimate. */
const MAX_HISTORY = 1000;

/** The `history` input or `--history` value: how many first-parent commits of the base branch to read; 0 turns it off. */
export function parseHistoryDepth(text: string, name: string): number {
  if (!text.trim()) return DEFAULT_HISTORY;
  return parseDecimal(text, name, `a whole number of commits from 0 (off) to ${MAX_HISTORY}`, { fractions: false, accepts: (n) => n <= MAX_HISTORY });
}

/**
 * A rule that uses `history.*` while history is off could never be checked: a configuration error naming each such
 * rule and where it was written, not a rule quietly skipped.
 */
export function checkHistoryRules(rules: readonly GateRule[], depth: number, setting: string): void {
  if (depth > 0) return;
  const needing = rules.filter((r) => historyStatsUsed(r.threshold).length);
  if (!needing.length) return;
  const lines = needing.map((r) => `${r.source.origin} line ${r.source.line}: \`${r.text}\` uses \`history.${historyStatsUsed(r.threshold)[0]}\``);
  throw new UserError(
    `${lines.join('\n')}\nbut history is off (${setting}). Set it to how many base-branch commits to read (default ${DEFAULT_HISTORY}), or take history.* out of ${needing.length === 1 ? 'the rule' : 'these rules'}.`,
  );
}
