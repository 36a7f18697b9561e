package dev.incidents.analyzer.correlate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.TaskId;

/**
 * Whether an input task has processed its partitions to their end: the application's committed offset of each input
 * topic's partition against the partition's end offset, as last read from the brokers. {@link InputProgress} moves a
 * quiet partition's clock on with the wall clock only then: during a catch-up after downtime an input task can go
 * seconds without a record while its backlog waits on the broker (the thread busy with the correlator's backlog, a
 * task waiting for a partition's next fetch, a rebalance), and moving its clock then makes that backlog late.
 * Measured before this existed: 35k of 60k signals late when {@code analyze} caught up on 52k records with the default
 * idle clock. (The consumers' {@code records-lag} metric is no substitute: it read 0 with 1,300 records of the
 * partition neither fetched nor processed.)
 *
 * <p>A partition not yet read from the brokers is not caught up. {@link #ALWAYS} serves the replay driver, whose
 * input is piped in event-time order across topics and never waits on a broker.
 */
public final class InputLag {

    /**
     * Every partition caught up, and every task's input piped in event-time order across its topics (replay, tests
     * without a broker): the task's stream time is each of its topics' progress.
     */
    public static final InputLag ALWAYS = new InputLag(List.of(), true);

    private final List<String> topics;
    private final boolean always;
    /** Records left per input partition: end offset minus the application's committed offset. */
    private final Map<TopicPartition, Long> left = new ConcurrentHashMap<>();
    /**
     * Per input partition, the offset below which every record was appended at least {@link InputProgress#QUIET_SOURCE}
     * before the read of {@link #left} (absent: not known, nothing counts as settled). Written after {@link #left}, so
     * a reader that reads it first finds a lag at least as recent.
     */
    private final Map<TopicPartition, Long> settled = new ConcurrentHashMap<>();
    /** Partitions per input topic, as the brokers last described it (absent: not read yet). */
    private final Map<String, Integer> partitions = new ConcurrentHashMap<>();
    /** Wall time of the brokers' answer {@link #left} holds (Long.MAX_VALUE: as of any time, for tests). */
    private volatile long observedAt = Long.MIN_VALUE;

    private InputLag(List<String> topics, boolean always) {
        this.topics = List.copyOf(topics);
        this.always = always;
    }

    /** The lag of the input {@code topics}, fed by {@link #observe}. */
    public static InputLag of(List<String> topics) {
        return new InputLag(topics, false);
    }

    /** The input topics whose offsets {@link #observe} wants. */
    public List<String> topics() {
        return topics;
    }

    /**
     * Whether the input arrives in event-time order across topics ({@link #ALWAYS}); otherwise each input topic's
     * partition has a clock of its own ({@link InputProgress}).
     */
    public boolean inEventTimeOrder() {
        return always;
    }

    /**
     * Whether input topic {@code topic}'s partition {@code partition} is processed (and committed) to its end. A
     * partition the topic does not have is: a topic with fewer partitions than the others (a {@code k8s.podgroups}
     * created with one partition beside three-partition inputs) has nothing there to wait for, and its input tasks
     * beyond its count would otherwise wait for it forever.
     */
    public boolean caughtUp(String topic, int partition) {
        if (always) {
            return true;
        }
        Long records = left.get(new TopicPartition(topic, partition));
        if (records == null) {
            // caught up only when the brokers listed the topic, and this partition number for another input topic
            // (a partition no input lists is one not read yet, not one that does not exist)
            Integer count = partitions.get(topic);
            return count != null && partition >= count
                    && partitions.values().stream().anyMatch(other -> partition < other);
        }
        return records == 0;
    }

    /** Whether input task {@code task} has processed (and committed) every input topic's partition to its end. */
    public boolean caughtUp(TaskId task) {
        if (always) {
            return true;
        }
        for (String topic : topics) {
            if (!caughtUp(topic, task.partition())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Takes the input partitions' end offsets and the application's committed offsets (absent: nothing committed,
     * so an empty partition is caught up and any other is not). Partitions not in {@code ends} are forgotten.
     */
    public void observe(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> committed) {
        observe(ends, committed, Long.MAX_VALUE);
    }

    /**
     * When the lag is an hour old, "caught up" says nothing about the last seconds: as {@link #observe(Map, Map)},
     * read from the brokers at wall time {@code at}, which {@link #observedAt()} then returns.
     */
    public void observe(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> committed, long at) {
        observe(ends, committed, at, Map.of());
    }

    /**
     * As {@link #observe(Map, Map, long)}, with the offset below which each input partition's records were appended
     * at least {@link InputProgress#QUIET_SOURCE} before {@code at} (by their log append time; partitions of topics
     * without it absent).
     */
    public void observe(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> committed, long at,
                        Map<TopicPartition, Long> settledBelow) {
        observeOffsets(ends, committed);
        observedAt = at;
        settled.keySet().retainAll(settledBelow.keySet());
        settled.putAll(settledBelow);
    }

    /**
     * The offset of input topic {@code topic}'s partition below which every record had been appended at least {@link
     * InputProgress#QUIET_SOURCE} before the brokers' last answer; 0 when not known. Read before {@link #caughtUp}: what
     * that says is then at least as recent.
     */
    public long settledBelow(String topic, int partition) {
        if (always) {
            return 0;
        }
        return settled.getOrDefault(new TopicPartition(topic, partition), 0L);
    }

    /** Wall time of the brokers' answer the lag is from (Long.MIN_VALUE: none yet; Long.MAX_VALUE: tests). */
    public long observedAt() {
        return always ? Long.MAX_VALUE : observedAt;
    }

    private void observeOffsets(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> committed) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            long position = committed.getOrDefault(end.getKey(), 0L);
            left.put(end.getKey(), Math.max(0, end.getValue() - position));
        }
        Set<TopicPartition> known = ends.keySet();
        left.keySet().retainAll(known);
        Map<String, Integer> counts = new java.util.HashMap<>();
        known.forEach(tp -> counts.merge(tp.topic(), tp.partition() + 1, Math::max));
        partitions.putAll(counts);
        partitions.keySet().retainAll(counts.keySet());
    }

    @Override
    public String toString() {
        return "records left " + left;
    }
}
