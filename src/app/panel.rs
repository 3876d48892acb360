//! The scoring panel's keys: moving between criteria and items, scores (whole, `+`/`-` halves, or
//! a digit, a point and `5`), ticks, notes and the gelar's clock.

use super::action::Action;
use super::App;
use std::time::Instant;

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
        // `3` `.` `5` (or `,`) is 3.5: the point waits for its digit; any other key drops it.
        let point = j.point.take();
        match action {
            Action::Point => {
                if let Some(k) = j.current_criterion() {
                    let kriteria = &j.kriteria()[k].id;
                    match j.sheet(&id).skor.get(kriteria).copied() {
                        Some(base) => j.point = Some((id.clone(), k, base)),
                        None => {
                            let text = lang
                                .pick(
                                    "beri nilai bulatnya dulu, lalu . 5 untuk setengah",
                                    "give the whole score first, then . 5 for a half",
                                )
                                .to_string();
                            j.say(Some(&id), false, text);
                        }
                    }
                }
            }
            Action::Score(n)
                if point
                    .as_ref()
                    .is_some_and(|(r, k, _)| *r == id && Some(*k) == j.current_criterion()) =>
            {
                let base = point.map_or(0.0, |(_, _, b)| b);
                match n {
                    0 => {}
                    5 if base + 0.5 <= max => j.set_score(&id, base + 0.5, lang),
                    _ => {
                        let text = lang
                            .pick(
                                "hanya setengah yang boleh: . 5 (mis. 3.5)",
                                "only halves are allowed: . 5 (e.g. 3.5)",
                            )
                            .to_string();
                        j.say(Some(&id), false, text);
                    }
                }
            }
            Action::Up => j.move_cursor(-1),
            Action::Down => j.move_cursor(1),
            Action::PageUp => j.move_cursor(-8),
            Action::PageDown => j.move_cursor(8),
            Action::Top => j.cursor = 0,
            Action::Bottom => j.move_cursor(1000),
            Action::Score(n) => {
                let v = f64::from(n);
                if j.current_criterion().is_none() {
                    let text = lang
                        .pick(
                            "▶ ada di catatan umum: pilih kriteria dulu (↑↓ atau ])",
                            "▶ is on the general note: choose a criterion first (↑↓ or ])",
                        )
                        .to_string();
                    j.say(Some(&id), false, text);
                } else if v < min || v > max {
                    let text = format!(
                        "{} {}–{}",
                        lang.pick("nilai di luar skala", "score outside the scale"),
                        tulta_core::text::decimal(min, 0, lang),
                        tulta_core::text::decimal(max, 0, lang)
                    );
                    j.say(Some(&id), false, text);
                } else {
                    j.set_score(&id, v, lang);
                }
            }
            Action::NextCriterion => j.jump_criterion(true),
            Action::PrevCriterion => j.jump_criterion(false),
            Action::Raise => j.nudge(&id, true, lang),
            Action::Lower => j.nudge(&id, false, lang),
            Action::Tick => j.toggle_tick(&id, lang),
            Action::Note => j.edit_note(&id),
            Action::Timer => j.timer.toggle(&id, now),
            _ => return false,
        }
        true
    }
}
