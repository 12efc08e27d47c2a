// Starts the dashboard; a file of its own so the page needs no inline script
// (the dashboard's Content-Security-Policy allows none). The build writes
// the content-hashed names of the apps' files into FILES, as `<key>Js` and
// `<key>Wasm` (see xtask/src/dashboard_assets.rs): the dashboard, and the
// sections that are wasms of their own ("wording", "settings", "compare",
// "conversation"), fetched only when the app asks for them.
const FILES = {/* files */};

const here = (name) => new URL(name, import.meta.url).href;

// The files of section `key`; an unknown key is refused.
function filesOf(key) {
  const js = FILES[`${key}Js`];
  const wasm = FILES[`${key}Wasm`];
  if (typeof js !== "string" || typeof wasm !== "string") {
    throw new Error(`no section called ${key}`);
  }
  return { js, wasm };
}

async function loadSection(key) {
  const files = filesOf(key);
  const section = await import(here(files.js));
  await section.default({ module_or_path: here(files.wasm) });
  return section;
}

// Only the bytes, into the HTTP cache (the names are immutable): compiling
// a section would be a task on the page's thread while the owner works.
// A failed prefetch costs nothing: opening the section fetches again.
function prefetchSection(key) {
  const files = filesOf(key);
  for (const name of [files.js, files.wasm]) {
    fetch(here(name))
      .then((response) => response.blob())
      .catch(() => undefined);
  }
}

const app = await import(here(FILES.dashboardJs));
await app.default({ module_or_path: here(FILES.dashboardWasm) });
app.run(loadSection, prefetchSection);
