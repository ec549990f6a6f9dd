// Makes sure dist/ is built from the current sources before a test spawns `node dist/index.js`.
// `npm test` builds first (pretest); this covers `npx vitest run <file>` on a stale or missing dist.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST_ENTRY = join(REPO_ROOT, 'dist', 'index.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const isStale = () => !existsSync(DIST_ENTRY) || statSync(DIST_ENTRY).mtimeMs < newestMtime(join(REPO_ROOT, 'src'));

/** Test files run in parallel workers: only one of them may run tsc at a time. */
function withBuildLock(fn: () => void): void {
  const lock = join(
    tmpdir(),
    `paramcount-build-${createHash('sha1').update(REPO_ROOT).digest('hex').slice(0, 12)}.lock`,
  );
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`could not take the build lock ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    fn();
  } finally {
    rmdirSync(lock);
  }
}

export function ensureBuilt(): void {
  if (!isStale()) return;
  withBuildLock(() => {
    if (isStale()) build();
  });
}

function build(): void {
  // tsc still emits when other files have type errors; what matters here is that dist/ exists.
  spawnSync(
    process.execPath,
    [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(REPO_ROOT, 'tsconfig.json')],
    {
      cwd: REPO_ROOT,
      stdio: 'ignore',
    },
  );
  if (!existsSync(DIST_ENTRY)) throw new Error('dist/index.js is missing after `tsc -p .`');
}

/** process.env minus every SLACK_* variable (and the other settings the app reads). */
export function envWithoutSlack(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('SLACK_') || k === 'PORT' || k === 'LOG_LEVEL' || k.startsWith('DOTENV_')) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}
