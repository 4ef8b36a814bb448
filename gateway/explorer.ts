import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';

export interface ExplorerOptions {
  /** Where the page sends its operations, on the same origin, such as `/graphql`. */
  graphqlPath: string;
}

const require = createRequire(import.meta.url);

/** A file shipped by an installed npm package: the explorer must work offline, so nothing comes from a CDN. */
function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

/**
 * Everything the page loads, by the name it is served under. A fixed list, so that the router never maps
 * a request path onto the file system.
 */
const assets: Readonly<Record<string, string>> = {
  'react.js': packageFile('react', 'umd/react.production.min.js'),
  'react-dom.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.js': packageFile('graphiql', 'graphiql.min.js'),
  'graphiql.css': packageFile('graphiql', 'graphiql.min.css'),
  // graphiql.min.js names its source map after its build output; serve it there for the browser's devtools.
  'index.umd.js.map': packageFile('graphiql', 'graphiql.min.js.map'),
  'explorer.js': fileURLToPath(new URL('./explorer-client.js', import.meta.url)),
};

/**
 * Only the gateway's own origin, and no inline code: the bootstrap is a served file (`explorer.js`) and
 * the GraphQL path travels in a data attribute. Style attributes set through the DOM (React, CodeMirror)
 * are not affected by `style-src`.
 */
const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  // data: for the empty favicon, which spares the browser a request for /favicon.ico.
  "img-src 'self' data:",
  "font-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(base: string, graphqlPath: string): string {
  const asset = (name: string) => escapeHtml(`${base}/assets/${name}`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Health metadata gateway — API explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset('graphiql.css')}">
<link rel="stylesheet" href="${asset('explorer.css')}">
</head>
<body>
<div id="graphiql" data-graphql-path="${escapeHtml(graphqlPath)}">Loading the explorer…</div>
<script src="${asset('react.js')}"></script>
<script src="${asset('react-dom.js')}"></script>
<script src="${asset('graphiql.js')}"></script>
<script src="${asset('explorer.js')}"></script>
</body>
</html>
`;
}

/** GraphiQL needs its container to fill the window; a served stylesheet keeps `style-src` free of 'unsafe-inline'. */
const explorerCss = 'html, body, #graphiql { height: 100%; margin: 0; }\n';

/**
 * GraphiQL for the gateway's API. At its root: an HTML page running GraphiQL against `graphqlPath` with
 * JSON POSTs; under `assets/`: GraphiQL and React from the installed npm packages, and the page's own
 * script and stylesheet. The page loads nothing from another origin and its Content-Security-Policy
 * forbids it to. Callers paste a bearer token in GraphiQL's Headers editor (not persisted).
 *
 * Mount it only outside production: it is a developer tool.
 */
export function explorerRouter(options: ExplorerOptions): express.Router {
  const router = express.Router({ strict: false });
  router.get('/', (req, res) => {
    res
      .set({
        'content-security-policy': contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-cache',
      })
      .type('html')
      .send(page(req.baseUrl, options.graphqlPath));
  });
  router.get('/assets/explorer.css', (_req, res) => {
    res.set('x-content-type-options', 'nosniff').type('css').send(explorerCss);
  });
  router.get('/assets/:name', (req, res, next) => {
    const file = Object.hasOwn(assets, req.params.name) ? assets[req.params.name] : undefined;
    if (!file) {
      next();
      return;
    }
    // The files change only with a reinstall, and the ETag lets browsers revalidate cheaply.
    res.set('x-content-type-options', 'nosniff').sendFile(file, { maxAge: '1h' });
  });
  return router;
}
