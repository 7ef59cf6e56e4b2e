// Builds the GraphiQL page into dist/ (embedded by the Go package in this
// directory): index.html, one JS bundle, one CSS file (graphiql's) and the
// three Monaco web workers. File names carry a content hash so the Go handler
// can serve them with long cache lifetimes. Run with `npm run build`.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');

// Start from an empty dist/ (keeping the committed README.md), so no stale
// hashed files end up embedded in the binary.
for (const name of readdirSync(dist)) {
  if (name !== 'README.md') rmSync(join(dist, name), { recursive: true, force: true });
}

const common = {
  absWorkingDir: root,
  bundle: true,
  minify: true,
  sourcemap: false,
  outdir: dist,
  metafile: true,
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

// Output file name (relative to dist/) of each entry point of a build.
function outputs(result) {
  const names = {};
  for (const [file, out] of Object.entries(result.metafile.outputs)) {
    if (out.entryPoint) names[out.entryPoint] = basename(file);
  }
  return names;
}

// 1. Monaco's web workers, as classic-script bundles.
const workerEntries = {
  editor: 'node_modules/monaco-editor/esm/vs/editor/editor.worker.js',
  json: 'node_modules/monaco-editor/esm/vs/language/json/json.worker.js',
  graphql: 'node_modules/monaco-graphql/esm/graphql.worker.js',
};
const workers = outputs(
  await esbuild.build({
    ...common,
    entryPoints: Object.entries(workerEntries).map(([name, path]) => ({ in: path, out: `${name}.worker` })),
    entryNames: '[name]-[hash]',
    format: 'iife',
  }),
);
const workerFile = (name) => JSON.stringify(`./${workers[workerEntries[name]]}`);

// Monaco's ESM modules import their own CSS files; graphiql/style.css already
// contains all of Monaco's CSS (with its icon font inlined), so those imports
// are dropped to keep one copy of it.
const dropMonacoCSS = {
  name: 'drop-monaco-css',
  setup(build) {
    build.onResolve({ filter: /\.css$/ }, (args) =>
      args.kind === 'import-statement' && /[\\/]node_modules[\\/]monaco-editor[\\/]/.test(args.importer)
        ? { path: args.path, namespace: 'monaco-css' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'monaco-css' }, () => ({ contents: '', loader: 'css' }));
  },
};

// 2. The page itself: one ES module bundle plus the CSS file.
const main = await esbuild.build({
  ...common,
  entryPoints: [{ in: 'src/main.jsx', out: 'graphiql' }],
  entryNames: '[name]-[hash]',
  format: 'esm',
  jsx: 'automatic',
  define: {
    ...common.define,
    __EDITOR_WORKER__: workerFile('editor'),
    __JSON_WORKER__: workerFile('json'),
    __GRAPHQL_WORKER__: workerFile('graphql'),
  },
  plugins: [dropMonacoCSS],
});
const mainOut = Object.entries(main.metafile.outputs).find(([, out]) => out.entryPoint);
const js = basename(mainOut[0]);
const css = basename(mainOut[1].cssBundle);

// 3. index.html. The CSP keeps every load on this server (Monaco needs inline
// styles; fonts and images are data: URLs inside the CSS).
const csp = [
  "default-src 'self'",
  "connect-src 'self' ws: wss:",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');
const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>Diplograph GraphQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="./${css}">
<style>html,body,#graphiql{height:100%;margin:0}</style>
<script type="module" src="./${js}"></script>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<noscript>GraphiQL needs JavaScript. The GraphQL endpoint is <code>/graphql</code>.</noscript>
</body>
</html>
`;

// 4. Guard against loads from other hosts: no absolute URL may appear where a
// browser would fetch it (HTML src/href, CSS url()/@import, worker, script or
// module loads in JS). Plain https:// strings (hyperlinks, licence comments)
// are fine.
const problems = [];
for (const m of html.matchAll(/\b(?:src|href)\s*=\s*"([^"]*)"/g)) {
  if (!m[1].startsWith('./') && m[1] !== 'data:,') problems.push(`index.html: ${m[0]}`);
}
const cssText = readFileSync(join(dist, css), 'utf8');
for (const m of cssText.matchAll(/url\(\s*['"]?([^'")]*)/g)) {
  if (!m[1].startsWith('data:')) problems.push(`${css}: url(${m[1].slice(0, 80)})`);
}
if (/@import/.test(cssText)) problems.push(`${css}: @import`);
for (const file of [js, ...Object.values(workers)]) {
  const text = readFileSync(join(dist, file), 'utf8');
  for (const m of text.matchAll(/(?:importScripts|import|new Worker|new SharedWorker)\s*\(\s*["'`](?:https?:)?\/\/[^"'`]*/g)) {
    problems.push(`${file}: ${m[0].slice(0, 120)}`);
  }
  for (const m of text.matchAll(/esm\.sh|jsdelivr|unpkg\.com|cdnjs|fonts\.(?:googleapis|gstatic)\.com/gi)) {
    problems.push(`${file}: mentions CDN host ${m[0]}`);
  }
}
if (problems.length) {
  console.error('external loads in dist/ (index.html not written):\n  ' + problems.join('\n  '));
  process.exit(1);
}
// Written last: make treats dist/index.html as the build's output.
writeFileSync(join(dist, 'index.html'), html);

for (const name of readdirSync(dist).sort()) {
  if (name === 'README.md') continue;
  const kib = (readFileSync(join(dist, name)).length / 1024).toFixed(0);
  console.log(`dist/${name}  ${kib} KiB`);
}
