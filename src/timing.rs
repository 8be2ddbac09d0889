//! Wall time per build stage, for the bench and `--timings`: read from the
//! clock, never written into the site, so output stays deterministic.

use std::time::{Duration, Instant};

/// Elapsed wall time of each stage, in the order the stages ran.
#[derive(Debug, Clone)]
pub struct Stages {
    /// Stage name and its duration.
    pub list: Vec<(&'static str, Duration)>,
    last: Instant,
}

impl Default for Stages {
    fn default() -> Self {
        Stages {
            list: Vec::new(),
            last: Instant::now(),
        }
    }
}

impl Stages {
    /// Starts timing now.
    pub fn start() -> Self {
        Stages::default()
    }

    /// Ends the stage `name`: the time since the previous lap (or the start).
    pub fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        self.list.push((name, now - self.last));
        self.last = now;
    }

    /// Adds stages timed elsewhere (the render stage's own parts), and
    /// restarts the clock so the next lap does not count them twice.
    pub fn extend(&mut self, other: &Stages) {
        self.list.extend(other.list.iter().cloned());
        self.last = Instant::now();
    }
}

impl std::fmt::Display for Stages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, (name, d)) in self.list.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{name} {:.0} ms", d.as_secs_f64() * 1000.0)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn laps_follow_each_other_and_print_in_order() {
        let mut s = Stages::start();
        std::thread::sleep(Duration::from_millis(2));
        s.lap("load");
        s.lap("render");
        assert_eq!(s.list.len(), 2);
        assert!(s.list[0].1 >= Duration::from_millis(2));
        let text = s.to_string();
        assert!(text.starts_with("load "), "{text}");
        assert!(text.contains(", render "), "{text}");
    }
}
