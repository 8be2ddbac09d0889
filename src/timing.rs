//! Wall time (and, on Linux, processor time) per build stage, for the bench
//! and `--timings`: read from the clock, never written into the site, so
//! output stays deterministic. Processor time tells a cut from the noise of
//! a shared machine, where wall time alone cannot.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Told the name of each stage as it ends (the terminal's progress line).
type Observer = Box<dyn Fn(&'static str) + Send + Sync>;
static OBSERVER: OnceLock<Observer> = OnceLock::new();

/// Sets, once per process, what is told of each stage ended (for a
/// progress display); later calls are ignored.
pub fn observe(f: impl Fn(&'static str) + Send + Sync + 'static) {
    let _ = OBSERVER.set(Box::new(f));
}

/// One stage's times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    /// What the stage does.
    pub name: &'static str,
    /// Elapsed wall time.
    pub wall: Duration,
    /// Processor time (user and system, all threads), where the system
    /// tells it.
    pub cpu: Option<Duration>,
    /// The most memory the process had held by the end of the stage, in
    /// MiB (Linux: `VmHWM`): the stage where it jumps is where it peaked.
    pub peak_mib: Option<u64>,
}

/// The times of a build's stages, in the order they ran.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timings(pub Box<[Stage]>);

impl std::fmt::Display for Timings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{} {:.0} ms", s.name, s.wall.as_secs_f64() * 1000.0)?;
            match (s.cpu, s.peak_mib) {
                (Some(c), Some(m)) => {
                    write!(f, " (cpu {:.0}, peak {m} MiB)", c.as_secs_f64() * 1000.0)?
                }
                (Some(c), None) => write!(f, " (cpu {:.0})", c.as_secs_f64() * 1000.0)?,
                (None, Some(m)) => write!(f, " (peak {m} MiB)")?,
                (None, None) => {}
            }
        }
        Ok(())
    }
}

/// A stopwatch that times consecutive stages.
#[derive(Debug, Clone)]
pub struct Stages {
    list: Vec<Stage>,
    last: Instant,
    last_cpu: Option<Duration>,
}

impl Stages {
    /// Starts timing now.
    pub fn start() -> Self {
        Stages {
            list: Vec::new(),
            last: Instant::now(),
            last_cpu: process_cpu(),
        }
    }

    /// Ends the stage `name`: the time since the previous lap (or the start).
    pub fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        let cpu = process_cpu();
        self.list.push(Stage {
            name,
            wall: now - self.last,
            cpu: cpu.zip(self.last_cpu).map(|(c, l)| c.saturating_sub(l)),
            peak_mib: peak_mib(),
        });
        self.last = now;
        self.last_cpu = cpu;
        if let Some(f) = OBSERVER.get() {
            f(name);
        }
    }

    /// Adds stages timed elsewhere (the render stage's own parts), and
    /// restarts the clock so the next lap does not count them twice.
    pub fn extend(&mut self, other: &Timings) {
        self.list.extend(other.0.iter().cloned());
        self.last = Instant::now();
        self.last_cpu = process_cpu();
    }

    /// The stages timed so far.
    pub fn finish(self) -> Timings {
        Timings(self.list.into_boxed_slice())
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

/// The most resident memory this process has held, in MiB (Linux:
/// `VmHWM` in `/proc/self/status`); `None` elsewhere.
pub fn peak_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
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
        let t = s.finish();
        assert_eq!(t.0.len(), 2);
        assert!(t.0[0].wall >= Duration::from_millis(2));
        if cfg!(target_os = "linux") {
            assert!(t.0.iter().all(|s| s.cpu.is_some()));
            let peaks: Vec<u64> = t.0.iter().filter_map(|s| s.peak_mib).collect();
            assert_eq!(peaks.len(), 2);
            assert!(peaks[0] > 0 && peaks[0] <= peaks[1], "{peaks:?}");
            assert!(t.to_string().contains(" MiB)"));
        }
        let text = t.to_string();
        assert!(text.starts_with("load "), "{text}");
        assert!(text.contains(", render "), "{text}");
    }
}
