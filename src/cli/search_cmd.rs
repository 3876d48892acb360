//! `tulta index` and `tulta search`: the terminal side of [`tulta_core::search`] — progress bar, notices,
//! and the human and JSON renderings of results.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use tulta_core::files::sources::Root;
use tulta_core::i18n::{Lang, Localized};
use tulta_core::search::{self, Archive, Results, SearchError, Stats};
use tulta_core::text::printable;

/// Output a search renders to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

/// Opens (creating or rebuilding as needed) the index of `root`, brings it up to date and runs
/// `then` on it, with a progress bar on stderr once the work has taken a second. A damaged index
/// is rebuilt and `then` run again (see [`search::open_fresh_then`]). Notices go to stderr, one
/// line each.
pub fn open_fresh<T: Send>(
    root: &Root,
    rebuild: bool,
    lang: Lang,
    then: impl Fn(&Archive) -> Result<T, SearchError> + Sync,
) -> Result<(Archive, Stats, T), SearchError> {
    let dir = search::index_dir(root)?;
    let start = Instant::now();
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    bar.set_style(
        ProgressStyle::with_template("{msg} {wide_bar} {pos}/{len} ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message(lang.pick("mengindeks", "indexing").to_string());
    let shown = AtomicBool::new(false);
    let progress = |done: usize, total: usize| {
        if start.elapsed() > Duration::from_secs(1) && !shown.swap(true, Ordering::Relaxed) {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        bar.set_length(total as u64);
        bar.set_position(done as u64);
        if done == total {
            bar.set_message(lang.pick("menyimpan", "saving").to_string());
        }
    };
    let opened = search::open_fresh_then(&dir, root, rebuild, &progress, then);
    bar.finish_and_clear();
    let opened = opened?;
    for notice in &opened.0.notices {
        eprintln!("tulta: {}", printable(&notice.message(lang)));
    }
    Ok(opened)
}

pub fn index(root: &Root, rebuild: bool, lang: Lang) -> Result<String, SearchError> {
    let (archive, stats, ()) = open_fresh(root, rebuild, lang, |_| Ok(()))?;
    let location = archive.dir().display().to_string();
    archive.finish()?;
    Ok(format!(
        "{}\n{}\n",
        summary(&stats, lang),
        match lang {
            Lang::Id => format!("indeks: {location}"),
            Lang::En => format!("index: {location}"),
        }
    ))
}

/// One line of counts and time.
pub fn summary(s: &Stats, lang: Lang) -> String {
    let secs = s.elapsed.as_secs_f64();
    match lang {
        Lang::Id => format!(
            "{} risalah terindeks dari {} berkas ({} baru, {} diubah, {} dihapus, {} tetap); {} berkas rusak dilewati, {} berkas bukan risalah; {:.2} dtk",
            s.indexed, s.files, s.added, s.updated, s.removed, s.unchanged, s.broken, s.other, secs
        ),
        Lang::En => format!(
            "{} risalah indexed from {} files ({} new, {} changed, {} removed, {} unchanged); {} broken files skipped, {} files not risalah; {:.2} s",
            s.indexed, s.files, s.added, s.updated, s.removed, s.unchanged, s.broken, s.other, secs
        ),
    }
}

pub struct SearchArgs {
    pub query: Option<String>,
    pub similar: Option<String>,
    pub limit: usize,
    pub format: Format,
    pub styled: bool,
}

pub fn search(root: &Root, args: &SearchArgs, lang: Lang) -> Result<String, SearchError> {
    let (_, _, results) = open_fresh(root, false, lang, |archive| {
        match (&args.similar, &args.query) {
            (Some(id), _) => search::similar(archive, id, args.limit),
            (None, Some(q)) => search::search(archive, q, args.limit),
            (None, None) => Ok(search::Results::default()),
        }
    })?;
    let base = match root {
        Root::Disk(dir) if dir.is_dir() => Some(dir.clone()),
        Root::Disk(file) => file.parent().map(PathBuf::from),
        Root::Builtin => None,
    };
    let path_of = |rel: &str| match &base {
        Some(dir) => tulta_core::files::sources::path_name(&dir.join(rel)),
        None => rel.to_string(),
    };
    Ok(match args.format {
        Format::Json => json(&results, &path_of) + "\n",
        Format::Human => human(&results, args, lang, &path_of),
    })
}

/// The JSON contract (docs/schemas/search.schema.json): the snippet as plain text, the matched
/// words as character ranges in it, no markup inside any text.
fn json(r: &Results, path_of: &dyn Fn(&str) -> String) -> String {
    let hits: Vec<serde_json::Value> = r
        .hits
        .iter()
        .map(|h| {
            let (cuplikan, sorotan) = h.cuplikan.positioned();
            serde_json::json!({
                "id": h.id,
                "judul": h.judul,
                "opd": h.opd,
                "tahun": h.tahun,
                "skor": (h.skor as f64 * 1000.0).round() / 1000.0,
                "langkah": h.langkah,
                "cuplikan": cuplikan,
                "sorotan": sorotan,
                "berkas": path_of(&h.path),
            })
        })
        .collect();
    tulta_core::text::json_escaped(
        serde_json::json!({ "versi": tulta_core::JSON_VERSION, "total": r.total, "hasil": hits })
            .to_string(),
    )
}

fn human(r: &Results, args: &SearchArgs, lang: Lang, path_of: &dyn Fn(&str) -> String) -> String {
    let (open, close) = if args.styled {
        ("\x1b[1;33m", "\x1b[0m")
    } else {
        ("**", "**")
    };
    let mut out = String::new();
    for (typed, near) in &r.corrections {
        out.push_str(&match lang {
            Lang::Id => format!(
                "juga dicari, mungkin salah ketik: {} → {}\n",
                printable(typed),
                printable(&near.join(", "))
            ),
            Lang::En => format!(
                "also searched, in case of a typo: {} → {}\n",
                printable(typed),
                printable(&near.join(", "))
            ),
        });
    }
    let heading = match (&args.similar, lang) {
        (Some(id), Lang::Id) => format!("{} risalah mirip dengan {}", r.total, printable(id)),
        (Some(id), Lang::En) => format!("{} risalah similar to {}", r.total, printable(id)),
        (None, Lang::Id) => format!("{} risalah cocok", r.total),
        (None, Lang::En) => format!("{} risalah match", r.total),
    };
    out.push_str(&heading);
    if r.total > r.hits.len() {
        out.push_str(&match lang {
            Lang::Id => format!(
                ", {} teratas ditampilkan (--limit untuk lebih)",
                r.hits.len()
            ),
            Lang::En => format!(", top {} shown (--limit for more)", r.hits.len()),
        });
    }
    out.push('\n');
    for (i, h) in r.hits.iter().enumerate() {
        out.push('\n');
        out.push_str(&format!("{}. {}\n", i + 1, printable(&h.judul)));
        let tahun = h.tahun.map_or_else(|| "-".to_string(), |t| t.to_string());
        out.push_str(&format!(
            "   {} · {} · {tahun} · {} {}\n",
            printable(&h.id),
            printable(&h.opd),
            lang.pick("skor", "score"),
            tulta_core::text::decimal(f64::from(h.skor), 2, lang)
        ));
        let snippet = h.cuplikan.marked(open, close);
        match h
            .langkah
            .and_then(|n| Some((n, tulta_core::model::steps::name(n)?)))
        {
            Some((n, (id_name, en_name))) => {
                out.push_str(&format!(
                    "   {} {n} ({}): {snippet}\n",
                    lang.pick("langkah", "step"),
                    lang.pick(id_name, en_name)
                ));
            }
            _ if !snippet.is_empty() => out.push_str(&format!("   {snippet}\n")),
            _ => {}
        }
        out.push_str(&format!("   {}\n", printable(&path_of(&h.path))));
    }
    out
}
