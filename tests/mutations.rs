//! Property test: whatever happens to a valid risalah (lines deleted, duplicated or swapped, bytes
//! flipped, the file cut short), `check` answers with findings, never a panic, and every finding
//! points inside the file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test or benchmark may stop on the spot

use proptest::prelude::*;
use std::borrow::Cow;
use tulta_core::check::check_file;
use tulta_core::files::sources::SourceFile;

const CLEAN: &str = include_str!("fixtures/bersih.yaml");

#[derive(Clone, Debug)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    FlipByte(usize, u8),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        (any::<usize>(), 1u8..=255).prop_map(|(i, x)| Mutation::FlipByte(i, x)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let mut lines: Vec<Vec<u8>> = bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
    let n = lines.len().max(1);
    match *m {
        Mutation::DeleteLine(i) => {
            if !lines.is_empty() {
                lines.remove(i % n);
            }
        }
        Mutation::DuplicateLine(i) => {
            if !lines.is_empty() {
                let line = lines[i % n].clone();
                lines.insert(i % n, line);
            }
        }
        Mutation::SwapLines(a, b) => {
            if !lines.is_empty() {
                lines.swap(a % n, b % n);
            }
        }
        Mutation::FlipByte(i, x) => {
            if !bytes.is_empty() {
                let len = bytes.len();
                bytes[i % len] ^= x;
            }
            return;
        }
        Mutation::Truncate(i) => {
            let len = bytes.len().max(1);
            bytes.truncate(i % len);
            return;
        }
    }
    *bytes = lines.join(&b'\n');
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 10_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_risalah_never_panic(mutations in proptest::collection::vec(mutation(), 1..4)) {
        let mut bytes = CLEAN.as_bytes().to_vec();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        // YAML breaks lines at CR as well as LF (and libyaml at NEL, LS, PS): count as it does.
        let text = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
        let lines = text.split(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']).count();
        let checked = check_file(&SourceFile {
            name: "mutated.yaml".into(),
            size: bytes.len() as u64,
            unreadable: None,
            bytes: Cow::Owned(bytes),
        });
        for d in &checked.diagnostics {
            prop_assert!(d.pos.line >= 1 && d.pos.line <= lines + 1, "line {} of {lines}", d.pos.line);
            prop_assert!(d.pos.column >= 1);
        }
    }
}
