//! State tests: keys fed to the pane through `app::update` on a demo database.
