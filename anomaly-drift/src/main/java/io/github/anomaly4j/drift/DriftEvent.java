package io.github.anomaly4j.drift;

import io.github.anomaly4j.api.drift.DriftResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One check by a {@link DriftMonitor}: every configured test on every channel, with a copy of each channel's current
 * window (so a reaction can recalibrate on the recent scores or retrain on the recent values).
 *
 * @param id unique within the monitor: {@code <monitor>-<sequence>}, e.g. {@code "sensor-42-drift-3"}
 * @param monitor the monitor's name
 * @param time when the check ran, from the monitor's clock
 * @param reading the number of readings the monitor had seen when it ran the check
 * @param results per channel, in channel order: one result per configured test, in test order
 * @param currentWindows per channel: the current window's values, oldest first
 */
public record DriftEvent(String id, String monitor, Instant time, long reading, Map<String, List<DriftResult>> results,
        Map<String, double[]> currentWindows) {

    /**
     * Validates and copies.
     *
     * @param id event id, not {@code null}
     * @param monitor monitor name, not {@code null}
     * @param time check time, not {@code null}
     * @param reading readings seen, non-negative
     * @param results results per channel, copied
     * @param currentWindows current window per channel, copied (arrays too)
     */
    public DriftEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(time, "time");
        if (reading < 0) {
            throw new IllegalArgumentException("reading must be non-negative, got " + reading);
        }
        Map<String, List<DriftResult>> r = new LinkedHashMap<>();
        results.forEach((k, v) -> r.put(k, List.copyOf(v)));
        results = java.util.Collections.unmodifiableMap(r);
        Map<String, double[]> w = new LinkedHashMap<>();
        currentWindows.forEach((k, v) -> w.put(k, v.clone()));
        currentWindows = java.util.Collections.unmodifiableMap(w);
    }

    /** @return whether any test on any channel found drift */
    public boolean drift() {
        return results.values().stream().flatMap(List::stream).anyMatch(DriftResult::drift);
    }

    /** @return the channels where at least one test found drift, in channel order */
    public List<String> driftedChannels() {
        return results.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(DriftResult::drift))
                .map(Map.Entry::getKey).collect(Collectors.toList());
    }

    /**
     * @param channel a channel name
     * @return a copy of that channel's current window, oldest first
     * @throws IllegalArgumentException for an unknown channel
     */
    public double[] current(String channel) {
        double[] w = currentWindows.get(channel);
        if (w == null) {
            throw new IllegalArgumentException("no channel '" + channel + "'; channels are " + currentWindows.keySet());
        }
        return w.clone();
    }

    /** @return per channel, a copy of the current window, oldest first */
    @Override
    public Map<String, double[]> currentWindows() {
        Map<String, double[]> copy = new LinkedHashMap<>();
        currentWindows.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    /**
     * Key/value facts to store with a model retrained because of this event, all prefixed {@code drift.}: the event
     * id, monitor, time, reading, drifted channels and each drifting test's statistic and p-value.
     *
     * @return the provenance entries
     */
    public Map<String, String> provenance() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("drift.event", id);
        p.put("drift.monitor", monitor);
        p.put("drift.time", time.toString());
        p.put("drift.reading", Long.toString(reading));
        p.put("drift.channels", String.join(",", driftedChannels()));
        results.forEach((channel, list) -> {
            for (DriftResult r : list) {
                if (r.drift()) {
                    p.put("drift." + channel + "." + r.test(), "statistic=" + r.statistic()
                            + (r.hasPValue() ? ", p=" + r.pValue() : ""));
                }
            }
        });
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DriftEvent e && e.id.equals(id) && e.monitor.equals(monitor) && e.time.equals(time)
                && e.reading == reading && e.results.equals(results);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, monitor, time, reading, results);
    }

    @Override
    public String toString() {
        return "DriftEvent[" + id + " at reading " + reading + ", " + time + ", drift=" + drift() + " "
                + driftedChannels() + ", " + results + "]";
    }
}
