package dev.incidents.analyzer.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.signal.SignalFrames;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InputWatermarksTest {

    private KeyValueStore<String, Long> store;

    @BeforeEach
    void store() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("marks"), Serdes.String(), Serdes.Long())
                .withLoggingDisabled().build();
        store.init(new org.apache.kafka.streams.processor.api.MockProcessorContext<>().getStateStoreContext(), store);
    }

    @Test
    void the_clock_is_the_slowest_partition_and_waits_for_one_not_heard_from() {
        InputWatermarks marks = new InputWatermarks(store, 3);
        assertThat(marks.advance(0, 5_000)).isEqualTo(Long.MIN_VALUE);
        assertThat(marks.advance(1, 9_000)).isEqualTo(Long.MIN_VALUE); // partition 2 has said nothing yet
        assertThat(marks.advance(2, 7_000)).isEqualTo(5_000);
        assertThat(marks.advance(0, 8_000)).isEqualTo(7_000);
        assertThat(marks.advance(0, 6_000)).as("a watermark never goes back").isEqualTo(7_000);
    }

    @Test
    void a_partition_without_data_does_not_hold_the_clock_until_its_first_record() {
        InputWatermarks marks = new InputWatermarks(store, 2);
        marks.advance(0, 5_000);
        assertThat(marks.advance(1, SignalFrames.NO_DATA)).isEqualTo(5_000);
        assertThat(marks.advance(0, 6_000)).isEqualTo(6_000);
        assertThat(marks.advance(1, 6_500)).isEqualTo(6_000);
        assertThat(marks.advance(0, 9_000)).as("partition 1 has data now: it counts").isEqualTo(6_500);
    }

    @Test
    void the_clock_and_the_marks_survive_a_restart() {
        InputWatermarks before = new InputWatermarks(store, 2);
        before.advance(0, 5_000);
        before.advance(1, 4_000);
        InputWatermarks after = new InputWatermarks(store, 2);
        assertThat(after.clock()).isEqualTo(4_000);
        assertThat(after.advance(1, 4_500)).isEqualTo(4_500);
    }

    @Test
    void a_partition_beyond_the_configured_count_is_waited_for_from_then_on() {
        InputWatermarks marks = new InputWatermarks(store, 1);
        assertThat(marks.advance(0, 5_000)).isEqualTo(5_000);
        marks.advance(1, 6_000); // the input topics grew a partition
        assertThat(marks.advance(0, 9_000)).isEqualTo(6_000);
    }
}
