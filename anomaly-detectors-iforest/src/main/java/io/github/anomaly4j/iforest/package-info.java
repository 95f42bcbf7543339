/**
 * Isolation Forest (Liu, Ting and Zhou 2008) and extended Isolation Forest (Hariri et al. 2018): a batch detector
 * whose trees live in flat primitive arrays, a sliding-window streaming detector, and per-feature attribution.
 */
package io.github.anomaly4j.iforest;
