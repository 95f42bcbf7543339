/** Compatibility kits for store plugins. */
package io.github.anomaly4j.tck.store;
