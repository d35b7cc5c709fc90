//! Drives the real `onedoor` binary in a pseudo-terminal and reads its screen through vt100.
//! The output is drained continuously on a thread (or the child blocks), and tests wait for
//! screen content with generous timeouts rather than sleeping. It runs in the same sandbox as
//! `cli::onedoor()`.
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const TIMEOUT: Duration = Duration::from_secs(30);

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).unwrap()
}

pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    _master: Box<dyn MasterPty + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
}

/// Keys as a terminal sends them.
pub mod keys {
    pub const ENTER: &str = "\r";
    pub const TAB: &str = "\t";
    pub const BACKTAB: &str = "\x1b[Z";
    pub const ESC: &str = "\x1b";
    pub const UP: &str = "\x1b[A";
    pub const DOWN: &str = "\x1b[B";
    pub const CTRL_Q: &str = "\x11";
    pub const CTRL_S: &str = "\x13";
    pub fn f(n: u8) -> &'static str {
        match n {
            1 => "\x1bOP",
            2 => "\x1bOQ",
            3 => "\x1bOR",
            4 => "\x1bOS",
            5 => "\x1b[15~",
            6 => "\x1b[17~",
            7 => "\x1b[18~",
            8 => "\x1b[19~",
            9 => "\x1b[20~",
            _ => panic!("no F{n}"),
        }
    }
    /// Text pasted with bracketed paste, as a terminal sends it.
    pub fn paste(s: &str) -> String {
        format!("\x1b[200~{s}\x1b[201~")
    }
}

impl Pty {
    /// Starts the built binary with `args`, extra environment, at `cols`×`rows`.
    pub fn spawn(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
        let system = native_pty_system();
        let pair = system
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let mut cmd = CommandBuilder::new(super::cli::BIN);
        cmd.args(args);
        // The same sandbox as `cli::onedoor()`: without a working folder portable-pty would
        // start the binary in the real home.
        cmd.cwd(super::cli::sandbox());
        for (k, v) in super::cli::sandbox_env() {
            cmd.env(k, v);
        }
        for k in super::cli::CLEARED {
            cmd.env_remove(k);
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "zh_CN.UTF-8");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn onedoor");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let p = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => p.lock().unwrap().process(&buf[..n]),
                }
            }
        });
        Pty {
            child,
            writer,
            _master: pair.master,
            parser,
        }
    }

    pub fn send(&mut self, s: &str) {
        self.writer.write_all(s.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Tab `n` times: to the `n`th field from here.
    pub fn tabs(&mut self, n: usize) {
        for _ in 0..n {
            self.send(keys::TAB);
        }
    }

    /// Types text one character at a time, as a person (or an input method committing) would.
    pub fn type_text(&mut self, s: &str) {
        for c in s.chars() {
            self.send(c.encode_utf8(&mut [0; 4]));
        }
    }

    /// Esc alone must not merge with the next key into Alt+key: wait until the app has read it.
    pub fn esc(&mut self) {
        self.send(keys::ESC);
        std::thread::sleep(Duration::from_millis(150));
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen contains `text`; panics with the screen if it never does.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(|s| s.contains(text), &format!("text {text:?}"))
    }

    /// Waits until `ok` holds on a settled screen: the same contents on two reads 30 ms apart,
    /// so a check never sees half of a frame that is still being drawn.
    pub fn wait_until(&self, ok: impl Fn(&str) -> bool, what: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                std::thread::sleep(Duration::from_millis(30));
                if self.screen() == s {
                    return s;
                }
                continue;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}; screen was:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Is the first cell showing `text` drawn in reverse video (the active tab)?
    pub fn is_reversed(&self, text: &str) -> bool {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        let (rows, cols) = (rows.get(), cols.get());
        for r in 0..rows {
            let row = screen.contents_between(r, 0, r, cols);
            if let Some(byte_idx) = row.find(text) {
                // Map the byte offset to a column: count display cells before it.
                let col = unicode_width::UnicodeWidthStr::width(&row[..byte_idx]) as u16;
                return screen.cell(r, col).is_some_and(|c| c.inverse());
            }
        }
        false
    }

    /// Terminal state a well-behaved app leaves behind: main screen, cursor visible,
    /// bracketed paste off.
    pub fn restored(&self) -> bool {
        let parser = self.parser.lock().unwrap();
        let s = parser.screen();
        !s.alternate_screen() && !s.hide_cursor() && !s.bracketed_paste()
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread take the last bytes (the restore sequences).
                std::thread::sleep(Duration::from_millis(100));
                return status;
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!("onedoor did not exit; screen was:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Resizes the terminal (the app gets SIGWINCH and redraws at the new size).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self._master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.parser.lock().unwrap().set_size(nz(rows), nz(cols));
    }

    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// SIGKILL, as a crash or power cut would end it.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}
