//! The scoring panel's keys: moving between criteria and items, scores, ticks, notes and the
//! gelar's clock.
//!
//! A score is one gesture and one journal line: `3` alone, `3 . 5` (or `3 , 5`), `3 +`, `3 -`,
//! `. 5` on a saved 3, or `+`/`-` on a saved score. Nothing is written while a gesture is being
//! typed; a whole score is saved when the next key is not `.`, `+` or `-` (or after a pause), a
//! half still waiting for its `5` is dropped by any other key, and `u` or Esc drops either.

use super::action::{Action, Context, Key};
use super::judge::{Gesture, JudgeState};
use super::{App, Outcome};
use std::time::Instant;
use tulta_core::i18n::Lang;
use tulta_core::judging::scoring::Change;
use tulta_core::text::decimal;

impl App {
    /// The scoring panel's actions. A score key scores the criterion marked ▶ and nothing else.
    pub(super) fn panel_action(&mut self, action: Action, now: Instant) -> bool {
        let lang = self.lang;
        let Some(id) = self.scoring_entry() else {
            return false;
        };
        let Some(j) = &mut self.judge else {
            return false;
        };
        let (min, max) = {
            let r = j.rubrik();
            (r.min, r.maks)
        };
        match action {
            Action::Score(n) => match j.gesture.take() {
                Some(g) if g.point.is_some() => j.finish_half(g, n, lang),
                // `settle_gesture` saved any other gesture before this key reached the panel.
                _ => {
                    let v = f64::from(n);
                    match j.current_criterion() {
                        None => {
                            let text = lang.pick(
                                "▶ ada di catatan umum: pilih kriteria dulu (↑↓ atau ])",
                                "▶ is on the general note: choose a criterion first (↑↓ or ])",
                            );
                            j.say(Some(&id), false, text.into());
                        }
                        Some(_) if v < min || v > max => {
                            let text = format!(
                                "{} {}–{}",
                                lang.pick("nilai di luar skala", "score outside the scale"),
                                decimal(min, 0, lang),
                                decimal(max, 0, lang)
                            );
                            j.say(Some(&id), false, text);
                        }
                        Some(k) => j.begin(&id, k, Some(v), None, now, lang),
                    }
                }
            },
            Action::Point => match j.gesture.take() {
                Some(g) if g.point.is_none() => {
                    j.begin(&id, g.kriteria, g.whole, g.whole, now, lang)
                }
                _ => {
                    if let Some(k) = j.current_criterion() {
                        let kriteria = &j.kriteria()[k].id;
                        match j.sheet(&id).skor.get(kriteria).copied() {
                            Some(base) => j.begin(&id, k, None, Some(base), now, lang),
                            None => {
                                let text = lang.pick(
                                    "beri nilai bulatnya dulu, lalu . 5 untuk setengah",
                                    "give the whole score first, then . 5 for a half",
                                );
                                j.say(Some(&id), false, text.into());
                            }
                        }
                    }
                }
            },
            Action::Raise | Action::Lower => {
                let up = action == Action::Raise;
                match j.gesture.take() {
                    Some(Gesture {
                        whole: Some(w),
                        point: None,
                        kriteria,
                        ..
                    }) => {
                        let v = if up { w + 0.5 } else { w - 0.5 };
                        j.write_score(&id, kriteria, v, lang);
                    }
                    _ => j.nudge(&id, up, lang),
                }
            }
            Action::Up => j.move_cursor(-1),
            Action::Down => j.move_cursor(1),
            Action::PageUp => j.move_cursor(-8),
            Action::PageDown => j.move_cursor(8),
            Action::Top => j.cursor = 0,
            Action::Bottom => j.move_cursor(1000),
            Action::NextCriterion => j.jump_criterion(true),
            Action::PrevCriterion => j.jump_criterion(false),
            Action::Tick => j.toggle_tick(&id, lang),
            Action::Note => j.edit_note(&id),
            Action::Timer => j.timer.toggle(&id, now),
            Action::TimerRestart => j.timer.restart(&id, now),
            _ => return false,
        }
        true
    }

    /// Before key `k` is routed: the score being typed is kept going when the key continues it
    /// on the same criterion with the panel in focus; `u` and Esc drop it (and do only that);
    /// anything else — another key, a click, a paste, a focus change — settles it first: a whole
    /// score is saved, a half still waiting for its `5` is dropped. What `k` did when it was used up.
    pub(super) fn settle_gesture(&mut self, k: Option<Key>) -> Option<Outcome> {
        let g = self.judge.as_ref().and_then(|j| j.gesture.clone())?;
        let lang = self.lang;
        let contexts = self.contexts();
        let here = contexts.first() == Some(&Context::Panel)
            && self.scoring_entry().as_deref() == Some(g.risalah.as_str())
            && self
                .judge
                .as_ref()
                .is_some_and(|j| j.tahap == g.tahap && j.current_criterion() == Some(g.kriteria));
        let bound = k.and_then(|k| {
            contexts.iter().find_map(|c| {
                self.keymap
                    .action(*c, k)
                    .map(|a| (*c, super::action::with_digit(a, k)))
            })
        });
        let action = bound.map(|(_, a)| a);
        let j = self.judge.as_mut()?;
        if here {
            match (action, g.point.is_some()) {
                (Some(Action::Score(_)), true)
                | (Some(Action::Point | Action::Raise | Action::Lower), false) => return None,
                (Some(Action::Undo | Action::Back), _) => {
                    j.gesture = None;
                    let text = format!(
                        "{} {}",
                        g.typed(lang),
                        lang.pick("dibatalkan, tidak disimpan", "cancelled, not saved")
                    );
                    j.say(Some(&g.risalah), true, text);
                    return bound.map(|(c, a)| Outcome::Done(c, a));
                }
                _ => {}
            }
        }
        j.settle(lang);
        None
    }
}

impl JudgeState {
    /// Starts (or goes on with) a score typed on criterion `k`, and shows what is typed.
    fn begin(
        &mut self,
        risalah: &str,
        k: usize,
        whole: Option<f64>,
        point: Option<f64>,
        now: Instant,
        lang: Lang,
    ) {
        let g = Gesture {
            risalah: risalah.to_string(),
            tahap: self.tahap.clone(),
            kriteria: k,
            whole,
            point,
            since: now,
        };
        let hint = if point.is_some() {
            lang.pick("5 untuk setengah · u batal", "5 for a half · u cancels")
        } else {
            lang.pick(
                ". 5 / + / − setengah · u batal",
                ". 5 / + / − half · u cancels",
            )
        };
        let id = self
            .kriteria()
            .get(k)
            .map(|c| c.id.clone())
            .unwrap_or_default();
        let text = format!("{id} {} · {hint}", g.typed(lang));
        self.gesture = Some(g);
        self.say(Some(risalah), true, text);
    }

    /// The digit after a point: `5` writes the half, `0` the whole score typed, anything else
    /// is refused and nothing is written.
    fn finish_half(&mut self, g: Gesture, n: u8, lang: Lang) {
        let base = g.point.unwrap_or_default();
        match (n, g.whole) {
            (5, _) => self.write_score(&g.risalah, g.kriteria, base + 0.5, lang),
            (0, Some(w)) => self.write_score(&g.risalah, g.kriteria, w, lang),
            (0, None) => {
                let text = lang.pick("nilai tidak berubah", "score unchanged");
                self.say(Some(&g.risalah), true, text.into());
            }
            _ => {
                let text = format!(
                    "{}{n}: {}",
                    g.typed(lang).trim_end_matches('…'),
                    lang.pick(
                        "hanya setengah yang boleh (. 5) — tidak disimpan",
                        "only halves are allowed (. 5) — not saved"
                    )
                );
                self.say(Some(&g.risalah), false, text);
            }
        }
    }

    /// Writes score `v` for criterion `k` of `risalah` as one line, or says why not.
    fn write_score(&mut self, risalah: &str, k: usize, v: f64, lang: Lang) {
        let (min, max) = (self.rubrik().min, self.rubrik().maks);
        if v < min || v > max {
            let text = format!(
                "{} {} {}–{} — {}",
                decimal(v, 1, lang),
                lang.pick("di luar skala", "is outside the scale"),
                decimal(min, 0, lang),
                decimal(max, 0, lang),
                lang.pick("tidak disimpan", "not saved"),
            );
            self.say(Some(risalah), false, text);
            return;
        }
        let Some(kriteria) = self.kriteria().get(k).map(|c| c.id.clone()) else {
            return;
        };
        self.record(risalah, Change::Skor { kriteria, nilai: v }, lang);
    }

    /// Ends the score being typed without a key of its own: a whole score is saved (in the stage
    /// it was typed in), a half still waiting for its `5` is dropped and said so.
    pub(super) fn settle(&mut self, lang: Lang) {
        let Some(g) = self.gesture.take() else {
            return;
        };
        match (g.whole, g.point) {
            (Some(w), None) => {
                let in_view = std::mem::replace(&mut self.tahap, g.tahap.clone());
                self.write_score(&g.risalah, g.kriteria, w, lang);
                self.tahap = in_view;
            }
            _ => {
                let text = format!(
                    "{} {}",
                    g.typed(lang),
                    lang.pick(
                        "tidak disimpan: setengah menunggu 5",
                        "not saved: the half was waiting for its 5"
                    )
                );
                self.say(Some(&g.risalah), false, text);
            }
        }
    }

    /// Time passing: a whole score left alone for [`Gesture::PAUSE`] is saved as it is.
    pub(super) fn tick_gesture(&mut self, now: Instant, lang: Lang) {
        if self
            .gesture
            .as_ref()
            .is_some_and(|g| g.point.is_none() && now.duration_since(g.since) >= Gesture::PAUSE)
        {
            self.settle(lang);
        }
    }
}
