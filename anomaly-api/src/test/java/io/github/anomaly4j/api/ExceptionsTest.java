package io.github.anomaly4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExceptionsTest {

    @Test
    void unknownPluginMessageListsTheKnownIds() {
        UnknownPluginException e = new UnknownPluginException("detector", "zcore", List.of("iforest", "mad", "zscore"));
        assertThat(e).hasMessage("unknown detector 'zcore'; known detectors: iforest, mad, zscore");
        assertThat(e.kind()).isEqualTo("detector");
        assertThat(e.id()).isEqualTo("zcore");
        assertThat(e.knownIds()).containsExactly("iforest", "mad", "zscore");
        assertThat(e).isInstanceOf(AnomalyException.class).isInstanceOf(RuntimeException.class);
    }

    @Test
    void unknownPluginMessageSaysWhenNoneAreRegistered() {
        UnknownPluginException e = new UnknownPluginException("store", "jdbc", List.of());
        assertThat(e).hasMessage("unknown store 'jdbc'; known stores: (none registered)");
        assertThat(e.knownIds()).isEmpty();
    }

    @Test
    void unknownPluginKnownIdsAreACopy() {
        List<String> ids = new ArrayList<>(List.of("mad"));
        UnknownPluginException e = new UnknownPluginException("detector", "x", ids);
        ids.add("zscore");
        assertThat(e.knownIds()).containsExactly("mad");
        assertThat(e.getMessage()).doesNotContain("zscore");
        assertThatThrownBy(() -> e.knownIds().add("y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void domainExceptionsShareTheRootAndKeepTheirCause() {
        IOException io = new IOException("disk full");
        assertThat(new StoreException("write failed", io)).isInstanceOf(AnomalyException.class)
                .hasMessage("write failed").hasCause(io);
        assertThat(new StoreException("gone")).hasMessage("gone").hasNoCause();
        assertThat(new ModelFormatException("bad json", io)).isInstanceOf(AnomalyException.class).hasCause(io);
        assertThat(new ModelFormatException("truncated")).hasMessage("truncated");
        assertThat(new IncompatibleModelException("format 3, supported 1..2")).isInstanceOf(AnomalyException.class)
                .hasMessage("format 3, supported 1..2");
        assertThat(new AnomalyException("x", io)).hasCause(io).hasMessage("x");
    }
}
