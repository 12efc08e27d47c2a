//! The widget's own styles (`widget.css`), scoped by the shadow root it is
//! drawn in: on a shop's page (`embed`) and in the wording preview.

use web_sys::{Document, ShadowRoot};

/// The widget's styles, `widget.css` minified by `build.rs`.
pub const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

/// Adds `css` to the shadow root as a constructed stylesheet, which a
/// strict CSP (`style-src` without 'unsafe-inline') allows; a `<style>`
/// element where the browser cannot construct one.
pub fn adopt_css(root: &ShadowRoot, document: &Document, css: &str) -> Result<(), &'static str> {
    if let Ok(sheet) = web_sys::CssStyleSheet::new()
        && sheet.replace_sync(css).is_ok()
    {
        let sheets = root.adopted_style_sheets();
        sheets.push(&sheet);
        root.set_adopted_style_sheets(&sheets);
        return Ok(());
    }
    let style = document
        .create_element("style")
        .map_err(|_| "cannot create a style element")?;
    style.set_text_content(Some(css));
    root.append_child(&style)
        .map(|_| ())
        .map_err(|_| "cannot attach styles to the shadow root")
}

/// Adds the widget's styles to `root`.
pub fn adopt(root: &ShadowRoot, document: &Document) -> Result<(), &'static str> {
    adopt_css(root, document, STYLES)
}
