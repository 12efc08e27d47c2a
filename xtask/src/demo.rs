//! `cargo xtask demo`: the product on this machine, for a person to click.

use std::sync::mpsc;

use anyhow::{Context, Result};
use protocol::SiteConfig;

use crate::builds;
use crate::collector_assets;
use crate::operations::sites;
use crate::repo::Repo;
use crate::static_site::{PAGE_SITE_KEY, PageConfig, StaticSite};
use crate::tools;
use crate::worker_dev::{self, D1, Log};

fn port_from_env(name: &str, default: u16) -> Result<u16> {
    match std::env::var(name) {
        Ok(value) => value
            .parse()
            .with_context(|| format!("{name}={value:?} is not a port number")),
        Err(_) => Ok(default),
    }
}

/// Builds, starts the Worker and the demo page, prints where to look, and
/// runs until Ctrl-C.
pub fn run(repo: &Repo) -> Result<()> {
    let page_port = port_from_env("DEMO_PAGE_PORT", 8080)?;
    let worker_port = port_from_env("DEMO_WORKER_PORT", 8787)?;

    tools::ensure_build_tools(repo)?;
    builds::widget(repo)?;
    builds::dashboard(repo)?;
    builds::worker(repo)?;

    let d1 = D1::new(repo, repo.path("edge-worker/.wrangler/state"));
    d1.migrate()?;
    let page_origins = [
        format!("http://127.0.0.1:{page_port}"),
        format!("http://localhost:{page_port}"),
    ];
    let site = sites::upsert(
        &d1,
        Some(PAGE_SITE_KEY),
        &page_origins,
        // The demo keeps excerpts and offers reason tags, so the dashboard's
        // knowledge gaps and the 👎 reasons have something to show.
        &SiteConfig {
            shop_name: Some("Demo Outdoor Shop".into()),
            store_text: true,
            reason_tags: vec![
                "wrong_answer".into(),
                "too_long".into(),
                "not_relevant".into(),
            ],
            ..SiteConfig::default()
        },
    )?;

    let (stop, stopped) = mpsc::channel();
    ctrlc::set_handler(move || {
        let _ = stop.send(());
    })?;

    let endpoint = format!("http://127.0.0.1:{worker_port}");
    let _worker = worker_dev::start(repo, &d1, worker_port, Log::Terminal, &[])?;
    let _locales = collector_assets::watch_locales(repo);
    let page = StaticSite::start(
        repo,
        page_port,
        PageConfig {
            site_key: site.key.clone(),
            endpoint: endpoint.clone(),
        },
    )?;

    println!(
        "\n\
         ┌──────────────────────────────────────────────────────────────\n\
         │ Demo shop:   {page}/\n\
         │ Collector:   {endpoint}  (local workerd, local D1 in edge-worker/.wrangler/state)\n\
         │ Dashboard:   {endpoint}/dashboard/  (paste the site key and secret below)\n\
         │ Site key:    {key}\n\
         │ Site secret: {secret}   (new each run; only its hash is stored)\n\
         │\n\
         │ Open the shop, open the bubble, click 👍 or 👎. The page shows the\n\
         │ conversation id; read what was stored with:\n\
         │   curl -H 'Authorization: Bearer {secret}' \\\n\
         │     {endpoint}/v1/sites/{key}/conversations/<conversation id>\n\
         │\n\
         │ Ctrl-C stops everything.\n\
         └──────────────────────────────────────────────────────────────",
        page = page.origin,
        key = site.key,
        secret = site.secret,
    );
    let _ = stopped.recv();
    println!("\nstopping…");
    Ok(())
}
