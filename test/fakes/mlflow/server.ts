import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { applyFault, close, createServer, FaultQueue, listen, readBody, sendJson, sendText } from '../hub/http';

/**
 * A fake MLflow tracking server speaking REST API 2.0 (`/api/2.0/mlflow/...`) with MLflow's error shape
 * `{error_code, message}` and its rules: log-batch limits (1000 metrics, 100 params, 100 tags, 1000 items,
 * 1 MB), immutable params, appended metrics, overwritten tags, key/value length limits. Loopback only.
 */
type FakeMlflowAuth = { kind: 'none' } | { kind: 'basic'; username: string; password: string } | { kind: 'bearer'; token: string };

export interface FakeMlflowOptions {
  auth?: FakeMlflowAuth;
  /** Value lengths this server accepts (hosted servers may keep the old 500 for params). */
  paramValueLimit?: number;
  tagValueLimit?: number;
}

interface Metric {
  key: string;
  value: number;
  timestamp: number;
  step: number;
}

export interface FakeRun {
  info: {
    run_id: string;
    run_uuid: string;
    experiment_id: string;
    run_name: string;
    status: string;
    start_time: number;
    end_time?: number;
    artifact_uri: string;
    lifecycle_stage: string;
  };
  params: Map<string, string>;
  tags: Map<string, string>;
  /** Every metric point ever logged, in order. */
  history: Metric[];
}

export interface FakeExperiment {
  experiment_id: string;
  name: string;
  artifact_location: string;
  lifecycle_stage: string;
  tags: { key: string; value: string }[];
}

const LIMITS = { metrics: 1000, params: 100, tags: 100, items: 1000, bytes: 1_000_000, key: 250 };
const NAME = /^[/\p{L}\p{N}_.\- ]*$/u;

class MlflowError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class FakeMlflow {
  readonly experiments = new Map<string, FakeExperiment>();
  readonly runs = new Map<string, FakeRun>();
  readonly faults = new FaultQueue();
  /** Every request: method, path (after any mount prefix) and its Authorization header. */
  readonly requests: { method: string; path: string; search: string; authorization: string | undefined; body: string }[] = [];
  /** Size of every accepted or refused log-batch request. */
  readonly batches: { metrics: number; params: number; tags: number; bytes: number; status: number }[] = [];
  private nextExperiment = 1;
  private server: Server | null = null;
  url = '';

  constructor(readonly options: FakeMlflowOptions = {}) {
    this.experiments.set('0', { experiment_id: '0', name: 'Default', artifact_location: 'mlflow-artifacts:/0', lifecycle_stage: 'active', tags: [] });
  }

  static async start(options: FakeMlflowOptions = {}): Promise<FakeMlflow> {
    const fake = new FakeMlflow(options);
    fake.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      void fake.handle(req, res, url.pathname, url.searchParams);
    });
    fake.url = await listen(fake.server);
    return fake;
  }

  async close(): Promise<void> {
    if (this.server) await close(this.server);
  }

  experimentByName(name: string): FakeExperiment | undefined {
    return [...this.experiments.values()].find((e) => e.name === name);
  }

  runsOf(experimentName: string): FakeRun[] {
    const id = this.experimentByName(experimentName)?.experiment_id;
    return [...this.runs.values()].filter((r) => r.info.experiment_id === id);
  }

  /** Serves one request; `path` is relative to the tracking URI (a hub mounts us under `/{o}/{r}.mlflow`). */
  async handle(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
    const method = req.method ?? 'GET';
    const text = await readBody(req);
    this.requests.push({ method, path, search: query.size ? `?${query.toString()}` : '', authorization: req.headers.authorization, body: text });
    if (applyFault(this.faults.take(method, path), req, res)) return;
    if (!this.authorized(req.headers.authorization)) {
      sendText(res, 401, 'You are not authenticated. Please see the documentation for details.', { 'www-authenticate': 'Basic realm="mlflow"' });
      return;
    }
    try {
      const body = method === 'POST' ? parse(text) : {};
      const result = this.route(method, path.replace(/^\/api\/2\.0\/mlflow/, ''), query, body, Buffer.byteLength(text));
      if (result === undefined) sendText(res, 404, 'Not Found');
      else sendJson(res, 200, result);
    } catch (error) {
      if (error instanceof MlflowError) sendJson(res, error.status, { error_code: error.code, message: error.message });
      else sendJson(res, 500, { error_code: 'INTERNAL_ERROR', message: String(error) });
    }
  }

  private authorized(header: string | undefined): boolean {
    const auth = this.options.auth ?? { kind: 'none' };
    if (auth.kind === 'none') return true;
    if (auth.kind === 'bearer') return header === `Bearer ${auth.token}`;
    return header === `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  }

  private route(method: string, path: string, query: URLSearchParams, body: Record<string, unknown>, bytes: number): unknown {
    const route = `${method} ${path}`;
    switch (route) {
      case 'GET /experiments/get-by-name': {
        const name = query.get('experiment_name') ?? '';
        const exp = this.experimentByName(name);
        if (!exp) throw new MlflowError(404, 'RESOURCE_DOES_NOT_EXIST', `Could not find experiment with name '${name}'`);
        return { experiment: exp };
      }
      case 'POST /experiments/create': {
        const name = body.name;
        if (typeof name !== 'string' || !name) throw new MlflowError(400, 'INVALID_PARAMETER_VALUE', "Missing value for required parameter 'name'.");
        if (this.experimentByName(name)) throw new MlflowError(400, 'RESOURCE_ALREADY_EXISTS', `Experiment '${name}' already exists.`);
        const id = String(this.nextExperiment++);
        this.experiments.set(id, {
          experiment_id: id,
          name,
          artifact_location: `mlflow-artifacts:/${id}`,
          lifecycle_stage: 'active',
          tags: (body.tags as FakeExperiment['tags']) ?? [],
        });
        return { experiment_id: id };
      }
      case 'POST /runs/create': {
        const exp = this.experiments.get(String(body.experiment_id));
        if (!exp) throw new MlflowError(404, 'RESOURCE_DOES_NOT_EXIST', `No Experiment with id=${String(body.experiment_id)} exists`);
        const id = randomUUID().replace(/-/g, '');
        const tags = new Map(((body.tags as { key: string; value: string }[]) ?? []).map((t) => [t.key, t.value]));
        const runName = typeof body.run_name === 'string' && body.run_name ? body.run_name : (tags.get('mlflow.runName') ?? `run-${id.slice(0, 6)}`);
        tags.set('mlflow.runName', runName);
        const run: FakeRun = {
          info: {
            run_id: id,
            run_uuid: id,
            experiment_id: exp.experiment_id,
            run_name: runName,
            status: 'RUNNING',
            start_time: Number(body.start_time ?? Date.now()),
            artifact_uri: `${exp.artifact_location}/${id}/artifacts`,
            lifecycle_stage: 'active',
          },
          params: new Map(),
          tags,
          history: [],
        };
        this.runs.set(id, run);
        return { run: this.view(run) };
      }
      case 'POST /runs/update': {
        const run = this.run(body.run_id);
        if (typeof body.status === 'string') run.info.status = body.status;
        if (typeof body.end_time === 'number') run.info.end_time = body.end_time;
        if (typeof body.run_name === 'string') run.info.run_name = body.run_name;
        return { run_info: run.info };
      }
      case 'GET /runs/get':
        return { run: this.view(this.run(query.get('run_id'))) };
      case 'POST /runs/search':
        return this.search(body);
      case 'POST /runs/log-batch':
        return this.logBatch(body, bytes);
      case 'POST /runs/set-tag': {
        const run = this.run(body.run_id);
        this.checkTag(String(body.key), String(body.value));
        run.tags.set(String(body.key), String(body.value));
        return {};
      }
      default:
        return undefined;
    }
  }

  private run(id: unknown): FakeRun {
    const run = this.runs.get(String(id));
    if (!run) throw new MlflowError(404, 'RESOURCE_DOES_NOT_EXIST', `Run with id=${String(id)} not found`);
    return run;
  }

  /** A run as the API shows it: metrics are the latest value per key (max step, then max timestamp). */
  view(run: FakeRun): unknown {
    const latest = new Map<string, Metric>();
    for (const m of run.history) {
      const old = latest.get(m.key);
      if (!old || m.step > old.step || (m.step === old.step && m.timestamp >= old.timestamp)) latest.set(m.key, m);
    }
    return {
      info: run.info,
      data: {
        metrics: [...latest.values()],
        params: [...run.params].map(([key, value]) => ({ key, value })),
        tags: [...run.tags].map(([key, value]) => ({ key, value })),
      },
    };
  }

  /** Supports the filters clients use to find a run: `tags.<key> = '<value>'` joined with AND. */
  private search(body: Record<string, unknown>): unknown {
    const ids = (body.experiment_ids as string[] | undefined) ?? [];
    if (!ids.length) throw new MlflowError(400, 'INVALID_PARAMETER_VALUE', 'experiment_ids must be non-empty');
    const filter = typeof body.filter === 'string' ? body.filter.trim() : '';
    const clauses = filter ? filter.split(/\s+and\s+/i) : [];
    const tests = clauses.map((clause) => {
      const m = /^tags\.(?:`([^`]+)`|([\w.]+))\s*=\s*'((?:[^'\\]|\\.)*)'$/.exec(clause.trim());
      if (!m) throw new MlflowError(400, 'INVALID_PARAMETER_VALUE', `Invalid filter '${filter}'.`);
      const key = m[1] ?? m[2]!;
      const value = m[3]!.replace(/\\(.)/g, '$1');
      return (run: FakeRun) => run.tags.get(key) === value;
    });
    const max = Number(body.max_results ?? 1000);
    const runs = [...this.runs.values()]
      .filter((r) => ids.includes(r.info.experiment_id) && r.info.lifecycle_stage === 'active' && tests.every((t) => t(r)))
      .sort((a, b) => b.info.start_time - a.info.start_time)
      .slice(0, max);
    return runs.length ? { runs: runs.map((r) => this.view(r)) } : {};
  }

  private logBatch(body: Record<string, unknown>, bytes: number): unknown {
    const metrics = (body.metrics as Metric[] | undefined) ?? [];
    const params = (body.params as { key: string; value: string }[] | undefined) ?? [];
    const tags = (body.tags as { key: string; value: string }[] | undefined) ?? [];
    const record = { metrics: metrics.length, params: params.length, tags: tags.length, bytes, status: 200 };
    this.batches.push(record);
    try {
      const invalid = (message: string): never => {
        throw new MlflowError(400, 'INVALID_PARAMETER_VALUE', message);
      };
      if (bytes > LIMITS.bytes) invalid(`Batched logging API requests must be at most 1 MB in size. Got size ${bytes} bytes.`);
      if (metrics.length > LIMITS.metrics)
        invalid(
          `A batch logging request can contain at most ${LIMITS.metrics} metrics. Got ${metrics.length} metrics. Please split up metrics across multiple requests and try again.`,
        );
      if (params.length > LIMITS.params)
        invalid(
          `A batch logging request can contain at most ${LIMITS.params} params. Got ${params.length} params. Please split up params across multiple requests and try again.`,
        );
      if (tags.length > LIMITS.tags)
        invalid(
          `A batch logging request can contain at most ${LIMITS.tags} tags. Got ${tags.length} tags. Please split up tags across multiple requests and try again.`,
        );
      const total = metrics.length + params.length + tags.length;
      if (total > LIMITS.items) invalid(`A batch logging request can contain at most ${LIMITS.items} total metrics, params, and tags. Got ${total}.`);
      const run = this.run(body.run_id);
      if (run.info.lifecycle_stage !== 'active') invalid(`The run ${run.info.run_id} must be in the 'active' state.`);
      for (const m of metrics) {
        this.checkKey('metric', m.key);
        if (typeof m.value !== 'number')
          invalid(
            `Got invalid value ${String(m.value)} for metric '${m.key}' (timestamp=${m.timestamp}). Please specify value as a valid double (64-bit floating point)`,
          );
        if (!Number.isInteger(m.timestamp))
          invalid(`Got invalid timestamp ${String(m.timestamp)} for metric '${m.key}'. Timestamp must be a nonnegative long (64-bit integer)`);
        if (!Number.isInteger(m.step ?? 0)) invalid(`Got invalid step ${String(m.step)} for metric '${m.key}'. Step must be a valid long (64-bit integer).`);
      }
      const seen = new Map<string, string>();
      for (const p of params) {
        this.checkKey('param', p.key);
        const limit = this.options.paramValueLimit ?? 500;
        if (String(p.value).length > limit)
          invalid(`Param value '${String(p.value).slice(0, 20)}...' had length ${String(p.value).length}, which exceeded length limit of ${limit}`);
        const dup = seen.get(p.key);
        if (dup !== undefined && dup !== p.value)
          invalid(`Duplicate parameter keys have been submitted: [${p.key}]. Please ensure the request contains only one param value per param key.`);
        seen.set(p.key, p.value);
        const old = run.params.get(p.key);
        if (old !== undefined && old !== p.value) {
          invalid(
            `Changing param values is not allowed. Param with key='${p.key}' was already logged with value='${old}' for run ID='${run.info.run_id}'. Attempted logging new value '${p.value}'.`,
          );
        }
      }
      for (const t of tags) this.checkTag(t.key, t.value);
      for (const p of params) run.params.set(p.key, p.value);
      for (const t of tags) run.tags.set(t.key, t.value);
      for (const m of metrics) run.history.push({ key: m.key, value: m.value, timestamp: m.timestamp, step: m.step ?? 0 });
      return {};
    } catch (error) {
      record.status = error instanceof MlflowError ? error.status : 500;
      throw error;
    }
  }

  private checkKey(kind: string, key: string): void {
    if (typeof key !== 'string' || !NAME.test(key) || key.split('/').some((s) => s === '' || s === '.' || s === '..')) {
      throw new MlflowError(
        400,
        'INVALID_PARAMETER_VALUE',
        `Invalid ${kind} name: '${key}'. Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), and slashes (/).`,
      );
    }
    if (key.length > LIMITS.key)
      throw new MlflowError(
        400,
        'INVALID_PARAMETER_VALUE',
        `${kind} name '${key.slice(0, 20)}...' had length ${key.length}, which exceeded length limit of ${LIMITS.key}`,
      );
  }

  private checkTag(key: string, value: string): void {
    this.checkKey('tag', key);
    const limit = this.options.tagValueLimit ?? 5000;
    if (value.length > limit)
      throw new MlflowError(
        400,
        'INVALID_PARAMETER_VALUE',
        `Tag value '${value.slice(0, 20)}...' had length ${value.length}, which exceeded length limit of ${limit}`,
      );
  }
}

function parse(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text || '{}');
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new MlflowError(400, 'MALFORMED_REQUEST', 'Malformed request body: expected a JSON object.');
}
