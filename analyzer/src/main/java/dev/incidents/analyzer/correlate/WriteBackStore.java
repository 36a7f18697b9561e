package dev.incidents.analyzer.correlate;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A store of mutable state objects with the last {@code capacity} of them kept deserialized: {@link #get} hands out
 * the cached object, {@link #put} only marks it dirty, and dirty objects are written to the store below (serde,
 * RocksDB, changelog) when Kafka Streams flushes its caches before a commit, or when they leave the cache.
 *
 * <p>Why: the correlator reads and writes a subject's state for every signal. During a catch-up a busy workload gets
 * hundreds of signals between two commits; writing its state once per commit instead of once per signal is the same
 * committed state (exactly-once commits flush first) at a fraction of the serialisation and changelog traffic.
 * Iterators (not used on the hot path) see the store after a write-back of everything dirty.
 *
 * <p>Kafka Streams (3.x and 4.x) flushes only {@link CachedStateStore}s before it commits a transaction; a plain
 * store's {@code flush()} runs after the commit, at checkpoint time, which would put the write-back into the next
 * transaction (lost with it on a crash, while the transitions it decided were committed: CrashIT caught that). Hence
 * this implements that internal interface; a Kafka upgrade that changes it breaks the build, not the guarantee.
 *
 * <p>A store without a changelog (replay, where the driver commits after every record) has no transaction to join:
 * it writes back only on eviction, on {@code flush()} and when iterated, so a replay serialises a subject's state
 * about once, not once per signal. There a delete also leaves the cache at once (nothing has to be written at a
 * commit): a pending delete held in the cache took the room of a live subject, and a fleet replay, whose expired
 * subjects outnumber its live ones, evicted live states and read them back, serialising and parsing each (6 % of its
 * time). And while nothing was ever written below (an in-memory store starts empty), a subject the cache does not
 * hold is new: no look-up below (each a key serialised and compared byte by byte in a sorted map).
 */
public class WriteBackStore<K, V> implements KeyValueStore<K, V>, CachedStateStore<K, V> {

    private final KeyValueStore<K, V> inner;
    private final int capacity;
    /** Whether a commit must write back: only when a changelog makes the store's content part of the transaction. */
    private final boolean writeBackOnCommit;
    /**
     * Access-ordered when bounded: the eldest entry is the least recently used. Unbounded (replay) nothing is
     * evicted, and the order, relinked at every look-up, was never read. A null value is a pending delete.
     */
    private final LinkedHashMap<K, V> cached;
    private final LinkedHashMap<K, Boolean> dirty = new LinkedHashMap<>();
    /** Whether the store below may hold an entry: it was restored or persistent, or something was written to it. */
    private boolean innerHolds = true;

    WriteBackStore(KeyValueStore<K, V> inner, int capacity, boolean writeBackOnCommit) {
        this.inner = inner;
        this.capacity = capacity;
        this.cached = new LinkedHashMap<>(256, 0.75f, capacity != Integer.MAX_VALUE);
        this.writeBackOnCommit = writeBackOnCommit;
    }

    /** Wraps what {@code builder} builds; the wrapper is the root store Kafka Streams flushes. */
    public static <K, V> StoreBuilder<KeyValueStore<K, V>> builder(StoreBuilder<KeyValueStore<K, V>> builder, int capacity) {
        return wrapping(builder, (inner, logged) -> new WriteBackStore<>(inner, capacity, logged));
    }

    /**
     * The same for a timestamped store (a view of what a global table would hold): what the processors and
     * {@code TopologyTestDriver#getTimestampedKeyValueStore} see is still a {@link TimestampedKeyValueStore}.
     */
    public static <K, V> StoreBuilder<TimestampedKeyValueStore<K, V>> timestamped(
            StoreBuilder<TimestampedKeyValueStore<K, V>> builder, int capacity) {
        return wrapping(builder, (inner, logged) -> new Timestamped<>(inner, capacity, logged));
    }

    /** A write-back store of timestamped values. */
    private static final class Timestamped<K, V> extends WriteBackStore<K, ValueAndTimestamp<V>>
            implements TimestampedKeyValueStore<K, V> {
        Timestamped(KeyValueStore<K, ValueAndTimestamp<V>> inner, int capacity, boolean writeBackOnCommit) {
            super(inner, capacity, writeBackOnCommit);
        }
    }

    private static <S extends StateStore> StoreBuilder<S> wrapping(StoreBuilder<S> builder,
                                                                   BiFunction<S, Boolean, S> wrap) {
        return new StoreBuilder<>() {
            @Override
            public StoreBuilder<S> withCachingEnabled() {
                builder.withCachingEnabled();
                return this;
            }

            @Override
            public StoreBuilder<S> withCachingDisabled() {
                builder.withCachingDisabled();
                return this;
            }

            @Override
            public StoreBuilder<S> withLoggingEnabled(Map<String, String> config) {
                builder.withLoggingEnabled(config);
                return this;
            }

            @Override
            public StoreBuilder<S> withLoggingDisabled() {
                builder.withLoggingDisabled();
                return this;
            }

            @Override
            public S build() {
                return wrap.apply(builder.build(), builder.loggingEnabled());
            }

            @Override
            public Map<String, String> logConfig() {
                return builder.logConfig();
            }

            @Override
            public boolean loggingEnabled() {
                return builder.loggingEnabled();
            }

            @Override
            public String name() {
                return builder.name();
            }
        };
    }

    @Override
    public V get(K key) {
        V cachedValue = cached.get(key);
        // Only a store whose deletes wait for the commit holds null values (pending deletes); without one (replay) a
        // key not cached needs no second look-up (a new subject, pod or incident: most of a replay's misses)
        if (cachedValue != null || writeBackOnCommit && cached.containsKey(key)) {
            return cachedValue;
        }
        if (!innerHolds) {
            return null;
        }
        V value = inner.get(key);
        if (value != null) {
            remember(key, value);
        }
        return value;
    }

    @Override
    public void put(K key, V value) {
        Objects.requireNonNull(key);
        if (value == null && !writeBackOnCommit) {
            delete(key); // a null is a delete (Kafka Streams' contract): at once here, so the cache holds no nulls
            return;
        }
        remember(key, value);
        dirty.put(key, Boolean.TRUE);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        V current = get(key);
        if (current == null) {
            put(key, value);
        }
        return current;
    }

    @Override
    public void putAll(List<KeyValue<K, V>> entries) {
        entries.forEach(e -> put(e.key, e.value));
    }

    @Override
    public V delete(K key) {
        V previous = get(key);
        if (writeBackOnCommit) {
            put(key, null); // written back with the commit's other changes
            return previous;
        }
        cached.remove(key);
        dirty.remove(key);
        if (innerHolds) {
            inner.delete(key);
        }
        return previous;
    }

    private void remember(K key, V value) {
        cached.put(key, value);
        if (cached.size() > capacity) {
            Iterator<Map.Entry<K, V>> eldest = cached.entrySet().iterator();
            Map.Entry<K, V> e = eldest.next();
            if (dirty.remove(e.getKey()) != null) {
                write(e.getKey(), e.getValue());
            }
            eldest.remove();
        }
    }

    private void writeBack() {
        for (K key : dirty.keySet()) {
            write(key, cached.get(key));
        }
        dirty.clear();
    }

    private void write(K key, V value) {
        innerHolds = true;
        if (value == null) {
            inner.delete(key);
        } else {
            inner.put(key, value);
        }
    }

    @Override
    public void flushCache() {
        if (writeBackOnCommit) {
            writeBack();
        }
    }

    @Override
    public void clearCache() {
        cached.clear();
        dirty.clear();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<K, V> listener, boolean sendOldValues) {
        return false; // nothing is forwarded from this store
    }

    @Override
    public void flush() {
        writeBack();
        inner.flush();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        if (writeBackOnCommit) {
            writeBack();
        }
        inner.commit(changelogOffsets);
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        writeBack();
        return inner.range(from, to);
    }

    @Override
    public KeyValueIterator<K, V> all() {
        writeBack();
        return inner.all();
    }

    @Override
    public <S extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, S prefixKeySerializer) {
        writeBack();
        return inner.prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return inner.approximateNumEntries();
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        cached.clear();
        dirty.clear();
        inner.init(context, root);
        // Only an in-memory store without a changelog is known to start empty (nothing restores it).
        innerHolds = writeBackOnCommit || inner.persistent();
    }

    @Override
    public void close() {
        // Closing without a flush is a dirty close (a crash, a revoked task): unflushed changes must not survive.
        cached.clear();
        dirty.clear();
        inner.close();
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public Long committedOffset(TopicPartition partition) {
        return inner.committedOffset(partition);
    }

    @Override
    public boolean managesOffsets() {
        return inner.managesOffsets();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound bound, QueryConfig config) {
        writeBack();
        return inner.query(query, bound, config);
    }

    @Override
    public Position getPosition() {
        return inner.getPosition();
    }
}
