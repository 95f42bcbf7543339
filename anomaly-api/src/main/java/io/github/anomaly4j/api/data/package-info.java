/**
 * Immutable value types for the data the library consumes: columnar {@link io.github.anomaly4j.api.data.TimeSeries}
 * with strictly increasing epoch-millisecond timestamps, and tabular {@link io.github.anomaly4j.api.data.Frame}.
 * Both hold any {@code double}, NaN meaning a missing value; consumers decide whether they accept it.
 */
package io.github.anomaly4j.api.data;
