//! Stages in the app (spec §8): the stage picker, and the clock of a group's slot during a gelar.

use super::action::Action;
use super::judge::JudgeState;
use super::App;
use std::time::{Duration, Instant};

/// The clock of a group's slot during a gelar (spec §8, `menit`): started and paused by a key.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timer {
    /// The entry whose slot it times.
    pub risalah: Option<String>,
    started: Option<Instant>,
    /// Time run before the last start.
    before: Duration,
}

impl Timer {
    /// A paused clock that has run `secs` seconds for `risalah` (screens show it in tests).
    pub fn paused(risalah: &str, secs: u64) -> Timer {
        Timer {
            risalah: Some(risalah.into()),
            started: None,
            before: Duration::from_secs(secs),
        }
    }

    pub fn running(&self) -> bool {
        self.started.is_some()
    }

    pub fn elapsed(&self, now: Instant) -> Duration {
        self.before + self.started.map_or(Duration::ZERO, |t| now - t)
    }

    /// Starts the clock of `risalah` again from zero (a group that began again, a clock started
    /// too early).
    pub fn restart(&mut self, risalah: &str, now: Instant) {
        *self = Timer::default();
        self.risalah = Some(risalah.into());
        self.started = Some(now);
    }

    /// Starts or pauses the clock of `risalah`; another entry's clock starts from zero.
    pub fn toggle(&mut self, risalah: &str, now: Instant) {
        if self.risalah.as_deref() != Some(risalah) {
            *self = Timer::default();
            self.risalah = Some(risalah.into());
        }
        match self.started.take() {
            Some(t) => self.before += now - t,
            None => self.started = Some(now),
        }
    }

    /// Seconds left of a slot of `menit` minutes (negative once over), for `risalah`'s clock.
    pub fn left(&self, risalah: &str, menit: u32, now: Instant) -> i64 {
        let run = if self.risalah.as_deref() == Some(risalah) {
            self.elapsed(now).as_secs() as i64
        } else {
            0
        };
        i64::from(menit) * 60 - run
    }
}

impl JudgeState {
    /// Opens the stage picker on the stage being scored.
    pub fn open_stage_picker(&mut self) {
        let at = self
            .scored_stages()
            .iter()
            .position(|s| s.id == self.tahap)
            .unwrap_or(0);
        self.stage_picker = Some(at);
    }

    /// Scores in stage `tahap` from now on; the panel starts at its first line.
    pub fn choose_stage(&mut self, tahap: &str) {
        if self.tahap != tahap {
            self.tahap = tahap.to_string();
            self.cursor = 0;
            self.timer = Timer::default();
            self.load_draw();
        }
    }
}

impl App {
    /// The stage picker: Enter scores in the stage chosen, Esc keeps the stage.
    pub(super) fn stage_picker_action(&mut self, action: Action) -> bool {
        let Some(j) = &mut self.judge else {
            return false;
        };
        let Some(sel) = j.stage_picker else {
            return false;
        };
        let ids: Vec<String> = j.scored_stages().iter().map(|s| s.id.clone()).collect();
        match action {
            Action::Up => j.stage_picker = Some(sel.saturating_sub(1)),
            Action::Down => j.stage_picker = Some((sel + 1).min(ids.len().saturating_sub(1))),
            Action::Open => {
                j.stage_picker = None;
                if let Some(t) = ids.get(sel) {
                    j.choose_stage(t);
                }
                self.sync_draw();
            }
            Action::Back => j.stage_picker = None,
            Action::Help => self.open_help(),
            _ => return false,
        }
        true
    }
}
