export { loadDvcYaml, parseDvcYaml, readParamsFile } from './load';
export type { DvcYaml, Out, ParamsDep, Stage, TopPlot } from './types';
