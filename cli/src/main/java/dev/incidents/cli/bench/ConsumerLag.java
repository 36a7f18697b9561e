package dev.incidents.cli.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * "Caught up", measured from outside the application as an operator would: the consumer group's committed offsets
 * against the end of every partition it reads, the input topics and its own repartition topics alike (a Streams
 * application that has consumed its inputs may still have the correlator's whole backlog in a repartition topic).
 * A partition without a committed offset counts its whole length.
 */
final class ConsumerLag {
    private final Admin admin;
    private final String group;
    private final List<String> inputs;

    ConsumerLag(Admin admin, String group, List<String> inputs) {
        this.admin = admin;
        this.group = group;
        this.inputs = List.copyOf(inputs);
    }

    /** Records not yet committed as consumed, over the inputs and every partition the group has committed. */
    long total() throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        List<String> read = new ArrayList<>(inputs);
        // Kafka Streams names them <application.id>-<name>-repartition; one with records but no commit yet counts whole
        admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith(group + "-") && t.endsWith("-repartition")).forEach(read::add);
        admin.describeTopics(read).allTopicNames().get().values().forEach(t -> t.partitions()
                .forEach(p -> ends.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
        committed.keySet().forEach(tp -> ends.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> end = admin.listOffsets(ends).all().get();
        long lag = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResultInfo> e : end.entrySet()) {
            OffsetAndMetadata at = committed.get(e.getKey());
            lag += Math.max(0, e.getValue().offset() - (at == null ? 0 : at.offset()));
        }
        return lag;
    }
}
