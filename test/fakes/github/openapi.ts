import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Checks the fake against GitHub's published OpenAPI description (@octokit/openapi): that each route
 * exists upstream with that method and status, and that response bodies have the documented required
 * fields with the documented types.
 */
type Schema = Record<string, unknown>;
interface Spec {
  paths: Record<string, Record<string, { responses?: Record<string, { $ref?: string; content?: Record<string, { schema?: Schema }> }> }>>;
  components: Record<string, Record<string, unknown>>;
}

let cached: Spec | null = null;
function githubSpec(): Spec {
  if (!cached) {
    const require = createRequire(import.meta.url);
    const path = require.resolve('@octokit/openapi/generated/api.github.com.json');
    cached = JSON.parse(readFileSync(path, 'utf8')) as Spec;
  }
  return cached;
}

export function operationExists(method: string, template: string): boolean {
  return Boolean(githubSpec().paths[template]?.[method.toLowerCase()]);
}

/** Problems with `body` as the response of `METHOD template` with `status`; empty when it conforms. */
export function validateResponse(method: string, template: string, status: number, body: unknown): string[] {
  const op = githubSpec().paths[template]?.[method.toLowerCase()];
  if (!op) return [`${method} ${template} is not in GitHub's OpenAPI description`];
  let response = op.responses?.[String(status)];
  if (!response) return [`${method} ${template} does not document status ${status}`];
  if (response.$ref) response = resolve(response.$ref) as typeof response;
  const schema = response.content?.['application/json']?.schema;
  if (!schema) return body === undefined || body === '' ? [] : [];
  const problems: string[] = [];
  check(schema, body, '$', problems, 0);
  return problems;
}

function resolve(ref: string): unknown {
  const parts = ref.replace(/^#\//, '').split('/');
  let node: unknown = githubSpec();
  for (const p of parts) node = (node as Record<string, unknown>)[p];
  return node;
}

function deref(schema: Schema): Schema {
  let s = schema;
  while (typeof s.$ref === 'string') s = resolve(s.$ref) as Schema;
  return s;
}

function check(raw: Schema, value: unknown, at: string, problems: string[], depth: number): void {
  if (depth > 12) return;
  const schema = deref(raw);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key] as Schema[] | undefined;
    if (options) {
      const ok = options.some((o) => {
        const p: string[] = [];
        check(o, value, at, p, depth + 1);
        return p.length === 0;
      });
      if (!ok) problems.push(`${at}: matches none of the ${key} alternatives`);
      return;
    }
  }
  for (const part of (schema.allOf as Schema[] | undefined) ?? []) check(part, value, at, problems, depth + 1);
  if (value === null) {
    const types = ([] as unknown[]).concat(schema.type ?? []);
    if (schema.nullable || types.includes('null') || !schema.type) return;
    problems.push(`${at}: null where ${types.join('|')} is documented`);
    return;
  }
  const types = ([] as unknown[]).concat(schema.type ?? []).filter((t) => t !== 'null') as string[];
  if (types.length && !types.some((t) => typeMatches(t, value))) {
    problems.push(`${at}: ${Array.isArray(value) ? 'array' : typeof value} where ${types.join('|')} is documented`);
    return;
  }
  if (Array.isArray(value) && schema.items) {
    value.slice(0, 5).forEach((item, i) => check(schema.items as Schema, item, `${at}[${i}]`, problems, depth + 1));
  } else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    for (const req of (schema.required as string[] | undefined) ?? []) {
      if (!(req in obj)) problems.push(`${at}.${req}: required by the documented schema, missing`);
    }
    const props = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [k, v] of Object.entries(obj)) if (props[k]) check(props[k], v, `${at}.${k}`, problems, depth + 1);
  }
}

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    default:
      return true;
  }
}
