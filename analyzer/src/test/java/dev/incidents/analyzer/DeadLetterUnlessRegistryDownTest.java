package dev.incidents.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidents.analyzer.replay.Replay;
import dev.incidents.kafka.testing.FreePorts;
import dev.incidents.schemas.KafkaClientConfig;
import dev.incidents.schemas.serde.RecordFramingException;
import dev.incidents.schemas.serde.RecordFramingException.Reason;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class DeadLetterUnlessRegistryDownTest {
    static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");
    /** Confluent wire format: magic 0, schema id 7, then (irrelevant) Avro bytes. */
    static final byte[] WIRE_FORMAT = {0, 0, 0, 0, 7, 2, 4, 6};

    @Test
    void a_record_whose_schema_the_registry_cannot_serve_now_fails_the_thread_instead_of_being_dead_lettered() {
        AnalyzerConfig config = AnalyzerConfig.defaults()
                .with(KafkaClientConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:" + FreePorts.one())
                .with(DeadLetterUnlessRegistryDown.BACKOFF_CONFIG, "PT0.2S");
        try (Replay replay = new Replay(config)) {
            assertThatThrownBy(() -> replay.rawEvent("test/inference/Pod/x", WIRE_FORMAT, T0))
                    .isInstanceOf(StreamsException.class)
                    .satisfies(e -> assertThat(DeadLetterUnlessRegistryDown.registryDown(e)).isTrue());
        }
    }

    @Test
    void garbage_still_goes_to_the_dead_letter_topic() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.rawEvent("test/inference/Pod/x", new byte[] {1, 2, 3}, T0);
            assertThat(replay.finish().deadLettered()).isEqualTo(1);
        }
    }

    @Test
    void only_an_unavailable_registry_counts_wherever_it_is_in_the_cause_chain() {
        RecordFramingException down = new RecordFramingException(Reason.REGISTRY_UNAVAILABLE, "503");
        RecordFramingException unknown = new RecordFramingException(Reason.UNKNOWN_SCHEMA_ID, "404");
        assertThat(DeadLetterUnlessRegistryDown.registryDown(new StreamsException(new SerializationException(down)))).isTrue();
        assertThat(DeadLetterUnlessRegistryDown.registryDown(new StreamsException(unknown))).isFalse();
        assertThat(DeadLetterUnlessRegistryDown.registryDown(new IllegalStateException())).isFalse();
    }
}
