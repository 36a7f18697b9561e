package dev.incidents.analyzer;

import dev.incidents.analyzer.correlate.Correlator;
import dev.incidents.analyzer.correlate.InputLag;
import dev.incidents.analyzer.correlate.InputProgress;
import dev.incidents.analyzer.correlate.GpuPlacement;
import dev.incidents.analyzer.correlate.NodeIndex;
import dev.incidents.analyzer.correlate.GlobalViewUpdater;
import dev.incidents.analyzer.correlate.SubjectPartitioner;
import dev.incidents.analyzer.correlate.WriteBackStore;
import dev.incidents.analyzer.correlate.SubjectStateSerde;
import dev.incidents.analyzer.hints.HintCatalog;
import dev.incidents.analyzer.render.IncidentJson;
import dev.incidents.analyzer.signal.InputTimestamps;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.analyzer.signal.SignalFrame;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodGroupSnapshot;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.schemas.serde.AvroSerde;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;

/**
 * The analyzer, top to bottom as in DESIGN.md section 1:
 * <pre>
 *  k8s.events ─check─▶ route by subject ─┐                                   ┌─▶ k8s.incidents (Avro)
 *  k8s.pods   ─check─▶ route by subject ─┴─▶ signals-by-subject ─▶ correlate ┤
 *  k8s.nodes  ─check─▶ route by subject ─┤                                   └─▶ k8s.incidents.json
 *  k8s.podgroups ─check─▶ route by subject ─┘
 *            └─▶ k8s.nodes.view ─▶ global store "nodes" (read by correlate)
 *  k8s.pods   ─GPU pods─▶ k8s.pods.gpu-placements ─▶ global store "gpu-placements" (read by correlate)
 *  undecodable or invalid records ─▶ k8s.incidents.dlq   (as read, by the exception handlers of streamsSettings)
 * </pre>
 * The same function serves the live application, {@code replay} and the tests. Every node, store and internal
 * topic has an explicit name, so {@code describe()} is stable and a rename never orphans state.
 */
public final class IncidentTopology {

    /** Current incidents by id; the live app serves {@code /incidents} from it by interactive queries. */
    public static final String INCIDENTS_STORE = "incidents";
    /** Correlation state per subject (workload or node). */
    public static final String SUBJECTS_STORE = "subjects";
    /** Signals waiting until every input partition has passed their event time. */
    public static final String BUFFER_STORE = "reorder-buffer";
    /** Each input partition's watermark, and the correlator's clock. */
    public static final String WATERMARKS_STORE = "input-watermarks";
    /** The cluster's nodes (global), for ranking scheduling causes. */
    public static final String NODES_STORE = "nodes";
    /** The accelerators each bound pod holds (global): with the nodes, the free accelerators per node. */
    public static final String PLACEMENTS_STORE = "gpu-placements";
    /** Subjects kept deserialized per task between commits (see {@link WriteBackStore}). */
    private static final int SUBJECTS_CACHED = 10_000;
    /** Internal repartition topic (suffix) of signals keyed by subject. */
    public static final String SIGNALS_BY_SUBJECT = "signals-by-subject";

    private IncidentTopology() {
    }

    /** The topology for input that never waits on a broker (replay, topology tests). */
    public static Topology build(StreamsBuilder builder, AnalyzerConfig config) {
        return build(builder, config, InputLag.ALWAYS);
    }

    /** @param inputLag whether each input partition is read to its end (the idle clock waits for it) */
    public static Topology build(StreamsBuilder builder, AnalyzerConfig config, InputLag inputLag) {
        Map<String, Object> serdeConfig = new HashMap<>(config.asMap());
        Serde<KubeEvent> eventSerde = AvroSerde.of(KubeEvent.class, serdeConfig);
        Serde<PodSnapshot> podSerde = AvroSerde.of(PodSnapshot.class, serdeConfig);
        Serde<NodeSnapshot> nodeSerde = AvroSerde.of(NodeSnapshot.class, serdeConfig);
        Serde<PodGroupSnapshot> podGroupSerde = AvroSerde.of(PodGroupSnapshot.class, serdeConfig);
        Serde<Incident> incidentSerde = AvroSerde.of(Incident.class, serdeConfig);
        InputTimestamps eventTime = new InputTimestamps();
        HintCatalog catalog = HintCatalog.load();

        // A record that fails its check leaves the topology as an InvalidInputException: the processing exception
        // handler of streamsSettings writes its original bytes to the DLQ, as Kafka Streams does for undecodable ones.
        KStream<String, KubeEvent> events = builder.stream(config.eventsTopic(),
                        Consumed.with(Serdes.String(), eventSerde).withTimestampExtractor(eventTime).withName("events"))
                .processValues(() -> new InputCheck<>("events", InputCheck::event), Named.as("events-check"));
        builder.addStateStore(keptAsObjects(store(PodOwners.STORE, Serdes.String(), config), config));
        KStream<String, Signal> eventSignals = events.process(EventRouting::new, Named.as("events-to-signals"),
                PodOwners.STORE);

        KStream<String, PodSnapshot> pods = builder.stream(config.podsTopic(),
                        Consumed.with(Serdes.String(), podSerde).withTimestampExtractor(eventTime).withName("pods"))
                .processValues(() -> new InputCheck<>("pods", InputCheck::pod), Named.as("pods-check"));
        // What each cluster's nodes offer and its GPU pods hold, in memory beside the nodes and gpu-placements
        // stores, which the correlators read instead of scanning the stores.
        NodeIndex nodeIndex = new NodeIndex();
        boolean oneStage = oneStage(config);
        if (oneStage) {
            // The first child: a pod's placement is in the view before its own signals reach the correlator.
            builder.addStateStore(viewStore(PLACEMENTS_STORE, Serdes.String()));
            placements(pods).process(() -> placementsView(nodeIndex), Named.as("placements-view"), PLACEMENTS_STORE);
        }
        KStream<String, Signal> podSignals = pods.process(PodRouting::new, Named.as("pods-to-signals"), PodOwners.STORE);
        if (!oneStage) {
            // Which accelerators each bound pod holds, for every task to see free accelerators per node (fragmentation)
            placements(pods).to(config.placementsViewTopic(), Produced.with(Serdes.String(), Serdes.String())
                    .withName("placements-to-view"));
        }

        KStream<String, NodeSnapshot> nodes = builder.stream(config.nodesTopic(),
                        Consumed.with(Serdes.String(), nodeSerde).withTimestampExtractor(eventTime).withName("nodes"))
                .processValues(() -> new InputCheck<>("nodes", InputCheck::node), Named.as("nodes-check"));
        if (oneStage) {
            builder.addStateStore(viewStore(NODES_STORE, nodeSerde));
            nodes.process(() -> new GlobalViewUpdater<>(NODES_STORE, nodeIndex::update), Named.as("nodes-view"),
                    NODES_STORE);
        }
        KStream<String, Signal> nodeSignals = nodes.process(NodeRouting::new, Named.as("nodes-to-signals"));
        if (!oneStage) {
            // A topic cannot feed both a stream and a global table of one topology: the global store reads a copy.
            nodes.to(config.nodesViewTopic(), Produced.with(Serdes.String(), nodeSerde).withName("nodes-to-view"));
            // The global stores are what global tables keep; their updaters also feed the index.
            builder.addGlobalStore(Stores.timestampedKeyValueStoreBuilder(Stores.persistentKeyValueStore(NODES_STORE),
                                    Serdes.String(), nodeSerde).withLoggingDisabled(),
                    config.nodesViewTopic(),
                    Consumed.with(Serdes.String(), nodeSerde).withTimestampExtractor(eventTime).withName("nodes-view"),
                    () -> new GlobalViewUpdater<>(NODES_STORE, nodeIndex::update));
            builder.addGlobalStore(Stores.timestampedKeyValueStoreBuilder(Stores.persistentKeyValueStore(PLACEMENTS_STORE),
                                    Serdes.String(), Serdes.String()).withLoggingDisabled(),
                    config.placementsViewTopic(),
                    Consumed.with(Serdes.String(), Serdes.String()).withTimestampExtractor(eventTime)
                            .withName("placements-view"),
                    () -> placementsView(nodeIndex));
        }

        // Gang objects (PodGroups, Kueue Workloads) to the workload they schedule: its minMember and counts
        KStream<String, Signal> podGroupSignals = builder.stream(config.podGroupsTopic(),
                        Consumed.with(Serdes.String(), podGroupSerde).withTimestampExtractor(eventTime).withName("podgroups"))
                .processValues(() -> new InputCheck<>("podgroups", InputCheck::podGroup), Named.as("podgroups-check"))
                .process(PodGroupRouting::new, Named.as("podgroups-to-signals"));

        // Without a changelog the store below is in memory too, holding what the cache would hold, serialised: a
        // bound then saves no memory (a fleet replay's RSS was the same) and made a fleet replay, whose live
        // subjects outnumber it four times (39.7k), write back and read back states for 6 % of its time.
        builder.addStateStore(WriteBackStore.builder(store(SUBJECTS_STORE, new SubjectStateSerde(), config),
                config.storeChangelog() ? SUBJECTS_CACHED : Integer.MAX_VALUE));
        builder.addStateStore(keptAsObjects(store(INCIDENTS_STORE, incidentSerde, config), config));
        // Not folded by the record cache: a signal waits in the buffer for the slowest input partition, which while
        // catching up is seconds of wall time (a source waited for at the start, QUIET_SOURCE; partitions read at their
        // own pace), so its put and its delete fell in different commits all the same (1.95 changelog records per
        // signal with the cache, of a 200k-record catch-up), and the cache was only its look-ups and evictions.
        builder.addStateStore(memoryStore(BUFFER_STORE, Serdes.Bytes(), Serdes.ByteArray(), config));
        builder.addStateStore(folded(memoryStore(WATERMARKS_STORE, Serdes.String(), Serdes.Long(), config), config));
        // Events of pods not seen yet, waiting for their partition's pods topic (live only; InputProgress)
        builder.addStateStore(folded(memoryStore(InputProgress.HELD_STORE, Serdes.Bytes(), Serdes.ByteArray(), config),
                config));
        Correlator.Stores stores = new Correlator.Stores(SUBJECTS_STORE, INCIDENTS_STORE,
                NODES_STORE, PLACEMENTS_STORE, BUFFER_STORE, WATERMARKS_STORE);

        // Signals from every input partition meet per subject; the watermarks that travel with them (to every
        // partition) give each correlator the slowest input's event time, so a subject's evidence is taken in order.
        KStream<String, SignalFrame> framed = eventSignals
                .merge(podSignals, Named.as("signals"))
                .merge(nodeSignals, Named.as("node-signals"))
                .merge(podGroupSignals, Named.as("podgroup-signals"))
                .process(() -> new InputProgress(config, inputLag), Named.as("input-progress"),
                        PodOwners.STORE, InputProgress.HELD_STORE);
        KStream<String, SignalFrame> bySubject = oneStage ? framed
                : framed.repartition(Repartitioned.<String, SignalFrame>as(SIGNALS_BY_SUBJECT)
                        .withKeySerde(Serdes.String()).withValueSerde(SignalFrame.SERDE)
                        .withStreamPartitioner(new SubjectPartitioner()));
        List<String> correlatorStores = new ArrayList<>(
                List.of(SUBJECTS_STORE, INCIDENTS_STORE, BUFFER_STORE, WATERMARKS_STORE));
        if (oneStage) {
            correlatorStores.addAll(List.of(NODES_STORE, PLACEMENTS_STORE));
        }
        KStream<String, Incident> incidents = bySubject.process(
                () -> new Correlator(config, catalog, stores, nodeIndex, !oneStage), Named.as("correlate"),
                correlatorStores.toArray(String[]::new));

        incidents.to(config.incidentsTopic(), Produced.with(Serdes.String(), incidentSerde).withName("incidents-avro"));
        if (!oneStage) {
            // The JSON topic is for chat bots and the notifier, which read a live analyzer's. Replay takes the Avro
            // topic (its decisions are the same transitions either way) and renders the JSON it prints itself: it
            // only read this topic to throw it away, after rendering every transition (2 % of a fleet replay).
            incidents.mapValues(IncidentJson::toJson, Named.as("incidents-to-json"))
                    .to(config.incidentsJsonTopic(), Produced.with(Serdes.String(), Serdes.String())
                            .withName("incidents-json"));
        }
        return builder.build();
    }

    /**
     * Whether the correlator runs in the same sub-topology as the input stage, without {@code signals-by-subject}:
     * {@code replay} and the tests that drive the topology like it (one input partition, stores without changelogs).
     *
     * <p>Why: with one input partition there is one correlator task, so routing signals to it through a topic moves
     * nothing; in {@link org.apache.kafka.streams.TopologyTestDriver} it costs a serde round trip, a task pass and a
     * commit per signal, most of a replay's time outside the correlator. What replay sees does not change: the driver
     * processes a repartition topic's records right after the record that wrote them, in their order, and the node
     * and placement views (global stores fed through topics, which the driver updates between the two) become stores
     * of this sub-topology updated first, so a record's signals still meet the views with that record in them. Nor
     * does it write {@code k8s.incidents.json}, the same transitions as JSON that only chat bots and the notifier
     * read. The live application (changelogged stores, any number of partitions) keeps both stages, so its correlators scale
     * with the partitions and its {@code describe()} is what {@code TopologyDescriptionTest} pins.
     */
    public static boolean oneStage(AnalyzerConfig config) {
        return config.inputPartitions() == 1 && !config.storeChangelog();
    }

    /**
     * Kafka Streams settings the topology relies on: undecodable input (the deserialization handler) and input that
     * fails its check (the processing handler) is logged, skipped and written to the DLQ with its original bytes and
     * headers saying why and where from (Kafka Streams' built-in DLQ, KIP-1034); exactly-once.
     */
    public static Map<String, Object> streamsSettings(AnalyzerConfig config) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterUnlessRegistryDown.class);
        settings.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterInvalidInput.class);
        String backoff = config.asMap().get(DeadLetterUnlessRegistryDown.BACKOFF_CONFIG);
        if (backoff != null) {
            settings.put(DeadLetterUnlessRegistryDown.BACKOFF_CONFIG, backoff);
        }
        settings.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.dlqTopic());
        settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return settings;
    }

    /**
     * A store of the correlator's state: RocksDB with a changelog (live); in memory without one (replay: state that
     * no changelog backs is scratch for one run, and a memory map spares RocksDB's per-commit work).
     */
    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values, AnalyzerConfig config) {
        if (!config.storeChangelog()) {
            return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
                    .withLoggingDisabled();
        }
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }

    /**
     * A store read and written per record whose values are not changed once put: the pod owners (read for every pod
     * event, written for every pod snapshot) and the incidents (read and written for every transition). Without a
     * changelog (replay) the store below is scratch for one run, in memory: its values are kept as the objects
     * themselves ({@link WriteBackStore}, written below only when something iterates the store: the hourly purge of
     * resolved incidents), not a key and value serialised and a sorted map of bytes searched per look-up (pod
     * owners 4 %, incidents 1.5 % of a fleet replay). The same entries either way: a delete still deletes.
     */
    private static <V> StoreBuilder<KeyValueStore<String, V>> keptAsObjects(StoreBuilder<KeyValueStore<String, V>> store,
                                                                           AnalyzerConfig config) {
        return config.storeChangelog() ? store : WriteBackStore.builder(store, Integer.MAX_VALUE);
    }

    /**
     * Watermark and held-event entries mostly come and go within one commit interval: with a changelog, Kafka
     * Streams' record cache folds those writes, so the changelog gets each commit's net change instead of every put
     * and delete (catch-up of 51.7k records: 17 % less CPU). Without one (replay, which commits per record) the cache
     * would only add work.
     */
    private static <K, V> StoreBuilder<KeyValueStore<K, V>> folded(StoreBuilder<KeyValueStore<K, V>> builder,
                                                                    AnalyzerConfig config) {
        return config.storeChangelog() ? builder.withCachingEnabled() : builder;
    }

    /**
     * A node or placement view kept in the input stage's task ({@link #oneStage}): in memory, scratch for one run.
     * Written for every node snapshot and GPU pod snapshot, and read only by the node index's first scan of a
     * cluster: the values stay objects ({@link WriteBackStore}, serialised when that scan or the end reads the
     * store), not a serialiser call and a sorted-map put of bytes each (4-5 % of a fleet replay).
     */
    private static <V> StoreBuilder<TimestampedKeyValueStore<String, V>> viewStore(String name, Serde<V> values) {
        return WriteBackStore.timestamped(Stores.timestampedKeyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), values).withLoggingDisabled(), Integer.MAX_VALUE);
    }

    /** The accelerators each bound GPU pod holds, as the {@code gpu-placements} view keeps them. */
    private static KStream<String, String> placements(KStream<String, PodSnapshot> pods) {
        return pods.filter((key, pod) -> GpuPlacement.concerns(pod), Named.as("gpu-pods"))
                .mapValues(GpuPlacement::encode, Named.as("pods-to-placements"));
    }

    private static GlobalViewUpdater<String> placementsView(NodeIndex nodeIndex) {
        return new GlobalViewUpdater<>(PLACEMENTS_STORE,
                (pod, placement) -> nodeIndex.placed(pod, GpuPlacement.parse(placement).orElse(null)));
    }

    /** A store whose content is small and short-lived (in flight, per partition): in memory, restored from its changelog. */
    private static <K, V> StoreBuilder<KeyValueStore<K, V>> memoryStore(String name, Serde<K> keys, Serde<V> values,
                                                                         AnalyzerConfig config) {
        StoreBuilder<KeyValueStore<K, V>> builder =
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keys, values);
        return config.storeChangelog() ? builder : builder.withLoggingDisabled();
    }

    /**
     * A record to the signals of its subjects, each forwarded with the record's time (a tombstone's signal needs it,
     * which a plain {@code flatMap} does not see).
     */
    private abstract static class Routing<V> implements Processor<String, V, String, Signal> {
        private ProcessorContext<String, Signal> context;

        @Override
        public void init(ProcessorContext<String, Signal> context) {
            this.context = context;
        }

        @Override
        public final void process(Record<String, V> record) {
            for (KeyValue<String, Signal> signal : signals(record)) {
                context.forward(record.withKey(signal.key).withValue(signal.value));
            }
        }

        abstract List<KeyValue<String, Signal>> signals(Record<String, V> record);
    }

    /** A node snapshot, or its tombstone, to the node's signal. */
    private static final class NodeRouting extends Routing<NodeSnapshot> {
        @Override
        List<KeyValue<String, Signal>> signals(Record<String, NodeSnapshot> record) {
            return List.of(SignalRouting.node(record.key(), record.value(), record.timestamp()));
        }
    }

    /** A gang object to the workload it schedules; its tombstone to nothing. */
    private static final class PodGroupRouting extends Routing<PodGroupSnapshot> {
        @Override
        List<KeyValue<String, Signal>> signals(Record<String, PodGroupSnapshot> record) {
            return SignalRouting.podGroup(record.value()).stream().toList();
        }
    }

    /** Pod events to their workload (the owner learned from snapshots, else the name guess) and node. */
    private static final class EventRouting extends Routing<KubeEvent> {
        private PodOwners owners;

        @Override
        public void init(ProcessorContext<String, Signal> context) {
            super.init(context);
            this.owners = PodOwners.of(context);
        }

        @Override
        List<KeyValue<String, Signal>> signals(Record<String, KubeEvent> record) {
            return SignalRouting.event(record.key(), record.value(),
                    pod -> owners.subjectOf(pod, record.timestamp()));
        }
    }

    /**
     * A pod's signal for its workload, and one for its node when it holds accelerators there; a tombstone goes where
     * the pod's snapshots went. The owner is learned from these signals by the input stage's last step ({@link
     * InputProgress}), which may route events held for the pod first.
     */
    private static final class PodRouting extends Routing<PodSnapshot> {
        private PodOwners owners;

        @Override
        public void init(ProcessorContext<String, Signal> context) {
            super.init(context);
            this.owners = PodOwners.of(context);
        }

        @Override
        List<KeyValue<String, Signal>> signals(Record<String, PodSnapshot> record) {
            PodSnapshot pod = record.value();
            return SignalRouting.podSignals(record.key(), pod, record.timestamp(),
                    pod == null ? owners.subjectOf(record.key(), record.timestamp()) : Optional.empty());
        }
    }
}
