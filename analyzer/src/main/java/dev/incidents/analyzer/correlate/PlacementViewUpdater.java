package dev.incidents.analyzer.correlate;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps the {@code gpu-placements} global store (latest placement per pod, a tombstone deletes) and tells the
 * {@link NodeIndex}, store first, as {@link NodeViewUpdater} does for nodes.
 */
public final class PlacementViewUpdater implements Processor<String, String, Void, Void> {

    private final String storeName;
    private final NodeIndex index;
    private TimestampedKeyValueStore<String, String> store;

    public PlacementViewUpdater(String storeName, NodeIndex index) {
        this.storeName = storeName;
        this.index = index;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, String> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
        }
        index.placed(record.key(), GpuPlacement.parse(record.value()).orElse(null));
    }
}
