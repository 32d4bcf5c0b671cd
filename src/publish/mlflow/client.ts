import { HttpError, type JsonHttp } from '../../util/http';

export interface MlflowTag {
  key: string;
  value: string;
}
export interface MlflowParam {
  key: string;
  value: string;
}
export interface MlflowMetric {
  key: string;
  value: number;
  /** Milliseconds since the epoch. */
  timestamp: number;
  step: number;
}

export interface MlflowExperiment {
  experiment_id: string;
  name: string;
  lifecycle_stage?: string;
}

/** A run as runs/search and runs/get return it (the parts we read). */
export interface MlflowRun {
  info: { run_id: string; experiment_id?: string; status?: string; lifecycle_stage?: string };
  data?: { metrics?: MlflowMetric[]; params?: MlflowParam[]; tags?: MlflowTag[] };
}

/** MLflow's REST API 2.0 (`{tracking-uri}/api/2.0/mlflow/…`): the calls a run mirror needs. */
export class MlflowClient {
  constructor(readonly http: JsonHttp) {}

  /** null when there is no experiment of that name (RESOURCE_DOES_NOT_EXIST). */
  async experimentByName(name: string): Promise<MlflowExperiment | null> {
    try {
      const { data } = await this.http.request<{ experiment: MlflowExperiment }>('GET', '/api/2.0/mlflow/experiments/get-by-name', {
        query: { experiment_name: name },
      });
      return data.experiment;
    } catch (error) {
      if (errorCode(error) === 'RESOURCE_DOES_NOT_EXIST') return null;
      throw error;
    }
  }

  /** The experiment's id, creating it when missing (and surviving a concurrent creation). */
  async ensureExperiment(name: string, tags: MlflowTag[] = []): Promise<MlflowExperiment> {
    const found = await this.experimentByName(name);
    if (found) return found;
    try {
      const { data } = await this.http.request<{ experiment_id: string }>('POST', '/api/2.0/mlflow/experiments/create', { body: { name, tags } });
      return { experiment_id: data.experiment_id, name, lifecycle_stage: 'active' };
    } catch (error) {
      if (errorCode(error) !== 'RESOURCE_ALREADY_EXISTS') throw error;
      const again = await this.experimentByName(name);
      if (!again) throw error;
      return again;
    }
  }

  /** The first active run in the experiment with this tag value. */
  async findRunByTag(experimentId: string, key: string, value: string): Promise<MlflowRun | null> {
    const filter = `tags.\`${key}\` = '${value.replace(/'/g, "\\'")}'`;
    const { data } = await this.http.request<{ runs?: MlflowRun[] }>('POST', '/api/2.0/mlflow/runs/search', {
      body: { experiment_ids: [experimentId], filter, run_view_type: 'ACTIVE_ONLY', max_results: 1, order_by: ['attributes.start_time DESC'] },
    });
    return data.runs?.[0] ?? null;
  }

  async createRun(experimentId: string, runName: string, startTime: number, tags: MlflowTag[]): Promise<MlflowRun> {
    const { data } = await this.http.request<{ run: MlflowRun }>('POST', '/api/2.0/mlflow/runs/create', {
      body: { experiment_id: experimentId, run_name: runName, start_time: startTime, tags },
    });
    return data.run;
  }

  async updateRun(runId: string, status: 'RUNNING' | 'FINISHED' | 'FAILED', endTime?: number): Promise<void> {
    await this.http.request('POST', '/api/2.0/mlflow/runs/update', { body: { run_id: runId, status, ...(endTime ? { end_time: endTime } : {}) } });
  }

  async logBatch(runId: string, batch: { metrics: MlflowMetric[]; params: MlflowParam[]; tags: MlflowTag[] }): Promise<void> {
    await this.http.request('POST', '/api/2.0/mlflow/runs/log-batch', { body: { run_id: runId, ...batch } });
  }

  async setTag(runId: string, key: string, value: string): Promise<void> {
    await this.http.request('POST', '/api/2.0/mlflow/runs/set-tag', { body: { run_id: runId, key, value } });
  }
}

/** MLflow's `error_code` (e.g. RESOURCE_DOES_NOT_EXIST) of a failed call, if it gave one. */
function errorCode(error: unknown): string | null {
  if (!(error instanceof HttpError) || !error.body || typeof error.body !== 'object') return null;
  const code = (error.body as { error_code?: unknown }).error_code;
  return typeof code === 'string' ? code : null;
}
