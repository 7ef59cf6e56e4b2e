// GraphiQL page served by `diplograph serve` at `/`. Bundled by build.mjs.
import './workers.js';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';

const url = new URL('/graphql', location.href);
// gqlgen's websocket transport speaks graphql-transport-ws (graphql-ws).
const subscriptionUrl = new URL(url);
subscriptionUrl.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';

// A bearer token stored with
//   localStorage.setItem('diplograph.token', '…')
// is sent with every request (HTTP header, and websocket connection params).
// Headers typed into the headers editor are sent too and take precedence.
let token = null;
try {
  token = localStorage.getItem('diplograph.token');
} catch {
  // localStorage unavailable (e.g. disabled by the browser)
}
const auth = token ? { Authorization: `Bearer ${token}` } : undefined;

const fetcher = createGraphiQLFetcher({
  url: url.href,
  subscriptionUrl: subscriptionUrl.href,
  headers: auth,
  wsConnectionParams: auth,
});

const defaultQuery = `# Diplograph GraphQL
#
# Run a query with the ▶ button (Ctrl-Enter).
# The Docs panel (book icon) lists every type
# and field of the schema.
#
# Example: the entities whose name matches
# "Lavrov", with their id, name and type.

{
  search(query: "Lavrov") {
    id
    name
    type
  }
}
`;

createRoot(document.getElementById('graphiql')).render(
  <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery}>
    <GraphiQL.Logo>Diplograph</GraphiQL.Logo>
  </GraphiQL>,
);
