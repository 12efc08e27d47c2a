//! Knowledge gaps: shopper questions whose answers were thumbed down again
//! and again. Questions are grouped by the words they share (Jaccard
//! similarity of normalised tokens), and the groups ranked by how often
//! and how recently they came up.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

/// Two questions belong together from this Jaccard similarity on.
pub const SIMILARITY: f64 = 0.5;

/// A group needs this many thumbs-downs to be a gap.
pub const MIN_COUNT: usize = 2;

/// Conversations listed per gap.
pub const MAX_CONVERSATIONS: usize = 20;

/// Other wordings shown per gap.
pub const MAX_EXAMPLES: usize = 3;

/// One 👎 on an answer, with the shopper's question before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Downvote {
    /// The conversation it is in.
    pub conversation_id: String,
    /// The question excerpt the widget sent.
    pub question: String,
    /// When, unix ms.
    pub at: i64,
}

/// A question the assistant keeps answering badly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    /// The wording asked most often in the group (the latest on a tie).
    pub question: String,
    /// How many 👎 the group has.
    pub count: usize,
    /// The latest of them, unix ms.
    pub latest_at: i64,
    /// Distinct conversations, latest first (at most [`MAX_CONVERSATIONS`]).
    pub conversation_ids: Vec<String>,
    /// Other wordings (at most [`MAX_EXAMPLES`]).
    pub examples: Vec<String>,
}

/// `GET /v1/sites/{site_key}/gaps`'s answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GapsReport {
    /// Ranked gaps.
    pub gaps: Vec<Gap>,
    /// Thumbs-downs with a question that were looked at.
    pub considered: usize,
    /// Whether older ones were left out (only the latest are read).
    pub truncated: bool,
}

/// Words that say nothing about the topic (English; other languages rely
/// on the similarity threshold).
const STOP_WORDS: [&str; 40] = [
    "the", "and", "for", "are", "you", "your", "can", "does", "did", "how", "what", "when",
    "where", "which", "who", "why", "this", "that", "with", "have", "has", "there", "their",
    "they", "them", "from", "about", "will", "would", "could", "should", "any", "our", "was",
    "were", "been", "into", "its", "not", "but",
];

/// Whether `c` is written without spaces between words (CJK, kana).
fn unspaced(c: char) -> bool {
    matches!(u32::from(c), 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
}

/// The topic words of `lower` (a lower-cased question), sorted and without
/// repeats; borrowed from it except CJK character pairs.
fn topic_words(lower: &str) -> Vec<Cow<'_, str>> {
    let mut found: Vec<Cow<'_, str>> = Vec::new();
    for word in lower.split(|c: char| !c.is_alphanumeric()) {
        if word.chars().any(unspaced) {
            let chars: Vec<char> = word.chars().collect();
            for pair in chars.windows(2) {
                found.push(Cow::Owned(pair.iter().collect()));
            }
            if chars.len() == 1 {
                found.push(Cow::Borrowed(word));
            }
            continue;
        }
        let length = word.chars().count();
        if length < 3 || STOP_WORDS.contains(&word) {
            continue;
        }
        let word = match word.strip_suffix('s') {
            Some(stem) if length > 3 && !stem.ends_with('s') => stem,
            _ => word,
        };
        found.push(Cow::Borrowed(word));
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// The question's topic words: lower-cased, split on anything that is not
/// a letter or digit, short and stop words dropped, a plural `s` trimmed;
/// runs of CJK characters become overlapping character pairs.
pub fn tokens(question: &str) -> BTreeSet<String> {
    topic_words(&question.to_lowercase())
        .into_iter()
        .map(Cow::into_owned)
        .collect()
}

/// |a ∩ b| / |a ∪ b|; 0 for two empty sets.
pub fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

/// Topic words of one question that grouping looks at, at most (the first
/// in alphabetical order): bounds the work one long question costs.
pub const MAX_TOKENS: usize = 32;

/// Characters of a question read for its topic words, at most.
pub const MAX_QUESTION_CHARS: usize = 200;

/// Groups read per word of a question when looking for its group, half
/// the oldest and half the newest: bounds the work one question costs when
/// a word is in very many groups, and still finds a recent group of a
/// short, common question.
const MAX_POSTINGS_READ: usize = 64;

/// A question's topic words as ids, ascending.
type Words = Vec<u32>;

/// |a ∩ b| / |a ∪ b| of two ascending id lists; 0 for two empty ones.
fn similarity(a: &[u32], b: &[u32]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

/// How many of a set's words, rarest first, any set at least [`SIMILARITY`]
/// like it must share one of (prefix filtering: two sets that similar have
/// a word in common among the first `n - ceil(t·n) + 1` of each, in any one
/// order both use).
fn prefix_len(words: usize) -> usize {
    words + 1 - (SIMILARITY * words as f64).ceil() as usize
}

/// The fewest words two sets of `a` and `b` words must share to be at
/// least [`SIMILARITY`] alike: |a∩b| / (a + b − |a∩b|) ≥ t ⇔ |a∩b| ≥
/// t / (1 + t) · (a + b).
fn overlap_needed(a: usize, b: usize) -> usize {
    // Less a hair, so a whole number is not pushed up by rounding.
    (SIMILARITY / (1.0 + SIMILARITY) * (a + b) as f64 - 1e-9).ceil() as usize
}

struct Group<'a> {
    /// The first (latest) member's words: what newcomers are compared to.
    seed: Words,
    members: Vec<(&'a Downvote, Words)>,
}

impl Group<'_> {
    fn into_gap(self) -> Gap {
        // The representative is the wording asked most often (by its topic
        // words), the latest of those on a tie: linear in the group's size,
        // which matters on a busy site.
        let mut counts: HashMap<&[u32], usize> = HashMap::new();
        for (_, words) in &self.members {
            *counts.entry(words.as_slice()).or_default() += 1;
        }
        let most = counts.values().copied().max().unwrap_or(0);
        // Members are latest first, so the first with the top count is the latest.
        let question = self
            .members
            .iter()
            .find(|(_, words)| counts.get(words.as_slice()).copied() == Some(most))
            .map(|(vote, _)| vote.question.clone())
            .unwrap_or_default();
        let mut conversation_ids: Vec<String> = Vec::new();
        let mut examples: Vec<String> = Vec::new();
        for (vote, _) in &self.members {
            if !conversation_ids.contains(&vote.conversation_id)
                && conversation_ids.len() < MAX_CONVERSATIONS
            {
                conversation_ids.push(vote.conversation_id.clone());
            }
            let wording = vote.question.trim();
            if wording != question.trim()
                && !examples.iter().any(|e| e == wording)
                && examples.len() < MAX_EXAMPLES
            {
                examples.push(wording.to_string());
            }
        }
        Gap {
            question,
            count: self.members.len(),
            latest_at: self.members.first().map_or(0, |(vote, _)| vote.at),
            conversation_ids,
            examples,
        }
    }
}

/// The gaps in `downvotes`, most frequent first (then most recent), at
/// most `limit`. Questions with no topic words are left out.
///
/// Each question, latest first, joins the oldest group whose first
/// question is at least [`SIMILARITY`] like it, or starts a group. The
/// groups that could be that similar are found through an index from words
/// to groups, probed with the question's rarest words only (which is
/// enough: see `prefix_len`), and most are ruled out by counting shared
/// words before any comparison, so distinct questions cost about the same
/// each however many came before, not a comparison with every group.
pub fn knowledge_gaps(downvotes: &[Downvote], limit: usize) -> Vec<Gap> {
    let mut latest_first: Vec<&Downvote> = downvotes.iter().collect();
    latest_first.sort_by_key(|vote| std::cmp::Reverse(vote.at));
    // Words as ids, numbered rarest first across all questions, so each
    // question's ascending ids are its words rarest first.
    // Only the start of a long question is read: that is where its topic is.
    let lowered: Vec<String> = latest_first
        .iter()
        .map(|vote| {
            let end = vote
                .question
                .char_indices()
                .nth(MAX_QUESTION_CHARS)
                .map_or(vote.question.len(), |(at, _)| at);
            vote.question.get(..end).unwrap_or_default().to_lowercase()
        })
        .collect();
    let texts: Vec<Vec<Cow<str>>> = lowered
        .iter()
        .map(|lower| {
            let mut words = topic_words(lower);
            words.truncate(MAX_TOKENS);
            words
        })
        .collect();
    let mut frequency: HashMap<&str, usize> = HashMap::new();
    for word in texts.iter().flatten() {
        *frequency.entry(word.as_ref()).or_default() += 1;
    }
    let mut by_rarity: Vec<(&str, usize)> = frequency.into_iter().collect();
    by_rarity.sort_unstable_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(b.0)));
    let ids: HashMap<&str, u32> = by_rarity
        .iter()
        .zip(0u32..)
        .map(|((word, _), id)| (*word, id))
        .collect();

    let mut groups: Vec<Group> = Vec::new();
    // Word id → the groups whose first question has it, oldest first.
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); by_rarity.len()];
    // Each group's first question's number of words, kept apart so that
    // ruling a candidate out reads no more than this.
    let mut seed_sizes: Vec<usize> = Vec::new();
    let mut candidates: Vec<u32> = Vec::new();
    for (vote, text) in latest_first.into_iter().zip(&texts) {
        let mut words: Words = text
            .iter()
            .filter_map(|word| ids.get(word.as_ref()).copied())
            .collect();
        if words.is_empty() {
            continue;
        }
        words.sort_unstable();
        let prefix = words.get(..prefix_len(words.len())).unwrap_or(&words);
        candidates.clear();
        for word in prefix {
            if let Some(list) = postings.get(*word as usize) {
                if list.len() <= MAX_POSTINGS_READ {
                    candidates.extend(list);
                } else {
                    let half = MAX_POSTINGS_READ / 2;
                    candidates.extend(list.iter().take(half));
                    candidates.extend(list.iter().rev().take(half));
                }
            }
        }
        candidates.sort_unstable();
        // Each candidate with how many of this question's rarest words its
        // first question has: the words after those can add at most their
        // number, so a candidate that cannot reach the overlap the
        // threshold needs is ruled out without comparing.
        let rest = words.len() - prefix.len();
        let joined = candidates
            .chunk_by(|a, b| a == b)
            .filter_map(|run| Some((*run.first()?, run.len())))
            .find(|&(group, shared)| {
                let size = seed_sizes.get(group as usize).copied().unwrap_or(0);
                shared + rest >= overlap_needed(words.len(), size)
                    && groups
                        .get(group as usize)
                        .is_some_and(|group| similarity(&group.seed, &words) >= SIMILARITY)
            })
            .map(|(group, _)| group);
        match joined.and_then(|group| groups.get_mut(group as usize)) {
            Some(group) => group.members.push((vote, words)),
            None => {
                let id = groups.len() as u32;
                for word in &words {
                    if let Some(list) = postings.get_mut(*word as usize) {
                        list.push(id);
                    }
                }
                seed_sizes.push(words.len());
                groups.push(Group {
                    seed: words.clone(),
                    members: vec![(vote, words)],
                });
            }
        }
    }
    let mut gaps: Vec<Gap> = groups
        .into_iter()
        .filter(|group| group.members.len() >= MIN_COUNT)
        .map(Group::into_gap)
        .collect();
    gaps.sort_by(|a, b| b.count.cmp(&a.count).then(b.latest_at.cmp(&a.latest_at)));
    gaps.truncate(limit);
    gaps
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing, clippy::panic)]

    use super::*;

    fn vote(conversation: &str, question: &str, at: i64) -> Downvote {
        Downvote {
            conversation_id: conversation.to_string(),
            question: question.to_string(),
            at,
        }
    }

    #[test]
    fn tokens_keep_topic_words_only() {
        let words = tokens("How long does DELIVERY take to Germany?!");
        assert_eq!(
            words.into_iter().collect::<Vec<_>>(),
            ["delivery", "germany", "long", "take"]
        );
        assert!(tokens("Are the shoes waterproof?").contains("shoe"));
        assert!(
            tokens("Is it a glass?").contains("glass"),
            "ss is no plural"
        );
        assert!(tokens("?? ok").is_empty());
        let japanese = tokens("配送料はいくら");
        assert!(
            japanese.contains("配送") && japanese.contains("送料"),
            "{japanese:?}"
        );
    }

    #[test]
    fn jaccard_is_shared_over_all() {
        let a = tokens("delivery time germany");
        let b = tokens("delivery time austria");
        assert!((jaccard(&a, &b) - 0.5).abs() < 1e-9);
        assert_eq!(jaccard(&BTreeSet::new(), &BTreeSet::new()), 0.0);
    }

    #[test]
    fn similar_questions_group_and_rank_by_count_then_recency() {
        let downvotes = vec![
            vote("c1", "How long does delivery take to Germany?", 1_000),
            vote("c2", "delivery to germany how long", 2_000),
            vote("c3", "How long is delivery to Germany?", 3_000),
            vote("c4", "Do the Trail Runner shoes run small?", 4_000),
            vote("c5", "Do trail runner shoes run small or large?", 5_000),
            vote("c6", "Can I pay with PayPal?", 6_000),
            vote("c2", "Delivery to Germany, how long?", 7_000),
        ];
        let gaps = knowledge_gaps(&downvotes, 10);
        assert_eq!(gaps.len(), 2, "{gaps:#?}");
        let delivery = &gaps[0];
        assert_eq!(delivery.count, 4);
        assert_eq!(delivery.latest_at, 7_000);
        assert_eq!(delivery.conversation_ids, ["c2", "c3", "c1"]);
        assert!(delivery.question.to_lowercase().contains("delivery"));
        assert!(delivery.examples.len() <= MAX_EXAMPLES);
        assert!(!delivery.examples.contains(&delivery.question));
        let sizing = &gaps[1];
        assert_eq!(sizing.count, 2);
        assert_eq!(sizing.conversation_ids, ["c5", "c4"]);
        // A one-off is not a gap.
        assert!(gaps.iter().all(|gap| !gap.question.contains("PayPal")));
    }

    /// Grouping as first written: every question compared with every
    /// group's first question, in order (quadratic, but plainly right).
    fn groups_by_scanning(downvotes: &[Downvote]) -> Vec<Vec<String>> {
        let mut latest_first: Vec<&Downvote> = downvotes.iter().collect();
        latest_first.sort_by_key(|vote| std::cmp::Reverse(vote.at));
        let mut groups: Vec<(BTreeSet<String>, Vec<String>)> = Vec::new();
        for vote in latest_first {
            let words = tokens(&vote.question);
            if words.is_empty() {
                continue;
            }
            match groups
                .iter_mut()
                .find(|(seed, _)| jaccard(seed, &words) >= SIMILARITY)
            {
                Some((_, members)) => members.push(vote.conversation_id.clone()),
                None => groups.push((words, vec![vote.conversation_id.clone()])),
            }
        }
        groups.into_iter().map(|(_, members)| members).collect()
    }

    #[test]
    fn the_index_groups_exactly_as_comparing_with_every_group_does() {
        // Questions around 40 topics of 4 words each, with words left out
        // and others added, so many pairs sit near the threshold.
        let vocabulary: Vec<String> = (0..300).map(|i| format!("word{i:03}x")).collect();
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |below: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % below as u64) as usize
        };
        for round in 0..20 {
            let topics: Vec<Vec<usize>> = (0..40)
                .map(|_| (0..4).map(|_| next(vocabulary.len())).collect())
                .collect();
            let downvotes: Vec<Downvote> = (0..400)
                .map(|i| {
                    let topic = &topics[next(topics.len())];
                    let mut words: Vec<&str> = topic
                        .iter()
                        .filter(|_| next(5) > 0)
                        .map(|&w| vocabulary[w].as_str())
                        .collect();
                    for _ in 0..next(3) {
                        words.push(&vocabulary[next(vocabulary.len())]);
                    }
                    vote(
                        &format!("r{round}c{i}"),
                        &words.join(" "),
                        next(1_000_000) as i64,
                    )
                })
                .collect();
            let expected: Vec<Vec<String>> = groups_by_scanning(&downvotes)
                .into_iter()
                .filter(|members| members.len() >= MIN_COUNT)
                .collect();
            let gaps = knowledge_gaps(&downvotes, usize::MAX);
            assert!(!gaps.is_empty(), "round {round}: some questions group");
            assert_eq!(gaps.len(), expected.len(), "round {round}");
            for gap in &gaps {
                let members = expected
                    .iter()
                    .find(|members| members.first() == gap.conversation_ids.first())
                    .unwrap_or_else(|| panic!("round {round}: no group starts like {gap:?}"));
                assert_eq!(gap.count, members.len(), "round {round}");
            }
        }
    }

    #[test]
    fn a_short_common_question_still_finds_its_group_behind_many_others() {
        // 100 groups hold "refund" before the bare question first comes up.
        let mut downvotes: Vec<Downvote> = (0..100)
            .map(|i| {
                vote(
                    &format!("o{i}"),
                    &format!("refund topic{i:03}x extra{i:03}y"),
                    10_000 - i,
                )
            })
            .collect();
        downvotes.push(vote("late1", "refund?", 100));
        downvotes.push(vote("late2", "Refund!", 50));
        let gaps = knowledge_gaps(&downvotes, 10);
        assert!(
            gaps.iter()
                .any(|gap| gap.count == 2 && gap.conversation_ids == ["late1", "late2"]),
            "{gaps:#?}"
        );
    }

    #[test]
    fn the_wording_asked_most_represents_the_gap() {
        let downvotes = vec![
            vote("a", "Can I pay by invoice?", 10),
            vote("b", "invoice payment: can I pay that way?", 20),
            vote("c", "Can I pay by invoice", 30),
            vote("d", "Pay by invoice, can I?", 40),
        ];
        let gaps = knowledge_gaps(&downvotes, 10);
        assert_eq!(gaps.len(), 1, "{gaps:#?}");
        // a, c and d share their topic words; d is the latest of them.
        assert_eq!(gaps[0].question, "Pay by invoice, can I?");
        assert_eq!(gaps[0].count, 4);
    }

    #[test]
    fn equal_counts_rank_the_more_recent_first_and_the_limit_holds() {
        let downvotes = vec![
            vote("a", "return policy for sale items", 10),
            vote("b", "sale items return policy", 20),
            vote("c", "gift card balance check", 30),
            vote("d", "check gift card balance", 40),
        ];
        let gaps = knowledge_gaps(&downvotes, 10);
        assert_eq!(gaps.len(), 2);
        assert!(gaps[0].question.contains("gift card"));
        assert_eq!(knowledge_gaps(&downvotes, 1).len(), 1);
        assert!(knowledge_gaps(&[], 5).is_empty());
    }
}
