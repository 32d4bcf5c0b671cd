// The dvc.lock emitter (yaml-emit.ts, kept byte-compatible with ruamel by its own fuzz tests) reads values in
// this form; the model itself lives with the other DVC formats.
export { isPyDict, parseYamlPy, PyFloat, pyEntries, pyKey, type PyDict, type PyValue } from '../dvc/python/pyvalue';
