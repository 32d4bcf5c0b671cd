export { loadDvcYaml, parseDvcYaml } from './load';
export { dvcYamlFiles } from './files';
