/**
 * Labelled data without waiting for production feeds: a seeded synthetic generator of multi-sensor series with
 * trend, daily and weekly seasonality, noise and labelled anomalies of several kinds, and their CSV form.
 */
package io.github.anomaly4j.core.data;
