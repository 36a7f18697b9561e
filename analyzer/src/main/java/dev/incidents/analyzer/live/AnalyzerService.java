package dev.incidents.analyzer.live;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.DeadLetterUnlessRegistryDown;
import dev.incidents.analyzer.IncidentTopology;
import dev.incidents.analyzer.correlate.InputLag;
import dev.incidents.analyzer.correlate.InputProgress;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.KafkaRefusal;
import dev.incidents.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyzer as a long-running Kafka Streams application: the same {@link IncidentTopology} as
 * {@code replay}, with exactly-once processing, a failed stream thread replaced rather than the app
 * stopped (a poison record already goes to the DLQ; what reaches the handler is a bug or a broker problem
 * that a fresh thread may survive), and the {@code incidents} store open for interactive queries.
 */
public final class AnalyzerService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AnalyzerService.class);

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final Topology topology;
    private final InputLag inputLag;
    private final String applicationId;
    private final Admin admin;
    private final AtomicReference<String> fatal = new AtomicReference<>();
    /** Reads the consumers' lag into {@link #inputLag} (the idle clock of the input stage waits for lag 0). */
    private final ScheduledExecutorService lagReader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "incidents-input-lag");
        thread.setDaemon(true);
        return thread;
    });

    public AnalyzerService(AnalyzerConfig config, Map<String, Object> streamsProperties) {
        this.inputLag = InputLag.of(List.of(config.eventsTopic(), config.podsTopic(), config.nodesTopic(),
                config.podGroupsTopic()));
        this.topology = IncidentTopology.build(new StreamsBuilder(), config, inputLag);
        Properties properties = new Properties();
        properties.putAll(IncidentTopology.streamsSettings(config));
        properties.putAll(streamsProperties);
        this.streams = new KafkaStreams(topology, properties);
        StreamsConfig streamsConfig = new StreamsConfig(properties);
        this.applicationId = streamsConfig.getString(StreamsConfig.APPLICATION_ID_CONFIG);
        this.admin = Admin.create(streamsConfig.getAdminConfigs(applicationId + "-input-lag"));
        streams.setUncaughtExceptionHandler(exception -> {
            Optional<String> refused = KafkaRefusal.of(exception);
            if (refused.isPresent()) {
                // A wrong password, an untrusted certificate or a missing ACL: a new thread would fail the same way,
                // forever, one rebalance each. Stop and say why.
                fatal.compareAndSet(null, refused.get());
                // analyze prints it as its last line; Kafka Streams logs the exception itself.
                log.info("stopping: {}", refused.get());
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
            log.error("stream thread failed; replacing it", exception);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener(this::logStateChange);
    }

    /** How long an input task waits for a producer of an input read to its end before it merges without it: not at all. */
    static final Duration MAX_TASK_IDLE = Duration.ZERO;

    /** The Kafka Streams settings of {@code analyze} over the client config (bootstrap, TLS, SASL, registry). */
    public static Map<String, Object> streamsProperties(Map<String, Object> client, String applicationId,
                                                        String stateDir, int standbyReplicas, String applicationServer) {
        Map<String, Object> properties = new HashMap<>();
        // Kafka Streams (KIP-695) never merges a task's partitions past one whose records are on the brokers and not
        // fetched yet (lag unknown or > 0), whatever this value; above 0 it also waits this long for a producer of a
        // partition fetched to its end (lag 0). The input stage no longer needs that wait: each input topic's
        // partition has its own clock (InputProgress), so a topic whose records reach the task seconds after another
        // topic's newer ones is judged by its own progress, not the task's stream time. At 10 s (before) every
        // catch-up stalled 10 s at its end, once the input that ends first in event time was read to its end (the
        // bench's fleet: its node heartbeats end 12 minutes of event time before its last events), and live a
        // decision waited whenever one input of its task had gone quiet.
        properties.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, MAX_TASK_IDLE.toMillis());
        properties.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        // A registry outage holds the stream thread in the deserializer (registryRetry) with a transaction open; past
        // transaction.timeout.ms (Kafka Streams sets 10 s for exactly-once) the coordinator would abort it, fence the
        // producer and the group would rebalance. So the transaction outlives the wait. The cost: a transaction of an
        // instance that dies and never comes back holds read_committed readers of its partitions this long (one that
        // restarts with its state directory keeps its transactional id and aborts it at once).
        properties.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
                (int) registryRetry(client).plus(TRANSACTION_MARGIN).toMillis());
        properties.putAll(client);
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        properties.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
        if (applicationServer != null && !applicationServer.isBlank()) {
            properties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        }
        return properties;
    }

    /**
     * How long {@code analyze} lets a schema look-up wait for the registry ({@link AvroDeserializer#REGISTRY_RETRY_TIMEOUT}):
     * long enough for a registry restart or failover, short of {@code max.poll.interval.ms} (5 min), past which the
     * member would leave the group anyway. The stream thread waits in the deserializer instead of failing, so an outage
     * costs no rebalance and dead-letters nothing; after it, the look-up fails and {@link DeadLetterUnlessRegistryDown}
     * has the thread replaced.
     */
    public static final Duration REGISTRY_RETRY = Duration.ofSeconds(60);
    /** What an open transaction may last beyond the registry wait: a commit interval and a slow look-up's timeout. */
    static final Duration TRANSACTION_MARGIN = Duration.ofSeconds(30);

    /** {@code settings} with analyze's registry wait unless it is set already (by --kafka-config or --config). */
    public static void defaultRegistryRetry(Map<String, Object> settings) {
        settings.putIfAbsent(AvroDeserializer.REGISTRY_RETRY_TIMEOUT, REGISTRY_RETRY.toString());
    }

    static Duration registryRetry(Map<String, Object> settings) {
        Object value = settings.get(AvroDeserializer.REGISTRY_RETRY_TIMEOUT);
        return value == null ? REGISTRY_RETRY : Duration.parse(value.toString().trim());
    }

    public void start() {
        streams.start();
        lagReader.scheduleWithFixedDelay(this::readLag, 0, LAG_READ_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How often the input lag is read: well under the idle clock's interval (5 s by default). */
    static final Duration LAG_READ_INTERVAL = Duration.ofMillis(500);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(5);
    private static final int LAG_FAILURES_BEFORE_WARNING = 60;
    /** Consecutive failed reads of the input lag (read on the lag reader's thread only). */
    private int lagFailures;

    private void readLag() {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(inputLag.topics()).allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).values()) {
                topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
            }
            // what the ends say is true as of now: a record produced after this is not in them
            long readAt = System.currentTimeMillis();
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
            Map<TopicPartition, Long> committed = new HashMap<>();
            admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((tp, offset) -> {
                        if (offset != null) {
                            committed.put(tp, offset.offset());
                        }
                    });
            inputLag.observe(ends, committed, readAt, settledBelow(ends, readAt));
            lagFailures = 0;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // Next time; meanwhile the idle clock waits, so a quiet cluster reaches no deadline: say so once.
            if (++lagFailures == LAG_FAILURES_BEFORE_WARNING) {
                log.warn("cannot read the input topics' end offsets or the group's committed offsets ({} attempts in a "
                        + "row; needs Describe on the input topics and the consumer group): the idle clock waits until "
                        + "it can", LAG_FAILURES_BEFORE_WARNING, e);
            } else {
                log.debug("cannot read the input lag", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Per input partition of a topic whose records carry the time the broker appended them ({@code
     * message.timestamp.type=LogAppendTime}, as {@code analyze} and {@code kafka start} create them), the offset below
     * which every record was appended at least {@link InputProgress#QUIET_SOURCE} before {@code readAt}: the first
     * offset appended since then, or the end when none was. {@link InputProgress} then waits for no topic read to its
     * end before those records (a backlog shipped before a restart). The broker's clock against this one: a broker
     * clock behind by {@code d} shortens that wait by {@code d}.
     */
    private Map<TopicPartition, Long> settledBelow(Map<TopicPartition, Long> ends, long readAt)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (appendTimeTopics == null) {
            appendTimeTopics = appendTimeTopics(inputLag.topics());
        }
        Map<TopicPartition, OffsetSpec> since = new HashMap<>();
        ends.keySet().stream().filter(tp -> appendTimeTopics.contains(tp.topic()))
                .forEach(tp -> since.put(tp, OffsetSpec.forTimestamp(readAt - InputProgress.QUIET_SOURCE.toMillis())));
        Map<TopicPartition, Long> settled = new HashMap<>();
        if (since.isEmpty()) {
            return settled;
        }
        admin.listOffsets(since).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).forEach((tp, info) ->
                // no record appended since: every record up to the end read before is older
                settled.put(tp, info.offset() < 0 ? ends.get(tp) : Math.min(info.offset(), ends.get(tp))));
        return settled;
    }

    /** Input topics whose record timestamps are the brokers' append times (read once; null: not read yet). */
    private Set<String> appendTimeTopics;

    /**
     * Read once. Refused (describing a topic's configuration needs {@code DESCRIBE_CONFIGS}, which the analyzer's
     * documented ACLs do not grant): none, and the input stage waits for quiet topics as it did without.
     */
    private Set<String> appendTimeTopics(List<String> topics) throws InterruptedException, TimeoutException {
        List<ConfigResource> resources = topics.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Set<String> appendTime = new HashSet<>();
        try {
            admin.describeConfigs(resources).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((resource, config) -> {
                        var type = config.get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG);
                        if (type != null && "LogAppendTime".equals(type.value())) {
                            appendTime.add(resource.name());
                        }
                    });
        } catch (ExecutionException e) {
            log.info("cannot read the input topics' timestamp type ({}): a backlog waits for quiet input topics as "
                    + "records shipped live do", e.getCause() == null ? e : e.getCause().getMessage());
        }
        return appendTime;
    }

    /** What the analyzer logs on every Kafka Streams state change (tests wait for "-> RUNNING"). */
    public void logStateChange(KafkaStreams.State now, KafkaStreams.State before) {
        log.info("analyzer state {} -> {}", before, now);
    }

    /** Why Kafka Streams stopped for good (Kafka refused its credentials or an operation), if it did. */
    public Optional<String> fatal() {
        return Optional.ofNullable(fatal.get());
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public Topology topology() {
        return topology;
    }

    /** The incidents this instance hosts (active tasks), read from the {@code incidents} store. */
    public List<Incident> localIncidents(IncidentFilter filter) {
        ReadOnlyKeyValueStore<String, Incident> store = streams.store(StoreQueryParameters.fromNameAndType(
                IncidentTopology.INCIDENTS_STORE, QueryableStoreTypes.<String, Incident>keyValueStore()));
        List<Incident> incidents = new ArrayList<>();
        try (KeyValueIterator<String, Incident> all = store.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value != null && filter.matches(entry.value)) {
                    incidents.add(entry.value);
                }
            });
        }
        return incidents;
    }

    /**
     * Closes without leaving the consumer group (Kafka Streams' default): a restarting instance gets its tasks
     * and warm state back without a rebalance of everyone else.
     */
    @Override
    public void close() {
        lagReader.shutdownNow();
        admin.close(Duration.ZERO);
        streams.close(CLOSE_TIMEOUT);
    }

    /** Closes and leaves the group at once: for runs that will not come back ({@code demo}, tests). */
    public void closeForGood() {
        lagReader.shutdownNow();
        admin.close(Duration.ZERO);
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
    }
}
