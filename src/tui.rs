//! The terminal: set up, restore (also on error and panic), and the event loop.
use crate::app::{Action, App, update};
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;
use std::io::stdout;
use std::time::{Duration, Instant};

/// How often the clock ticks (status-bar time, background results) when no key comes.
const TICK: Duration = Duration::from_millis(200);
/// How often the loop looks for background answers while it awaits some (a sheet, counts).
const WAITING_TICK: Duration = Duration::from_millis(3);

pub fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// Runs the app full-screen until it quits. The terminal is restored however it ends.
pub fn run(app: &mut App) -> anyhow::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableBracketedPaste);
        ratatui_hook(info); // leaves raw mode and the alternate screen, then prints
        eprintln!("onedoor stopped on an internal error. Typed forms are kept as drafts.");
    }));
    let result = execute!(stdout(), EnableBracketedPaste)
        .map_err(anyhow::Error::from)
        .and_then(|_| event_loop(&mut terminal, app));
    // A save still on its way when the desk quits is waited for, not cut off.
    app.settle(Duration::from_secs(10));
    let _ = execute!(stdout(), DisableBracketedPaste);
    ratatui::restore();
    match &result {
        Ok(()) => tracing::info!("quit"),
        Err(e) => tracing::error!(error = %e, "the terminal failed"),
    }
    result
}

fn event_loop<B: Backend>(terminal: &mut Terminal<B>, app: &mut App) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    update(app, Action::Tick(now()));
    let size = terminal.size()?;
    update(app, Action::Resize(size.width, size.height));
    let mut last_tick = Instant::now();
    loop {
        terminal.draw(|f| crate::ui::draw(f, app))?;
        if app.quit {
            return Ok(());
        }
        let waiting = app.waiting();
        let wait = match waiting {
            true => WAITING_TICK,
            false => TICK.saturating_sub(last_tick.elapsed()),
        };
        if event::poll(wait)? {
            app.now = now();
            // Take every pending event before drawing again: a fast typist or a paste
            // costs one frame, not one per character.
            loop {
                match event::read()? {
                    Event::Key(k) => update(app, Action::Key(k)),
                    Event::Paste(s) => update(app, Action::Paste(s)),
                    // The next draw uses the new size; the app ignores keys while too small.
                    Event::Resize(w, h) => update(app, Action::Resize(w, h)),
                    _ => {}
                }
                if app.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        if waiting || last_tick.elapsed() >= TICK {
            update(app, Action::Tick(now()));
            last_tick = Instant::now();
        }
    }
}
