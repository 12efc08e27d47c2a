// Starts the dashboard; a file of its own so the page needs no inline script
// (the dashboard's Content-Security-Policy allows none). The build writes
// the content-hashed names of the files it starts into FILES (see
// xtask/src/dashboard_assets.rs): the app, and the Wording editor, a second
// wasm fetched only when the app asks for it.
const FILES = {/* files */};

const here = (name) => new URL(name, import.meta.url).href;

async function loadWordingEditor() {
  const editor = await import(here(FILES.wordingJs));
  await editor.default({ module_or_path: here(FILES.wordingWasm) });
  return editor;
}

// Only the bytes, into the HTTP cache (the names are immutable): compiling
// the editor would be a task on the page's thread while the owner works.
// A failed prefetch costs nothing: opening the section fetches again.
function prefetchWordingEditor() {
  for (const name of [FILES.wordingJs, FILES.wordingWasm]) {
    fetch(here(name))
      .then((response) => response.blob())
      .catch(() => undefined);
  }
}

const app = await import(here(FILES.dashboardJs));
await app.default({ module_or_path: here(FILES.dashboardWasm) });
app.run(loadWordingEditor, prefetchWordingEditor);
