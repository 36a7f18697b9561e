package dev.incidents.cli.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * "Caught up", measured from outside the application as an operator would, from the consumer group's committed
 * offsets: first the input topics are consumed to their end; then every repartition topic of the application is
 * consumed up to where it ended at that moment. With exactly-once, the records an input produced are committed in
 * the same transaction as its offset, so at that moment everything the backlog gave the correlator is in the
 * repartition topics, and the second step is the correlator working through it. Records appended later (the
 * analyzer's wall-clock watermark ticks, one per input partition per second) are not the backlog's and not waited for.
 */
final class ConsumerLag {
    private final Admin admin;
    private final String group;
    private final List<String> inputs;
    private Map<TopicPartition, Long> internalEnds;
    private long inputsConsumedAt;

    ConsumerLag(Admin admin, String group, List<String> inputs) {
        this.admin = admin;
        this.group = group;
        this.inputs = List.copyOf(inputs);
    }

    /** Records of the backlog not yet committed as consumed: input records, then repartitioned ones. */
    long remaining() throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        if (internalEnds == null) {
            Map<TopicPartition, Long> inputEnds = ends(inputs);
            long behind = behind(inputEnds, committed);
            if (behind > 0) {
                return behind;
            }
            // Kafka Streams names them <application.id>-<name>-repartition
            internalEnds = ends(admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith(group + "-") && t.endsWith("-repartition")).toList());
            inputsConsumedAt = System.nanoTime();
        }
        return behind(internalEnds, committed);
    }

    /** {@link System#nanoTime()} when the input topics were first seen committed to their end; 0 until then. */
    long inputsConsumedAt() {
        return inputsConsumedAt;
    }

    /** Records the backlog wrote to the repartition topics (their end offsets once the inputs were consumed). */
    long repartitioned() {
        return internalEnds == null ? 0 : internalEnds.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records (and transaction markers) written to {@code topic} so far: the sum of its partitions' end offsets. */
    long written(String topic) throws ExecutionException, InterruptedException {
        return ends(List.of(topic)).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Records (and transaction markers) written so far to each changelog of the application, by store name: what its
     * state costs the broker beside the repartition topics.
     */
    Map<String, Long> changelogs() throws ExecutionException, InterruptedException {
        String prefix = group + "-";
        String suffix = "-changelog";
        List<String> topics = admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith(prefix) && t.endsWith(suffix)).sorted().toList();
        Map<String, Long> written = new TreeMap<>();
        ends(topics).forEach((partition, end) -> written.merge(
                partition.topic().substring(prefix.length(), partition.topic().length() - suffix.length()), end,
                Long::sum));
        return written;
    }

    private static long behind(Map<TopicPartition, Long> ends, Map<TopicPartition, OffsetAndMetadata> committed) {
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
            OffsetAndMetadata at = committed.get(e.getKey());
            behind += Math.max(0, e.getValue() - (at == null ? 0 : at.offset()));
        }
        return behind;
    }

    private Map<TopicPartition, Long> ends(List<String> topics) throws ExecutionException, InterruptedException {
        if (topics.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().values().forEach(t -> t.partitions()
                .forEach(p -> request.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResultInfo> e : admin.listOffsets(request).all().get().entrySet()) {
            ends.put(e.getKey(), e.getValue().offset());
        }
        return ends;
    }
}
