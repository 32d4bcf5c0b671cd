export { loadDvcYaml, parseDvcYaml, readParamsFile } from './load';
export { dvcYamlFiles, type DvcYamlFiles } from './files';
export type { DvcYaml, Out, ParamsDep, Stage, TopPlot } from './types';
