package io.github.anomaly4j.tck.store;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.detect.Detection;
import io.github.anomaly4j.api.store.DetectionQuery;
import io.github.anomaly4j.api.store.DetectionRecord;
import io.github.anomaly4j.api.store.DetectionStore;
import io.github.anomaly4j.api.store.ModelStore;
import io.github.anomaly4j.api.store.ModelVersion;
import io.github.anomaly4j.api.store.Reading;
import io.github.anomaly4j.api.store.ReadingStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The store kits catch broken stores: each test breaks a reference store in one way and shows that the kit check
 * guarding against it fails, while the same check passes on the unbroken store.
 */
class StoreCompatibilityKitsCatchFlawsTest {
    private final ReadingStoreCompatibilityKit readings = readingKit(ReferenceReadingStore::new);
    private final DetectionStoreCompatibilityKit detections = detectionKit(ReferenceDetectionStore::new);
    private final ModelStoreCompatibilityKit models = modelKit(ReferenceModelStore::new);

    // ---------------------------------------------------------------------------------------------------------
    // Readings

    @Test
    void readingStoreWhereTheLastDuplicateWinsIsCaught() {
        ReadingStoreCompatibilityKit kit = readingKit(() -> new ReferenceReadingStore() {
            @Override
            boolean store(TreeMap<Long, Double> values, Reading r) {
                return values.put(r.timestamp(), r.value()) == null;
            }
        });
        assertCaught(kit::storedValueWinsOverALaterDuplicate, readings::storedValueWinsOverALaterDuplicate);
        assertCaught(kit::repeatsWithinOneCallAreDuplicates, readings::repeatsWithinOneCallAreDuplicates);
    }

    @Test
    void readingStoreWhoseRangeIncludesItsEndIsCaught() {
        ReadingStoreCompatibilityKit kit = readingKit(() -> new ReferenceReadingStore() {
            @Override
            public synchronized TimeSeries range(String seriesId, long fromInclusive, long toExclusive) {
                return toSeries(values(seriesId).subMap(fromInclusive, true, toExclusive, true));
            }
        });
        assertCaught(kit::rangeIsHalfOpen, readings::rangeIsHalfOpen);
    }

    @Test
    void readingStoreWhoseLatestGivesTheOldestIsCaught() {
        ReadingStoreCompatibilityKit kit = readingKit(() -> new ReferenceReadingStore() {
            @Override
            public synchronized TimeSeries latest(String seriesId, int count) {
                NavigableMap<Long, Double> oldest = new TreeMap<>();
                for (Map.Entry<Long, Double> e : values(seriesId).entrySet()) {
                    if (oldest.size() < count) {
                        oldest.put(e.getKey(), e.getValue());
                    }
                }
                return toSeries(oldest);
            }
        });
        assertCaught(kit::latestGivesTheNewestOldestFirst, readings::latestGivesTheNewestOldestFirst);
    }

    @Test
    void readingStoreThatDropsNaNIsCaught() {
        ReadingStoreCompatibilityKit kit = readingKit(() -> new ReferenceReadingStore() {
            @Override
            boolean store(TreeMap<Long, Double> values, Reading r) {
                return Double.isNaN(r.value()) || super.store(values, r);
            }
        });
        assertCaught(kit::nanIsStoredAsMissing, readings::nanIsStoredAsMissing);
    }

    @Test
    void readingStoreThatSortsSeriesIdsIgnoringCaseIsCaught() {
        ReadingStoreCompatibilityKit kit = readingKit(() -> new ReferenceReadingStore() {
            @Override
            public synchronized List<String> seriesIds() {
                List<String> ids = new ArrayList<>(super.seriesIds());
                ids.sort(String.CASE_INSENSITIVE_ORDER);
                return ids;
            }
        });
        assertCaught(kit::seriesIdsAreSortedAndDistinct, readings::seriesIdsAreSortedAndDistinct);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Detections

    @Test
    void detectionStoreWhoseCursorIsInclusiveIsCaught() {
        DetectionStoreCompatibilityKit kit = detectionKit(() -> new ReferenceDetectionStore() {
            @Override
            boolean matches(DetectionQuery query, DetectionRecord r) {
                if (query.afterSeriesId() == null) {
                    return query.matches(r);
                }
                DetectionQuery noCursor = new DetectionQuery(query.seriesId(), query.detector(),
                        query.fromInclusive(), query.toExclusive(), query.minScore(), query.anomalousOnly(),
                        query.limit(), Long.MIN_VALUE, null, null);
                return noCursor.matches(r) && DetectionQuery.compareKey(r, query.afterTimestamp(),
                        query.afterSeriesId(), query.afterDetector()) >= 0;
            }
        });
        assertCaught(kit::keysetPaginationVisitsEveryMatchOnce, detections::keysetPaginationVisitsEveryMatchOnce);
    }

    @Test
    void detectionStoreFilteringMinScoreOnTheRawScoreIsCaught() {
        DetectionStoreCompatibilityKit kit = detectionKit(() -> new ReferenceDetectionStore() {
            @Override
            boolean matches(DetectionQuery query, DetectionRecord r) {
                return query.withMinScore(0.0).matches(r) && r.detection().score() >= query.minScore();
            }
        });
        assertCaught(kit::filtersReturnExactlyTheMatches, detections::filtersReturnExactlyTheMatches);
    }

    @Test
    void detectionStoreWhoseTimeRangeIncludesItsEndIsCaught() {
        DetectionStoreCompatibilityKit kit = detectionKit(() -> new ReferenceDetectionStore() {
            @Override
            boolean matches(DetectionQuery query, DetectionRecord r) {
                long end = query.toExclusive() == Long.MAX_VALUE ? Long.MAX_VALUE : query.toExclusive() + 1;
                return new DetectionQuery(query.seriesId(), query.detector(), query.fromInclusive(), end,
                        query.minScore(), query.anomalousOnly(), query.limit(), query.afterTimestamp(),
                        query.afterSeriesId(), query.afterDetector()).matches(r);
            }
        });
        assertCaught(kit::filtersReturnExactlyTheMatches, detections::filtersReturnExactlyTheMatches);
    }

    @Test
    void detectionStoreOrderingSeriesIgnoringCaseIsCaught() {
        DetectionStoreCompatibilityKit kit = detectionKit(() -> new ReferenceDetectionStore() {
            @Override
            Comparator<DetectionRecord> order() {
                return Comparator.comparingLong(DetectionRecord::timestamp)
                        .thenComparing(DetectionRecord::seriesId, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(DetectionRecord::seriesId).thenComparing(DetectionRecord::detector);
            }
        });
        assertCaught(kit::resultsAreOrderedByTimestampSeriesDetector,
                detections::resultsAreOrderedByTimestampSeriesDetector);
    }

    @Test
    void detectionStoreThatDropsAttributionAndExpectedIsCaught() {
        DetectionStoreCompatibilityKit kit = detectionKit(() -> new ReferenceDetectionStore() {
            @Override
            boolean store(TreeMap<DetectionRecord, DetectionRecord> map, DetectionRecord r) {
                Detection d = r.detection();
                Detection bare = d.warmingUp() ? Detection.warmingUp(d.timestamp(), d.threshold())
                        : Detection.of(d.timestamp(), d.score(), d.calibratedScore(), d.anomalous(), d.threshold());
                return super.store(map, new DetectionRecord(r.seriesId(), r.detector(), bare));
            }
        });
        assertCaught(kit::detectionsRoundTripEveryField, detections::detectionsRoundTripEveryField);
    }

    @Test
    void detectionStoreWhereTheLastDuplicateWinsIsCaught() {
        DetectionStoreCompatibilityKit kit = detectionKit(() -> new ReferenceDetectionStore() {
            @Override
            boolean store(TreeMap<DetectionRecord, DetectionRecord> map, DetectionRecord r) {
                return map.put(r, r) == null;
            }
        });
        assertCaught(kit::identityIsSeriesDetectorAndTimestamp, detections::identityIsSeriesDetectorAndTimestamp);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Models

    @Test
    void modelStoreThatSkipsTheChecksumIsCaught() {
        ModelStoreCompatibilityKit kit = modelKit(() -> new ReferenceModelStore() {
            @Override
            public synchronized byte[] load(String name, int version) {
                return existing(name, version).contents.get(version - 1).clone();
            }
        });
        assertCaught(kit::tamperedBytesAreRefused, models::tamperedBytesAreRefused);
    }

    @Test
    void modelStoreWhoseLoadHandsOutItsOwnArrayIsCaught() {
        ModelStoreCompatibilityKit kit = modelKit(() -> new ReferenceModelStore() {
            @Override
            public synchronized byte[] load(String name, int version) {
                return existing(name, version).contents.get(version - 1); // no copy (and so no checksum to trip)
            }
        });
        assertCaught(kit::loadReturnsTheExactBytes, models::loadReturnsTheExactBytes);
    }

    @Test
    void modelStoreThatActivatesEveryNewVersionIsCaught() {
        ModelStoreCompatibilityKit kit = modelKit(() -> new ReferenceModelStore() {
            @Override
            public synchronized ModelVersion publish(String name, byte[] content, Map<String, String> provenance) {
                ModelVersion v = super.publish(name, content, provenance);
                return promote(name, v.version());
            }
        });
        assertCaught(kit::firstVersionIsActive, models::firstVersionIsActive);
    }

    @Test
    void modelStoreWhoseRollbackTogglesIsCaught() {
        ModelStoreCompatibilityKit kit = modelKit(() -> new ReferenceModelStore() {
            @Override
            public synchronized ModelVersion rollback(String name) {
                Model model = existing(name, 1);
                if (model.history.isEmpty()) {
                    throw new IllegalStateException("nothing to roll back to");
                }
                int previous = model.history.pop();
                model.history.push(model.active);
                model.active = previous;
                return withFlag(model, model.versions.get(previous - 1));
            }
        });
        assertCaught(kit::rollbackWalksBackThroughPromotions, models::rollbackWalksBackThroughPromotions);
    }

    @Test
    void modelStoreThatAcceptsPathsAsNamesIsCaught() {
        ModelStoreCompatibilityKit kit = modelKit(() -> new ReferenceModelStore() {
            @Override
            void checkName(String name) {
                if (name == null || name.isEmpty()) {
                    throw new IllegalArgumentException("name must be non-empty");
                }
            }
        });
        assertCaught(kit::invalidNamesAreRefused, models::invalidNamesAreRefused);
    }

    @Test
    void modelStoreWithAWrongChecksumIsCaught() {
        ModelStoreCompatibilityKit kit = modelKit(() -> new ReferenceModelStore() {
            @Override
            public synchronized ModelVersion publish(String name, byte[] content, Map<String, String> provenance) {
                byte[] prefixed = new byte[content.length + 1]; // e.g. a header hashed along with the bytes
                System.arraycopy(content, 0, prefixed, 1, content.length);
                ModelVersion v = super.publish(name, content, provenance);
                ModelVersion wrong = new ModelVersion(v.name(), v.version(), sha256(prefixed), v.sizeBytes(),
                        v.published(), v.provenance(), v.active());
                models.get(name).versions.set(v.version() - 1, wrong);
                return wrong;
            }

            @Override
            public synchronized byte[] load(String name, int version) {
                return existing(name, version).contents.get(version - 1).clone();
            }
        });
        assertCaught(kit::publishNumbersVersionsInOrder, models::publishNumbersVersionsInOrder);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers

    private static void assertCaught(ThrowingCallable flawedCheck, ThrowingCallable sameCheckOnCorrectStore) {
        assertThatCode(sameCheckOnCorrectStore).as("the check on the reference store").doesNotThrowAnyException();
        assertThatThrownBy(flawedCheck).as("the check on the flawed store").isInstanceOf(AssertionError.class);
    }

    private static ReadingStoreCompatibilityKit readingKit(Supplier<ReadingStore> stores) {
        return new ReadingStoreCompatibilityKit() {
            @Override
            protected ReadingStore newStore() {
                return stores.get();
            }
        };
    }

    private static DetectionStoreCompatibilityKit detectionKit(Supplier<DetectionStore> stores) {
        return new DetectionStoreCompatibilityKit() {
            @Override
            protected DetectionStore newStore() {
                return stores.get();
            }
        };
    }

    private static ModelStoreCompatibilityKit modelKit(Supplier<ModelStore> stores) {
        return new ModelStoreCompatibilityKit() {
            @Override
            protected ModelStore newStore() {
                return stores.get();
            }

            @Override
            protected void corrupt(ModelStore store, String name, int version) {
                ((ReferenceModelStore) store).corruptStoredBytes(name, version);
            }
        };
    }
}
