package io.github.anomaly4j.tck;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.api.detect.StreamingDetector;
import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.Settings;
import io.github.anomaly4j.spi.Spec;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The kit catches broken plugins: each test breaks {@link MeanDistanceDetector} in one way and shows that the kit
 * check guarding against it fails, while the same check passes on the unbroken plugin.
 */
class DetectorCompatibilityKitCatchesFlawsTest {
    private final DetectorCompatibilityKit correct = new MeanDistanceCompatibilityTest();

    @Test
    void batchScoresOneUlpOffOneByOneAreCaught() {
        DetectorCompatibilityKit kit = FlawedPlugin.withModel(model -> new ForwardingModel(model) {
            @Override
            public void scoreBatch(double[][] xs, double[] out) {
                super.scoreBatch(xs, out);
                for (int i = 0; i < xs.length; i++) {
                    out[i] = Math.nextUp(out[i]);
                }
            }
        });
        assertCaught(kit::batchScoresEqualOneByOne, correct::batchScoresEqualOneByOne);
    }

    @Test
    void scoreThatWritesIntoTheCallersArrayIsCaught() {
        DetectorCompatibilityKit kit = FlawedPlugin.withModel(model -> new ForwardingModel(model) {
            @Override
            public double score(double[] x) {
                double score = super.score(x);
                x[0] = Math.nextUp(x[0]); // "scratch space"
                return score;
            }
        });
        assertCaught(kit::scoreDoesNotModifyInput, correct::scoreDoesNotModifyInput);
    }

    @Test
    void refusalThatDoesNotNameTheColumnIsCaught() {
        DetectorCompatibilityKit kit = FlawedPlugin.withModel(model -> new ForwardingModel(model) {
            @Override
            public double score(double[] x) {
                for (double v : x) {
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("bad input");
                    }
                }
                return super.score(x);
            }
        });
        assertCaught(kit::scoreRefusesNaN, correct::scoreRefusesNaN);
    }

    @Test
    void fitThatDependsOnHiddenStateIsCaught() {
        AtomicLong fits = new AtomicLong();
        DetectorCompatibilityKit kit = FlawedPlugin.withModel(model -> {
            double drift = fits.incrementAndGet() * 1e-9;
            return new ForwardingModel(model) {
                @Override
                public double score(double[] x) {
                    return super.score(x) + drift;
                }
            };
        });
        assertCaught(kit::fittingTwiceGivesSameScores, correct::fittingTwiceGivesSameScores);
        assertCaught(kit::sameSeedSameScores, correct::sameSeedSameScores);
    }

    @Test
    void modelOfAnotherTypeIsCaught() {
        DetectorCompatibilityKit kit = FlawedPlugin.withModel(model -> new ForwardingModel(model) {
            @Override
            public String type() {
                return "MeanDistanceModel";
            }
        });
        assertCaught(kit::modelTypeIsProviderId, correct::modelTypeIsProviderId);
    }

    @Test
    void restoreThatLosesPrecisionIsCaught() {
        DetectorCompatibilityKit kit = new FlawedPlugin(new LossyProvider(), UnaryOperator.identity(),
                UnaryOperator.identity());
        assertCaught(kit::restoredModelScoresTheSame, correct::restoredModelScoresTheSame);
    }

    @Test
    void streamingThatAcceptsARepeatedTimestampIsCaught() {
        DetectorCompatibilityKit kit = FlawedPlugin.withStreaming(streaming -> new ForwardingStreaming(streaming) {
            @Override
            public double update(long timestamp, double[] x) {
                long last = lastTimestamp();
                return super.update(timestamp <= last ? last + 1 : timestamp, x);
            }
        });
        assertCaught(kit::streamingRefusesRepeatedTimestamp, correct::streamingRefusesRepeatedTimestamp);
    }

    @Test
    void streamingThatMovesItsClockBeforeCheckingValuesIsCaught() {
        DetectorCompatibilityKit kit = FlawedPlugin.withStreaming(streaming -> new ForwardingStreaming(streaming) {
            private long last = Long.MIN_VALUE;

            @Override
            public double update(long timestamp, double[] x) {
                if (timestamp <= last) {
                    throw new IllegalArgumentException("timestamp " + timestamp + " is not after " + last);
                }
                last = timestamp;
                return super.update(timestamp, x);
            }

            @Override
            public long lastTimestamp() {
                return last;
            }
        });
        assertCaught(kit::streamingRefusesNaN, correct::streamingRefusesNaN);
    }

    private static void assertCaught(ThrowingCallable flawedCheck, ThrowingCallable sameCheckOnCorrectPlugin) {
        assertThatCode(sameCheckOnCorrectPlugin).as("the check on the correct plugin").doesNotThrowAnyException();
        assertThatThrownBy(flawedCheck).as("the check on the flawed plugin").isInstanceOf(AssertionError.class);
    }

    /** The kit run against the mean-distance plugin with a flaw. Not a test class itself. */
    private static final class FlawedPlugin extends DetectorCompatibilityKit {
        private final DetectorProvider<?> provider;
        private final UnaryOperator<AnomalyModel> modelFlaw;
        private final UnaryOperator<StreamingDetector> streamingFlaw;

        FlawedPlugin(DetectorProvider<?> provider, UnaryOperator<AnomalyModel> modelFlaw,
                UnaryOperator<StreamingDetector> streamingFlaw) {
            this.provider = provider;
            this.modelFlaw = modelFlaw;
            this.streamingFlaw = streamingFlaw;
        }

        static FlawedPlugin withModel(UnaryOperator<AnomalyModel> flaw) {
            return new FlawedPlugin(new MeanDistanceProvider(), flaw, UnaryOperator.identity());
        }

        static FlawedPlugin withStreaming(UnaryOperator<StreamingDetector> flaw) {
            return new FlawedPlugin(new MeanDistanceProvider(), UnaryOperator.identity(), flaw);
        }

        @Override
        protected DetectorProvider<?> provider() {
            return provider;
        }

        @Override
        protected Detector detector(long seed) {
            Detector correct = new MeanDistanceDetector(5);
            return new Detector() {
                @Override
                public String id() {
                    return correct.id();
                }

                @Override
                public Spec spec() {
                    return correct.spec();
                }

                @Override
                public AnomalyModel fit(Frame training) {
                    return modelFlaw.apply(correct.fit(training));
                }

                @Override
                public boolean supportsStreaming() {
                    return true;
                }

                @Override
                public StreamingDetector newStreamingDetector(int dimension) {
                    return streamingFlaw.apply(correct.newStreamingDetector(dimension));
                }
            };
        }
    }

    /** Restores means rounded to float: a state stored in too narrow a type. */
    private static final class LossyProvider implements DetectorProvider<MeanDistanceState> {
        private final MeanDistanceProvider correct = new MeanDistanceProvider();

        @Override
        public String id() {
            return correct.id();
        }

        @Override
        public String description() {
            return correct.description();
        }

        @Override
        public List<Parameter<?>> parameters() {
            return correct.parameters();
        }

        @Override
        public Detector create(Settings settings) {
            return correct.create(settings);
        }

        @Override
        public Class<MeanDistanceState> stateType() {
            return correct.stateType();
        }

        @Override
        public AnomalyModel restore(MeanDistanceState state) {
            double[] mean = state.mean();
            for (int j = 0; j < mean.length; j++) {
                mean[j] = (float) mean[j];
            }
            return correct.restore(new MeanDistanceState(mean));
        }
    }

    private static class ForwardingModel implements AnomalyModel {
        private final AnomalyModel delegate;

        ForwardingModel(AnomalyModel delegate) {
            this.delegate = delegate;
        }

        @Override
        public String type() {
            return delegate.type();
        }

        @Override
        public int dimension() {
            return delegate.dimension();
        }

        @Override
        public double score(double[] x) {
            return delegate.score(x);
        }

        @Override
        public void scoreBatch(double[][] xs, double[] out) {
            AnomalyModel.super.scoreBatch(xs, out);
        }

        @Override
        public Record state() {
            return delegate.state();
        }

        @Override
        public boolean supportsAttribution() {
            return delegate.supportsAttribution();
        }

        @Override
        public void attribute(double[] x, double[] out) {
            delegate.attribute(x, out);
        }
    }

    private static class ForwardingStreaming implements StreamingDetector {
        private final StreamingDetector delegate;

        ForwardingStreaming(StreamingDetector delegate) {
            this.delegate = delegate;
        }

        @Override
        public String type() {
            return delegate.type();
        }

        @Override
        public int dimension() {
            return delegate.dimension();
        }

        @Override
        public double update(long timestamp, double[] x) {
            return delegate.update(timestamp, x);
        }

        @Override
        public int warmUp() {
            return delegate.warmUp();
        }

        @Override
        public boolean isWarm() {
            return delegate.isWarm();
        }

        @Override
        public long lastTimestamp() {
            return delegate.lastTimestamp();
        }

        @Override
        public Record snapshot() {
            return delegate.snapshot();
        }

        @Override
        public void restore(Record snapshot) {
            delegate.restore(snapshot);
        }
    }
}
