//! Reading a `rubrik/1` file: scale, criteria and weights, bands and tie-breakers, with the
//! numbers checked (T403).

use super::lomba::is_criterion_id;
use super::Reader;
use crate::diag::msg::IdOf;
use crate::diag::{Finding, Msg, Path};
use crate::model::rubrik::{default_predikat, Kriteria, Predikat, Rubrik};
use serde_yaml::Value;

impl Reader {
    pub fn rubrik(&mut self, root: &Value) -> Option<Rubrik> {
        let o = self.obj(
            root,
            Path::root(),
            "rubrik",
            &["format", "skala", "kriteria", "predikat", "pemecah_seri"],
        )?;
        let defaults = Rubrik::default();
        let (min, maks) = match self.sub(&o, "skala", false, &["min", "maks"]) {
            Some(s) => {
                let min = self.number_any(&s, "min", true);
                let maks = self.number_any(&s, "maks", true);
                let (min, maks) = (min.unwrap_or(defaults.min), maks.unwrap_or(defaults.maks));
                if !(within(min) && within(maks) && min < maks) {
                    self.push(Finding::value(s.at.key("min"), Msg::BadScale { min, maks }));
                }
                (min, maks)
            }
            None => (defaults.min, defaults.maks),
        };
        let mut kriteria: Vec<Kriteria> = Vec::new();
        let mut weights_seen = false;
        for k in self.objs(
            &o,
            "kriteria",
            true,
            &["id", "nama", "langkah", "bobot", "panduan"],
        ) {
            let id = self.text_at(&k, "id", true);
            let nama = self.text(&k, "nama", true);
            let langkah = self.integer(&k, "langkah", false);
            let bobot = self.number_any(&k, "bobot", true);
            let panduan = self
                .texts(&k, "panduan", false)
                .into_iter()
                .map(|t| t.value)
                .collect();
            let Some(id) = id else { continue };
            let valid = is_criterion_id(&id.value);
            let taken = kriteria
                .iter()
                .any(|x| x.id.eq_ignore_ascii_case(&id.value));
            let Some(id) = self.list_id(id, IdOf::Kriteria, valid, taken) else {
                continue;
            };
            if let Some(b) = bobot {
                weights_seen = true;
                if !(within(b) && b >= 0.0) {
                    self.push(Finding::value(
                        k.at.key("bobot"),
                        Msg::BadWeight {
                            kriteria: id.clone(),
                            bobot: b,
                        },
                    ));
                }
            }
            let (Some(nama), Some(bobot)) = (nama, bobot) else {
                continue;
            };
            kriteria.push(Kriteria {
                id,
                nama,
                langkah,
                bobot,
                panduan,
            });
        }
        let total: f64 = kriteria.iter().map(|k| k.bobot).sum();
        if weights_seen && !kriteria.is_empty() && total.is_finite() && total <= 0.0 {
            self.push(Finding::key(o.at.key("kriteria"), Msg::WeightsZero));
        }
        let predikat = if Self::get(&o, "predikat").is_some() {
            let mut bands: Vec<Predikat> = Vec::new();
            for p in self.objs(&o, "predikat", true, &["min", "kode", "label"]) {
                let band_min = self.number_any(&p, "min", true);
                let kode = self.text_at(&p, "kode", true);
                let label = self.text(&p, "label", true);
                let (Some(band_min), Some(kode), Some(label)) = (band_min, kode, label) else {
                    continue;
                };
                if bands.iter().any(|b| b.kode == kode.value) {
                    self.push(Finding::value(
                        kode.at.clone(),
                        Msg::IdTwice {
                            of: IdOf::Predikat,
                            id: kode.value.clone(),
                        },
                    ));
                }
                if !band_min.is_finite() || band_min > maks {
                    self.push(Finding::value(
                        p.at.key("min"),
                        Msg::BandOffScale {
                            kode: kode.value.clone(),
                            min: band_min,
                            maks,
                        },
                    ));
                }
                bands.push(Predikat {
                    min: band_min,
                    kode: kode.value,
                    label,
                });
            }
            bands
        } else {
            default_predikat()
        };
        let pemecah_seri: Vec<String> = self
            .texts(&o, "pemecah_seri", false)
            .into_iter()
            .map(|t| {
                if !kriteria.iter().any(|k| k.id == t.value) {
                    self.push(Finding::value(
                        t.at.clone(),
                        Msg::UnknownRef {
                            of: IdOf::Kriteria,
                            id: t.value.clone(),
                        },
                    ));
                }
                t.value
            })
            .collect();
        Some(Rubrik {
            min,
            maks,
            kriteria,
            predikat,
            pemecah_seri,
        })
    }
}

/// The largest magnitude a weight or a scale bound may have (spec §11, T403): beyond it, sums
/// and products of scores overflow or lose every decimal a ranking is decided by.
pub(crate) const MAX_MAGNITUDE: f64 = 1e6;

/// A finite number of magnitude at most [`MAX_MAGNITUDE`].
fn within(x: f64) -> bool {
    x.is_finite() && x.abs() <= MAX_MAGNITUDE
}
