package io.github.anomaly4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StoreContextTest {

    @Test
    void emptyContextHasNothing() {
        assertThat(StoreContext.empty().get(Clock.class)).isEmpty();
        assertThat(StoreContext.empty().get(Object.class)).isEmpty();
    }

    @Test
    void looksServicesUpByType() {
        Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        Path dir = Path.of("/tmp/models");
        StoreContext ctx = StoreContext.of(clock, dir);
        assertThat(ctx.get(Clock.class)).containsSame(clock);
        assertThat(ctx.get(Path.class)).containsSame(dir);
        assertThat(ctx.get(String.class)).isEmpty();
        assertThat(ctx.require(Clock.class, "jdbc")).isSameAs(clock);
    }

    @Test
    void firstMatchWinsIncludingSubtypes() {
        Clock first = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        Clock second = Clock.systemUTC();
        StoreContext ctx = StoreContext.of("name", first, second);
        assertThat(ctx.get(Clock.class)).containsSame(first);
        assertThat(ctx.get(Object.class)).contains("name");
        assertThat(ctx.get(CharSequence.class)).contains("name");
    }

    @Test
    void requireNamesTheStoreAndTheMissingType() {
        assertThatThrownBy(() -> StoreContext.of("x").require(Clock.class, "file"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("store 'file' needs a java.time.Clock in its StoreContext");
    }

    @Test
    void laterChangesToTheArgumentArrayDoNotLeakIn() {
        Object[] services = {"a"};
        StoreContext ctx = StoreContext.of(services);
        services[0] = Clock.systemUTC();
        assertThat(ctx.get(Clock.class)).isEmpty();
        assertThat(ctx.get(String.class)).contains("a");
    }

    @Test
    void nullServicesAreRefused() {
        assertThatThrownBy(() -> StoreContext.of("a", null)).isInstanceOf(NullPointerException.class);
    }
}
