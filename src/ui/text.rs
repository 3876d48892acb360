//! Small text helpers shared by the screens: fitting, numbers as people of each language write
//! them, severities and step statuses as symbols and colours.

use crate::app::library::StepStatus;
use crate::theme::Theme;
use ratatui::style::Style;
use tulta_core::diag::Severity;
use tulta_core::i18n::Lang;

/// A progress gauge `width` cells wide: `done` of `of` filled, the rest empty.
pub fn gauge(
    th: &Theme,
    done: usize,
    of: usize,
    width: usize,
) -> [ratatui::text::Span<'static>; 2] {
    let filled = (done * width / of.max(1)).min(width);
    [
        ratatui::text::Span::styled("█".repeat(filled), th.success()),
        ratatui::text::Span::styled("░".repeat(width - filled), th.muted()),
    ]
}

/// A one-line field's text with its cursor drawn where typing goes.
pub fn with_cursor(input: &tui_input::Input, focused: bool) -> String {
    let value = input.value();
    if !focused {
        return value.to_string();
    }
    let at = value
        .char_indices()
        .nth(input.cursor())
        .map_or(value.len(), |(i, _)| i);
    format!("{}▏{}", &value[..at], &value[at..])
}

pub use tulta_core::text::{decimal as fixed, fit, number as num, pad};

/// The part of a source line that fits `width` characters with the 1-based `column` in it, and
/// where that column falls in what is shown (0-based). Cuts are marked with an ellipsis.
pub fn source_window(line: &str, column: usize, width: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    let col = column.saturating_sub(1);
    if chars.len() <= width || width < 8 {
        return (line.to_string(), col);
    }
    // Keep the column a third of the way in, so what leads up to it shows too.
    let start = col
        .saturating_sub(width / 3)
        .min(chars.len().saturating_sub(width - 1));
    let mut shown = String::new();
    let mut caret = col - start;
    let mut take = width;
    if start > 0 {
        shown.push('…');
        take -= 1;
        caret += 1;
    }
    let end = (start + take).min(chars.len());
    if end < chars.len() {
        shown.extend(&chars[start..end - 1]);
        shown.push('…');
    } else {
        shown.extend(&chars[start..end]);
    }
    (shown, caret)
}

/// Wraps text into lines at most `width` terminal columns wide (a wide letter takes two), at
/// spaces where possible, breaking only words longer than a line; runs of spaces are one space.
/// textwrap measures with unicode-width, as ratatui draws.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let options = textwrap::Options::new(width.max(1))
        .break_words(true)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    let mut out = Vec::new();
    for para in text.lines() {
        let words: Vec<&str> = para.split_whitespace().collect();
        out.extend(
            textwrap::wrap(&words.join(" "), &options)
                .into_iter()
                .map(std::borrow::Cow::into_owned),
        );
    }
    if out.is_empty() {
        out.push(String::new());
    }
    out
}

pub fn severity_style(th: &Theme, s: Severity) -> Style {
    match s {
        Severity::Error => th.error(),
        Severity::Warning => th.warning(),
        Severity::Info => th.info(),
    }
}

pub fn severity_name(s: Severity, lang: Lang) -> &'static str {
    match s {
        Severity::Error => lang.pick("galat", "error"),
        Severity::Warning => lang.pick("peringatan", "warning"),
        Severity::Info => "info",
    }
}

/// The severity after a count: English says "0 errors", Indonesian "0 galat".
pub fn severity_count_name(s: Severity, n: usize, lang: Lang) -> &'static str {
    match (s, n == 1) {
        (Severity::Error, false) => lang.pick("galat", "errors"),
        (Severity::Warning, false) => lang.pick("peringatan", "warnings"),
        _ => severity_name(s, lang),
    }
}

/// A symbol that reads without colour, and its colour.
pub fn status_mark(th: &Theme, s: StepStatus) -> (&'static str, Style) {
    match s {
        StepStatus::Clean => ("✓", th.success()),
        StepStatus::Info => ("i", th.info()),
        StepStatus::Warnings => ("!", th.warning()),
        StepStatus::Errors => ("✗", th.error()),
        StepStatus::Missing => ("–", th.error()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_source_line_is_windowed_around_its_column() {
        let line: String = ('a'..='z').cycle().take(120).collect();
        let (shown, caret) = source_window(&line, 83, 40);
        assert_eq!(shown.chars().count(), 40);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(shown.chars().nth(caret), line.chars().nth(82));
        // Near the end, the window ends with the line.
        let (shown, caret) = source_window(&line, 120, 40);
        assert_eq!(shown.chars().count(), 40);
        assert_eq!(shown.chars().nth(caret), line.chars().nth(119));
        // A short line is shown whole.
        assert_eq!(
            source_window("total: 90", 8, 40),
            ("total: 90".to_string(), 7)
        );
    }

    #[test]
    fn numbers_read_as_written_in_each_language() {
        assert_eq!(num(85.25, 1, Lang::Id), "85,3");
        assert_eq!(num(85.0, 1, Lang::En), "85");
        assert_eq!(num(-0.01, 1, Lang::En), "0");
        // Halves round as the ranking and its JSON round them, whatever their binary value.
        assert_eq!(num(3.525, 2, Lang::Id), "3,53");
        assert_eq!(fixed(3.525, 2, Lang::En), "3.53");
        assert_eq!(fixed(64.375, 1, Lang::En), "64.4");
    }

    #[test]
    fn wrap_and_fit_stay_within_width() {
        for line in wrap(
            "Petugas loket belum terlatih memakai aplikasi antrean baru",
            12,
        ) {
            assert!(line.chars().count() <= 12, "{line}");
        }
        // Wide letters take two columns each: counted as characters, these lines would overflow.
        let wide = wrap("会議 記録 報告書 改善活動の結果", 6);
        assert!(wide.len() > 2, "{wide:?}");
        for line in &wide {
            assert!(tulta_core::text::width(line) <= 6, "{line}");
        }
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(pad("ab", 4), "ab  ");
    }
}
