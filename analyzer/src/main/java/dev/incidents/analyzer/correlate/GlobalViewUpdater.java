package dev.incidents.analyzer.correlate;

import java.util.function.BiConsumer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps a global store as a global table would (latest value per key, a tombstone deletes) and tells the
 * {@link NodeIndex} of each change, store first, so a concurrent first scan of the index never misses it. One per
 * view: the {@code nodes} store (node snapshots) and the {@code gpu-placements} store (what each pod holds where).
 *
 * @param <V> the view's values
 */
public final class GlobalViewUpdater<V> implements Processor<String, V, Void, Void> {

    private final String storeName;
    private final BiConsumer<String, V> index;
    private TimestampedKeyValueStore<String, V> store;

    /** @param index told of every put ({@code key, value}) and delete ({@code key, null}) */
    public GlobalViewUpdater(String storeName, BiConsumer<String, V> index) {
        this.storeName = storeName;
        this.index = index;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
        }
        index.accept(record.key(), record.value());
    }
}
