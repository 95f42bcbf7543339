/**
 * The library's exception hierarchy: {@link io.github.anomaly4j.api.AnomalyException} and its subclasses for
 * domain failures. Bad arguments raise {@link java.lang.IllegalArgumentException}, misuse
 * {@link java.lang.IllegalStateException}; no checked exceptions appear in the public API.
 */
package io.github.anomaly4j.api;
