//! The ranking screen: the final result or one stage's ranking, by any method and category, and its
//! export.

use super::action::{Action, Context};
use super::judge::JudgeState;
use super::App;
use tulta_core::i18n::Lang;
use tulta_core::judging::ranking::{Kategori, Ranking};
use tulta_core::model::lomba::Agregasi;

/// The view, method and category a ranking was computed for.
pub(super) type RankedFor = (Option<String>, Agregasi, Kategori);

impl JudgeState {
    /// The ranking screen's next view: the final result, then each scored stage.
    pub fn cycle_rank_view(&mut self) {
        let ids: Vec<String> = self.scored_stages().iter().map(|s| s.id.clone()).collect();
        self.rank_view = match &self.rank_view {
            None => ids.first().cloned(),
            Some(t) => ids
                .iter()
                .position(|x| x == t)
                .and_then(|i| ids.get(i + 1))
                .cloned(),
        };
        self.rank_selected = 0;
    }

    /// The ranking in view: the final result, or one stage's.
    pub fn ranking(&self) -> Ranking {
        let wanted = (self.rank_view.clone(), self.metode, self.kategori);
        if let Some((had, r)) = &*self.ranked.borrow() {
            if *had == wanted {
                return r.clone();
            }
        }
        let r = self.compute_ranking();
        self.ranked.replace(Some((wanted, r.clone())));
        r
    }

    fn compute_ranking(&self) -> Ranking {
        match &self.rank_view {
            Some(t) => self
                .judging
                .stage_ranking(t, self.metode, self.kategori)
                .unwrap_or_else(|_| self.judging.ranking(self.metode, self.kategori)),
            None => self.judging.ranking(self.metode, self.kategori),
        }
    }

    pub fn cycle_metode(&mut self) {
        let i = Agregasi::NAMES
            .iter()
            .position(|n| *n == self.metode.as_str())
            .unwrap_or(0);
        let next = Agregasi::NAMES[(i + 1) % Agregasi::NAMES.len()];
        self.metode = Agregasi::parse(next).unwrap_or_default();
    }

    pub fn cycle_kategori(&mut self) {
        self.kategori = match self.kategori {
            Kategori::Semua => Kategori::Opd,
            Kategori::Opd => Kategori::Kelurahan,
            Kategori::Kelurahan => Kategori::Semua,
        };
        self.rank_selected = 0;
    }

    /// Writes the ranking to `path`, the format told by its extension.
    pub fn export(&self, path: &str, lang: Lang) -> Result<String, String> {
        let path = std::path::Path::new(path.trim());
        // Rules changed after scoring with no amendment (spec §11): nothing is published.
        if let Some(change) = self.judging.rule_changes(lang).into_iter().next() {
            return Err(change);
        }
        let ranking = self.ranking();
        let ctx = self.judging.export_context();
        use tulta_core::judging::export::{render, OutputKind};
        let kind = match OutputKind::of_path(path) {
            Some(k @ (OutputKind::Xlsx | OutputKind::Csv | OutputKind::Md)) => k,
            _ => {
                return Err(lang
                    .pick(
                        "akhiri nama berkas dengan .xlsx, .csv atau .md",
                        "end the file name with .xlsx, .csv or .md",
                    )
                    .into())
            }
        };
        let bytes = render(kind, &ranking, &ctx, lang)?;
        tulta_core::files::write_atomic(path, &bytes)
            .map_err(|e| format!("{}: {e}", absolute(&path.display().to_string())))?;
        Ok(absolute(&path.display().to_string()))
    }
}

/// A path as the user can find it again: absolute, whatever folder the app was started in.
fn absolute(path: &str) -> String {
    std::path::absolute(path.trim()).map_or_else(|_| path.to_string(), |p| p.display().to_string())
}

impl App {
    pub(super) fn ranking_action(&mut self, ctx: Context, action: Action) -> bool {
        let lang = self.lang;
        let Some(j) = &mut self.judge else {
            return false;
        };
        if ctx == Context::ExportPath {
            let Some(path) = j.export.as_ref().map(|i| i.value().to_string()) else {
                return false;
            };
            match action {
                Action::Back => j.export = None,
                Action::ClearText => j.export = Some(tui_input::Input::default()),
                // An existing file is never replaced without a second Enter on the same path.
                Action::Save
                    if std::path::Path::new(path.trim()).exists()
                        && j.overwrite.as_deref() != Some(path.as_str()) =>
                {
                    j.overwrite = Some(path.clone());
                    let text = format!(
                        "{} {}",
                        absolute(&path),
                        lang.pick(
                            "sudah ada: Enter lagi untuk menimpa, Esc batal",
                            "exists: Enter again overwrites it, Esc cancels",
                        )
                    );
                    j.say(None, false, text);
                }
                Action::Save => {
                    j.export = None;
                    j.overwrite = None;
                    let said = match j.export(&path, lang) {
                        Ok(written) => (
                            true,
                            format!("{} {written}", lang.pick("ditulis ke", "written to")),
                        ),
                        Err(e) => (false, e),
                    };
                    j.say(None, said.0, said.1);
                }
                _ => return false,
            }
            return true;
        }
        let n = j.ranking().rows.len();
        match action {
            Action::Up => j.rank_selected = j.rank_selected.saturating_sub(1),
            Action::Down => j.rank_selected = (j.rank_selected + 1).min(n.saturating_sub(1)),
            Action::Method => j.cycle_metode(),
            Action::Category => j.cycle_kategori(),
            Action::StageView => j.cycle_rank_view(),
            // The name says what the file holds: competition, method, category.
            Action::Export => {
                j.overwrite = None;
                j.export = Some(tui_input::Input::new(format!(
                    "peringkat-{}{}-{}-{}.xlsx",
                    j.judging.competition.id(),
                    j.rank_view
                        .as_deref()
                        .map_or(String::new(), |t| format!("-{t}")),
                    j.metode.as_str(),
                    j.kategori.as_str()
                )))
            }
            Action::Open => {
                let id = j.ranking().rows.get(j.rank_selected).map(|r| r.id.clone());
                if let Some(row) = id.and_then(|id| self.library.find_id(&id)) {
                    self.open_row(row, 1);
                }
            }
            Action::Back => self.back(),
            _ => return false,
        }
        true
    }
}
