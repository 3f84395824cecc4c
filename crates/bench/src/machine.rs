//! The machine a run happens on, and process memory.

use std::fs;

/// The machine and the date of a run.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Machine {
    /// Logical CPUs.
    pub cpus: usize,
    /// CPU model name.
    pub cpu_model: String,
    /// Total memory, GiB.
    pub memory_gib: f64,
    /// When the run started (UTC, RFC 3339).
    pub date: String,
}

impl Machine {
    /// Describes this machine now.
    pub fn describe() -> Self {
        let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let cpu_model = cpuinfo
            .lines()
            .find_map(|line| line.strip_prefix("model name"))
            .and_then(|rest| rest.split_once(':'))
            .map(|(_, model)| model.trim().to_owned())
            .unwrap_or_else(|| "unknown".to_owned());
        let meminfo = fs::read_to_string("/proc/meminfo").unwrap_or_default();
        let memory_kib = kib_field(&meminfo, "MemTotal:").unwrap_or(0);
        Self {
            cpus: std::thread::available_parallelism().map_or(1, |count| count.get()),
            cpu_model,
            memory_gib: memory_kib as f64 / (1024.0 * 1024.0),
            date: chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string(),
        }
    }

    /// One markdown line.
    pub fn markdown(&self) -> String {
        format!(
            "Machine: {} CPUs ({}), {:.1} GiB RAM; run {}.",
            self.cpus, self.cpu_model, self.memory_gib, self.date
        )
    }
}

/// A `Name:  1234 kB` field of a /proc status-like file, in KiB.
fn kib_field(text: &str, name: &str) -> Option<u64> {
    text.lines()
        .find_map(|line| line.strip_prefix(name))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|value| value.parse().ok())
}

/// Resident memory of this process, bytes.
pub fn own_rss_bytes() -> u64 {
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    kib_field(&status, "VmRSS:").unwrap_or(0) * 1024
}

/// Proportional set size of a process (shared pages split between sharers), bytes.
pub fn pss_bytes(pid: u32) -> u64 {
    let rollup = fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
    kib_field(&rollup, "Pss:").unwrap_or(0) * 1024
}

/// The ids of `pid` and all its descendants.
pub fn process_tree(pid: u32) -> Vec<u32> {
    let mut tree = vec![pid];
    let mut index = 0;
    while index < tree.len() {
        let parent = tree[index];
        let children = fs::read_to_string(format!("/proc/{parent}/task/{parent}/children"))
            .unwrap_or_default();
        tree.extend(
            children
                .split_whitespace()
                .filter_map(|child| child.parse::<u32>().ok()),
        );
        index += 1;
    }
    tree
}

/// PSS of a process and its descendants, bytes.
pub fn tree_pss_bytes(pid: u32) -> u64 {
    process_tree(pid).into_iter().map(pss_bytes).sum()
}

/// Pins the calling thread to `core` with `taskset -p`; false when that failed.
pub fn pin_current_thread(core: usize) -> bool {
    set_thread_cores(&core.to_string())
}

/// Lets the calling thread run on every CPU again.
pub fn unpin_current_thread() -> bool {
    let cpus = std::thread::available_parallelism().map_or(1, |count| count.get());
    set_thread_cores(&format!("0-{}", cpus.saturating_sub(1)))
}

fn set_thread_cores(cores: &str) -> bool {
    let Ok(link) = fs::read_link("/proc/thread-self") else {
        return false;
    };
    let Some(thread_id) = link.to_str().and_then(|path| path.rsplit('/').next()) else {
        return false;
    };
    std::process::Command::new("taskset")
        .args(["-p", "-c", cores, thread_id])
        .stdout(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// Bytes as MiB.
pub fn mib(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_kib_fields() {
        let text = "Name:\tbench\nVmRSS:\t  2048 kB\n";
        assert_eq!(kib_field(text, "VmRSS:"), Some(2048));
        assert_eq!(kib_field(text, "VmHWM:"), None);
    }

    #[test]
    fn pins_a_thread_to_the_first_core() {
        let pinned = std::thread::spawn(|| {
            let pinned = pin_current_thread(0);
            let status = fs::read_to_string("/proc/thread-self/status").unwrap_or_default();
            (pinned, status.contains("Cpus_allowed_list:\t0\n"))
        })
        .join()
        .unwrap();
        assert_eq!(pinned.0, pinned.1);
    }

    #[test]
    fn own_process_is_measured() {
        assert!(own_rss_bytes() > 0);
        assert!(pss_bytes(std::process::id()) > 0);
        assert!(process_tree(std::process::id()).contains(&std::process::id()));
    }
}
