//! Wall time (and, on Linux, processor time) per build stage, for the bench
//! and `--timings`: read from the clock, never written into the site, so
//! output stays deterministic. Processor time tells a cut from the noise of
//! a shared machine, where wall time alone cannot.

use std::time::{Duration, Instant};

/// Elapsed wall time of each stage, in the order the stages ran.
#[derive(Debug, Clone)]
pub struct Stages {
    /// Stage name and its duration.
    pub list: Vec<(&'static str, Duration)>,
    /// Processor time (user and system, all threads) of each stage, where
    /// the system tells it.
    pub cpu: Vec<Option<Duration>>,
    last: Instant,
    last_cpu: Option<Duration>,
}

impl Default for Stages {
    fn default() -> Self {
        Stages {
            list: Vec::new(),
            cpu: Vec::new(),
            last: Instant::now(),
            last_cpu: process_cpu(),
        }
    }
}

/// Processor time this process has used so far (Linux: `/proc/self/stat`,
/// in clock ticks of 10 ms); `None` elsewhere.
fn process_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces), from field 3.
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

impl Stages {
    /// Starts timing now.
    pub fn start() -> Self {
        Stages::default()
    }

    /// Ends the stage `name`: the time since the previous lap (or the start).
    pub fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        let cpu = process_cpu();
        self.list.push((name, now - self.last));
        self.cpu
            .push(cpu.zip(self.last_cpu).map(|(c, l)| c.saturating_sub(l)));
        self.last = now;
        self.last_cpu = cpu;
    }

    /// Adds stages timed elsewhere (the render stage's own parts), and
    /// restarts the clock so the next lap does not count them twice.
    pub fn extend(&mut self, other: &Stages) {
        self.list.extend(other.list.iter().cloned());
        self.cpu.extend(other.cpu.iter().cloned());
        self.last = Instant::now();
        self.last_cpu = process_cpu();
    }
}

impl std::fmt::Display for Stages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, (name, d)) in self.list.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{name} {:.0} ms", d.as_secs_f64() * 1000.0)?;
            if let Some(Some(c)) = self.cpu.get(i) {
                write!(f, " (cpu {:.0})", c.as_secs_f64() * 1000.0)?;
            }
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
        assert_eq!(s.cpu.len(), 2);
        if cfg!(target_os = "linux") {
            assert!(s.cpu.iter().all(Option::is_some));
        }
        assert!(s.list[0].1 >= Duration::from_millis(2));
        let text = s.to_string();
        assert!(text.starts_with("load "), "{text}");
        assert!(text.contains(", render "), "{text}");
    }
}
