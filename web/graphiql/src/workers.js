// Monaco (the editor inside GraphiQL 5) runs its language services in web
// workers. GraphiQL's documented hook for this is
// globalThis.MonacoEnvironment.getWorker; its ready-made setups either load
// the workers from esm.sh or rely on Vite/webpack worker handling. Here the
// three workers are bundled by build.mjs as separate files next to the main
// bundle, and their (content-hashed) names are injected with esbuild's define.
// This module must be imported before anything that loads Monaco.

/* global __EDITOR_WORKER__, __JSON_WORKER__, __GRAPHQL_WORKER__ */

const workers = {
  editor: __EDITOR_WORKER__,
  json: __JSON_WORKER__,
  graphql: __GRAPHQL_WORKER__,
};

globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const file = workers[label] || workers.editor;
    return new Worker(new URL(file, import.meta.url), { name: label });
  },
};
