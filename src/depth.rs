//! How many colours the app's terminal shows, and every frame brought down to that: themes are
//! written in 24-bit colour, which a terminal that does not announce it (`COLORTERM`) may draw as
//! garbage or not at all. Done once, where cells reach the terminal, so no view needs to know.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Depth {
    /// No colour codes at all (`--color never`, `NO_COLOR`, `TERM=dumb`); reverse video marks
    /// what colour alone marked.
    None,
    Ansi16,
    Ansi256,
    TrueColor,
}

impl Depth {
    /// The depth the terminal announces, when colour is wanted: `COLORTERM=truecolor|24bit`
    /// (also set by Windows Terminal's `WT_SESSION`), a `TERM` naming 256 colours, else 16.
    pub fn of_terminal(env: &dyn Fn(&str) -> Option<String>) -> Depth {
        let term = env("TERM").unwrap_or_default();
        let colorterm = env("COLORTERM").unwrap_or_default().to_ascii_lowercase();
        if term == "dumb" {
            Depth::None
        } else if colorterm == "truecolor" || colorterm == "24bit" || env("WT_SESSION").is_some() {
            Depth::TrueColor
        } else if term.contains("256color") {
            Depth::Ansi256
        } else {
            Depth::Ansi16
        }
    }

    /// `color` as this depth can show it; `None` when it shows no colour.
    fn convert(self, color: Color) -> Color {
        match (self, color) {
            (_, Color::Reset) | (Depth::TrueColor, _) => color,
            (Depth::None, _) => Color::Reset,
            (Depth::Ansi256, Color::Rgb(r, g, b)) => Color::Indexed(nearest_256(r, g, b)),
            (Depth::Ansi256, _) => color,
            (Depth::Ansi16, Color::Rgb(r, g, b)) => nearest_16(r, g, b),
            (Depth::Ansi16, Color::Indexed(i)) => {
                let (r, g, b) = rgb_of_256(i);
                nearest_16(r, g, b)
            }
            (Depth::Ansi16, _) => color,
        }
    }

    fn cell(self, cell: &Cell, background: Color) -> Cell {
        let mut out = cell.clone();
        if self == Depth::None && cell.bg != Color::Reset && cell.bg != background {
            // A selection or a highlight shown by its background alone stays visible.
            out.modifier.insert(Modifier::REVERSED);
        }
        out.fg = self.convert(cell.fg);
        out.bg = self.convert(cell.bg);
        out
    }
}

/// The 16 ANSI colours as xterm draws them, in `Color` order.
const ANSI16: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

fn distance((r, g, b): (u8, u8, u8), (r2, g2, b2): (u8, u8, u8)) -> u32 {
    let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).unsigned_abs();
    // Weighted as the eye sees: green counts most, blue least.
    3 * d(r, r2).pow(2) + 4 * d(g, g2).pow(2) + 2 * d(b, b2).pow(2)
}

fn nearest_16(r: u8, g: u8, b: u8) -> Color {
    ANSI16
        .iter()
        .min_by_key(|(_, rgb)| distance(*rgb, (r, g, b)))
        .map_or(Color::Reset, |(c, _)| *c)
}

/// The levels of xterm's 6×6×6 colour cube.
const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

fn rgb_of_256(i: u8) -> (u8, u8, u8) {
    match i {
        0..=15 => ANSI16[usize::from(i)].1,
        16..=231 => {
            let i = i - 16;
            (
                CUBE[usize::from(i / 36)],
                CUBE[usize::from(i / 6 % 6)],
                CUBE[usize::from(i % 6)],
            )
        }
        _ => {
            let v = 8 + 10 * (i - 232);
            (v, v, v)
        }
    }
}

/// The nearest of the cube and the grey ramp (16-255; the first 16 differ between terminals).
fn nearest_256(r: u8, g: u8, b: u8) -> u8 {
    (16..=255u8)
        .min_by_key(|&i| distance(rgb_of_256(i), (r, g, b)))
        .unwrap_or(16)
}

/// A backend that draws every cell at `depth`; `background` is the theme's own, left plain when
/// colour is off.
pub struct Limited<B> {
    pub inner: B,
    pub depth: Depth,
    pub background: Color,
}

impl<B: Backend> Backend for Limited<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        if self.depth == Depth::TrueColor {
            return self.inner.draw(content);
        }
        let cells: Vec<(u16, u16, Cell)> = content
            .map(|(x, y, c)| (x, y, self.depth.cell(c, self.background)))
            .collect();
        self.inner.draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_depth_follows_what_the_terminal_announces() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        let of = |pairs| Depth::of_terminal(&env(pairs));
        assert_eq!(
            of(&[("TERM", "xterm-256color"), ("COLORTERM", "truecolor")]),
            Depth::TrueColor
        );
        assert_eq!(of(&[("TERM", "xterm-256color")]), Depth::Ansi256);
        assert_eq!(of(&[("TERM", "xterm")]), Depth::Ansi16);
        assert_eq!(of(&[("TERM", "linux")]), Depth::Ansi16);
        assert_eq!(
            of(&[("TERM", "dumb"), ("COLORTERM", "truecolor")]),
            Depth::None
        );
        assert_eq!(of(&[("WT_SESSION", "x")]), Depth::TrueColor);
    }

    #[test]
    fn colours_come_down_to_the_nearest_the_terminal_has() {
        assert_eq!(
            Depth::Ansi256.convert(Color::Rgb(255, 0, 0)),
            Color::Indexed(196)
        );
        assert_eq!(
            Depth::Ansi256.convert(Color::Rgb(128, 128, 128)),
            Color::Indexed(244)
        );
        assert_eq!(
            Depth::Ansi16.convert(Color::Rgb(250, 10, 10)),
            Color::LightRed
        );
        assert_eq!(Depth::Ansi16.convert(Color::Indexed(21)), Color::Blue);
        assert_eq!(Depth::None.convert(Color::Rgb(1, 2, 3)), Color::Reset);
        assert_eq!(Depth::Ansi16.convert(Color::Reset), Color::Reset);
    }
}
