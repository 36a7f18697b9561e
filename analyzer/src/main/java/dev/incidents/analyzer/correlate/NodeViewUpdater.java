package dev.incidents.analyzer.correlate;

import dev.incidents.schemas.NodeSnapshot;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps the {@code nodes} global store (what a global table would keep: latest snapshot per node, a tombstone
 * deletes) and tells the {@link NodeIndex}, store first, so a concurrent first scan of the index never misses it.
 */
public final class NodeViewUpdater implements Processor<String, NodeSnapshot, Void, Void> {

    private final String storeName;
    private final NodeIndex index;
    private TimestampedKeyValueStore<String, NodeSnapshot> store;

    public NodeViewUpdater(String storeName, NodeIndex index) {
        this.storeName = storeName;
        this.index = index;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, NodeSnapshot> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
        }
        index.update(record.key(), record.value());
    }
}
