//! Knowledge gaps: shopper questions whose answers were thumbed down again
//! and again. Questions are grouped by the words they share (Jaccard
//! similarity of normalised tokens), and the groups ranked by how often
//! and how recently they came up.

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

/// The question's topic words: lower-cased, split on anything that is not
/// a letter or digit, short and stop words dropped, a plural `s` trimmed;
/// runs of CJK characters become overlapping character pairs.
pub fn tokens(question: &str) -> BTreeSet<String> {
    let lower = question.to_lowercase();
    let mut found = BTreeSet::new();
    for word in lower.split(|c: char| !c.is_alphanumeric()) {
        let chars: Vec<char> = word.chars().collect();
        if chars.iter().any(|&c| unspaced(c)) {
            for pair in chars.windows(2) {
                found.insert(pair.iter().collect());
            }
            if chars.len() == 1 {
                found.insert(word.to_string());
            }
            continue;
        }
        if chars.len() < 3 || STOP_WORDS.contains(&word) {
            continue;
        }
        let word = match word.strip_suffix('s') {
            Some(stem) if chars.len() > 3 && !stem.ends_with('s') => stem,
            _ => word,
        };
        found.insert(word.to_string());
    }
    found
}

/// |a ∩ b| / |a ∪ b|; 0 for two empty sets.
pub fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

struct Group<'a> {
    /// The first (latest) member's tokens: what newcomers are compared to.
    seed: BTreeSet<String>,
    members: Vec<(&'a Downvote, BTreeSet<String>)>,
}

impl Group<'_> {
    fn into_gap(self) -> Gap {
        // The representative is the wording asked most often (by its topic
        // words), the latest of those on a tie: linear in the group's size,
        // which matters on a busy site.
        let mut counts: HashMap<&BTreeSet<String>, usize> = HashMap::new();
        for (_, tokens) in &self.members {
            *counts.entry(tokens).or_default() += 1;
        }
        let most = counts.values().copied().max().unwrap_or(0);
        // Members are latest first, so the first with the top count is the latest.
        let question = self
            .members
            .iter()
            .find(|(_, tokens)| counts.get(tokens).copied() == Some(most))
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
pub fn knowledge_gaps(downvotes: &[Downvote], limit: usize) -> Vec<Gap> {
    let mut latest_first: Vec<&Downvote> = downvotes.iter().collect();
    latest_first.sort_by_key(|vote| std::cmp::Reverse(vote.at));
    let mut groups: Vec<Group> = Vec::new();
    for vote in latest_first {
        let words = tokens(&vote.question);
        if words.is_empty() {
            continue;
        }
        match groups
            .iter_mut()
            .find(|group| jaccard(&group.seed, &words) >= SIMILARITY)
        {
            Some(group) => group.members.push((vote, words)),
            None => groups.push(Group {
                seed: words.clone(),
                members: vec![(vote, words)],
            }),
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
