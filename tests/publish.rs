//! Publishing the result (spec §12): the results page and the berita acara, checked in a real
//! browser. Headless Chromium loads each file; the test asserts that no request leaves the page
//! (Chromium's own network log), that nothing reaches the console (a blocked request or script
//! would), that each Juara and each judge's name is in the rendered text, and that the berita acara
//! prints on A4 (poppler's `pdfinfo`). Where Chromium is missing these tests say so and skip;
//! `.ci/run` installs it when it can. The anchors are read back by `verify --jejak`, which refuses
//! a page whose anchor block was edited — that part needs no browser.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test or benchmark may stop on the spot

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn sample() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("reports/lomba-2026")
        .display()
        .to_string()
}

fn tulta(home: &Path, args: &[&str]) -> Output {
    common::tulta_at(home, args)
}

fn ok(o: &Output) {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The browser, headless, with a profile of its own (dropped with the returned folder).
fn browser_cmd(browser: &str) -> (Command, tempfile::TempDir) {
    let profile = tempfile::tempdir().expect("profile");
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
    ])
    .arg(format!("--user-data-dir={}", profile.path().display()));
    (cmd, profile)
}

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| {
            Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

/// What the browser made of a file: the rendered DOM, its console lines, and every URL it asked
/// for that the page could have caused (the browser's own update and account checks left out).
struct Loaded {
    dom: String,
    console: Vec<String>,
    requests: Vec<String>,
}

fn load(browser: &str, page: &Path, work: &Path) -> Loaded {
    let net = work.join(format!(
        "{}.netlog.json",
        page.file_name().and_then(|n| n.to_str()).expect("name")
    ));
    let (mut cmd, _profile) = browser_cmd(browser);
    let o = cmd
        .args([
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--log-net-log={}", net.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run the browser");
    let stderr = String::from_utf8_lossy(&o.stderr);
    let log = std::fs::read_to_string(&net).unwrap_or_default();
    let browser_own = ["google.com", "googleapis.com", "gvt1.com", "gstatic.com"];
    let mut requests: Vec<String> = log
        .split("\"url\":\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|u| !u.starts_with("file:") && !u.starts_with("data:") && !u.is_empty())
        .filter(|u| {
            let host = u
                .split("://")
                .nth(1)
                .and_then(|r| r.split(['/', ':', '?']).next());
            !host.is_some_and(|h| {
                browser_own
                    .iter()
                    .any(|own| h == *own || h.ends_with(&format!(".{own}")))
            })
        })
        .map(str::to_string)
        .collect();
    requests.dedup();
    Loaded {
        dom: String::from_utf8_lossy(&o.stdout).into_owned(),
        console: stderr
            .lines()
            .filter(|l| l.contains(":CONSOLE"))
            .map(str::to_string)
            .collect(),
        requests,
    }
}

/// The visible text of a DOM, as a reader sees it: tags out, entities read.
fn visible(dom: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    let mut skip: Option<&str> = None;
    let mut rest = dom;
    while let Some(c) = rest.chars().next() {
        if let Some(end) = skip {
            match rest.find(end) {
                Some(i) => rest = &rest[i + end.len()..],
                None => break,
            }
            skip = None;
            continue;
        }
        if rest.starts_with("<style") {
            skip = Some("</style>");
        } else if rest.starts_with("<script") {
            skip = Some("</script>");
        } else if c == '<' {
            in_tag = true;
        } else if c == '>' {
            in_tag = false;
            out.push(' ');
        } else if !in_tag {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// Where screenshots go: `TULTA_SCREENSHOTS` when a person wants to look at them, else the
/// test's own folder.
fn screenshot(browser: &str, page: &Path, work: &Path) -> PathBuf {
    let dir =
        std::env::var_os("TULTA_SCREENSHOTS").map_or_else(|| work.to_path_buf(), PathBuf::from);
    let _ = std::fs::create_dir_all(&dir);
    let png = dir.join(format!(
        "{}.png",
        page.file_stem().and_then(|n| n.to_str()).expect("name")
    ));
    browser_writes(
        browser,
        page,
        &[
            "--window-size=1000,2600".into(),
            format!("--screenshot={}", png.display()),
        ],
        &png,
    );
    png
}

/// Has the browser turn `page` into the file `out` (a screenshot, a PDF) with `flags`.
fn browser_writes(browser: &str, page: &Path, flags: &[String], out: &Path) {
    let (mut cmd, _profile) = browser_cmd(browser);
    let o = cmd
        .args(flags)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run the browser");
    assert!(out.is_file(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// The sample's result, as the JSON the HTML was made from: each Juara's OPD.
fn juara(home: &Path) -> Vec<String> {
    let o = tulta(home, &["rank", &sample(), "--format", "json"]);
    ok(&o);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    v["peringkat"]
        .as_array()
        .expect("rows")
        .iter()
        .filter(|r| r["juara"].is_string())
        .map(|r| r["opd"].as_str().expect("opd").to_string())
        .collect()
}

const JUDGES: [&str; 3] = [
    "Dra. Sri Rahayuningsih, M.Si.",
    "dr. Bambang Setiawan, MARS",
    "Dr. Hendra Kusuma, M.AP.",
];

#[test]
fn the_results_page_and_the_berita_acara_load_alone_and_say_the_result() {
    let Some(browser) = chromium() else {
        eprintln!(
            "skipped: Chromium is not installed (apt-get install chromium), so no browser test ran"
        );
        return;
    };
    let home = tempfile::tempdir().expect("tmp");
    let out = home.path();
    let winners = juara(out);
    assert!(winners.len() >= 4, "{winners:?}");
    let mut pages = Vec::new();
    for lang in ["id", "en"] {
        let hasil = out.join(format!("hasil-{lang}.html"));
        ok(&tulta(
            out,
            &[
                "rank",
                &sample(),
                "--output",
                hasil.to_str().expect("utf-8"),
                "--lang",
                lang,
            ],
        ));
        let ba = out.join(format!("berita-acara-{lang}.html"));
        ok(&tulta(
            out,
            &[
                "berita-acara",
                &sample(),
                "--sementara",
                "--nomor",
                "800/123/Org/2026",
                "--tanggal",
                "2026-12-05",
                "--output",
                ba.to_str().expect("utf-8"),
                "--lang",
                lang,
            ],
        ));
        pages.push((lang, hasil, ba));
    }
    for (lang, hasil, ba) in &pages {
        for page in [hasil, ba] {
            let loaded = load(browser, page, out);
            assert!(
                loaded.requests.is_empty(),
                "{}: requests left the page: {:?}",
                page.display(),
                loaded.requests
            );
            assert!(
                loaded.console.is_empty(),
                "{}: console: {:?}",
                page.display(),
                loaded.console
            );
            let text = visible(&loaded.dom);
            for w in &winners {
                assert!(text.contains(w.as_str()), "{}: no {w}", page.display());
            }
            for j in JUDGES {
                assert!(text.contains(j), "{}: no {j}", page.display());
            }
            let banner = if *lang == "id" {
                "SEMENTARA"
            } else {
                "PROVISIONAL"
            };
            assert!(text.contains(banner), "{}: no {banner}", page.display());
            screenshot(browser, page, out);
        }
        let ba_text = visible(&load(browser, ba, out).dom);
        let opening = if *lang == "id" {
            "Pada hari ini Sabtu tanggal Lima bulan Desember tahun Dua Ribu Dua Puluh Enam, bertempat di Tirtanagara"
        } else {
            "On this day, Saturday the 5th of December in the year Two Thousand Twenty-Six, at Tirtanagara"
        };
        assert!(ba_text.contains(opening), "{ba_text}");
        // Under which rules: the fingerprint `tulta aturan` prints, in the opening sentence.
        let rules = if *lang == "id" {
            "(sidik aturan "
        } else {
            "(rules fingerprint "
        };
        assert!(ba_text.contains(rules), "{ba_text}");
        assert!(ba_text.contains(if *lang == "id" { "DRAF" } else { "DRAFT" }));
        // Printed, the berita acara is A4 (595 x 842 points), every page.
        let pdf = out.join(format!("berita-acara-{lang}.pdf"));
        browser_writes(
            browser,
            ba,
            &[
                "--no-pdf-header-footer".into(),
                format!("--print-to-pdf={}", pdf.display()),
            ],
            &pdf,
        );
        match Command::new("pdfinfo")
            .arg("-l")
            .arg("99")
            .arg(&pdf)
            .output()
        {
            Ok(info) if info.status.success() => {
                let info = String::from_utf8_lossy(&info.stdout);
                let sizes: Vec<&str> = info
                    .lines()
                    .filter(|l| l.starts_with("Page") && l.contains("size:"))
                    .collect();
                assert!(!sizes.is_empty(), "{info}");
                for s in sizes {
                    assert!(s.contains("(A4)"), "{s}");
                }
            }
            _ => eprintln!(
                "pdfinfo is missing (apt-get install poppler-utils): page size not checked"
            ),
        }
    }
}

/// A name holding markup is text on the page, never markup: no script runs, nothing is fetched.
#[test]
fn names_from_files_are_text_on_the_page() {
    let home = tempfile::tempdir().expect("tmp");
    let root = home.path().join("lomba");
    common::competition_copy(&root, &home.path().join("data"));
    let hostile = "<script>alert(1)</script><img src=http://example.invalid/x.png>";
    let file = root.join("risalah/tng-2026-dishub-tertib.yaml");
    let text = std::fs::read_to_string(&file).expect("risalah");
    let text = text.replacen("opd: Dinas Perhubungan", &format!("opd: \"{hostile}\""), 1);
    std::fs::write(&file, text).expect("write");
    let page = home.path().join("hasil.html");
    ok(&tulta(
        home.path(),
        &[
            "rank",
            root.to_str().expect("utf-8"),
            "--output",
            page.to_str().expect("utf-8"),
        ],
    ));
    let html = std::fs::read_to_string(&page).expect("page");
    assert!(!html.contains("<script>alert"), "raw markup on the page");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let Some(browser) = chromium() else {
        eprintln!("skipped the browser half: Chromium is not installed");
        return;
    };
    let loaded = load(browser, &page, home.path());
    assert!(loaded.requests.is_empty(), "{:?}", loaded.requests);
    assert!(loaded.console.is_empty(), "{:?}", loaded.console);
    assert!(visible(&loaded.dom).contains(hostile));
    // The check itself can fail: a page that does fetch is caught.
    let leak = home.path().join("leak.html");
    std::fs::write(
        &leak,
        "<!DOCTYPE html><img src=\"http://example.invalid/x.png\">",
    )
    .expect("write");
    assert!(
        !load(browser, &leak, home.path()).requests.is_empty(),
        "the request log sees nothing"
    );
}

/// `verify --jejak` reads the anchors back from the results page and from the berita acara, and
/// refuses a page whose anchor block was edited, or one with a second block.
#[test]
fn verify_reads_the_anchors_of_both_documents_and_refuses_an_edited_block() {
    let home = tempfile::tempdir().expect("tmp");
    let out = home.path();
    let hasil = out.join("hasil.html");
    let ba = out.join("ba.html");
    ok(&tulta(
        out,
        &[
            "rank",
            &sample(),
            "--output",
            hasil.to_str().expect("utf-8"),
        ],
    ));
    ok(&tulta(
        out,
        &[
            "berita-acara",
            &sample(),
            "--sementara",
            "--output",
            ba.to_str().expect("utf-8"),
        ],
    ));
    for page in [&hasil, &ba] {
        let o = tulta(
            out,
            &[
                "verify",
                &sample(),
                "--jejak",
                page.to_str().expect("utf-8"),
                "--lang",
                "en",
            ],
        );
        ok(&o);
        assert!(String::from_utf8_lossy(&o.stdout).contains("juri-2"));
        let html = std::fs::read_to_string(page).expect("page");
        let at = html.find("id=\"tulta-jejak\"").expect("anchor block");
        let key = html[at..].find("\"hash\"").expect("a hash") + at + 6;
        let hash_at = html[key..].find('"').expect("its value") + key + 1;
        let mut edited = html.clone();
        let was = &html[hash_at..hash_at + 1];
        edited.replace_range(hash_at..hash_at + 1, if was == "0" { "1" } else { "0" });
        let bad = out.join("edited.html");
        std::fs::write(&bad, &edited).expect("write");
        let o = tulta(
            out,
            &["verify", &sample(), "--jejak", bad.to_str().expect("utf-8")],
        );
        assert_eq!(o.status.code(), Some(1), "an edited anchor must not verify");
        // A second block (as a page edited to carry other anchors would) is trusted by nobody.
        let block_start = html[..at].rfind("<script").expect("open");
        let block_end = html[at..].find("</script>").expect("close") + at + 9;
        let twice = format!("{}{}", &html[..block_end], &html[block_start..]);
        std::fs::write(&bad, twice).expect("write");
        let o = tulta(
            out,
            &["verify", &sample(), "--jejak", bad.to_str().expect("utf-8")],
        );
        assert_ne!(
            o.status.code(),
            Some(0),
            "two anchor blocks must not verify"
        );
    }
}

/// Not while provisional: a berita acara is signed on a final result, or printed as a draft.
#[test]
fn the_berita_acara_is_refused_while_provisional_unless_it_is_a_draft() {
    let home = tempfile::tempdir().expect("tmp");
    let o = tulta(home.path(), &["berita-acara", &sample(), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("PROVISIONAL"));
    assert!(o.stdout.is_empty());
    let o = tulta(home.path(), &["berita-acara", &sample(), "--sementara"]);
    ok(&o);
    let html = String::from_utf8_lossy(&o.stdout);
    assert!(html.contains("class=\"draf\""));
    let o = tulta(
        home.path(),
        &[
            "berita-acara",
            &sample(),
            "--sementara",
            "--tanggal",
            "5-12-2026",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
}
