//! Regions (counties) and their municipalities.

use serde::Serialize;

use crate::classification::RuleSet;
use crate::governance::GovernanceSettings;

/// A region (*region* / *län*) with its rules, kept as data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Region {
    /// Id.
    pub id: i64,
    /// Name, e.g. "Region Uppsala".
    pub name: String,
    /// Official county code, e.g. "03".
    pub code: Option<String>,
    /// How its centres are classified.
    pub rules: RuleSet,
    /// Its governance rules: meetings, deadlines.
    pub governance: GovernanceSettings,
    /// The smallest number of answers a survey breakdown shows
    /// (*minsta antal svar*; 5 at the least, see
    /// [`Threshold`](crate::surveys::results::Threshold)).
    pub survey_min_answers: i64,
}

impl Region {
    /// The region's survey threshold: breakdowns with fewer answers are
    /// never shown.
    pub fn survey_threshold(&self) -> crate::surveys::results::Threshold {
        crate::surveys::results::Threshold::new(u32::try_from(self.survey_min_answers).unwrap_or(u32::MAX))
    }
}

/// The survey threshold as typed in the region's settings: a whole number
/// from [`Threshold::MIN`](crate::surveys::results::Threshold::MIN) (5) to
/// 100; anything else is refused on `survey_min_answers` as
/// `survey-threshold`.
pub fn validate_survey_threshold(text: &str) -> Result<i64, crate::FieldErrors> {
    let min = i64::from(crate::surveys::results::Threshold::MIN);
    match text.trim().parse::<i64>() {
        Ok(n) if (min..=100).contains(&n) => Ok(n),
        _ => {
            let mut errors = crate::FieldErrors::default();
            errors.add("survey_min_answers", "survey-threshold");
            Err(errors)
        }
    }
}

/// A municipality (*kommun*).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Municipality {
    /// Id.
    pub id: i64,
    /// The region it lies in.
    pub region_id: i64,
    /// Official four-digit code (SCB), e.g. "0380".
    pub code: String,
    /// Name, e.g. "Uppsala".
    pub name: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_survey_threshold_is_a_whole_number_from_five_to_a_hundred() {
        assert_eq!(validate_survey_threshold(" 7 "), Ok(7));
        assert_eq!(validate_survey_threshold("5"), Ok(5));
        for bad in ["4", "0", "-5", "101", "fem", ""] {
            assert!(validate_survey_threshold(bad).is_err(), "{bad}");
        }
    }
}
