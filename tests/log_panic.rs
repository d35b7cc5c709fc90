//! The panic hook logs where a panic happened and what kind it was, never the data it quotes.
//! Its own test binary: a panic hook is process-wide.
use std::io::Write;
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
struct Buf(Arc<Mutex<Vec<u8>>>);

impl Write for Buf {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_panic_is_logged_with_its_place_and_without_what_was_typed() {
    let buf = Buf::default();
    let out = buf.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || out.clone())
        .with_ansi(false)
        .finish();
    onedoor::logging::log_panics();
    let typed = "欧阳娜娜 13911112222";
    let r = tracing::subscriber::with_default(subscriber, || {
        std::panic::catch_unwind(|| typed[..std::hint::black_box(4)].len())
    });
    assert!(r.is_err());
    let text = String::from_utf8(buf.0.lock().unwrap().clone()).unwrap();
    assert!(text.contains("ERROR") && text.contains("panic"), "{text}");
    assert!(text.contains("tests/log_panic.rs:"), "where: {text}");
    assert!(text.contains("not a char boundary"), "what kind: {text}");
    for secret in ["欧阳", "娜娜", "13911112222"] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
}
