//! `tulta man`: clap_mangen's pages, and on the top page the sections a man page reader looks for
//! that clap cannot know: EXIT STATUS, ENVIRONMENT and FILES (written with roff, clap_mangen's own
//! writer, so quoting is roff's and not ours).

use std::path::Path;
use tulta_core::i18n::Lang;

/// The top page (`tulta.1`): clap_mangen's sections, then ours.
pub fn page(cmd: clap::Command, lang: Lang) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut out)?;
    extra_sections(lang).to_writer(&mut out)?;
    Ok(out)
}

/// One page per command into `dir` (`tulta.1`, `tulta-check.1`, …), each written whole or not at all.
pub fn write_pages(cmd: clap::Command, dir: &Path, lang: Lang) -> std::io::Result<()> {
    let mut cmd = cmd.disable_help_subcommand(true);
    cmd.build();
    let mut pending: Vec<clap::Command> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .cloned()
        .collect();
    while let Some(sub) = pending.pop() {
        pending.extend(sub.get_subcommands().filter(|s| !s.is_hide_set()).cloned());
        let man = clap_mangen::Man::new(sub);
        let mut out = Vec::new();
        man.render(&mut out)?;
        tulta_core::files::write_atomic(&dir.join(man.get_filename()), &out)?;
    }
    let name = clap_mangen::Man::new(cmd.clone()).get_filename();
    tulta_core::files::write_atomic(&dir.join(name), &page(cmd, lang)?)
}

fn extra_sections(lang: Lang) -> roff::Roff {
    let mut r = roff::Roff::new();
    let item = |r: &mut roff::Roff, term: &str, text: &str| {
        r.control("TP", []);
        r.text([roff::bold(term)]);
        r.text([roff::roman(text)]);
    };
    let (exit, env, files) = match lang {
        Lang::Id => ("STATUS KELUAR", "LINGKUNGAN", "BERKAS"),
        Lang::En => ("EXIT STATUS", "ENVIRONMENT", "FILES"),
    };
    r.control("SH", [exit]);
    for (code, id, en) in EXIT {
        item(&mut r, code, lang.pick(id, en));
    }
    r.control("SH", [env]);
    for (var, id, en) in ENVIRONMENT {
        item(&mut r, var, lang.pick(id, en));
    }
    r.control("SH", [files]);
    for (file, id, en) in FILES {
        item(&mut r, file, lang.pick(id, en));
    }
    r
}

#[rustfmt::skip]
const EXIT: &[(&str, &str, &str)] = &[
    ("0", "Berhasil.", "Success."),
    ("1", "Ada temuan: galat pada check (atau peringatan dengan --strict), jurnal yang diubah pada verify, jurnal yang tidak dihitung utuh pada rank, nilai yang ditolak pada score; halaman tiap perintah merincinya.",
          "A finding: an error from check (or a warning with --strict), an altered journal from verify, a journal not wholly counted by rank, a refused score; each command's page has the details."),
    ("2", "Kesalahan pemakaian, jalur yang tidak ada atau tidak terbaca, keluaran yang tidak dapat ditulis.",
          "A usage error, a path that does not exist or cannot be read, an output that cannot be written."),
    ("101", "Kesalahan dalam tulta sendiri (panic): terminal dipulihkan dan letak log disebutkan.",
            "A fault in tulta itself (a panic): the terminal is restored and the log's place is named."),
];

#[rustfmt::skip]
const ENVIRONMENT: &[(&str, &str, &str)] = &[
    ("TULTA_CONFIG_DIR", "Folder konfigurasi (config.yaml, themes/).", "The config folder (config.yaml, themes/)."),
    ("TULTA_DATA_DIR", "Folder data: jurnal, kunci dan sematan para juri (mis. di flashdisk).", "The data folder: the judges' journals, keys and pins (e.g. on a USB stick)."),
    ("TULTA_CACHE_DIR", "Folder cache: indeks pencarian dan ringkasan overview.", "The cache folder: the search index and the overview's cache."),
    ("TULTA_STATE_DIR", "Folder log (tulta.log).", "The log's folder (tulta.log)."),
    ("TULTA_LOG", "Tingkat log atau filter tracing (mis. debug).", "The log level or a tracing filter (e.g. debug)."),
    ("LC_ALL, LC_MESSAGES, LANG", "Bahasa bila --lang dan bahasa: di konfigurasi tidak ada (en_… untuk Inggris).", "The language when neither --lang nor bahasa: in the config says (en_… for English)."),
    ("NO_COLOR, CLICOLOR, CLICOLOR_FORCE", "Warna pada keluaran, menurut kebiasaan umum; --color mengalahkannya.", "Colour in the output, by the common conventions; --color beats them."),
    ("COLORTERM, WT_SESSION, TERM", "Kedalaman warna aplikasi: 24-bit bila COLORTERM (atau Windows Terminal) menyatakannya, 256 bila TERM menyebutnya, selain itu 16; TERM=dumb tanpa warna.", "The app's colour depth: 24-bit when COLORTERM (or Windows Terminal) says so, 256 when TERM names it, else 16; TERM=dumb, none."),
];

#[rustfmt::skip]
const FILES: &[(&str, &str, &str)] = &[
    ("~/.config/tulta/config.yaml", "Konfigurasi (Linux; di sistem lain `tulta paths` menyebut foldernya).", "The config (Linux; elsewhere `tulta paths` names the folders)."),
    ("~/.config/tulta/themes/NAMA.yaml", "Tema buatan sendiri.", "Your own themes."),
    ("~/.local/share/tulta/LOMBA/JURI.jsonl", "Jurnal seorang juri: satu baris JSON per perubahan, bertanda tangan, berantai hash; di sampingnya JURI.key (kunci pribadi), JURI.kunci (kunci yang disematkan), JURI.head dan JURI.lock.",
        "A judge's journal: one signed, hash-chained JSON line per change; beside it JURI.key (private key), JURI.kunci (pinned key), JURI.head and JURI.lock."),
    ("~/.cache/tulta/index/", "Indeks pencarian arsip (tantivy), satu per folder laporan.", "The archive's search index (tantivy), one per reports folder."),
    ("~/.local/state/tulta/tulta.log", "Log setiap jalannya tulta.", "The log of every run."),
];

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_top_page_has_exit_status_environment_and_files_in_both_languages() {
        for (lang, heads) in [
            (Lang::En, ["EXIT STATUS", "ENVIRONMENT", "FILES"]),
            (Lang::Id, ["STATUS KELUAR", "LINGKUNGAN", "BERKAS"]),
        ] {
            let page =
                String::from_utf8(page(super::super::Cli::command(), lang).unwrap_or_default())
                    .unwrap_or_default();
            for head in heads {
                assert!(
                    page.contains(&format!(".SH \"{head}\""))
                        || page.contains(&format!(".SH {head}")),
                    "{head}"
                );
            }
            assert!(page.contains("TULTA_DATA_DIR"));
        }
    }
}
