package io.github.anomaly4j.drift;

/** Receives the outcome of every check a {@link DriftMonitor} runs, on the thread that called its update. */
@FunctionalInterface
public interface DriftListener {

    /**
     * @param event the check's results; {@link DriftEvent#drift()} says whether any test found drift
     */
    void onCheck(DriftEvent event);
}
