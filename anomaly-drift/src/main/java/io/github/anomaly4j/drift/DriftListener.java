package io.github.anomaly4j.drift;

import java.util.Map;

/** Receives the outcome of every check a {@link DriftMonitor} runs, on the thread that called its update. */
@FunctionalInterface
public interface DriftListener {

    /**
     * @param event the check's results; {@link DriftEvent#drift()} says whether any test found drift
     */
    void onCheck(DriftEvent event);

    /**
     * Called when, after a drift (with {@link DriftMonitor.AfterDrift#NEW_REFERENCE}), the monitor has collected a
     * complete new reference window: readings that all come after the drift was found. The default does nothing.
     *
     * @param cause the check that found the drift
     * @param reference per channel, a copy of the new reference window, oldest first
     */
    default void onReferenceRenewed(DriftEvent cause, Map<String, double[]> reference) {
    }
}
