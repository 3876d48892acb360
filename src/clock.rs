//! Local time for people: the draft watch's clock and the draw's default seed are read by people
//! in the room, so they follow the machine's time zone (WIB, WITA, WIT), never UTC. Journals keep
//! UTC. jiff reads the zone as the system keeps it (TZ, /etc/localtime, Windows' own setting).

use std::time::SystemTime;

fn zoned(at: SystemTime) -> Option<jiff::ZonedDateTime> {
    let ts = jiff::Timestamp::try_from(at).ok()?;
    Some(ts.to_zoned_datetime(jiff::tz::TimeZone::system()))
}

/// `HH:MM:SS` and the zone's abbreviation (`08:12:03 WIB`).
pub fn local_clock(at: SystemTime) -> String {
    zoned(at).map_or_else(String::new, |z| z.strftime("%H:%M:%S %Z").to_string())
}

/// Today's date where the machine is, as `YYYYMMDD`.
pub fn local_today() -> String {
    zoned(SystemTime::now()).map_or_else(String::new, |z| z.strftime("%Y%m%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_and_the_date_follow_the_zone() {
        // 2026-12-06 23:30 UTC is 06:30 on the 7th in Jakarta: the draw's date is the 7th.
        let at = jiff::Timestamp::from_second(1_796_599_800).expect("ts");
        let jakarta = jiff::tz::TimeZone::get("Asia/Jakarta").expect("tzdb");
        let z = at.to_zoned_datetime(jakarta);
        assert_eq!(z.strftime("%Y%m%d").to_string(), "20261207");
        assert_eq!(z.strftime("%H:%M:%S %Z").to_string(), "06:30:00 WIB");
        assert!(!local_clock(SystemTime::now()).is_empty());
        assert_eq!(local_today().len(), 8);
    }
}
