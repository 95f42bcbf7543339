package io.github.anomaly4j.tck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on refused calls, with messages that say which call was not refused. */
final class Refusals {
    private Refusals() {
    }

    static void assertIllegalArgument(String call, ThrowingCallable callable) {
        assertThat(catchThrowable(callable)).as("%s must throw IllegalArgumentException", call)
                .isInstanceOf(IllegalArgumentException.class);
    }

    static void assertIllegalState(String call, ThrowingCallable callable) {
        assertThat(catchThrowable(callable)).as("%s must throw IllegalStateException", call)
                .isInstanceOf(IllegalStateException.class);
    }

    static void assertNullRefused(String call, ThrowingCallable callable) {
        assertThat(catchThrowable(callable))
                .as("%s must throw NullPointerException or IllegalArgumentException", call)
                .isInstanceOfAny(NullPointerException.class, IllegalArgumentException.class);
    }
}
