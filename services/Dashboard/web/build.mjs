// Bundles src/ into ../wwwroot: assets/main-<hash>.js and .css (cached for a year: their names change with their
// content) and index.html naming them (never cached long: Dashboard's StaticPage.cs). No CDN, nothing fetched at run time.
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../wwwroot');
await rm(out, { recursive: true, force: true });
await mkdir(path.join(out, 'assets'), { recursive: true });

const result = await build({
  entryPoints: [path.join(here, 'src/main.js')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2022'],
  sourcemap: false,
  legalComments: 'linked',
  entryNames: '[name]-[hash]',
  outdir: path.join(out, 'assets'),
  metafile: true,
  logLevel: 'warning',
});
const outputs = Object.keys(result.metafile.outputs).map((o) => path.basename(o));
const js = outputs.find((o) => o.endsWith('.js'));
const css = outputs.find((o) => o.endsWith('.css'));
if (!js || !css) throw new Error(`esbuild produced ${outputs.join(', ')}: a .js and a .css were expected`);
const html = (await readFile(path.join(here, 'src/index.html'), 'utf8')).replace('{{js}}', js).replace('{{css}}', css);
await writeFile(path.join(out, 'index.html'), html);
console.log(`tableau de bord : ${path.relative(process.cwd(), out)}/index.html, assets/${js}, assets/${css}`);
