package dev.incidents.shipper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.junit.jupiter.api.Test;

class WorkloadPartitionerTest {
    static final Node BROKER = new Node(1, "localhost", 9092);
    static final int PARTITIONS = 12;
    static final Cluster CLUSTER = new Cluster("c", List.of(BROKER), partitions(Topics.EVENTS, Topics.PODS, Topics.NODES),
            Set.of(), Set.of());

    final WorkloadPartitioner partitioner = new WorkloadPartitioner();

    @Test
    void aPodItsEventsAndItsOwnersEventsShareOnePartitionAcrossTopics() {
        int pod = partition(Topics.PODS, "prod/inference/triton-ensemble-6c8d9b7f5d-x2kzq");
        assertThat(partition(Topics.EVENTS, "prod/inference/Pod/triton-ensemble-6c8d9b7f5d-x2kzq")).isEqualTo(pod);
        assertThat(partition(Topics.EVENTS, "prod/inference/ReplicaSet/triton-ensemble-6c8d9b7f5d")).isEqualTo(pod);
        assertThat(partition(Topics.EVENTS, "prod/inference/Deployment/triton-ensemble")).isEqualTo(pod);
        assertThat(partition(Topics.PODS, "prod/inference/triton-ensemble-6c8d9b7f5d-9qwzt")).as("a sibling pod").isEqualTo(pod);
    }

    @Test
    void workloadsSpreadOverThePartitions() {
        Set<Integer> used = IntStream.range(0, 200)
                .mapToObj(i -> partition(Topics.PODS, "prod/inference/model-" + i + "-6c8d9b7f5d-x2kzq"))
                .collect(Collectors.toSet());
        assertThat(used).hasSize(PARTITIONS);
    }

    @Test
    void nodeKeysAndClusterScopedEventsHashAsTheirKey() {
        assertThat(WorkloadPartitioner.routingKey("prod/ip-10-0-1-149.ec2.internal")).isNull();
        assertThat(WorkloadPartitioner.routingKey("prod//Node/ip-10-0-1-149.ec2.internal")).isNull();
        assertThat(partition(Topics.NODES, "prod/ip-10-0-1-149.ec2.internal")).isBetween(0, PARTITIONS - 1);
    }

    int partition(String topic, String key) {
        return partitioner.partition(topic, key, key.getBytes(StandardCharsets.UTF_8), null, null, CLUSTER);
    }

    static List<PartitionInfo> partitions(String... topics) {
        List<PartitionInfo> all = new ArrayList<>();
        for (String topic : topics) {
            for (int p = 0; p < PARTITIONS; p++) {
                all.add(new PartitionInfo(topic, p, BROKER, new Node[] {BROKER}, new Node[] {BROKER}));
            }
        }
        return all;
    }
}
