package io.github.anomaly4j.drift;

import io.github.anomaly4j.api.store.ModelStore;
import io.github.anomaly4j.api.store.ModelVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What to do when a {@link DriftMonitor} finds drift: recalibrate the model's threshold on the recent scores, or
 * retrain a new model and publish it as a new version whose provenance names the drift event. Register it as a
 * listener; it ignores checks without drift.
 *
 * <p>The model type {@code M} is the caller's (a core {@code Pipeline}, say): this module depends only on
 * {@code anomaly-api}, so the caller supplies how to recalibrate, retrain and publish.
 *
 * <pre>{@code
 * DriftReaction<Pipeline> reaction = DriftReaction.startingWith(pipeline)
 *     .retrain((cause, data) -> fitOn(data.get("value")))
 *     .publish((p, provenance) -> registry.publish("sensor-42", p, provenance))
 *     .build();
 * reaction.attachTo(monitor);
 * Pipeline serving = reaction.current();
 * }</pre>
 *
 * <p><b>When.</b> By default ({@link When#REFERENCE_RENEWED}) it waits until the monitor has collected a new
 * reference window after the drift and acts on that window, which holds only post-drift readings; this needs the
 * monitor's {@link DriftMonitor.AfterDrift#NEW_REFERENCE} (its default). With {@link When#AT_DRIFT} it acts at
 * once on the drifting check's current windows, which straddle the change.
 *
 * <p><b>What.</b> It retrains and publishes when a trainer is set, otherwise recalibrates. It is called on the
 * monitor's thread; {@link #current()} may be read from any thread.
 *
 * @param <M> the model type
 */
public final class DriftReaction<M> implements DriftListener {

    /** When the reaction acts. */
    public enum When {
        /** On the check that found drift, with its current windows. */
        AT_DRIFT,
        /** When the monitor has collected a new reference window after the drift, with that window. */
        REFERENCE_RENEWED
    }

    private final When when;
    private final String scoreChannel;
    private final BiFunction<M, double[], M> recalibrator;
    private final BiFunction<DriftEvent, Map<String, double[]>, M> trainer;
    private final BiFunction<M, Map<String, String>, ModelVersion> publisher;
    private volatile M current;
    private final List<ModelVersion> published = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile DriftEvent lastReaction;
    private volatile DriftMonitor monitor;

    private DriftReaction(Builder<M> b) {
        this.current = b.initial;
        this.when = b.when;
        this.scoreChannel = b.scoreChannel;
        this.recalibrator = b.recalibrator;
        this.trainer = b.trainer;
        this.publisher = b.publisher;
    }

    /**
     * @param initial the model in service now
     * @param <M> the model type
     * @return a builder
     */
    public static <M> Builder<M> startingWith(M initial) {
        return new Builder<>(Objects.requireNonNull(initial, "initial"));
    }

    @Override
    public void onCheck(DriftEvent event) {
        if (event.drift() && when == When.AT_DRIFT) {
            react(event, event.currentWindows(), "the drifting check's current windows");
        }
    }

    @Override
    public void onReferenceRenewed(DriftEvent cause, Map<String, double[]> reference) {
        if (when == When.REFERENCE_RENEWED) {
            react(cause, reference, "the new reference window after the drift");
        }
    }

    private void react(DriftEvent cause, Map<String, double[]> data, String source) {
        if (trainer != null) {
            M next = Objects.requireNonNull(trainer.apply(cause, data), "the trainer returned null");
            if (publisher != null) {
                Map<String, String> provenance = new LinkedHashMap<>(cause.provenance());
                provenance.put("drift.reaction", "retrain");
                provenance.put("drift.trainedOn", source);
                published.add(publisher.apply(next, provenance));
            }
            current = next;
        } else {
            double[] scores = data.get(scoreChannel);
            if (scores == null) {
                throw new IllegalStateException("the monitor has no channel '" + scoreChannel + "'; channels are "
                        + data.keySet());
            }
            current = Objects.requireNonNull(recalibrator.apply(current, scores.clone()),
                    "the recalibration returned null");
        }
        lastReaction = cause;
        DriftMonitor m = monitor;
        if (m != null) {
            // the model changed, so its scores did: compare future scores with scores of the new model
            m.newReference();
        }
    }

    /**
     * Listens to a monitor, and after each recalibration or retraining renews the monitor's reference (the next
     * readings become it): the score channel must be compared with scores of the model now in service, not of the
     * one it replaced.
     *
     * @param value the monitor
     * @return this reaction
     */
    public DriftReaction<M> attachTo(DriftMonitor value) {
        this.monitor = Objects.requireNonNull(value, "monitor");
        value.addListener(this);
        return this;
    }

    /** @return the model to serve: the initial one, or the latest recalibrated or retrained one */
    public M current() {
        return current;
    }

    /** @return the versions published so far, oldest first */
    public List<ModelVersion> published() {
        return new ArrayList<>(published);
    }

    /** @return the last drift event this reaction acted on */
    public Optional<DriftEvent> lastReaction() {
        return Optional.ofNullable(lastReaction);
    }

    /**
     * A publisher that stores encoded bytes in a {@link ModelStore} under a name.
     *
     * @param store the store
     * @param name the model name
     * @param encoder turns a model into the bytes to store
     * @param <M> the model type
     * @return the publisher
     */
    public static <M> BiFunction<M, Map<String, String>, ModelVersion> publishTo(ModelStore store, String name,
            Function<M, byte[]> encoder) {
        Objects.requireNonNull(store, "store");
        ModelStore.requireValidName(name);
        Objects.requireNonNull(encoder, "encoder");
        return (model, provenance) -> store.publish(name, encoder.apply(model), provenance);
    }

    /**
     * Settings for a {@link DriftReaction}.
     *
     * @param <M> the model type
     */
    public static final class Builder<M> {
        private final M initial;
        private When when = When.REFERENCE_RENEWED;
        private String scoreChannel;
        private BiFunction<M, double[], M> recalibrator;
        private BiFunction<DriftEvent, Map<String, double[]>, M> trainer;
        private BiFunction<M, Map<String, String>, ModelVersion> publisher;

        private Builder(M initial) {
            this.initial = initial;
        }

        /**
         * @param channel the monitor's score channel, whose window holds the recent scores (see {@link When})
         * @param value returns a copy of the model with its threshold re-chosen on those scores
         * @return this builder
         */
        public Builder<M> recalibrate(String channel, BiFunction<M, double[], M> value) {
            if (channel == null || channel.isBlank()) {
                throw new IllegalArgumentException("score channel must not be blank");
            }
            this.scoreChannel = channel;
            this.recalibrator = Objects.requireNonNull(value, "recalibration");
            return this;
        }

        /**
         * @param value when to act (default {@link When#REFERENCE_RENEWED})
         * @return this builder
         */
        public Builder<M> when(When value) {
            this.when = Objects.requireNonNull(value, "when");
            return this;
        }

        /**
         * @param value fits a new model from the drift event that caused it and the data per channel (the new
         *     reference window, or the drifting check's current windows; see {@link When})
         * @return this builder
         */
        public Builder<M> retrain(BiFunction<DriftEvent, Map<String, double[]>, M> value) {
            this.trainer = Objects.requireNonNull(value, "trainer");
            return this;
        }

        /**
         * @param value stores a retrained model with the given provenance and returns its version
         * @return this builder
         */
        public Builder<M> publish(BiFunction<M, Map<String, String>, ModelVersion> value) {
            this.publisher = Objects.requireNonNull(value, "publisher");
            return this;
        }

        /**
         * @return the reaction
         * @throws IllegalStateException with neither a recalibration nor a trainer, or a publisher without a
         *     trainer
         */
        public DriftReaction<M> build() {
            if (recalibrator == null && trainer == null) {
                throw new IllegalStateException("a drift reaction needs a recalibration or a trainer");
            }
            if (publisher != null && trainer == null) {
                throw new IllegalStateException("publishing needs a trainer: only retrained models are published");
            }
            return new DriftReaction<>(this);
        }
    }
}
