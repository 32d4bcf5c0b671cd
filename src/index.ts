import { run } from './main';
import { tuneTieringForShortRuns } from './util/v8-tiering';

tuneTieringForShortRuns();
await run();
