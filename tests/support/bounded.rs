//! Runs the built program in a child process held to a memory limit and a
//! deadline, and reports how it ended, how long it took and the most
//! memory it held: the hostile-input tests assert a clean refusal within
//! those bounds, never an abort or a hang.
#![allow(dead_code)]

use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Address space given to the child (2 GiB): an allocation past it fails,
/// which aborts the program, so a test asserting a clean exit code also
/// asserts the memory bound.
pub const MEMORY: u64 = 2 * 1024 * 1024 * 1024;

/// How a bounded run ended.
#[derive(Debug)]
pub struct Outcome {
    /// The exit code; `None` when killed by a signal or the deadline.
    pub code: Option<i32>,
    /// Everything written to stderr.
    pub stderr: String,
    /// Everything written to stdout.
    pub stdout: String,
    /// Wall time.
    pub elapsed: Duration,
    /// Peak resident memory, in MiB.
    pub peak_mib: u64,
}

impl Outcome {
    /// Asserts a refusal with exit code 1 within `seconds`, and returns
    /// stderr.
    pub fn refused_within(&self, seconds: u64) -> &str {
        assert_eq!(self.code, Some(1), "{self:#?}");
        assert!(
            self.elapsed < Duration::from_secs(seconds),
            "took {:?}: {self:#?}",
            self.elapsed
        );
        &self.stderr
    }
}

/// Runs `minhbach args…` in `dir` under [`MEMORY`] and a `deadline`.
pub fn run(dir: &Path, args: &[&str], deadline: Duration) -> Outcome {
    run_with(dir, args, deadline, None)
}

/// As [`run`], with a file-size limit (`ulimit -f`) in bytes as well.
// The child is reaped with `wait4` (for its peak memory), not `wait`.
#[allow(clippy::zombie_processes)]
pub fn run_with(dir: &Path, args: &[&str], deadline: Duration, fsize: Option<u64>) -> Outcome {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_minhbach"));
    cmd.args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: setrlimit is async-signal-safe and touches only the child.
    unsafe {
        cmd.pre_exec(move || {
            let set = |what, n: u64| {
                let lim = libc::rlimit {
                    rlim_cur: n as libc::rlim_t,
                    rlim_max: n as libc::rlim_t,
                };
                if libc::setrlimit(what, &lim) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            };
            set(libc::RLIMIT_AS, MEMORY)?;
            if let Some(f) = fsize {
                set(libc::RLIMIT_FSIZE, f)?;
            }
            Ok(())
        });
    }
    let start = Instant::now();
    let mut child = cmd.spawn().expect("the program starts");
    let pid = child.id() as libc::pid_t;
    // Drain the pipes on threads, so a chatty child never blocks.
    let mut out = child.stdout.take().expect("stdout is piped");
    let mut err = child.stderr.take().expect("stderr is piped");
    let out_t = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut out, &mut s);
        s
    });
    let err_t = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut err, &mut s);
        s
    });
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let mut killed = false;
    loop {
        // SAFETY: waits for our own child only; the pointers are valid.
        let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if r == pid {
            break;
        }
        if start.elapsed() > deadline && !killed {
            // SAFETY: signals our own child.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            killed = true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let elapsed = start.elapsed();
    let code = (libc::WIFEXITED(status) && !killed).then(|| libc::WEXITSTATUS(status));
    Outcome {
        code,
        stderr: err_t.join().unwrap_or_default(),
        stdout: out_t.join().unwrap_or_default(),
        elapsed,
        peak_mib: usage.ru_maxrss as u64 / 1024,
    }
}
