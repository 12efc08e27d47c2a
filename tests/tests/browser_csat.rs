//! The satisfaction prompt in headless Chromium against the Worker on
//! workerd: both modes, dismissal, and once per conversation across a reload.
// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::time::Duration;

use e2e::browser::Browser;
use e2e::{SiteAccess, Stack, eventually};
use fantoccini::Locator;
use fantoccini::elements::Element;
use serde_json::Value;

async fn resolve(browser: &Browser) {
    browser.widget_element(".fb-bubble").await.unwrap();
    browser.click_page("demo-resolve").await.unwrap();
}

/// Waits until the stored CSAT of `conversation` satisfies `done`.
async fn stored_csat(
    stack: &Stack,
    site: &SiteAccess,
    conversation: &str,
    done: impl Fn(&Value) -> bool,
) -> Value {
    let collector = stack.collector();
    eventually("the answer to reach D1", Duration::from_secs(20), || {
        let collector = &collector;
        let done = &done;
        async move {
            let read = collector
                .conversation(&site.key, Some(&site.secret), conversation)
                .await?;
            Ok((read.status == 200 && done(&read.body["csat"])).then_some(read.body))
        }
    })
    .await
    .unwrap()
}

/// The demo page of the site named `name` in a fresh browser: the site,
/// the browser and the widget's conversation.
async fn open_site(stack: &Stack, name: &str) -> (SiteAccess, Browser, String) {
    let site = stack.named_site(name).unwrap();
    let browser = Browser::start(stack).await.unwrap();
    browser
        .client
        .goto(&format!("{}?site={}", stack.page_url, site.key))
        .await
        .unwrap();
    let conversation = browser.demo_conversation_id().await.unwrap();
    (site, browser, conversation)
}

/// The 1–5 prompt on the scale5 site, resolved in a fresh browser: the
/// site, the browser, the conversation and the prompt's five radios.
async fn scale_prompt(stack: &Stack) -> (SiteAccess, Browser, String, Vec<Element>) {
    let (site, browser, conversation) = open_site(stack, "scale5").await;
    resolve(&browser).await;
    let radios = browser
        .widget_element("[role=\"radiogroup\"]")
        .await
        .unwrap()
        .find_all(Locator::Css("input[type=\"radio\"]"))
        .await
        .unwrap();
    (site, browser, conversation, radios)
}

async fn text_of(browser: &Browser, selector: &str) -> String {
    browser.widget_text(selector).await.unwrap()
}

#[tokio::test]
async fn thumbs_down_asks_why_thanks_and_is_offered_once_per_conversation() {
    let (stack, browser) = Browser::shopper().await.unwrap();
    let conversation = browser.demo_conversation_id().await.unwrap();
    resolve(&browser).await;

    // The panel opens on its own with the final message and the prompt.
    let panel = browser.widget_element(".fb-panel").await.unwrap();
    assert!(panel.is_displayed().await.unwrap());
    assert!(
        text_of(&browser, ".fb-log")
            .await
            .contains("Glad I could help")
    );
    assert_eq!(
        text_of(&browser, ".fb-csat-title").await,
        "How was this conversation?"
    );
    // Opening by itself, the panel leaves focus where the shopper had it.
    assert_eq!(browser.focus().await.unwrap(), "page:demo-resolve");

    // 👍/👎 is a radio group of real inputs with names.
    let up = browser
        .widget_element(".fb-csat-thumbs[role=radiogroup] input[type=radio][value=\"5\"]")
        .await
        .unwrap();
    assert_eq!(
        up.attr("aria-label").await.unwrap().as_deref(),
        Some("Good")
    );
    let down = browser
        .widget_element(".fb-csat-choice[data-score=\"1\"] input[type=radio]")
        .await
        .unwrap();
    assert_eq!(
        down.attr("aria-label").await.unwrap().as_deref(),
        Some("Bad")
    );
    // An arrow moves to 👎 without answering; a click on it, checked
    // already, answers.
    up.send_keys(&fantoccini::key::Key::Right.to_string())
        .await
        .unwrap();
    assert_eq!(down.prop("checked").await.unwrap().as_deref(), Some("true"));
    let after_arrow = browser
        .js(
            "const root = document.querySelector('[data-feedback-bubble]').shadowRoot;
             return [root.activeElement && root.activeElement.value, root.querySelector('.fb-csat-comment') !== null];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        after_arrow,
        serde_json::json!(["1", false]),
        "focus on 👎, nothing answered"
    );
    browser
        .click(".fb-csat-choice[data-score=\"1\"]")
        .await
        .unwrap();

    assert_eq!(
        text_of(&browser, "label[for=\"fb-csat-comment\"]").await,
        "What could we have done better?"
    );
    let reason = browser.widget_element("#fb-csat-comment").await.unwrap();
    assert_eq!(
        reason.attr("placeholder").await.unwrap().as_deref(),
        Some("Tell us what went wrong (optional)")
    );
    reason.send_keys("The size chart was wrong").await.unwrap();
    let submit = browser.widget_element(".fb-csat-submit").await.unwrap();
    assert_eq!(submit.text().await.unwrap(), "Send feedback");
    submit.click().await.unwrap();
    assert_eq!(
        text_of(&browser, ".fb-csat-thanks").await,
        "Thank you for your feedback!"
    );
    browser
        .screenshot(&stack, "csat-thumbs-thanks")
        .await
        .unwrap();

    let stored = stored_csat(&stack, &stack.site, &conversation, |csat| {
        csat["CSAT_COMPLETED"] == true
    })
    .await;
    assert_eq!(stored["csat"]["CSAT_OFFERED"], true);
    assert_eq!(stored["csat"]["CSAT_SCORE"], 1);
    assert_eq!(
        stored["csat"]["CSAT_FREE_FEEDBACK"],
        "The size chart was wrong"
    );
    assert_eq!(stored["csat_mode"], "thumbs");

    // A reload continues the same conversation, which has had its prompt.
    browser.client.refresh().await.unwrap();
    assert_eq!(browser.demo_conversation_id().await.unwrap(), conversation);
    // How long a prompt takes to show, measured on a conversation that
    // has not had one yet (a new one, after this check): the wait below
    // uses the same window, so it would have seen a prompt that came back.
    let prompt_shown_within = |window: Duration| {
        let browser = &browser;
        async move {
            eventually("the prompt", window, || async {
                let host = browser
                    .client
                    .find(Locator::Css("[data-feedback-bubble]"))
                    .await?;
                let root = host.shadow_root().await?;
                Ok(root.find(Locator::Css(".fb-csat")).await.ok())
            })
            .await
            .is_ok()
        }
    };
    let window = Duration::from_millis(1_500);
    resolve(&browser).await;
    assert!(
        !prompt_shown_within(window).await,
        "the prompt came back after a reload"
    );
    // Control: a new conversation gets its prompt within the same window.
    browser
        .js("window.FeedbackBubble.reset();", vec![])
        .await
        .unwrap();
    resolve(&browser).await;
    assert!(
        prompt_shown_within(window).await,
        "a new conversation's prompt shows within {window:?}"
    );
    browser.close().await.unwrap();
}

#[tokio::test]
async fn the_one_to_five_scale_spells_out_its_ends_and_takes_a_comment() {
    let stack = Stack::from_env().unwrap();
    let (site, browser, conversation, radios) = scale_prompt(&stack).await;

    assert!(
        text_of(&browser, ".fb-csat-lead")
            .await
            .starts_with("Before you go")
    );
    assert!(text_of(&browser, ".fb-csat-title").await.contains("1 to 5"));
    assert_eq!(
        text_of(&browser, ".fb-csat-scale-ends").await,
        "1 means very dissatisfied, 5 means very satisfied."
    );
    assert_eq!(radios.len(), 5);
    assert_eq!(
        radios[0].attr("aria-label").await.unwrap().as_deref(),
        Some("1, very dissatisfied")
    );
    assert_eq!(
        radios[4].attr("aria-label").await.unwrap().as_deref(),
        Some("5, very satisfied")
    );
    // A pointer on the fourth score's label answers at once.
    let label = radios[3].find(Locator::XPath("..")).await.unwrap();
    label.click().await.unwrap();

    let comment = browser.widget_element("#fb-csat-comment").await.unwrap();
    comment.send_keys("Quick and friendly").await.unwrap();
    browser.click(".fb-csat-submit").await.unwrap();
    assert_eq!(
        text_of(&browser, ".fb-csat-thanks").await,
        "Thank you for your feedback!"
    );

    let stored = stored_csat(&stack, &site, &conversation, |csat| {
        csat["CSAT_COMPLETED"] == true
    })
    .await;
    assert_eq!(stored["csat"]["CSAT_SCORE"], 4);
    assert_eq!(stored["csat"]["CSAT_FREE_FEEDBACK"], "Quick and friendly");
    assert_eq!(stored["csat_mode"], "scale5");
    assert_eq!(stored["satisfaction"], "positive");
    browser.close().await.unwrap();
}

#[tokio::test]
async fn closing_the_prompt_unanswered_is_recorded_as_denied() {
    let (stack, browser) = Browser::shopper().await.unwrap();
    let conversation = browser.demo_conversation_id().await.unwrap();
    resolve(&browser).await;
    let close = browser.widget_element(".fb-csat-close").await.unwrap();
    assert_eq!(
        close.attr("aria-label").await.unwrap().as_deref(),
        Some("Close survey")
    );
    close.click().await.unwrap();
    let stored = stored_csat(&stack, &stack.site, &conversation, |csat| {
        csat["CSAT_DENIED"] == true
    })
    .await;
    assert_eq!(stored["csat"]["CSAT_OFFERED"], true);
    assert_eq!(stored["csat"]["CSAT_ACCEPTED"], false);
    browser.close().await.unwrap();
}

#[tokio::test]
async fn an_idle_end_behind_a_closed_panel_waits_behind_a_dot_on_the_bubble() {
    let stack = Stack::from_env().unwrap();
    // idle_end_seconds = 10
    let (site, browser, conversation) = open_site(&stack, "idle").await;
    // The conversation's last activity was before this point (opening the
    // page), so it may not end less than the idle time after it, less the
    // few seconds opening the page may have taken.
    let watching = std::time::Instant::now();
    let bubble = eventually("the bubble's dot", Duration::from_secs(25), || async {
        let bubble = browser.widget_element(".fb-bubble").await?;
        let class = bubble.attr("class").await?.unwrap_or_default();
        Ok(class.contains("fb-waiting").then_some(bubble))
    })
    .await
    .unwrap();
    let waited = watching.elapsed();
    assert!(
        waited >= Duration::from_secs(7),
        "the conversation ended {waited:?} after the page was quiet, before the idle time (10 s)"
    );
    // The shopper may be reading the page: the panel stays closed, and the
    // bubble's name says what waits.
    let panel = browser.widget_element(".fb-panel").await.unwrap();
    assert!(!panel.is_displayed().await.unwrap(), "the panel opened");
    assert_eq!(
        bubble.attr("aria-label").await.unwrap().as_deref(),
        Some("Open chat: a question is waiting for you")
    );
    assert_eq!(
        bubble.attr("aria-expanded").await.unwrap().as_deref(),
        Some("false")
    );

    // Opening the panel shows the prompt, and only then is it offered.
    bubble.click().await.unwrap();
    assert_eq!(
        text_of(&browser, ".fb-csat-title").await,
        "How was this conversation?"
    );
    assert!(panel.is_displayed().await.unwrap());
    assert_eq!(
        bubble.attr("class").await.unwrap().as_deref(),
        Some("fb-bubble"),
        "the dot goes once the panel is open"
    );
    stored_csat(&stack, &site, &conversation, |csat| {
        csat["CSAT_OFFERED"] == true
    })
    .await;
    assert!(browser.axe_violations().await.unwrap().is_empty());
    browser.close().await.unwrap();
}

#[tokio::test]
async fn an_idle_end_in_an_open_panel_shows_the_prompt_without_moving_focus() {
    let stack = Stack::from_env().unwrap();
    // idle_end_seconds = 10
    let (site, browser, conversation) = open_site(&stack, "idle_open").await;
    browser.click(".fb-bubble").await.unwrap();
    let input = browser.widget_element(".fb-composer input").await.unwrap();
    input.send_keys("Do you ship to").await.unwrap();
    assert_eq!(browser.focus().await.unwrap(), "widget:fb-input");
    assert_eq!(
        eventually("the idle prompt", Duration::from_secs(25), || async {
            Ok(browser.widget_text(".fb-csat-title").await.ok())
        })
        .await
        .unwrap(),
        "How was this conversation?"
    );
    assert_eq!(
        browser.focus().await.unwrap(),
        "widget:fb-input",
        "the shopper was typing: focus stays in the message box"
    );
    assert_eq!(
        input.prop("value").await.unwrap().as_deref(),
        Some("Do you ship to"),
        "what the shopper typed is still there"
    );
    stored_csat(&stack, &site, &conversation, |csat| {
        csat["CSAT_OFFERED"] == true
    })
    .await;
    browser.close().await.unwrap();
}

/// Listens for `csat-skipped` on the page: the rule named in the last one.
async fn listen_for_skips(browser: &Browser) {
    browser
        .js(
            "window.__skipped = [];
             FeedbackBubble.on('csat-skipped', d => window.__skipped.push(d));",
            vec![],
        )
        .await
        .unwrap();
}

/// The rule of the `csat-skipped` events the page has heard, once there
/// are `count` of them.
async fn skipped(browser: &Browser, count: usize) -> Vec<(String, String)> {
    eventually("the prompt's skip", Duration::from_secs(20), || async {
        let heard = browser
            .js(
                "return window.__skipped.map(d => [d.conversationId, d.rule]);",
                vec![],
            )
            .await?;
        let heard: Vec<(String, String)> = serde_json::from_value(heard)?;
        Ok((heard.len() >= count).then_some(heard))
    })
    .await
    .unwrap()
}

/// Whether the widget shows a satisfaction prompt now.
async fn prompt_shows(browser: &Browser) -> bool {
    browser
        .js(
            "return document.querySelector('[data-feedback-bubble]').shadowRoot
               .querySelector('.fb-csat') !== null;",
            vec![],
        )
        .await
        .unwrap()
        == Value::Bool(true)
}

#[tokio::test]
async fn a_zero_percent_sample_never_offers_the_prompt() {
    let stack = Stack::from_env().unwrap();
    let (site, browser, conversation) = open_site(&stack, "survey_sample").await;
    listen_for_skips(&browser).await;
    resolve(&browser).await;
    assert_eq!(
        skipped(&browser, 1).await,
        [(conversation.clone(), "sample".to_string())]
    );
    assert!(!prompt_shows(&browser).await);
    let panel = browser.widget_element(".fb-panel").await.unwrap();
    assert!(!panel.is_displayed().await.unwrap(), "nothing to show");
    // A reload decides the same: the sample hashes the conversation's id.
    browser.client.refresh().await.unwrap();
    assert_eq!(browser.demo_conversation_id().await.unwrap(), conversation);
    listen_for_skips(&browser).await;
    resolve(&browser).await;
    assert_eq!(skipped(&browser, 1).await[0].1, "sample");
    let read = stack
        .collector()
        .conversation(&site.key, Some(&site.secret), &conversation)
        .await
        .unwrap();
    assert_ne!(read.body["csat"]["CSAT_OFFERED"], true, "{}", read.body);
    browser.close().await.unwrap();
}

#[tokio::test]
async fn a_conversation_with_fewer_answers_than_the_minimum_gets_no_prompt() {
    let stack = Stack::from_env().unwrap();
    // At least 4 answers; the demo conversation has 2, and 3 with the
    // closing line resolve() adds.
    let (_site, browser, conversation) = open_site(&stack, "survey_minimum").await;
    listen_for_skips(&browser).await;
    resolve(&browser).await;
    assert_eq!(
        skipped(&browser, 1).await,
        [(conversation, "min_assistant_messages".to_string())]
    );
    assert!(!prompt_shows(&browser).await);

    // A longer conversation is asked.
    browser
        .js(
            "FeedbackBubble.reset();
             ['a', 'b', 'c'].forEach(id => FeedbackBubble.addMessage({ id, role: 'assistant', text: 'Answer ' + id }));
             FeedbackBubble.resolve({ utterance: 'Anything else?' });",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        text_of(&browser, ".fb-csat-title").await,
        "How was this conversation?"
    );
    assert_eq!(skipped(&browser, 1).await.len(), 1, "no second skip");
    browser.close().await.unwrap();
}

#[tokio::test]
async fn a_cooldown_holds_the_next_prompt_back_until_its_days_have_passed() {
    let stack = Stack::from_env().unwrap();
    // csat_cooldown_days = 7
    let (site, browser, first) = open_site(&stack, "survey_cooldown").await;
    listen_for_skips(&browser).await;
    resolve(&browser).await;
    browser.click(".fb-csat-close").await.unwrap();
    stored_csat(&stack, &site, &first, |csat| csat["CSAT_OFFERED"] == true).await;

    // The next conversation, six days on: not asked.
    let next_conversation = |days: u32| {
        format!(
            "const real = Date.now.__real || Date.now;
             Date.now = () => real.call(Date) + {days} * 864e5;
             Date.now.__real = real;
             FeedbackBubble.reset();
             FeedbackBubble.addMessage({{ id: 'a{days}', role: 'assistant', text: 'Hello again' }});
             FeedbackBubble.resolve({{ utterance: 'Bye!' }});"
        )
    };
    browser.js(&next_conversation(6), vec![]).await.unwrap();
    let held = skipped(&browser, 1).await;
    assert_eq!(held[0].1, "cooldown");
    assert_ne!(held[0].0, first, "a new conversation");
    assert!(!prompt_shows(&browser).await);

    // Eight days on, the clock has passed the cooldown: asked again.
    browser.js(&next_conversation(8), vec![]).await.unwrap();
    assert_eq!(
        text_of(&browser, ".fb-csat-title").await,
        "How was this conversation?"
    );
    assert_eq!(skipped(&browser, 1).await.len(), 1, "no second skip");
    browser.close().await.unwrap();
}

#[tokio::test]
async fn on_the_scale_arrow_keys_move_and_enter_answers() {
    use fantoccini::key::Key;
    let stack = Stack::from_env().unwrap();
    let (site, browser, conversation, radios) = scale_prompt(&stack).await;
    let checked = || async {
        let mut checked = Vec::new();
        for radio in &radios {
            checked.push(radio.prop("checked").await.unwrap().as_deref() == Some("true"));
        }
        checked
    };

    // Four steps right from the first score, then one back: the selection
    // moves and nothing is answered yet.
    let right = Key::Right.to_string();
    radios[0]
        .send_keys(&format!("{right}{right}{right}{right}{}", Key::Left))
        .await
        .unwrap();
    assert_eq!(checked().await, [false, false, false, true, false]);
    let answered = browser
        .js(
            "return document.querySelector('[data-feedback-bubble]').shadowRoot
               .querySelector('.fb-csat-comment') !== null;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(answered, Value::Bool(false), "arrows do not answer");
    // Right from the last score wraps to the first, as radio groups do.
    radios[3]
        .send_keys(&format!("{right}{right}"))
        .await
        .unwrap();
    assert_eq!(checked().await, [true, false, false, false, false]);
    radios[0].send_keys(&Key::Left.to_string()).await.unwrap();
    assert_eq!(checked().await, [false, false, false, false, true]);

    // Enter answers with the score in focus and moves on to the comment.
    radios[4].send_keys(&Key::Enter.to_string()).await.unwrap();
    browser.widget_element("#fb-csat-comment").await.unwrap();
    let focused = browser
        .js(
            "const a = document.querySelector('[data-feedback-bubble]').shadowRoot.activeElement;
             return a ? a.id : null;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(focused, "fb-csat-comment", "focus moves to the comment box");
    browser.click(".fb-csat-submit").await.unwrap();
    let stored = stored_csat(&stack, &site, &conversation, |csat| {
        csat["CSAT_COMPLETED"] == true
    })
    .await;
    assert_eq!(stored["csat"]["CSAT_SCORE"], 5);
    browser.close().await.unwrap();
}
