// The API explorer's bootstrap, run in the browser after React, ReactDOM and GraphiQL's UMD bundles
// (served by gateway/explorer.ts). A file rather than an inline script, so the page's CSP needs no
// 'unsafe-inline'.
/* global React, ReactDOM, GraphiQL, document, fetch */

const defaultQuery = `# Search the catalogue: press the run button or Ctrl-Enter.
#
# Anonymous callers see the public catalogue. To act as
# yourself, open Headers below and paste
#   { "Authorization": "Bearer <token>" }
# (headers are not saved).
{
  datasets(first: 5, search: "cancer") {
    totalCount
    edges {
      node {
        id
        title
      }
    }
  }
}
`;

const container = document.getElementById('graphiql');
const graphqlPath = container.dataset.graphqlPath;

/**
 * A plain JSON POST to the gateway: JSON bodies pass its CSRF prevention, and the Headers editor's
 * headers (such as Authorization) are sent as typed. A non-JSON answer (such as a proxy's error page)
 * is shown as an error rather than failing silently.
 */
async function fetcher(params, options) {
  const response = await fetch(graphqlPath, {
    method: 'POST',
    headers: { ...options?.headers, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(params),
    credentials: 'same-origin',
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 500)}` }] };
  }
}

ReactDOM.createRoot(container).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: 'headers' }),
);
