//! The mouse: a click selects or opens what it lands on, the wheel scrolls what is under it.

use super::walk::Pane;
use super::Focus;
use super::{App, Screen};
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Position;
use std::time::Instant;

impl App {
    pub fn on_mouse(&mut self, m: MouseEvent, now: Instant) {
        // A click or a scroll is a key of its own: the score being typed is settled first.
        if !matches!(m.kind, MouseEventKind::Moved | MouseEventKind::Up(_)) {
            self.settle_gesture(None);
        }
        if self.help && self.mouse {
            match m.kind {
                MouseEventKind::ScrollUp => self.scroll_help(-3),
                MouseEventKind::ScrollDown => self.scroll_help(3),
                MouseEventKind::Down(_) => self.help = false,
                _ => {}
            }
            return;
        }
        if !self.mouse || self.source.is_some() {
            if matches!(m.kind, MouseEventKind::Down(_)) {
                self.help = false;
                self.source = None;
            }
            return;
        }
        let at = Position::new(m.column, m.row);
        let scroll = match m.kind {
            MouseEventKind::ScrollUp => -3,
            MouseEventKind::ScrollDown => 3,
            _ => 0,
        };
        let clicked = matches!(m.kind, MouseEventKind::Down(MouseButton::Left));
        let double = clicked
            && self
                .last_click
                .is_some_and(|(t, p)| p == at && now.duration_since(t).as_millis() < 500);
        if clicked {
            self.last_click = Some((now, at));
        }
        let areas = self.areas.clone();
        match self.screen {
            Screen::Overview => {
                if scroll != 0 {
                    self.overview.move_by(scroll);
                } else if clicked && areas.list.contains(at) {
                    let i = areas.list_offset + usize::from(at.y - areas.list.y);
                    if i < self.overview.visible.len() {
                        let again = self.overview.selected == i;
                        self.overview.select(i);
                        if again || double {
                            if let Some(row) = self.overview.selected_row() {
                                self.open_row(row, 1);
                            }
                        }
                    }
                }
            }
            Screen::Walk => {
                let Some(w) = &mut self.walk else { return };
                if scroll != 0 {
                    if areas.steps.contains(at) {
                        w.go_step((w.step as i64 + scroll.signum()).clamp(1, 7) as usize);
                    } else {
                        w.move_by(scroll as i32);
                    }
                } else if clicked {
                    if areas.steps.contains(at) {
                        // Each step takes one line, after the pane's border.
                        let n = usize::from(at.y.saturating_sub(areas.steps.y));
                        if (1..=7).contains(&n) {
                            w.go_step(n);
                            w.pane = Pane::Steps;
                        }
                    } else if let Some(&(_, t)) = areas.tabs.iter().find(|(r, _)| r.contains(at)) {
                        w.go_tab(t);
                        w.pane = Pane::Content;
                    } else if areas.content.contains(at) {
                        w.pane = Pane::Content;
                    }
                }
            }
            Screen::Search => {
                let s = &mut self.search;
                if scroll != 0 {
                    s.selected = (s.selected as i64 + scroll.signum())
                        .clamp(0, s.hits_len().saturating_sub(1) as i64)
                        as usize;
                } else if clicked && areas.list.contains(at) {
                    // Each hit takes three lines.
                    let i = areas.list_offset + usize::from(at.y - areas.list.y) / 3;
                    if i < s.hits_len() {
                        let again = s.selected == i && s.focus == Focus::Results;
                        s.selected = i;
                        s.focus = Focus::Results;
                        if again || double {
                            self.open_hit();
                        }
                    }
                }
            }
            Screen::Ranking | Screen::Progress => {}
            Screen::Draft => {
                if let Some(d) = &mut self.draft {
                    let n = d.opened.diagnostics.len();
                    if scroll != 0 {
                        d.selected = (d.selected as i64 + scroll.signum())
                            .clamp(0, n.saturating_sub(1) as i64)
                            as usize;
                    } else if clicked && areas.list.contains(at) {
                        let i = areas.list_offset + usize::from(at.y - areas.list.y);
                        if i < n {
                            d.selected = i;
                        }
                    }
                }
            }
        }
    }
}
