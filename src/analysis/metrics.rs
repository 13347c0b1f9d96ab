//! Metrics against their targets.

use crate::model::Metric;

/// Whether a metric meets its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MetricStatus {
    /// The value is on the right side of the target.
    Met,
    /// The value is on the wrong side of the target.
    Missed,
    /// The value or the target is unknown.
    Unknown,
}

impl MetricStatus {
    /// The status's name in sentence case.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Met => "Met",
            Self::Missed => "Missed",
            Self::Unknown => "Unknown",
        }
    }
}

/// Whether `metric` meets its target, in the direction the metric says is better.
#[must_use]
pub fn metric_status(metric: &Metric) -> MetricStatus {
    match (metric.value.filter(|v| v.is_finite()), metric.target.filter(|v| v.is_finite())) {
        (Some(value), Some(target)) => {
            let met = if metric.higher_is_better { value >= target } else { value <= target };
            if met { MetricStatus::Met } else { MetricStatus::Missed }
        }
        _ => MetricStatus::Unknown,
    }
}
