/**
 * The built-in statistical detectors, {@link io.github.anomaly4j.core.detect.ZScoreDetector} and
 * {@link io.github.anomaly4j.core.detect.MadDetector}, each usable as a batch detector and as a streaming one, and
 * registered through the SPI like any plugin.
 */
package io.github.anomaly4j.core.detect;
