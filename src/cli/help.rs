//! Help in the user's language. The English texts are the doc comments clap's derive reads; the
//! Indonesian ones are set over them here, with clap's own headings, flags and errors, so that
//! `tulta --help` speaks Indonesian by default like everything else. Examples and exit statuses
//! of every subcommand live here, in both languages.

use super::UsageError;
use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};
use tulta_core::i18n::Lang;

/// Indonesian help for each argument: (subcommand or "" for the top level, argument id, text).
const ARGS_ID: &[(&str, &str, &str)] = &[
    ("", "lang", "Bahasa pesan: id (Indonesia) atau en (Inggris). Bawaan: dari konfigurasi, lalu LANG, lalu id."),
    ("", "path", "Folder lomba atau laporan (atau satu risalah) yang dibuka di aplikasi."),
    ("", "theme", "Tema warna: gelap, terang, kontras, atau themes/NAMA.yaml Anda sendiri di folder konfigurasi."),
    ("", "no_mouse", "Matikan tetikus (hanya papan ketik; terminal dapat memilih teks)."),
    ("", "summary", "Cetak ringkasan teks alih-alih membuka aplikasi (juga bila keluaran bukan terminal)."),
    ("", "juri", "Di aplikasi: menilai sebagai juri ini (id dari lomba.yaml); diingat di konfigurasi."),
    ("", "color", "Warna pada keluaran: auto (bila terminal; NO_COLOR dan CLICOLOR_FORCE dihormati), always atau never."),
    ("", "verbose", "Tulis log rinci juga ke stderr (log selalu ada di folder state/cache; TULTA_LOG mengatur tingkatnya)."),
    ("check", "paths", "Berkas atau folder (folder ditelusuri untuk *.yaml dan *.yml); `-` membaca satu berkas dari masukan standar. Bawaan: ./reports, kalau tidak ada contoh bawaan."),
    ("check", "quiet", "Jangan cetak apa pun: status keluar saja yang menyatakan ada galat atau tidak."),
    ("check", "format", "Keluaran untuk orang (human) atau skrip (json)."),
    ("check", "strict", "Gagal (status 1) juga karena peringatan."),
    ("explain", "code", "Kode seperti T201."),
    ("score", "lomba", "Lomba: lomba.yaml-nya atau folder yang memuatnya. Bawaan: ./reports, kalau tidak ada contoh bawaan."),
    ("score", "juri", "Id juri di lomba.yaml."),
    ("score", "risalah", "Id risalah peserta."),
    ("score", "kriteria", "Id kriteria di rubrik (mis. L3)."),
    ("score", "nilai", "Nilai pada skala rubrik; boleh setengah (mis. 3.5)."),
    ("score", "catatan", "Catatan untuk kriteria ini."),
    ("score", "tahap", "Tahap (spesifikasi §8). Bawaan: tahap bernilai pertama."),
    ("rank", "tahap", "Peringkat satu tahap (spesifikasi §8) alih-alih hasil akhir."),
    ("progress", "tahap", "Hanya tahap ini (bawaan: setiap tahap bernilai)."),
    ("undian", "lomba", "Lomba (lomba.yaml atau foldernya)."),
    ("undian", "tahap", "Tahap yang urutannya diundi (pesertanya: yang sampai ke tahap itu)."),
    ("undian", "benih", "Benih: benih yang sama selalu mengundi urutan yang sama. Bawaan: tanggal hari ini, YYYYMMDD."),
    ("undian", "ulang", "Undi lagi walau urutan sudah disimpan (menyebut apa yang berubah)."),
    ("score", "stdin", "Baca banyak nilai dari masukan standar, satu per baris: RISALAH KRITERIA NILAI [CATATAN]."),
    ("rank", "lomba", "Lomba (lomba.yaml atau foldernya). Bawaan: ./reports, kalau tidak ada contoh bawaan."),
    ("rank", "metode", "Agregasi: rata_rata, median, rata_rata_terpangkas atau z_skor. Bawaan: milik lomba."),
    ("rank", "kategori", "Kelompok mana: opd, kelurahan atau semua."),
    ("rank", "format", "table untuk orang, json untuk skrip, csv atau xlsx untuk lembar kerja, md untuk laporan, html untuk halaman hasil."),
    ("rank", "output", "Tulis ke BERKAS alih-alih keluaran standar."),
    ("rank", "allow_partial", "Terbitkan juga bila ada jurnal rusak atau berisi baris yang ditolak lomba (kalau tidak, status 1); keluarannya lalu menyebut juri yang tidak dihitung utuh."),
    ("verify", "jejak", "Peringkat yang sudah diterbitkan (JSON, Markdown, XLSX atau HTML dari `tulta rank`, atau berita acara): periksa bahwa jurnal masih diawali tepat dengan baris yang dipakai menghitungnya."),
    ("kunci", "lomba", "Lomba (lomba.yaml atau foldernya)."),
    ("aturan", "lomba", "Lomba (lomba.yaml atau foldernya)."),
    ("aturan", "ubah", "Catat perubahan aturan: aturan sengaja diubah sesudah penilaian dimulai."),
    ("aturan", "alasan", "Mengapa aturan berubah (disimpan di jurnal koordinator dan di setiap keluaran peringkat)."),
    ("kunci", "juri", "Id juri di lomba.yaml, atau `koordinator` untuk kunci koordinator (perubahan aturan)."),
    ("verify", "target", "Lomba (lomba.yaml atau foldernya) atau satu berkas jurnal. Bawaan: ./reports, kalau tidak ada contoh bawaan."),
    ("progress", "lomba", "Lomba (lomba.yaml atau foldernya)."),
    ("berita-acara", "lomba", "Lomba (lomba.yaml atau foldernya). Bawaan: ./reports, kalau tidak ada contoh bawaan."),
    ("berita-acara", "output", "Tulis ke BERKAS.html alih-alih keluaran standar."),
    ("berita-acara", "nomor", "Nomor surat berita acara, menurut buku agenda penyelenggara."),
    ("berita-acara", "tempat", "Tempat penandatanganan. Bawaan: kota atau kabupaten dalam nama penyelenggara."),
    ("berita-acara", "tanggal", "Tanggal penandatanganan, TTTT-BB-HH. Bawaan: hari ini."),
    ("berita-acara", "sementara", "Susun hasil yang masih sementara sebagai draf: setiap halaman bertuliskan DRAF."),
    ("berita-acara", "force", "Timpa BERKAS walaupun hanya-baca."),
    ("import", "lomba", "Lomba (lomba.yaml atau foldernya)."),
    ("import", "files", "Berkas jurnal (*.jsonl)."),
    ("index", "dir", "Folder laporan. Bawaan: ./reports, kalau tidak ada contoh bawaan."),
    ("index", "rebuild", "Buang indeks dan bangun ulang dari YAML."),
    ("search", "query", "Kueri, mis. 'antrean loket', '\"waktu tunggu\" tahun:>=2022', 'alat:pareto NOT opd:rsud'."),
    ("search", "dir", "Folder laporan. Bawaan: ./reports, kalau tidak ada contoh bawaan."),
    ("search", "limit", "Jumlah hasil paling banyak."),
    ("search", "format", "Keluaran untuk orang (human) atau skrip (json)."),
    ("search", "similar", "Laporan yang mirip dengan laporan ber-id ini (\"amati, tiru, modifikasi\"), alih-alih kueri."),
    ("draft", "file", "Berkas risalah yang sedang ditulis."),
    ("draft", "theme", "Tema warna: gelap, terang, kontras, atau themes/NAMA.yaml Anda sendiri di folder konfigurasi."),
    ("draft", "no_mouse", "Matikan tetikus (hanya papan ketik; terminal dapat memilih teks)."),
    ("new", "file", "Ke mana ditulis; berkas yang sudah ada tidak ditimpa kecuali dengan --force."),
    ("new", "force", "Timpa BERKAS bila sudah ada."),
    ("completions", "shell", "Shell: bash, zsh, fish, powershell atau elvish."),
    ("man", "dir", "Tulis satu halaman per perintah (tulta.1, tulta-check.1, …) ke folder ini alih-alih keluaran standar."),
];

/// Indonesian one-line descriptions of the subcommands.
const ABOUT_ID: &[(&str, &str)] = &[
    ("check", "Periksa berkas risalah, lomba dan rubrik: setiap temuan dengan berkas, baris dan kolom."),
    ("explain", "Jelaskan kode diagnostik, dengan contoh salah dan benar."),
    ("score", "Catat nilai satu juri untuk satu kriteria satu peserta (tersimpan seketika, tahan mati listrik)."),
    ("rank", "Peringkat peserta dari jurnal semua juri."),
    ("verify", "Periksa jurnal setiap juri: rantai hash, tanda tangan terhadap kunci yang disematkan, dan setiap baris terhadap lomba (atau satu berkas .jsonl saja). Status 1 bila ada yang salah."),
    ("kunci", "Cetak kunci publik juri dan sidik jarinya (dibuat sekarang bila juri belum punya di sini), untuk disematkan panitia sebagai `kunci:` di lomba.yaml."),
    ("aturan", "Cetak sidik aturan dan dari apa sidik itu dibuat (spesifikasi §11); dengan --ubah, catat perubahan aturan bertanda tangan koordinator yang menautkan aturan lama ke aturan yang berlaku."),
    ("progress", "Per juri: peserta selesai, sedang dinilai, belum disentuh, dan terhalang konflik."),
    ("undian", "Undi urutan tampil satu tahap (gelar), dapat diulang dari benihnya (spesifikasi §8)."),
    ("berita-acara", "Berita acara hasil penilaian (spesifikasi §12): hasil akhir untuk dicetak di kertas A4, dengan kolom tanda tangan setiap juri dan penyelenggara serta jejak jurnal dalam huruf kecil."),
    ("import", "Terima jurnal yang dibawa dari komputer lain (diperiksa dulu; tidak pernah digabung)."),
    ("index", "Bangun atau perbarui indeks pencarian folder laporan (hanya berkas yang berubah dibaca)."),
    ("search", "Cari di arsip risalah: kata, \"frasa\", kolom:nilai (tahun, daerah, opd, jenis, alat, langkah…), AND / OR / NOT, tahun:[2020 TO 2023]. Mengindeks dulu bila perlu."),
    ("draft", "Pantau draf risalah: temuan dan langkahnya, diperiksa ulang setiap kali berkas disimpan."),
    ("new", "Tulis templat risalah dengan komentar di setiap kunci (ke BERKAS, atau ke keluaran standar)."),
    ("completions", "Cetak skrip pelengkapan (tab) untuk shell."),
    ("paths", "Cetak di mana tulta menyimpan konfigurasi, data (kunci dan jurnal juri), cache (indeks pencarian) dan log di sistem ini."),
    ("man", "Cetak halaman manual (man) tulta."),
    ("help", "Tampilkan bantuan ini atau bantuan perintah yang disebut."),
];

const ABOUT_ID_TOP: &str =
    "Periksa, baca dan nilai risalah budaya kerja TULTA (Tujuh Alat, Tujuh Langkah)";
const LONG_ABOUT_ID_TOP: &str = "tulta membaca risalah TULTA (Tujuh Alat, Tujuh Langkah) yang ditulis dalam YAML.\n\n\
    Tanpa perintah, tulta membuka aplikasi pada PATH (bawaan: ./reports bila ada, kalau tidak contoh \
    bawaan): ikhtisar peserta, setiap risalah langkah demi langkah, pencarian arsip, dan pantauan draf. \
    Tombol: ? untuk bantuan, q untuk keluar.\n\n\
    Konfigurasi: config.yaml di folder konfigurasi (TULTA_CONFIG_DIR menggantinya), kunci bahasa, \
    tema, laporan, tetikus, juri.\n\n\
    Language: Indonesian by default; --lang en, or LANG=en_…, for English.";

/// Examples and exit statuses: (subcommand or "" for the top level, Indonesian, English).
const AFTER: &[(&str, &str, &str)] = &[
    ("",
     "Contoh:\n  tulta                          buka aplikasi pada ./reports (atau contoh bawaan)\n  tulta reports/lomba-2026       buka satu lomba\n  tulta --summary > ringkas.txt  ringkasan teks\n  tulta check --help             bantuan satu perintah\n\nStatus keluar: 0 berhasil, 2 kesalahan pemakaian atau jalur yang tidak terbaca.",
     "Examples:\n  tulta                          open the app on ./reports (or the built-in sample)\n  tulta reports/lomba-2026       open one competition\n  tulta --summary > summary.txt  the plain-text summary\n  tulta check --help             help on one command\n\nExit status: 0 success, 2 a usage error or an unreadable path."),
    ("check",
     "Contoh:\n  tulta check reports/\n  tulta check draf.yaml --strict\n  tulta check reports/ --format json > temuan.json\n  tulta check - < draf.yaml\n  tulta check -q draf.yaml && echo siap\n\nStatus keluar: 0 tanpa galat, 1 ada galat (atau peringatan dengan --strict), 2 kesalahan pemakaian atau jalur yang tidak terbaca.\nArti sebuah kode: tulta explain T201",
     "Examples:\n  tulta check reports/\n  tulta check draft.yaml --strict\n  tulta check reports/ --format json > findings.json\n  tulta check - < draft.yaml\n  tulta check -q draft.yaml && echo ready\n\nExit status: 0 no error, 1 an error (or a warning with --strict), 2 a usage error or an unreadable path.\nWhat a code means: tulta explain T201"),
    ("explain",
     "Contoh:\n  tulta explain T201\n  tulta explain t303 --lang en\n\nStatus keluar: 0 berhasil, 2 kode tidak dikenal.",
     "Examples:\n  tulta explain T201\n  tulta explain t303 --lang id\n\nExit status: 0 success, 2 an unknown code."),
    ("score",
     "Contoh:\n  tulta score reports/lomba-2026 --juri J1 --risalah R01 --kriteria L3 --nilai 3.5\n  tulta score reports/lomba-2026 --juri J1 --stdin < nilai.txt\n\nStatus keluar: 0 tersimpan, 1 ditolak (konflik, kriteria atau nilai tidak sah; tidak ada yang ditulis), 2 kesalahan pemakaian.",
     "Examples:\n  tulta score reports/lomba-2026 --juri J1 --risalah R01 --kriteria L3 --nilai 3.5\n  tulta score reports/lomba-2026 --juri J1 --stdin < scores.txt\n\nExit status: 0 saved, 1 refused (a conflict, an unknown criterion or a score off the scale; nothing is written), 2 a usage error."),
    ("rank",
     "Contoh:\n  tulta rank reports/lomba-2026\n  tulta rank reports/lomba-2026 --metode median --kategori opd\n  tulta rank reports/lomba-2026 --format xlsx --output peringkat.xlsx\n\nStatus keluar: 0 berhasil, 1 ada jurnal yang tidak dihitung utuh (tanpa --allow-partial) atau aturan berubah tanpa perubahan aturan yang mencatatnya (`tulta aturan`), 2 kesalahan pemakaian atau berkas yang tidak dapat ditulis.",
     "Examples:\n  tulta rank reports/lomba-2026\n  tulta rank reports/lomba-2026 --metode median --kategori opd\n  tulta rank reports/lomba-2026 --format xlsx --output ranking.xlsx\n\nExit status: 0 success, 1 a journal not wholly counted (without --allow-partial) or rules changed with no amendment recording it (`tulta aturan`), 2 a usage error or a file that cannot be written."),
    ("verify",
     "Contoh:\n  tulta verify reports/lomba-2026\n  tulta verify reports/lomba-2026 --jejak peringkat.xlsx\n  tulta verify J1.jsonl\n\nStatus keluar: 0 semua jurnal utuh, 1 ada jurnal yang diubah atau rusak, 2 kesalahan pemakaian.",
     "Examples:\n  tulta verify reports/lomba-2026\n  tulta verify reports/lomba-2026 --jejak ranking.xlsx\n  tulta verify J1.jsonl\n\nExit status: 0 every journal intact, 1 a journal altered or damaged, 2 a usage error."),
    ("kunci",
     "Contoh:\n  tulta kunci reports/lomba-2026 --juri juri-1\n\nStatus keluar: 0 berhasil, 2 juri tidak dikenal atau kesalahan pemakaian.",
     "Examples:\n  tulta kunci reports/lomba-2026 --juri juri-1\n\nExit status: 0 success, 2 an unknown judge or a usage error."),
    ("aturan",
     "Contoh:\n  tulta aturan reports/lomba-2026\n  tulta aturan reports/lomba-2026 --ubah --alasan \"Juri 3 sakit; dikeluarkan dari tahap risalah\"\n\nStatus keluar: 0 berhasil, 1 aturan berubah sesudah penilaian dimulai tanpa perubahan aturan yang mencatatnya, 2 kesalahan pemakaian.",
     "Examples:\n  tulta aturan reports/lomba-2026\n  tulta aturan reports/lomba-2026 --ubah --alasan \"Judge 3 is ill; taken out of stage risalah\"\n\nExit status: 0 success, 1 the rules changed after scoring began and no amendment records it, 2 a usage error."),
    ("progress",
     "Contoh:\n  tulta progress reports/lomba-2026\n\nStatus keluar: 0 berhasil, 2 kesalahan pemakaian.",
     "Examples:\n  tulta progress reports/lomba-2026\n\nExit status: 0 success, 2 a usage error."),
    ("undian",
     "Contoh:\n  tulta undian reports/lomba-2026 --tahap gelar --benih 20261202\n  tulta undian reports/lomba-2026 --tahap gelar --benih 20261203 --ulang\n\nBenih yang sama selalu memberi urutan yang sama (ChaCha8, Fisher–Yates): umumkan benihnya agar siapa pun dapat mengulang undian.\nUrutan yang diundi disimpan di folder data bersama benihnya; aplikasi memakainya untuk daftar dan giliran tahap itu. Mengundi lagi perlu --ulang, dan menyebut apa yang berubah.\nStatus keluar: 0 berhasil, 1 belum ada peserta yang sampai ke tahap itu, 2 tahap tidak dikenal, urutan sudah diundi dengan benih lain (tanpa --ulang) atau kesalahan pemakaian.",
     "Examples:\n  tulta undian reports/lomba-2026 --tahap gelar --benih 20261202\n  tulta undian reports/lomba-2026 --tahap gelar --benih 20261203 --ulang\n\nThe same seed always gives the same order (ChaCha8, Fisher–Yates): announce the seed so that anyone can redo the draw.\nThe order drawn is kept in the data folder with its seed; the app lists and walks the stage in it. Drawing again needs --ulang, and says what changed.\nExit status: 0 success, 1 no entry has reached that stage yet, 2 an unknown stage, an order already drawn with another seed (without --ulang) or a usage error."),
    ("berita-acara",
     "Contoh:\n  tulta berita-acara reports/lomba-2026 --output berita-acara.html --nomor 800/123/Org/2026\n  tulta berita-acara reports/lomba-2026 --sementara --tempat Tirtanagara --tanggal 2026-12-05 > draf.html\n\nBuka berkasnya di peramban dan cetak (Ctrl-P) ke kertas A4. Periksa kembali dengan: tulta verify LOMBA --jejak berita-acara.html\nStatus keluar: 0 ditulis, 1 hasil masih sementara (tanpa --sementara) atau ada jurnal yang tidak dihitung utuh, 2 kesalahan pemakaian atau berkas yang tidak dapat ditulis.",
     "Examples:\n  tulta berita-acara reports/lomba-2026 --output minutes.html --nomor 800/123/Org/2026\n  tulta berita-acara reports/lomba-2026 --sementara --tempat Tirtanagara --tanggal 2026-12-05 > draft.html\n\nOpen the file in a browser and print it (Ctrl-P) on A4. Check it later with: tulta verify LOMBA --jejak minutes.html\nExit status: 0 written, 1 the result is still provisional (without --sementara) or a journal is not wholly counted, 2 a usage error or a file that cannot be written."),
    ("import",
     "Contoh:\n  tulta import reports/lomba-2026 /media/usb/J2.jsonl /media/usb/J3.jsonl\n\nStatus keluar: 0 diterima, 1 ditolak (rantai hash rusak, juri tidak dikenal, jurnal bercabang), 2 kesalahan pemakaian.",
     "Examples:\n  tulta import reports/lomba-2026 /media/usb/J2.jsonl /media/usb/J3.jsonl\n\nExit status: 0 taken, 1 refused (a broken hash chain, an unknown judge, a journal that forked), 2 a usage error."),
    ("index",
     "Contoh:\n  tulta index --in reports/\n  tulta index --in /data/arsip --rebuild\n\nStatus keluar: 0 berhasil, 2 kesalahan pemakaian atau indeks yang tidak dapat ditulis.",
     "Examples:\n  tulta index --in reports/\n  tulta index --in /data/archive --rebuild\n\nExit status: 0 success, 2 a usage error or an index that cannot be written."),
    ("search",
     "Contoh:\n  tulta search 'antrean loket'\n  tulta search '\"waktu tunggu\" tahun:>=2022' --limit 5\n  tulta search --similar R2025-014 --format json\n\nStatus keluar: 0 berhasil (juga tanpa hasil), 2 kueri tidak sah atau kesalahan pemakaian.",
     "Examples:\n  tulta search 'antrean loket'\n  tulta search '\"waktu tunggu\" tahun:>=2022' --limit 5\n  tulta search --similar R2025-014 --format json\n\nExit status: 0 success (also with no hits), 2 a bad query or a usage error."),
    ("draft",
     "Contoh:\n  tulta draft risalah-saya.yaml\n  tulta draft risalah-saya.yaml --theme terang\n\nStatus keluar: 0 selesai, 2 berkas tidak ada atau kesalahan pemakaian.",
     "Examples:\n  tulta draft my-risalah.yaml\n  tulta draft my-risalah.yaml --theme terang\n\nExit status: 0 done, 2 no such file or a usage error."),
    ("new",
     "Contoh:\n  tulta new risalah-saya.yaml\n  tulta new > templat.yaml\n\nStatus keluar: 0 ditulis, 2 berkas sudah ada (tanpa --force) atau tidak dapat ditulis.",
     "Examples:\n  tulta new my-risalah.yaml\n  tulta new > template.yaml\n\nExit status: 0 written, 2 the file exists (without --force) or cannot be written."),
    ("completions",
     "Contoh:\n  tulta completions bash > ~/.local/share/bash-completion/completions/tulta\n  tulta completions zsh > ~/.zfunc/_tulta\n  tulta completions fish > ~/.config/fish/completions/tulta.fish\n\nStatus keluar: 0 berhasil, 2 shell tidak dikenal.",
     "Examples:\n  tulta completions bash > ~/.local/share/bash-completion/completions/tulta\n  tulta completions zsh > ~/.zfunc/_tulta\n  tulta completions fish > ~/.config/fish/completions/tulta.fish\n\nExit status: 0 success, 2 an unknown shell."),
    ("man",
     "Contoh:\n  tulta man > tulta.1 && man -l tulta.1\n  tulta man --dir ~/.local/share/man/man1\n\nStatus keluar: 0 berhasil, 2 folder yang tidak dapat ditulis.",
     "Examples:\n  tulta man > tulta.1 && man -l tulta.1\n  tulta man --dir ~/.local/share/man/man1\n\nExit status: 0 success, 2 a folder that cannot be written."),
    ("paths",
     "Contoh:\n  tulta paths\n  TULTA_DATA_DIR=/media/usb/tulta tulta paths\n\nStatus keluar: 0 berhasil.",
     "Examples:\n  tulta paths\n  TULTA_DATA_DIR=/media/usb/tulta tulta paths\n\nExit status: 0 success."),
    ("help",
     "Contoh:\n  tulta help check\n\nStatus keluar: 0 berhasil, 2 perintah tidak dikenal.",
     "Examples:\n  tulta help check\n\nExit status: 0 success, 2 an unknown command."),
];

/// The command with its texts in `lang`: examples on every subcommand, and in Indonesian the
/// descriptions, headings and the help and version flags too.
pub fn localise(cmd: Command, lang: Lang) -> Command {
    let mut cmd = with_own_help(cmd, lang);
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in &subcommands {
        cmd = cmd.mut_subcommand(name, |s| with_own_help(s, lang));
    }
    for (sub, id, en) in AFTER {
        let text = lang.pick(id, en);
        cmd = if sub.is_empty() {
            cmd.after_help(text)
        } else {
            cmd.mut_subcommand(*sub, |s| s.after_help(text))
        };
    }
    if lang == Lang::En {
        return cmd;
    }
    cmd = cmd
        .about(ABOUT_ID_TOP)
        .long_about(LONG_ABOUT_ID_TOP)
        .help_template(template(true, true))
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Tampilkan versi"),
        );
    for (sub, text) in ABOUT_ID {
        cmd = cmd.mut_subcommand(*sub, |s| {
            let positionals = s.get_positionals().next().is_some();
            let subs = s.has_subcommands();
            s.about(*text)
                .long_about(None::<&str>)
                .help_template(template(positionals, subs))
        });
    }
    for (sub, arg, text) in ARGS_ID {
        let set = |a: Arg| with_choices(a.help(*text).long_help(None::<&str>));
        cmd = if sub.is_empty() {
            cmd.mut_arg(*arg, set)
        } else {
            cmd.mut_subcommand(*sub, |s| s.mut_arg(*arg, set))
        };
    }
    // clap writes "Usage:" and "[OPTIONS]" itself; the usage line is rendered once and set back.
    cmd.build();
    let usage = |c: &mut Command| {
        let u = c.render_usage().to_string();
        let u = u.strip_prefix("Usage: ").unwrap_or(&u).to_string();
        u.replace("[OPTIONS]", "[OPSI]")
            .replace("[COMMAND]", "[PERINTAH]")
    };
    let top = usage(&mut cmd);
    cmd = cmd.override_usage(top);
    for name in &subcommands {
        cmd = cmd.mut_subcommand(name, |mut s| {
            let u = usage(&mut s);
            s.override_usage(u)
        });
    }
    cmd
}

/// clap's "[default: …]" and "[possible values: …]" said in Indonesian.
fn with_choices(a: Arg) -> Arg {
    let mut extra = String::new();
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() {
        extra.push_str(&format!(" [bawaan: {}]", defaults.join(", ")));
    }
    let choices: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|p| !p.is_hide_set())
        .map(|p| p.get_name().to_string())
        .collect();
    if !choices.is_empty() {
        extra.push_str(&format!(" [pilihan: {}]", choices.join(", ")));
    }
    if !a.get_action().takes_values() {
        return a;
    }
    let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
    a.help(format!("{help}{extra}"))
        .hide_default_value(true)
        .hide_possible_values(true)
}

/// Our own `-h/--help` (clap's says "Print help" in English whatever the language) and our own
/// `help` subcommand, for the same reason.
fn with_own_help(cmd: Command, lang: Lang) -> Command {
    let top = cmd.get_name() == "tulta";
    let mut cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(lang.pick("Tampilkan bantuan", "Print help")),
    );
    if top {
        cmd = cmd.disable_help_subcommand(true).subcommand(
            Command::new("help")
                .about("Print this message or the help of the given subcommand(s)")
                .arg(Arg::new("command").num_args(0..).value_name("COMMAND")),
        );
    }
    cmd
}

/// clap's layout with Indonesian headings; a heading is written only where it has entries.
fn template(positionals: bool, subcommands: bool) -> String {
    let mut t = String::from("{before-help}{about-with-newline}\nPemakaian: {usage}\n\n");
    if subcommands {
        t.push_str("Perintah:\n{subcommands}\n\n");
    }
    if positionals {
        t.push_str("Argumen:\n{positionals}\n\n");
    }
    t.push_str("Opsi:\n{options}{after-help}");
    t
}

/// `tulta help [COMMAND…]`: the help of the command named (or of tulta), as `--help` prints it.
pub fn print_help_of(mut cmd: Command, path: &[String]) -> Result<(), UsageError> {
    for name in path {
        cmd = match cmd.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => return Err(UsageError::UnknownCommand(name.clone())),
        };
    }
    cmd.print_long_help().map_err(super::stdout_error)
}

/// A clap error in Indonesian: what is wrong and the usage, like clap's own but in the user's
/// language. Help and version requests are not errors and are printed by clap itself.
pub fn error_in_indonesian(e: &clap::Error) -> String {
    let value = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v
            .iter()
            .map(StyledStr::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let arg = value(ContextKind::InvalidArg);
    let suggestion = value(ContextKind::SuggestedArg);
    let what = match e.kind() {
        ErrorKind::UnknownArgument => format!("argumen `{arg}` tidak dikenal"),
        ErrorKind::InvalidSubcommand => {
            format!(
                "perintah `{}` tidak dikenal",
                value(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::InvalidValue if value(ContextKind::InvalidValue).is_empty() => {
            format!("`{arg}` perlu sebuah nilai")
        }
        ErrorKind::InvalidValue => {
            let valid = value(ContextKind::ValidValue);
            let mut s = format!(
                "nilai `{}` tidak sah untuk `{arg}`",
                value(ContextKind::InvalidValue)
            );
            if !valid.is_empty() {
                s.push_str(&format!(" (pilihan: {valid})"));
            }
            s
        }
        ErrorKind::ValueValidation => format!(
            "nilai `{}` tidak sah untuk `{arg}`",
            value(ContextKind::InvalidValue)
        ),
        ErrorKind::MissingRequiredArgument => format!("argumen wajib belum diberikan: {arg}"),
        ErrorKind::MissingSubcommand => "perintahnya belum disebut".into(),
        ErrorKind::ArgumentConflict => format!(
            "`{arg}` tidak dapat dipakai bersama `{}`",
            value(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues => format!(
            "nilai `{}` tidak diharapkan untuk `{arg}`",
            value(ContextKind::InvalidValue)
        ),
        ErrorKind::NoEquals => format!("`{arg}` perlu tanda `=` sebelum nilainya"),
        ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("jumlah nilai untuk `{arg}` tidak sesuai")
        }
        _ => "argumen tidak sah".into(),
    };
    let mut out = format!("galat: {what}\n");
    if !suggestion.is_empty() {
        out.push_str(&format!("\n  saran: maksud Anda `{suggestion}`?\n"));
    }
    let usage = value(ContextKind::Usage);
    if let Some(rest) = usage.strip_prefix("Usage: ") {
        out.push_str(&format!(
            "\nPemakaian: {}\n",
            rest.replace("[OPTIONS]", "[OPSI]")
        ));
    }
    out.push_str("\nUntuk bantuan, coba `tulta --help`.\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_subcommand_has_examples_and_exit_statuses_in_both_languages() {
        for lang in [Lang::Id, Lang::En] {
            let mut cmd = localise(super::super::Cli::command(), lang);
            cmd.build();
            for sub in cmd.get_subcommands() {
                let help = sub
                    .get_after_help()
                    .map(|h| h.to_string())
                    .unwrap_or_default();
                let (ex, st) = (
                    lang.pick("Contoh:", "Examples:"),
                    lang.pick("Status keluar:", "Exit status:"),
                );
                assert!(
                    help.contains(ex) && help.contains(st),
                    "{} in {lang:?}: {help}",
                    sub.get_name()
                );
            }
        }
    }
}
