package dev.incidents.analyzer.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HeldPodEventsTest {

    static final String WORKER_0 = "prod/training/llama-70b-ft-worker-0";
    static final String WORKER_1 = "prod/training/llama-70b-ft-worker-1";
    static final String GUESS = "prod/training/StatefulSet/llama-70b-ft-worker";
    static final String OWNER = "prod/training/PyTorchJob/llama-70b-ft";

    private KeyValueStore<Bytes, byte[]> store;
    private final List<String> routed = new ArrayList<>();

    @BeforeEach
    void store() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(HeldPodEvents.STORE), Serdes.Bytes(),
                Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    @Test
    void events_go_in_event_time_order_to_the_owner_known_at_release_else_to_the_guess() {
        HeldPodEvents held = new HeldPodEvents(store);
        held.hold(2_000, WORKER_1, GUESS, new byte[] {2});
        held.hold(1_000, WORKER_0, GUESS, new byte[] {1});
        held.hold(3_000, WORKER_0, GUESS, new byte[] {3});

        held.release(2_000, (pod, time) -> Optional.ofNullable(Map.of(WORKER_0, OWNER).get(pod)), this::route);

        assertThat(routed).containsExactly(OWNER + " 1 @1000", GUESS + " 2 @2000");
        assertThat(held.size()).isEqualTo(1);
        assertThat(store.approximateNumEntries()).isEqualTo(1);
    }

    @Test
    void a_restarted_task_finds_what_was_held_and_holds_more_after_it() {
        HeldPodEvents before = new HeldPodEvents(store);
        before.hold(5_000, WORKER_0, GUESS, new byte[] {5});
        before.hold(5_000, WORKER_1, GUESS, new byte[] {6});

        HeldPodEvents after = new HeldPodEvents(store);
        after.hold(5_000, WORKER_0, GUESS, new byte[] {7});
        after.release(Long.MAX_VALUE, (pod, time) -> Optional.of(OWNER), this::route);

        assertThat(routed).containsExactly(OWNER + " 5 @5000", OWNER + " 6 @5000", OWNER + " 7 @5000");
        assertThat(after.isEmpty()).isTrue();
        assertThat(store.approximateNumEntries()).isZero();
    }

    private void route(String key, byte[] frame, long time) {
        routed.add(key + " " + frame[0] + " @" + time);
    }
}
