//! The seven tools and the supporting techniques (spec §3), with their accepted aliases.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ToolKind {
    CurahPendapat,
    LembarPeriksa,
    DiagramPareto,
    SebabAkibat,
    Histogram,
    DiagramTebar,
    Grafik,
    Rencana5w1h,
    DiagramAlir,
}

impl ToolKind {
    pub const ALL: [ToolKind; 9] = [
        ToolKind::CurahPendapat,
        ToolKind::LembarPeriksa,
        ToolKind::DiagramPareto,
        ToolKind::SebabAkibat,
        ToolKind::Histogram,
        ToolKind::DiagramTebar,
        ToolKind::Grafik,
        ToolKind::Rencana5w1h,
        ToolKind::DiagramAlir,
    ];

    pub fn id(self) -> &'static str {
        self.names()[0]
    }

    /// The id first, then its aliases.
    pub fn names(self) -> &'static [&'static str] {
        match self {
            ToolKind::CurahPendapat => &["curah_pendapat", "brainstorming"],
            ToolKind::LembarPeriksa => &["lembar_periksa", "check_sheet"],
            ToolKind::DiagramPareto => &["diagram_pareto", "pareto"],
            ToolKind::SebabAkibat => &[
                "diagram_sebab_akibat",
                "tulang_ikan",
                "fishbone",
                "ishikawa",
            ],
            ToolKind::Histogram => &["histogram", "diagram_batang"],
            ToolKind::DiagramTebar => &["diagram_tebar", "scatter"],
            ToolKind::Grafik => &["grafik", "grafik_kendali", "control_chart", "graph"],
            ToolKind::Rencana5w1h => &["rencana_5w1h", "5w1h"],
            ToolKind::DiagramAlir => &["diagram_alir", "flowchart"],
        }
    }

    /// Case-insensitive lookup by id or alias.
    pub fn parse(name: &str) -> Option<ToolKind> {
        let wanted = name.trim().to_lowercase();
        ToolKind::ALL
            .into_iter()
            .find(|kind| kind.names().contains(&wanted.as_str()))
    }

    /// The data keys this tool holds, besides `jenis`.
    pub fn keys(self) -> &'static [&'static str] {
        match self {
            ToolKind::CurahPendapat => &["ide"],
            ToolKind::LembarPeriksa => &["periode", "baris", "total"],
            ToolKind::DiagramPareto => &["butir"],
            ToolKind::SebabAkibat => &["akibat", "kategori"],
            ToolKind::Histogram => &["data", "kelas"],
            ToolKind::DiagramTebar => &["x", "y", "label_x", "label_y", "korelasi"],
            ToolKind::Grafik => &["seri", "batas_atas", "batas_bawah"],
            ToolKind::Rencana5w1h => &["aksi"],
            ToolKind::DiagramAlir => &["langkah"],
        }
    }

    /// Indonesian and English names, for people.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            ToolKind::CurahPendapat => ("Curah pendapat", "Brainstorming"),
            ToolKind::LembarPeriksa => ("Lembar periksa", "Check sheet"),
            ToolKind::DiagramPareto => ("Diagram Pareto", "Pareto diagram"),
            ToolKind::SebabAkibat => ("Diagram sebab-akibat", "Fishbone diagram"),
            ToolKind::Histogram => ("Histogram", "Histogram"),
            ToolKind::DiagramTebar => ("Diagram tebar", "Scatter diagram"),
            ToolKind::Grafik => ("Grafik", "Graph / control chart"),
            ToolKind::Rencana5w1h => ("Rencana 5W1H", "5W1H plan"),
            ToolKind::DiagramAlir => ("Diagram alir", "Flowchart"),
        }
    }

    /// Every accepted name, for "did you mean".
    pub(crate) fn all_names() -> impl Iterator<Item = &'static str> {
        ToolKind::ALL
            .into_iter()
            .flat_map(|k| k.names().iter().copied())
    }
}

/// Tools a step is expected to show (spec §2; optional ones are not listed).
pub(crate) fn expected_tools(nomor: i64) -> &'static [ToolKind] {
    match nomor {
        1 => &[
            ToolKind::CurahPendapat,
            ToolKind::LembarPeriksa,
            ToolKind::DiagramPareto,
        ],
        2 => &[ToolKind::SebabAkibat],
        3 => &[ToolKind::LembarPeriksa, ToolKind::DiagramPareto],
        4 => &[ToolKind::Rencana5w1h],
        6 => &[
            ToolKind::LembarPeriksa,
            ToolKind::DiagramPareto,
            ToolKind::Grafik,
        ],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_are_case_insensitive() {
        assert_eq!(ToolKind::parse("Fishbone"), Some(ToolKind::SebabAkibat));
        assert_eq!(ToolKind::parse(" PARETO "), Some(ToolKind::DiagramPareto));
        assert_eq!(ToolKind::parse("5W1H"), Some(ToolKind::Rencana5w1h));
        assert_eq!(ToolKind::parse("control_chart"), Some(ToolKind::Grafik));
        assert_eq!(ToolKind::parse("paretto"), None);
    }
}
