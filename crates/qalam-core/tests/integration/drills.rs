//! The kill drill under `cargo test`: the drill's writer (`examples/save_drill.rs`, included
//! here as a module) runs in a child process — this test binary started again on the ignored
//! [`save_drill_child`] test — and is killed with SIGKILL at a random moment while it saves,
//! autosaves, exports and writes the corpus file; then every file must be exactly the old or
//! the new version, the recovery file must restore one of them, and the next save must leave
//! no temporary file. `drills/kill.sh` runs the same drill for a thousand trials and more.

#[path = "../../examples/save_drill.rs"]
#[allow(dead_code)]
mod save_drill;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Environment variable naming the drill folder of the child process.
const DRILL_DIR_ENV: &str = "QALAM_DRILL_DIR";

#[test]
#[ignore = "the child of kill_drill_leaves_old_or_new_files_and_no_temporary_files"]
fn save_drill_child() {
    if let Some(dir) = std::env::var_os(DRILL_DIR_ENV) {
        let _ = save_drill::run(Path::new(&dir), None);
    }
}

/// A small xorshift generator for the delays, seeded from the clock (the seed is printed so a
/// failing run can be told apart).
struct Delays(u64);

impl Delays {
    fn next_millis(&mut self, max: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % max
    }
}

#[test]
fn kill_drill_leaves_old_or_new_files_and_no_temporary_files() {
    let trials: usize = std::env::var("QALAM_DRILL_TRIALS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20);
    let dir = tempfile::tempdir().expect("temp dir");
    save_drill::init(dir.path()).expect("init");
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(1, |time| time.as_nanos() as u64)
        | 1;
    let mut delays = Delays(seed);
    let exe = std::env::current_exe().expect("test binary");
    let mut outcomes = Vec::new();
    for trial in 0..trials {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "drills::save_drill_child",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(DRILL_DIR_ENV, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the child");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        assert!(
            lines.any(|line| line.is_ok_and(|line| line.contains("running"))),
            "the child did not start"
        );
        std::thread::sleep(Duration::from_millis(delays.next_millis(400)));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        let outcome = save_drill::check(dir.path())
            .unwrap_or_else(|error| panic!("trial {trial} (seed {seed}): {error}"));
        outcomes.push(outcome);
    }
    // Both versions were seen somewhere, so the kills did land while files were changing.
    let joined = outcomes.join("\n");
    assert!(joined.contains("=B"), "{joined}");
    eprintln!("{trials} kill-drill trials (seed {seed}):\n{joined}");
}
