import { inputEnvName } from './action';

/**
 * Variables that hold credentials the action or a pipeline may use: the runner's tokens, the action's secret
 * inputs, MLflow's and the DVC remotes' cloud credentials. Whatever their value, it is never printed or reported.
 */
const SECRET_VARIABLES = [
  inputEnvName('github-token'),
  inputEnvName('hub-token'),
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'MLFLOW_TRACKING_PASSWORD',
  'MLFLOW_TRACKING_TOKEN',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AZURE_STORAGE_KEY',
  'AZURE_STORAGE_SAS_TOKEN',
  'AZURE_CLIENT_SECRET',
  'AZURE_STORAGE_CONNECTION_STRING',
  // `mlreport pull`/`push`: an HTTP remote's password, when .dvc/config.local does not hold it.
  'MLREPORT_REMOTE_PASSWORD',
];

/** The secrets in an environment: the variables above, and passwords written into the MLflow URI input. */
export function secretsFromEnvironment(env: NodeJS.ProcessEnv): string[] {
  const out = SECRET_VARIABLES.map((name) => env[name]?.trim());
  const uri = env[inputEnvName('mlflow-tracking-uri')]?.trim();
  if (uri) {
    try {
      const url = new URL(uri);
      out.push(url.password, decodeURIComponent(url.password));
    } catch {
      // Not a URL: the config reports it; there is no password to find.
    }
  }
  return [...new Set(out.filter((s): s is string => !!s))];
}
