//! The arithmetic people do with a tool's data, once for the checks and the screens alike.

use crate::model::names::is_other;
use crate::model::risalah::ParetoItem;

/// Pearson's r, or `None` when it is undefined (fewer than two points, or no spread).
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len().min(y.len());
    if n < 2 {
        return None;
    }
    let mx = x[..n].iter().sum::<f64>() / n as f64;
    let my = y[..n].iter().sum::<f64>() / n as f64;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for i in 0..n {
        let (dx, dy) = (x[i] - mx, y[i] - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    let denom = (sxx * syy).sqrt();
    (denom > 0.0).then(|| sxy / denom)
}

/// Pareto items sorted by value (an "other" item last), with computed percents.
pub fn pareto_rows(butir: &[ParetoItem]) -> Vec<(String, f64, f64, f64)> {
    let mut items: Vec<(String, f64)> = butir
        .iter()
        .map(|b| (b.label.clone().unwrap_or_default(), b.nilai.unwrap_or(0.0)))
        .collect();
    items.sort_by(|a, b| {
        is_other(&a.0)
            .cmp(&is_other(&b.0))
            .then(b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal))
    });
    let total: f64 = items.iter().map(|i| i.1).sum();
    let mut running = 0.0;
    items
        .into_iter()
        .map(|(label, v)| {
            running += v;
            let (p, c) = if total > 0.0 {
                (v / total * 100.0, running / total * 100.0)
            } else {
                (0.0, 0.0)
            };
            (label, v, p, c)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pearson_of_a_line_is_one() {
        let r = pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]);
        assert!(r.is_some_and(|r| (r - 1.0).abs() < 1e-12));
        assert_eq!(pearson(&[1.0, 1.0], &[2.0, 3.0]), None);
        let r = pearson(&[1.0, 2.0, 3.0, 4.0], &[4.0, 3.0, 2.0, 1.0]);
        assert!(r.is_some_and(|r| (r + 1.0).abs() < 1e-12));
    }
}
