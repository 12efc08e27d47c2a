//! Running commands, and owning the long-running ones (wrangler dev,
//! chromedriver) so they stop when we do.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;
use std::os::unix::process::CommandExt;

/// Runs `cmd` to completion, echoing it first; fails on a non-zero exit.
pub fn run(cmd: &mut Command) -> Result<()> {
    println!("$ {}", describe(cmd));
    let status = cmd
        .status()
        .with_context(|| format!("could not start {}", describe(cmd)))?;
    if !status.success() {
        bail!("{} failed ({status})", describe(cmd));
    }
    Ok(())
}

/// Runs `cmd` like [`run`], but stops it (and every process it started)
/// if it is still running after `limit`, and fails saying so: a test that
/// hangs ends the run with a message instead of holding it forever.
pub fn run_within(cmd: &mut Command, limit: Duration) -> Result<()> {
    let started = Instant::now();
    let mut running = Background::spawn(&describe(cmd), cmd)?;
    loop {
        if let Some(status) = running.child.try_wait()? {
            if !status.success() {
                bail!("{} failed ({status})", running.name);
            }
            return Ok(());
        }
        if started.elapsed() > limit {
            let name = running.name.clone();
            // Dropping it stops its whole process group.
            drop(running);
            bail!("{name} did not finish within {limit:?}; stopped");
        }
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// Runs `cmd` and returns its standard output; fails on a non-zero exit.
pub fn output(cmd: &mut Command) -> Result<String> {
    let out = cmd
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("could not start {}", describe(cmd)))?;
    if !out.status.success() {
        bail!("{} failed ({})", describe(cmd), out.status);
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Runs `cmd` quietly and says whether it succeeded (false if it cannot start).
pub fn succeeds(cmd: &mut Command) -> bool {
    cmd.stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// The command line `cmd` runs, as it is echoed.
pub fn describe(cmd: &Command) -> String {
    std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|part| part.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A process running in its own process group. Dropping it stops the whole
/// group (wrangler starts workerd as a child of its own), first politely.
pub struct Background {
    name: String,
    child: Child,
}

impl Background {
    /// Starts `cmd` in a new process group.
    pub fn spawn(name: &str, cmd: &mut Command) -> Result<Self> {
        println!("$ {} &", describe(cmd));
        let child = cmd
            .process_group(0)
            .spawn()
            .with_context(|| format!("could not start {name}"))?;
        Ok(Self {
            name: name.to_string(),
            child,
        })
    }

    /// Fails if the process has already exited.
    pub fn check_alive(&mut self) -> Result<()> {
        if let Some(status) = self.child.try_wait()? {
            bail!("{} exited early ({status})", self.name);
        }
        Ok(())
    }

    fn signal_group(&self, signal: Signal) {
        if let Ok(pid) = i32::try_from(self.child.id()) {
            // The group may already be gone; nothing more to do then.
            let _ = killpg(Pid::from_raw(pid), signal);
        }
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        self.signal_group(Signal::SIGTERM);
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        // Whatever is left in the group (workerd under wrangler) goes now.
        self.signal_group(Signal::SIGKILL);
        let _ = self.child.wait();
    }
}

/// Waits until `probe` says yes, checking that `process` is still running.
pub fn wait_until(
    process: &mut Background,
    what: &str,
    timeout: Duration,
    mut probe: impl FnMut() -> bool,
) -> Result<()> {
    let deadline = Instant::now() + timeout;
    loop {
        if probe() {
            return Ok(());
        }
        process.check_alive()?;
        if Instant::now() > deadline {
            bail!("{what} did not come up within {}s", timeout.as_secs());
        }
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// A TCP port that was free a moment ago on 127.0.0.1.
pub fn free_port() -> Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?.port())
}

/// `count` free ports below Linux's ephemeral range (32768 and up), for
/// servers that tests start long after the ports are chosen: an ephemeral port may
/// meanwhile become the local end of some outgoing connection.
pub fn free_ports_for_later(count: usize) -> Result<Vec<u16>> {
    let start = 20_000 + (std::process::id() % 10_000) as u16;
    let ports: Vec<u16> = (start..32_000)
        .chain(20_000..start)
        .filter(|port| std::net::TcpListener::bind(("127.0.0.1", *port)).is_ok())
        .take(count)
        .collect();
    if ports.len() < count {
        anyhow::bail!("not {count} free ports between 20000 and 32000");
    }
    Ok(ports)
}

/// Whether an HTTP server answers at `127.0.0.1:port` (any status counts).
pub fn http_answers(port: u16, path: &str) -> bool {
    use std::io::{Read, Write};
    let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).is_ok() && head.starts_with(b"HTTP/1.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_past_its_limit_is_stopped_with_its_children() {
        let marker = std::env::temp_dir().join(format!("run-within-{}", std::process::id()));
        let _ = std::fs::remove_file(&marker);
        // A shell whose child writes the marker after 2 s.
        let script = format!("(sleep 2; touch {}) & wait", marker.display());
        let shell = || {
            let mut cmd = Command::new("sh");
            cmd.args(["-c", &script]);
            cmd
        };
        // Positive control: given the time, the child does write it.
        assert!(run_within(&mut shell(), Duration::from_secs(20)).is_ok());
        assert!(marker.exists(), "the script does not write its marker");
        let _ = std::fs::remove_file(&marker);

        let started = Instant::now();
        match run_within(&mut shell(), Duration::from_millis(300)) {
            Ok(()) => panic!("a command past its limit passed"),
            Err(err) => assert!(err.to_string().contains("did not finish within"), "{err}"),
        }
        assert!(started.elapsed() < Duration::from_secs(2));
        // Twice as long as the control needed: its child went with it.
        std::thread::sleep(Duration::from_secs(4));
        assert!(!marker.exists(), "a child of the stopped command ran on");
    }

    #[test]
    fn a_command_within_its_limit_passes_or_fails_by_its_status() {
        assert!(run_within(&mut Command::new("true"), Duration::from_secs(10)).is_ok());
        assert!(run_within(&mut Command::new("false"), Duration::from_secs(10)).is_err());
    }
}
