import { canWrite, notAccessible, notFound, paginate, type FakeGitHub, type FakeRequest, type FakeResponse } from '../server';

/**
 * Checks API: create, update (annotations append), get a check run, list its annotations, list a commit's
 * check runs. Validates what GitHub validates: name and head_sha required, the status/conclusion enums,
 * output.summary/text ≤ 65,535 characters, ≤ 50 annotations per request with their required fields.
 */
interface FakeAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface FakeCheckRun {
  id: number;
  owner: string;
  repo: string;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  details_url: string | null;
  external_id: string;
  started_at: string;
  completed_at: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: FakeAnnotation[];
}

const TEXT_LIMIT = 65535;
const ANNOTATION_LIMIT = 50;
const STATUSES = ['queued', 'in_progress', 'completed'];
const CONCLUSIONS = ['action_required', 'cancelled', 'failure', 'neutral', 'success', 'skipped', 'timed_out'];
const LEVELS = ['notice', 'warning', 'failure'];

export function checkRuns(fake: FakeGitHub): FakeCheckRun[] {
  let runs = fake.state.get('checkRuns') as FakeCheckRun[] | undefined;
  if (!runs) fake.state.set('checkRuns', (runs = []));
  return runs;
}

export function registerChecksRoutes(fake: FakeGitHub): void {
  fake.route('POST', '/repos/{owner}/{repo}/check-runs', (req) => {
    if (!req.actor) return requiresAuth();
    if (req.actor.type === 'User') return appsOnly();
    if (!canWrite(req.actor, 'checks')) return notAccessible();
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (typeof body.name !== 'string' || !body.name) return invalid('name', 'name is missing');
    if (typeof body.head_sha !== 'string' || !/^[0-9a-f]{40}$/i.test(body.head_sha))
      return invalid('head_sha', `No commit found for SHA: ${String(body.head_sha)}`);
    const problem = validateRunFields(body, true);
    if (problem) return problem;
    const now = new Date().toISOString();
    const run: FakeCheckRun = {
      id: fake.nextId(),
      owner: req.params.owner!,
      repo: req.params.repo!,
      name: body.name,
      head_sha: body.head_sha,
      status: 'queued',
      conclusion: null,
      details_url: null,
      external_id: '',
      started_at: typeof body.started_at === 'string' ? body.started_at : now,
      completed_at: null,
      output: { title: null, summary: null, text: null },
      annotations: [],
    };
    applyFields(run, body);
    checkRuns(fake).push(run);
    return { status: 201, body: checkRunBody(fake, run) };
  });

  fake.route('PATCH', '/repos/{owner}/{repo}/check-runs/{check_run_id}', (req) => {
    if (!req.actor) return requiresAuth();
    if (req.actor.type === 'User') return appsOnly();
    if (!canWrite(req.actor, 'checks')) return notAccessible();
    const run = findRun(fake, req);
    if (!run) return { status: 404, body: notFound() };
    const body = (req.body ?? {}) as Record<string, unknown>;
    const problem = validateRunFields(body, false);
    if (problem) return problem;
    applyFields(run, body);
    return { status: 200, body: checkRunBody(fake, run) };
  });

  fake.route('GET', '/repos/{owner}/{repo}/check-runs/{check_run_id}', (req) => {
    const run = findRun(fake, req);
    return run ? { status: 200, body: checkRunBody(fake, run) } : { status: 404, body: notFound() };
  });

  fake.route('GET', '/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations', (req) => {
    const run = findRun(fake, req);
    if (!run) return { status: 404, body: notFound() };
    return paginate(
      fake,
      req,
      run.annotations.map((a) => annotationBody(fake, run, a)),
    );
  });

  fake.route('GET', '/repos/{owner}/{repo}/commits/{ref}/check-runs', (req) => {
    const runs = checkRuns(fake).filter((r) => r.owner === req.params.owner && r.repo === req.params.repo && r.head_sha === req.params.ref);
    const name = req.query.get('check_name');
    const selected = name ? runs.filter((r) => r.name === name) : runs;
    return { status: 200, body: { total_count: selected.length, check_runs: selected.map((r) => checkRunBody(fake, r)) } };
  });
}

function findRun(fake: FakeGitHub, req: FakeRequest): FakeCheckRun | undefined {
  return checkRuns(fake).find((r) => r.id === Number(req.params.check_run_id) && r.owner === req.params.owner && r.repo === req.params.repo);
}

function validateRunFields(body: Record<string, unknown>, creating: boolean): FakeResponse | null {
  if (body.status !== undefined && !STATUSES.includes(String(body.status))) return invalid('status', `status is not included in the list`);
  if (body.conclusion !== undefined && !CONCLUSIONS.includes(String(body.conclusion))) return invalid('conclusion', `conclusion is not included in the list`);
  if ((body.status === 'completed' || body.completed_at !== undefined) && body.conclusion === undefined && creating) {
    return invalid('conclusion', 'conclusion is required when status is completed or completed_at is given');
  }
  if (body.output === undefined) return null;
  const output = body.output as Record<string, unknown>;
  if (typeof output !== 'object' || output === null) return invalid('output', 'output must be an object');
  if (typeof output.title !== 'string') return invalid('output.title', 'title is missing');
  if (typeof output.summary !== 'string') return invalid('output.summary', 'summary is missing');
  for (const field of ['summary', 'text'] as const) {
    const text = output[field];
    if (typeof text === 'string' && [...text].length > TEXT_LIMIT) {
      return invalid(`output.${field}`, `Only ${TEXT_LIMIT} characters are allowed; ${[...text].length} were supplied.`);
    }
  }
  const annotations = output.annotations;
  if (annotations === undefined) return null;
  if (!Array.isArray(annotations)) return invalid('output.annotations', 'annotations must be an array');
  if (annotations.length > ANNOTATION_LIMIT)
    return invalid('output.annotations', `Only ${ANNOTATION_LIMIT} annotations are allowed per request; ${annotations.length} were supplied.`);
  for (const a of annotations as Record<string, unknown>[]) {
    for (const required of ['path', 'start_line', 'end_line', 'annotation_level', 'message']) {
      if (a[required] === undefined) return invalid(`output.annotations.${required}`, `${required} is missing`);
    }
    if (!LEVELS.includes(String(a.annotation_level))) return invalid('output.annotations.annotation_level', 'annotation_level is not included in the list');
    if (!Number.isInteger(a.start_line) || !Number.isInteger(a.end_line) || (a.start_line as number) < 1 || (a.end_line as number) < (a.start_line as number)) {
      return invalid('output.annotations.start_line', 'start_line and end_line must be lines (from 1), end_line not before start_line');
    }
    if (typeof a.title === 'string' && a.title.length > 255) return invalid('output.annotations.title', 'title is too long (maximum is 255 characters)');
  }
  return null;
}

function applyFields(run: FakeCheckRun, body: Record<string, unknown>): void {
  if (typeof body.name === 'string') run.name = body.name;
  if (typeof body.details_url === 'string') run.details_url = body.details_url;
  if (typeof body.external_id === 'string') run.external_id = body.external_id;
  if (typeof body.status === 'string') run.status = body.status;
  if (typeof body.conclusion === 'string') {
    // Providing a conclusion sets the status to completed.
    run.conclusion = body.conclusion;
    run.status = 'completed';
    run.completed_at = typeof body.completed_at === 'string' ? body.completed_at : new Date().toISOString();
  }
  const output = body.output as { title: string; summary: string; text?: string; annotations?: FakeAnnotation[] } | undefined;
  if (output) {
    run.output = { title: output.title, summary: output.summary, text: output.text ?? run.output.text };
    run.annotations.push(...(output.annotations ?? []));
  }
}

function checkRunBody(fake: FakeGitHub, run: FakeCheckRun): Record<string, unknown> {
  const api = `${fake.url}/repos/${run.owner}/${run.repo}/check-runs/${run.id}`;
  return {
    id: run.id,
    node_id: Buffer.from(`CheckRun:${run.id}`).toString('base64'),
    head_sha: run.head_sha,
    external_id: run.external_id,
    url: api,
    html_url: `https://github.com/${run.owner}/${run.repo}/runs/${run.id}`,
    details_url: run.details_url,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.started_at,
    completed_at: run.completed_at,
    output: { ...run.output, annotations_count: run.annotations.length, annotations_url: `${api}/annotations` },
    name: run.name,
    check_suite: { id: 1 },
    app: null,
    pull_requests: [],
  };
}

function annotationBody(fake: FakeGitHub, run: FakeCheckRun, a: FakeAnnotation): Record<string, unknown> {
  return {
    path: a.path,
    blob_href: `https://github.com/${run.owner}/${run.repo}/blob/${run.head_sha}/${a.path}`,
    start_line: a.start_line,
    end_line: a.end_line,
    start_column: a.start_column ?? null,
    end_column: a.end_column ?? null,
    annotation_level: a.annotation_level,
    title: a.title ?? null,
    message: a.message,
    raw_details: a.raw_details ?? null,
  };
}

function invalid(field: string, message: string): FakeResponse {
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [{ resource: 'CheckRun', code: 'custom', field, message }],
      documentation_url: 'https://docs.github.com/rest/checks/runs',
      status: '422',
    },
  };
}

/**
 * Only GitHub Apps (the workflow's GITHUB_TOKEN is one) may write check runs; a personal access token or OAuth
 * token gets this 403 whatever its scopes (REST docs, "Check runs": "OAuth apps and authenticated users can view
 * check runs, but cannot create them").
 */
function appsOnly(): FakeResponse {
  return {
    status: 403,
    body: {
      message: 'You must authenticate via a GitHub App.',
      documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
      status: '403',
    },
  };
}

function requiresAuth(): FakeResponse {
  return { status: 401, body: { message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest', status: '401' } };
}
