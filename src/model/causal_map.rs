//! Causal map (kausaalikartta): nodes, directed links with polarity, and what the core
//! derives from them: root causes and feedback loops.

use super::Pos;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct CausalMapBoard {
    /// The node id of the central problem.
    pub central_problem: Option<String>,
    pub nodes: Vec<CausalNode>,
    pub links: Vec<CausalLink>,
    /// Computed: causes with no cause of their own, upstream of the central problem.
    pub root_causes: Vec<String>,
    /// Computed: every feedback loop, each once.
    pub loops: Vec<CausalLoop>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum NodeRole {
    Problem,
    #[default]
    Cause,
    Effect,
    /// A card of a "5× miksi" chain.
    Why,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct CausalNode {
    pub id: String,
    pub text: String,
    pub role: NodeRole,
    pub pos: Pos,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Polarity {
    /// + : the cause strengthens the effect.
    #[default]
    Strengthens,
    /// − : the cause weakens the effect.
    Weakens,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct CausalLink {
    pub id: String,
    pub from: String,
    pub to: String,
    pub polarity: Polarity,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LoopKind {
    /// An even number of − links.
    Reinforcing,
    /// An odd number of − links.
    Balancing,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CausalLoop {
    /// Node ids in link order, starting from the smallest id.
    pub nodes: Vec<String>,
    pub kind: LoopKind,
}

board_item!(CausalNode, CausalMap, "nodes");
board_item!(CausalLink, CausalMap, "links");

impl CausalMapBoard {
    pub(super) fn derive(&mut self) {
        let graph = Graph::new(self);
        let root_causes = graph.root_causes(self.central_problem.as_deref());
        let loops = graph.loops();
        self.root_causes = root_causes;
        self.loops = loops;
    }
}

/// Links between existing nodes, by source, in a stable order.
struct Graph<'a> {
    nodes: Vec<&'a str>,
    out: BTreeMap<&'a str, Vec<(&'a str, Polarity)>>,
    has_cause: BTreeSet<&'a str>,
}

impl<'a> Graph<'a> {
    fn new(map: &'a CausalMapBoard) -> Self {
        let mut nodes: Vec<&str> = map.nodes.iter().map(|n| n.id.as_str()).collect();
        nodes.sort();
        let known: BTreeSet<&str> = nodes.iter().copied().collect();
        let mut out: BTreeMap<&str, Vec<(&str, Polarity)>> = BTreeMap::new();
        let mut has_cause = BTreeSet::new();
        for link in &map.links {
            let (from, to) = (link.from.as_str(), link.to.as_str());
            if known.contains(from) && known.contains(to) && from != to {
                out.entry(from).or_default().push((to, link.polarity));
                has_cause.insert(to);
            }
        }
        for targets in out.values_mut() {
            targets.sort();
            targets.dedup_by(|a, b| a.0 == b.0);
        }
        Graph { nodes, out, has_cause }
    }

    /// Nodes with no incoming link from which the problem can be reached; without a
    /// central problem, every node with no cause and at least one effect.
    fn root_causes(&self, problem: Option<&str>) -> Vec<String> {
        self.nodes
            .iter()
            .filter(|n| !self.has_cause.contains(*n) && Some(**n) != problem)
            .filter(|n| match problem {
                Some(p) => self.reaches(n, p),
                None => self.out.contains_key(*n),
            })
            .map(|n| n.to_string())
            .collect()
    }

    fn reaches(&self, from: &str, to: &str) -> bool {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from];
        while let Some(node) = stack.pop() {
            if node == to {
                return true;
            }
            if seen.insert(node) {
                stack.extend(self.out.get(node).into_iter().flatten().map(|(t, _)| *t));
            }
        }
        false
    }

    /// Elementary cycles, each found once from its smallest node (a bounded Johnson-style
    /// search: a loop is only followed through nodes larger than its start).
    fn loops(&self) -> Vec<CausalLoop> {
        const LIMIT: usize = 1000;
        let mut found = Vec::new();
        for start in &self.nodes {
            let mut path = vec![(*start, Polarity::Strengthens)];
            self.extend_loops(start, &mut path, &mut found, LIMIT);
        }
        found
    }

    fn extend_loops(
        &self,
        start: &'a str,
        path: &mut Vec<(&'a str, Polarity)>,
        found: &mut Vec<CausalLoop>,
        limit: usize,
    ) {
        let Some(&(last, _)) = path.last() else { return };
        for &(next, polarity) in self.out.get(last).into_iter().flatten() {
            if found.len() >= limit {
                return;
            }
            if next == start {
                let mut polarities: Vec<Polarity> = path[1..].iter().map(|(_, p)| *p).collect();
                polarities.push(polarity);
                found.push(loop_of(path, &polarities));
            } else if next > start && !path.iter().any(|(n, _)| *n == next) {
                path.push((next, polarity));
                self.extend_loops(start, path, found, limit);
                path.pop();
            }
        }
    }
}

fn loop_of(path: &[(&str, Polarity)], polarities: &[Polarity]) -> CausalLoop {
    let weakening = polarities.iter().filter(|p| **p == Polarity::Weakens).count();
    CausalLoop {
        nodes: path.iter().map(|(n, _)| n.to_string()).collect(),
        kind: if weakening % 2 == 0 { LoopKind::Reinforcing } else { LoopKind::Balancing },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(links: &[(&str, &str, Polarity)], problem: Option<&str>) -> CausalMapBoard {
        let mut ids: Vec<&str> = links.iter().flat_map(|(a, b, _)| [*a, *b]).collect();
        ids.sort();
        ids.dedup();
        let mut board = CausalMapBoard {
            central_problem: problem.map(str::to_string),
            nodes: ids.iter().map(|id| CausalNode { id: id.to_string(), ..Default::default() }).collect(),
            links: links
                .iter()
                .map(|(a, b, p)| CausalLink { from: a.to_string(), to: b.to_string(), polarity: *p, ..Default::default() })
                .collect(),
            ..Default::default()
        };
        board.derive();
        board
    }

    #[test]
    fn root_causes_are_uncaused_nodes_upstream_of_the_problem() {
        use Polarity::Strengthens as P;
        let board = map(&[("a", "b", P), ("b", "p", P), ("c", "p", P), ("x", "y", P)], Some("p"));
        assert_eq!(board.root_causes, vec!["a", "c"], "x does not lead to the problem, b has a cause");
    }

    #[test]
    fn loop_with_one_weakening_link_is_balancing() {
        use Polarity::{Strengthens as P, Weakens as M};
        let board = map(&[("a", "b", P), ("b", "c", M), ("c", "a", P)], None);
        assert_eq!(board.loops.len(), 1, "one cycle a→b→c→a");
        assert_eq!(board.loops[0].kind, LoopKind::Balancing, "odd count of − links balances");
        assert_eq!(board.loops[0].nodes, vec!["a", "b", "c"]);
    }

    #[test]
    fn loop_with_two_weakening_links_is_reinforcing() {
        use Polarity::Weakens as M;
        let board = map(&[("a", "b", M), ("b", "a", M)], None);
        assert_eq!(board.loops[0].kind, LoopKind::Reinforcing, "even count of − links reinforces");
    }
}
