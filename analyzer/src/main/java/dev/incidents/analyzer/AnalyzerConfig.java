package dev.incidents.analyzer;

import dev.incidents.schemas.Topics;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Every setting of the analyzer topology, as keys with a one-line doc and a default. Built from a {@link Map} or
 * {@link Properties} (the CLI passes its flags and {@code --kafka-config} file through here); unknown keys are
 * ignored so the same map can also carry Kafka Streams properties.
 */
public final class AnalyzerConfig {

    /** Input topic of normalised Kubernetes Events. */
    public static final String EVENTS_TOPIC = "incidents.topic.events";
    /** Input topic of Pod snapshots (tombstone on delete). */
    public static final String PODS_TOPIC = "incidents.topic.pods";
    /** Input topic of Node snapshots (tombstone on delete). */
    public static final String NODES_TOPIC = "incidents.topic.nodes";
    /** Input topic of gang object snapshots (PodGroups, Kueue Workloads; tombstone on delete). */
    public static final String PODGROUPS_TOPIC = "incidents.topic.podgroups";
    /**
     * The analyzer's own copy of the Node snapshots, written by the topology from the nodes topic and read back as
     * the global {@code nodes} store (Kafka Streams cannot read one topic both as a stream and a global table).
     */
    public static final String NODES_VIEW_TOPIC = "incidents.topic.nodes.view";
    /** The analyzer's view of which pod holds which accelerators on which node (default: pods topic + {@code .gpu-placements}). */
    public static final String PLACEMENTS_VIEW_TOPIC = "incidents.topic.pods.placements";
    /** Output topic of incidents as Avro. */
    public static final String INCIDENTS_TOPIC = "incidents.topic.incidents";
    /** Output topic of incidents as DESIGN section 5 JSON. */
    public static final String INCIDENTS_JSON_TOPIC = "incidents.topic.incidents.json";
    /** Dead-letter topic for undecodable or invalid input records. */
    public static final String DLQ_TOPIC = "incidents.topic.dlq";
    /** Cluster name used when a record carries none. */
    public static final String CLUSTER = "incidents.cluster";
    /** Prefix of per-category grace overrides, e.g. {@code incidents.grace.INSUFFICIENT_GPU=PT2M}. */
    public static final String GRACE_PREFIX = "incidents.grace.";
    /**
     * How long a capacity incident (INSUFFICIENT_GPU, INSUFFICIENT_RESOURCES, GPU_FRAGMENTED) of a pod waits once a
     * scale-up was triggered for it: a GPU node takes minutes to boot, install its driver and register its devices.
     */
    public static final String SCALE_UP_GRACE = "incidents.scale-up.grace";
    /** Event time without new failure evidence after which an incident resolves as quiet. */
    public static final String QUIET_PERIOD = "incidents.quiet.period";
    /** Minimum event time between two UPDATED transitions of one incident. */
    public static final String UPDATE_INTERVAL = "incidents.update.min.interval";
    /** Event time after which an untouched correlation entry (workload or node) is purged. */
    public static final String SUBJECT_RETENTION = "incidents.store.subject.retention";
    /** Event time a RESOLVED incident is kept in the incidents store (for occurrence numbering). */
    public static final String RESOLVED_RETENTION = "incidents.store.resolved.retention";
    /**
     * The lateness bound: how far behind its input partition's newest event time a record may arrive and still be
     * taken in event-time order. Every decision waits this long (event time) for evidence still in flight.
     */
    public static final String LATENESS = "incidents.lateness";
    /**
     * Partitions of the input topics (the most of the three): how many input partitions the correlator's clock waits
     * for. {@code analyze} reads it from the brokers; replay has one.
     */
    public static final String INPUT_PARTITIONS = "incidents.input.partitions";
    /** Wall-clock interval of the idle clock (live only): advances event time when the cluster goes quiet. 0 = off. */
    public static final String IDLE_ADVANCE_INTERVAL = "incidents.idle.advance.interval";
    /**
     * Event-time milliseconds the idle clock adds per wall-clock millisecond of quiet (live only). 1 in production;
     * {@code demo} raises it so a recording shipped in seconds still sees its grace periods pass in seconds.
     */
    public static final String IDLE_ADVANCE_RATE = "incidents.idle.advance.rate";
    /** Evidence entries kept per incident (newest, deduplicated by event uid). */
    public static final String MAX_EVIDENCE = "incidents.evidence.max";
    /** Number of distinct workloads with disk-full pulls on one node that make a NODE_DISK_PRESSURE incident. */
    public static final String NODE_DISK_WORKLOADS = "incidents.node.disk.workloads";

    /**
     * Whether the state stores have changelog topics (true for the live app: state survives a restart). An offline
     * replay has no broker to restore from, and the test driver would keep every changelog record in memory.
     */
    public static final String STORE_CHANGELOG = "incidents.store.changelog";

    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put(EVENTS_TOPIC, Topics.EVENTS);
        DEFAULTS.put(PODS_TOPIC, Topics.PODS);
        DEFAULTS.put(NODES_TOPIC, Topics.NODES);
        DEFAULTS.put(PODGROUPS_TOPIC, Topics.PODGROUPS);
        DEFAULTS.put(INCIDENTS_TOPIC, Topics.INCIDENTS);
        DEFAULTS.put(INCIDENTS_JSON_TOPIC, Topics.INCIDENTS_JSON);
        DEFAULTS.put(DLQ_TOPIC, Topics.INCIDENTS_DLQ);
        DEFAULTS.put(CLUSTER, "default");
        DEFAULTS.put(QUIET_PERIOD, "PT15M");
        DEFAULTS.put(UPDATE_INTERVAL, "PT5M");
        DEFAULTS.put(SUBJECT_RETENTION, "PT6H");
        DEFAULTS.put(SCALE_UP_GRACE, "PT10M");
        DEFAULTS.put(RESOLVED_RETENTION, "P7D");
        DEFAULTS.put(LATENESS, "PT2S");
        DEFAULTS.put(INPUT_PARTITIONS, "1");
        DEFAULTS.put(IDLE_ADVANCE_INTERVAL, "PT5S");
        DEFAULTS.put(IDLE_ADVANCE_RATE, "1");
        DEFAULTS.put(MAX_EVIDENCE, "20");
        DEFAULTS.put(NODE_DISK_WORKLOADS, "2");
        DEFAULTS.put(STORE_CHANGELOG, "true");
    }

    /**
     * Default grace per category: how long a failure may last before it is an incident. Scheduling gets 60 s
     * plus margin because the cluster autoscaler's TriggeredScaleUp typically lands a node within a minute;
     * a crash loop needs a few restarts before it is not a one-off.
     */
    private static final Map<Category, Duration> CATEGORY_GRACE = new EnumMap<>(Category.class);
    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(90);

    static {
        for (Category c : Category.values()) {
            CATEGORY_GRACE.put(c, DEFAULT_GRACE);
        }
        CATEGORY_GRACE.put(Category.REPLICA_CREATE_FAILED, Duration.ofSeconds(30));
        CATEGORY_GRACE.put(Category.IMAGE_PULL_DISK_FULL, Duration.ofSeconds(30));
        CATEGORY_GRACE.put(Category.IMAGE_PULL_AUTH, Duration.ofSeconds(30));
        CATEGORY_GRACE.put(Category.IMAGE_NOT_FOUND, Duration.ofSeconds(30));
        CATEGORY_GRACE.put(Category.CONFIG_ERROR, Duration.ofSeconds(30));
        // a rejected pod is replaced by its controller: a replacement admitted within 30 s was a blip
        CATEGORY_GRACE.put(Category.GPU_ADMISSION_FAILED, Duration.ofSeconds(30));
        CATEGORY_GRACE.put(Category.CONTAINER_START_FAILED, Duration.ofSeconds(30));
        // an Xid 79 or an uncorrectable ECC error is a fault the moment it is reported
        CATEGORY_GRACE.put(Category.GPU_HARDWARE_FAULT, Duration.ZERO);
        CATEGORY_GRACE.put(Category.OOM_KILLED, Duration.ZERO);
        CATEGORY_GRACE.put(Category.READINESS_FAILING, Duration.ofMinutes(5));
        // Kubernetes itself waits 300 s (the default not-ready toleration) before it evicts a NotReady node's pods, and
        // a node rebooted for a kernel or driver upgrade is back within it
        CATEGORY_GRACE.put(Category.NODE_NOT_READY, Duration.ofMinutes(5));
        CATEGORY_GRACE.put(Category.POD_EVICTED, Duration.ZERO);
    }

    private final Map<String, String> values;
    /** Durations parsed once per key: the correlator reads grace and quiet period for every signal. */
    private final Map<String, Duration> durations = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * {@link #grace} per category ordinal, once: the lifecycle asks for it at every evaluation of every candidate. No
     * lock: the settings never change, so two threads filling a slot at once store the same immutable Duration.
     */
    private final Duration[] graces = new Duration[Category.values().length];
    /** The keys given explicitly (not defaults). */
    private final java.util.Set<String> given;

    private AnalyzerConfig(Map<String, String> values, java.util.Set<String> given) {
        this.values = values;
        this.given = given;
    }

    public static AnalyzerConfig defaults() {
        return from(Map.of());
    }

    public static AnalyzerConfig from(Map<String, ?> settings) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        java.util.Set<String> given = new java.util.HashSet<>();
        settings.forEach((k, v) -> {
            if (v != null) {
                values.put(k, v.toString());
                given.add(k);
            }
        });
        return new AnalyzerConfig(values, java.util.Set.copyOf(given));
    }

    public static AnalyzerConfig from(Properties properties) {
        Map<String, Object> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
        return from(map);
    }

    /** A copy with one setting changed. */
    public AnalyzerConfig with(String key, Object value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(key, value.toString());
        java.util.Set<String> alsoGiven = new java.util.HashSet<>(given);
        alsoGiven.add(key);
        return new AnalyzerConfig(copy, java.util.Set.copyOf(alsoGiven));
    }

    /** Whether {@code key} was set explicitly rather than left at its default. */
    public boolean isSet(String key) {
        return given.contains(key);
    }

    public String eventsTopic() {
        return values.get(EVENTS_TOPIC);
    }

    public String podsTopic() {
        return values.get(PODS_TOPIC);
    }

    public String nodesTopic() {
        return values.get(NODES_TOPIC);
    }

    public String podGroupsTopic() {
        return values.get(PODGROUPS_TOPIC);
    }

    /** Default: the nodes topic plus {@code .view} ({@code k8s.nodes.view}), so a prefixed nodes topic keeps its copy beside it. */
    public String nodesViewTopic() {
        String view = values.get(NODES_VIEW_TOPIC);
        return view == null || view.isBlank() ? nodesTopic() + ".view" : view;
    }

    /**
     * Default: the pods topic plus {@code .gpu-placements} ({@code k8s.pods.gpu-placements}), read back as the
     * {@code gpu-placements} global store (free accelerators per node).
     */
    public String placementsViewTopic() {
        String view = values.get(PLACEMENTS_VIEW_TOPIC);
        return view == null || view.isBlank() ? podsTopic() + ".gpu-placements" : view;
    }

    public String incidentsTopic() {
        return values.get(INCIDENTS_TOPIC);
    }

    public String incidentsJsonTopic() {
        return values.get(INCIDENTS_JSON_TOPIC);
    }

    public String dlqTopic() {
        return values.get(DLQ_TOPIC);
    }

    public String cluster() {
        return values.get(CLUSTER);
    }

    public Duration grace(Category category) {
        Duration grace = graces[category.ordinal()];
        if (grace == null) {
            String key = GRACE_PREFIX + category.name();
            grace = values.containsKey(key) ? durationOf(key) : CATEGORY_GRACE.get(category);
            graces[category.ordinal()] = grace;
        }
        return grace;
    }

    /**
     * The grace of a candidate only guesses support ({@code Clue.guess()}): at least the default grace, the time the
     * evidence that proves or refutes the guess (the kubelet's own pull error beside a listing's ImagePullBackOff) has to
     * arrive, whatever the shorter grace of the guessed category.
     */
    public Duration guessGrace(Category category) {
        Duration own = grace(category);
        return own.compareTo(DEFAULT_GRACE) >= 0 ? own : DEFAULT_GRACE;
    }

    public Duration scaleUpGrace() {
        return durationOf(SCALE_UP_GRACE);
    }

    /** The longest grace of any category: replay advances event time just past it at the end of the input. */
    public Duration longestGrace() {
        Duration longest = scaleUpGrace();
        for (Category c : Category.values()) {
            Duration g = grace(c);
            if (g.compareTo(longest) > 0) {
                longest = g;
            }
        }
        return longest;
    }

    public Duration quietPeriod() {
        return durationOf(QUIET_PERIOD);
    }

    public Duration updateInterval() {
        return durationOf(UPDATE_INTERVAL);
    }

    public Duration subjectRetention() {
        return durationOf(SUBJECT_RETENTION);
    }

    public Duration resolvedRetention() {
        return durationOf(RESOLVED_RETENTION);
    }

    public Duration lateness() {
        return durationOf(LATENESS);
    }

    public int inputPartitions() {
        return Integer.parseInt(values.get(INPUT_PARTITIONS).trim());
    }

    public Duration idleAdvanceInterval() {
        return durationOf(IDLE_ADVANCE_INTERVAL);
    }

    public double idleAdvanceRate() {
        return Double.parseDouble(values.get(IDLE_ADVANCE_RATE).trim());
    }

    public int maxEvidence() {
        return Integer.parseInt(values.get(MAX_EVIDENCE).trim());
    }

    public int nodeDiskWorkloads() {
        return Integer.parseInt(values.get(NODE_DISK_WORKLOADS).trim());
    }

    public boolean storeChangelog() {
        return Boolean.parseBoolean(values.get(STORE_CHANGELOG).trim());
    }

    /** All settings, defaults included (for logging the effective configuration). */
    public Map<String, String> asMap() {
        return Map.copyOf(values);
    }

    private Duration durationOf(String key) {
        return durations.computeIfAbsent(key, k -> duration(values.get(k)));
    }

    static Duration duration(String text) {
        String t = text.trim();
        if (t.chars().allMatch(Character::isDigit)) {
            return Duration.ofMillis(Long.parseLong(t));
        }
        return Duration.parse(t);
    }
}
