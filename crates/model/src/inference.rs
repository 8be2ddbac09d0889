//! What an importer inferred from a document rather than read from it: a
//! date order, a row taken as a heading, a lead taken from a heading. Each
//! is written into the content as a `review:` item; `check` lists it and
//! pages label what rests on it until a person has checked it against the
//! document and deleted the item.

use serde::Serialize;

/// The kinds of inference an import makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InferenceKind {
    /// The order of day and month in all-number dates, decided for the
    /// whole file from the dates that settle it (or assumed when none does).
    DateOrder,
    /// A row taken as the heading of a block (no owner and no time, or a
    /// number that others extend), not as a task.
    Heading,
    /// A lead agency taken from the heading the item stands under.
    LeadFromHeading,
    /// A lead agency taken from the item's opening words (`X chủ trì`).
    LeadFromText,
    /// Cooperating agencies taken from the item's words (`phối hợp với X`).
    CooperateFromText,
    /// A deadline phrase found inside the item's sentence.
    DeadlineInText,
    /// A number made from the item's position (none was printed).
    NumberByPosition,
    /// A section of the document read as narrative, not as tasks.
    Narrative,
    /// A field of the plan's front matter read from the document's header
    /// or signature block.
    FrontMatter,
}

impl InferenceKind {
    /// Every kind, in the order of [`InferenceKind::key`].
    pub const ALL: [InferenceKind; 9] = [
        InferenceKind::DateOrder,
        InferenceKind::Heading,
        InferenceKind::LeadFromHeading,
        InferenceKind::LeadFromText,
        InferenceKind::CooperateFromText,
        InferenceKind::DeadlineInText,
        InferenceKind::NumberByPosition,
        InferenceKind::Narrative,
        InferenceKind::FrontMatter,
    ];

    /// The key written in `review:` items (`what: date_order`), also the
    /// key of its label in the i18n files (`inference.<key>`).
    pub fn key(self) -> &'static str {
        match self {
            InferenceKind::DateOrder => "date_order",
            InferenceKind::Heading => "heading",
            InferenceKind::LeadFromHeading => "lead_from_heading",
            InferenceKind::LeadFromText => "lead_from_text",
            InferenceKind::CooperateFromText => "cooperate_from_text",
            InferenceKind::DeadlineInText => "deadline_in_text",
            InferenceKind::NumberByPosition => "number_by_position",
            InferenceKind::Narrative => "narrative",
            InferenceKind::FrontMatter => "front_matter",
        }
    }

    /// The kind written as `key`.
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The keys, for messages.
    pub fn names() -> String {
        Self::ALL.map(Self::key).join(", ")
    }
}

/// One inference still to review: its kind and the importer's note (for
/// the office, in the language of the program's messages).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Inference {
    /// What was inferred.
    pub kind: InferenceKind,
    /// Why, and what to check.
    pub note: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back() {
        for k in InferenceKind::ALL {
            assert_eq!(InferenceKind::parse(k.key()), Some(k));
        }
        assert_eq!(InferenceKind::parse("guess"), None);
    }
}
