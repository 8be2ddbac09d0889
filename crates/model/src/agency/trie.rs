//! The registry's names as a tree of letters, so reading a cell costs the
//! length of the names it holds, not the size of the registry: a national
//! registry has thousands of names, and every word of every cell of 170,000
//! tasks was compared with each of them.

/// Folded names and aliases (lower case, one space between words), each
/// with its agency's index.
#[derive(Debug, Clone)]
pub struct NameTrie {
    /// The root first, always there (an empty registry has only it).
    nodes: Vec<Node>,
}

impl Default for NameTrie {
    fn default() -> Self {
        NameTrie::new(std::iter::empty())
    }
}

#[derive(Debug, Clone, Default)]
struct Node {
    /// The next letters, sorted.
    next: Vec<(char, u32)>,
    /// The agency whose name ends here.
    ends: Option<usize>,
}

impl NameTrie {
    /// The tree of `names` (folded, distinct).
    pub fn new<'a>(names: impl IntoIterator<Item = (&'a [char], usize)>) -> Self {
        let mut t = NameTrie {
            nodes: vec![Node::default()],
        };
        for (name, idx) in names {
            let mut at = 0usize;
            for &c in name {
                at = match t.nodes[at].next.binary_search_by(|(k, _)| k.cmp(&c)) {
                    Ok(p) => t.nodes[at].next[p].1 as usize,
                    Err(p) => {
                        let id = t.nodes.len();
                        t.nodes.push(Node::default());
                        t.nodes[at].next.insert(p, (c, id as u32));
                        id
                    }
                };
            }
            t.nodes[at].ends.get_or_insert(idx);
        }
        t
    }

    fn child(&self, at: usize, c: char) -> Option<usize> {
        let next = &self.nodes[at].next;
        next.binary_search_by(|(k, _)| k.cmp(&c))
            .ok()
            .map(|p| next[p].1 as usize)
    }

    /// The longest name that `low` (a folded cell) holds at `i`, ending at
    /// a word boundary: how many letters of the cell it takes (a space in a
    /// name takes every space there) and its agency.
    pub fn longest_at(&self, low: &[char], i: usize) -> Option<(usize, usize)> {
        let mut at = 0usize;
        let mut j = i;
        let mut best = None;
        loop {
            if let Some(idx) = self.nodes[at].ends {
                if at != 0 && (j == low.len() || !low[j].is_alphanumeric()) {
                    best = Some((j - i, idx));
                }
            }
            let Some(&c) = low.get(j) else { break };
            let Some(next) = self.child(at, c) else { break };
            at = next;
            j += 1;
            if c == ' ' {
                while low.get(j) == Some(&' ') {
                    j += 1;
                }
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_registry_finds_nothing() {
        let low: Vec<char> = "sở tài chính".chars().collect();
        assert_eq!(NameTrie::default().longest_at(&low, 0), None);
        assert_eq!(NameTrie::new(std::iter::empty()).longest_at(&low, 3), None);
    }

    #[test]
    fn the_longest_name_ending_at_a_word_wins() {
        let names: Vec<Vec<char>> = ["sở", "sở tài chính", "sở tài"]
            .iter()
            .map(|n| n.chars().collect())
            .collect();
        let t = NameTrie::new(names.iter().enumerate().map(|(i, n)| (n.as_slice(), i)));
        let low: Vec<char> = "sở tài  chính, sở tàix".chars().collect();
        assert_eq!(t.longest_at(&low, 0), Some((13, 1)));
        // `sở tàix`: `sở tài` does not end at a word; `sở` does.
        assert_eq!(t.longest_at(&low, 15), Some((2, 0)));
    }
}
