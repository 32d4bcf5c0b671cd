// Fails when the committed dist/ is not what src/ builds to (the action runs dist/, not src/): builds in place,
// then asks git whether dist/ changed, as actions/typescript-action's check-dist does.
import { execFileSync } from 'node:child_process';

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', 'dist'], { encoding: 'utf8' });
if (changed.trim()) {
  console.error(`dist/ is not a fresh build of src/: run \`npm run build\` and commit dist/.\n${changed}`);
  execFileSync('git', ['--no-pager', 'diff', '--stat', '--', 'dist'], { stdio: 'inherit' });
  process.exit(1);
}
console.log('dist/ is a fresh build of src/');
