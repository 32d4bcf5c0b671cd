import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Checks the fake against GitHub's published OpenAPI description (@octokit/openapi): that each route
 * exists upstream with that method and status, that response bodies have the documented required
 * fields with the documented types, and that requests send only the query parameters and body fields
 * the endpoint defines (the fake refuses any other, so a client spreading a whole context into a
 * request fails every test that makes it).
 */
type Schema = Record<string, unknown>;
interface Operation {
  parameters?: Schema[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { $ref?: string; content?: Record<string, { schema?: Schema }> }>;
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
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

/**
 * Problems with a request to `METHOD template`: query parameters the endpoint does not define, and a JSON body
 * with fields (at any depth) its request schema does not define, of the wrong type, or missing required ones.
 * Empty when it conforms. Raw uploads (release assets) are checked for their query only.
 */
export function validateRequest(method: string, template: string, query: URLSearchParams, body: unknown): string[] {
  const op = githubSpec().paths[template]?.[method.toLowerCase()];
  if (!op) return [`${method} ${template} is not in GitHub's OpenAPI description`];
  const problems: string[] = [];
  const defined = new Set(
    (op.parameters ?? [])
      .map((p) => deref(p))
      .filter((p) => p.in === 'query')
      .map((p) => p.name as string),
  );
  for (const name of new Set(query.keys())) if (!defined.has(name)) problems.push(`query parameter "${name}" is not defined by ${method} ${template}`);
  if (body === undefined || Buffer.isBuffer(body)) return problems;
  const schema = op.requestBody?.content?.['application/json']?.schema;
  if (!schema) {
    problems.push(`${method} ${template} takes no JSON body, but one was sent`);
    return problems;
  }
  checkRequest(schema, body, '$', problems, 0);
  return problems;
}

function checkRequest(raw: Schema, value: unknown, at: string, problems: string[], depth: number): void {
  if (depth > 12) return;
  const schema = deref(raw);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key] as Schema[] | undefined;
    if (!options) continue;
    const results = options.map((o) => {
      const p: string[] = [];
      checkRequest(o, value, at, p, depth + 1);
      return p;
    });
    if (!results.some((p) => p.length === 0)) problems.push(...results.reduce((a, b) => (b.length < a.length ? b : a)));
    return;
  }
  const parts = [schema, ...((schema.allOf as Schema[] | undefined) ?? []).map(deref)];
  if (value === null) {
    const types = parts.flatMap((p) => ([] as unknown[]).concat(p.type ?? []));
    if (!types.length || types.includes('null') || parts.some((p) => p.nullable)) return;
    problems.push(`${at}: null where ${types.join('|')} is defined`);
    return;
  }
  const types = parts.flatMap((p) => ([] as unknown[]).concat(p.type ?? [])).filter((t) => t !== 'null') as string[];
  if (types.length && !types.some((t) => typeMatches(t, value))) {
    problems.push(`${at}: ${Array.isArray(value) ? 'array' : typeof value} where ${types.join('|')} is defined`);
    return;
  }
  if (Array.isArray(value)) {
    const items = parts.find((p) => p.items)?.items as Schema | undefined;
    if (items) value.forEach((item, i) => checkRequest(items, item, `${at}[${i}]`, problems, depth + 1));
    return;
  }
  if (!value || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  const props: Record<string, Schema> = Object.assign({}, ...parts.map((p) => (p.properties as Record<string, Schema> | undefined) ?? {}));
  const open = parts.some((p) => p.additionalProperties !== undefined && p.additionalProperties !== false) || !parts.some((p) => p.properties);
  for (const req of parts.flatMap((p) => (p.required as string[] | undefined) ?? [])) {
    if (!(req in obj)) problems.push(`${at}.${req}: required by the endpoint, missing`);
  }
  for (const [k, v] of Object.entries(obj)) {
    if (props[k]) checkRequest(props[k], v, `${at}.${k}`, problems, depth + 1);
    else if (!open) problems.push(`${at}.${k}: not a field the endpoint defines`);
  }
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
