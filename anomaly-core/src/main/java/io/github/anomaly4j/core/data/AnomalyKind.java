package io.github.anomaly4j.core.data;

/** The kinds of anomaly {@link SyntheticGenerator} injects, each labelled on the readings it affects. */
public enum AnomalyKind {
    /** One reading far above the normal level. */
    SPIKE,
    /** One reading far below the normal level. */
    DIP,
    /** A stretch shifted up or down by a constant, after which the level returns. */
    LEVEL_SHIFT,
    /** A stretch whose noise is several times larger. */
    VARIANCE_CHANGE,
    /** A stretch that ramps away from the normal level, then returns. */
    DRIFT,
    /** A stretch where the sensor repeats its last value (a flat line). */
    STUCK,
    /** A stretch with no readings (in CSV: an empty value). */
    MISSING
}
