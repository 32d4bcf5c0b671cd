// The values engine's public surface, for other features (gates, plots, the MLflow mirror): what a diff
// holds and how to read a leaf without knowing its representation.
export type { FileDiff, FloatLeaf, Leaf, ValueRow } from './types';
export { isFloat, numericValue } from './types';
export { displayValue } from './pyformat';
export { guessDirection, type Direction } from './direction';
export { parseLoggerMetricsCsv, type LoggerMetrics, type LoggerPoint } from './dagshub';
export { collectAndCompare, compareTrees, type Comparison, type CollectRequest } from './collect';
