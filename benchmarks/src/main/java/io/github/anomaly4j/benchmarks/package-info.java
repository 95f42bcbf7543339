/**
 * JMH benchmarks of anomaly4j's hot paths: per-point model scoring, batch scoring, streaming updates and pipeline
 * processing. Run from {@code benchmarks/target/benchmarks.jar}; results and the command to rerun them are in
 * {@code docs/benchmarks.md}.
 */
package io.github.anomaly4j.benchmarks;
