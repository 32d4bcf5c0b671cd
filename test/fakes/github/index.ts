import { registerChecksRoutes } from './routes/checks';
import { registerStatusesRoutes } from './routes/statuses';
import { registerComments } from './routes/comments';
import { registerGitData } from './routes/git-data';
import { registerPulls } from './routes/pulls';
import { registerReleases } from './routes/releases';
import { registerUsers } from './routes/users';
import { FakeGitHub } from './server';

/**
 * Route modules, one per API area. Each registers its endpoints and keeps its state in `fake.state`.
 * Add a module here when the action starts calling a new area of the API.
 */
const ROUTE_MODULES: ((fake: FakeGitHub) => void)[] = [
  registerChecksRoutes,
  registerStatusesRoutes,
  registerUsers,
  registerPulls,
  registerComments,
  registerGitData,
  registerReleases,
];

/** A started fake GitHub API with every route module registered. */
export async function startFakeGitHub(): Promise<FakeGitHub> {
  const fake = new FakeGitHub();
  for (const register of ROUTE_MODULES) register(fake);
  return fake.start();
}

export { FakeGitHub } from './server';
