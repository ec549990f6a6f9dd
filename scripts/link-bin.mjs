// Run by `npm run prepare` (so by `npm install` and `npm ci`): links node_modules/.bin/paramcount to
// dist/cli.js, as npm does for a dependency's bin. Then `npx paramcount` and
// `node_modules/.bin/paramcount` run the CLI just built, at once, without npx installing a copy of
// the package first (which a `"paramcount": "file:"` self-dependency made it do: about 18 s).
import { chmodSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../node_modules/.bin/', import.meta.url));
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
chmodSync(cli, 0o755);
mkdirSync(bin, { recursive: true });
rmSync(`${bin}paramcount`, { force: true });
symlinkSync('../../dist/cli.js', `${bin}paramcount`);
