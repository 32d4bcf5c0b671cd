/** Which way is better for a metric. */
export type Direction = 'higher' | 'lower';

const LOWER_BETTER = new Set([
  'loss',
  'error',
  'err',
  'errors',
  'mae',
  'mse',
  'rmse',
  'mape',
  'smape',
  'wer',
  'cer',
  'perplexity',
  'ppl',
  'latency',
  'fpr',
  'fnr',
  'nll',
  'logloss',
  'brier',
  'eer',
  'time',
  'seconds',
  'duration',
]);
const HIGHER_BETTER = new Set([
  'acc',
  'accuracy',
  'precision',
  'recall',
  'f1',
  'fscore',
  'auc',
  'roc',
  'ap',
  'map',
  'iou',
  'miou',
  'dice',
  'r2',
  'bleu',
  'rouge',
  'score',
  'tpr',
  'top1',
  'top5',
  'specificity',
  'sensitivity',
  'mcc',
  'kappa',
  'ndcg',
  'mrr',
  'hit',
  'hits',
]);

/** Which way is better, from the metric's own name (its last dotted part): `val_loss` ↓, `test.accuracy` ↑. */
export function guessDirection(key: string): Direction | undefined {
  const last = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
  const words = last.split(/[^a-z0-9]+/).filter(Boolean);
  if (words.some((w) => LOWER_BETTER.has(w))) return 'lower';
  if (words.some((w) => HIGHER_BETTER.has(w) || /^(?:f1|top\d+|recall@?\d*|precision@?\d*)$/.test(w))) return 'higher';
  return undefined;
}
