package dev.incidents.analyzer.correlate;

import dev.incidents.analyzer.PodOwners;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** The stores the input stage's last step ({@link InputProgress}) uses, in memory, for a processor under a mock context. */
final class InputStageStores {

    private InputStageStores() {
    }

    static void addTo(MockProcessorContext<?, ?> context) {
        add(context, Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PodOwners.STORE), Serdes.String(),
                Serdes.String()));
        add(context, Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(InputProgress.HELD_STORE), Serdes.Bytes(),
                Serdes.ByteArray()));
    }

    private static void add(MockProcessorContext<?, ?> context, StoreBuilder<? extends KeyValueStore<?, ?>> builder) {
        KeyValueStore<?, ?> store = builder.withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }
}
