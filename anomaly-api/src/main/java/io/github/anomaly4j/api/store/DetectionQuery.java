package io.github.anomaly4j.api.store;

/**
 * A filter over stored detections with keyset pagination. Results come ordered by
 * {@code (timestamp, seriesId, detector)}; to fetch the next page, pass the last record of this page to
 * {@link #after(DetectionRecord)}.
 *
 * @param seriesId only this series, or {@code null} for all
 * @param detector only this detector, or {@code null} for all
 * @param fromInclusive earliest timestamp
 * @param toExclusive end of the time range
 * @param minScore only detections with at least this calibrated score (0 for all)
 * @param anomalousOnly only flagged detections
 * @param limit page size, 1 to 10,000
 * @param afterTimestamp keyset cursor: timestamp of the previous page's last record (or {@link Long#MIN_VALUE})
 * @param afterSeriesId keyset cursor: its series id, or {@code null} at the start
 * @param afterDetector keyset cursor: its detector, or {@code null} at the start
 */
public record DetectionQuery(String seriesId, String detector, long fromInclusive, long toExclusive,
        double minScore, boolean anomalousOnly, int limit, long afterTimestamp, String afterSeriesId,
        String afterDetector) {

    /** Largest page a query may ask for. */
    public static final int MAX_LIMIT = 10_000;

    /**
     * Validates.
     *
     * @param seriesId only this series, or {@code null} for all
     * @param detector only this detector, or {@code null} for all
     * @param fromInclusive earliest timestamp, epoch milliseconds
     * @param toExclusive end of the time range, epoch milliseconds, not before {@code fromInclusive}
     * @param minScore only detections with at least this calibrated score, in [0, 1]
     * @param anomalousOnly only flagged detections
     * @param limit page size, 1 to {@link #MAX_LIMIT}
     * @param afterTimestamp keyset cursor: timestamp of the previous page's last record (or {@link Long#MIN_VALUE})
     * @param afterSeriesId keyset cursor: its series id, or {@code null} at the start
     * @param afterDetector keyset cursor: its detector, {@code null} exactly when {@code afterSeriesId} is
     * @throws IllegalArgumentException if the range ends before it starts, {@code minScore} or {@code limit} is out
     *     of range, or only one of {@code afterSeriesId} and {@code afterDetector} is set
     */
    public DetectionQuery {
        if (toExclusive < fromInclusive) {
            throw new IllegalArgumentException("time range ends (" + toExclusive + ") before it starts ("
                    + fromInclusive + ")");
        }
        if (!(minScore >= 0.0 && minScore <= 1.0)) {
            throw new IllegalArgumentException("minScore must be in [0, 1], got " + minScore);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in [1, " + MAX_LIMIT + "], got " + limit);
        }
        if ((afterSeriesId == null) != (afterDetector == null)) {
            throw new IllegalArgumentException("afterSeriesId and afterDetector are set together");
        }
    }

    /**
     * All detections in a time range, first page of 100.
     *
     * @param fromInclusive earliest timestamp
     * @param toExclusive end of the range
     * @return the query
     */
    public static DetectionQuery between(long fromInclusive, long toExclusive) {
        return new DetectionQuery(null, null, fromInclusive, toExclusive, 0.0, false, 100, Long.MIN_VALUE, null,
                null);
    }

    /**
     * @param id a series id
     * @return this query restricted to one series
     */
    public DetectionQuery forSeries(String id) {
        return new DetectionQuery(id, detector, fromInclusive, toExclusive, minScore, anomalousOnly, limit,
                afterTimestamp, afterSeriesId, afterDetector);
    }

    /**
     * @param name a detector or model name
     * @return this query restricted to one detector
     */
    public DetectionQuery forDetector(String name) {
        return new DetectionQuery(seriesId, name, fromInclusive, toExclusive, minScore, anomalousOnly, limit,
                afterTimestamp, afterSeriesId, afterDetector);
    }

    /**
     * @param score minimum calibrated score
     * @return this query restricted to detections at least that severe
     */
    public DetectionQuery withMinScore(double score) {
        return new DetectionQuery(seriesId, detector, fromInclusive, toExclusive, score, anomalousOnly, limit,
                afterTimestamp, afterSeriesId, afterDetector);
    }

    /** @return this query restricted to flagged detections */
    public DetectionQuery onlyAnomalous() {
        return new DetectionQuery(seriesId, detector, fromInclusive, toExclusive, minScore, true, limit,
                afterTimestamp, afterSeriesId, afterDetector);
    }

    /**
     * @param pageSize page size
     * @return this query with another page size
     */
    public DetectionQuery withLimit(int pageSize) {
        return new DetectionQuery(seriesId, detector, fromInclusive, toExclusive, minScore, anomalousOnly,
                pageSize, afterTimestamp, afterSeriesId, afterDetector);
    }

    /**
     * @param last the last record of the previous page
     * @return the query for the next page
     */
    public DetectionQuery after(DetectionRecord last) {
        return new DetectionQuery(seriesId, detector, fromInclusive, toExclusive, minScore, anomalousOnly, limit,
                last.timestamp(), last.seriesId(), last.detector());
    }

    /**
     * @param r a record
     * @return whether the record passes every filter and lies after the cursor
     */
    public boolean matches(DetectionRecord r) {
        long t = r.timestamp();
        if (t < fromInclusive || t >= toExclusive) {
            return false;
        }
        if (seriesId != null && !seriesId.equals(r.seriesId())) {
            return false;
        }
        if (detector != null && !detector.equals(r.detector())) {
            return false;
        }
        if (anomalousOnly && !r.detection().anomalous()) {
            return false;
        }
        if (r.detection().calibratedScore() < minScore) {
            return false;
        }
        return afterSeriesId == null || compareKey(r, afterTimestamp, afterSeriesId, afterDetector) > 0;
    }

    /**
     * Orders records as query results are ordered.
     *
     * @param r a record
     * @param timestamp other key's timestamp
     * @param series other key's series id
     * @param detectorName other key's detector
     * @return negative, zero or positive as {@code r} sorts before, with or after the key
     */
    public static int compareKey(DetectionRecord r, long timestamp, String series, String detectorName) {
        int c = Long.compare(r.timestamp(), timestamp);
        if (c == 0) {
            c = r.seriesId().compareTo(series);
        }
        if (c == 0) {
            c = r.detector().compareTo(detectorName);
        }
        return c;
    }
}
