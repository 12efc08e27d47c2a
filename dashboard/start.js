// Starts the dashboard; a file of its own so the page needs no inline script
// (the dashboard's Content-Security-Policy allows none).
import init from "./dashboard.js";
init({ module_or_path: "./dashboard_bg.wasm" });
