/** Where the aggregate takes its own rules, in the words of the interface in use: a CLI hint never names an action input. */
export function rulesHint(cli: boolean | undefined): string {
  return cli ? '`--threshold`' : 'input `thresholds`';
}
