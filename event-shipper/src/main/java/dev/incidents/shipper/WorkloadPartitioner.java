package dev.incidents.shipper;

import dev.incidents.recordings.WorkloadName;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.Utils;

/**
 * Puts every record of one workload on the same partition number of {@code k8s.events} and {@code k8s.pods}: a
 * Pod, its events, its ReplicaSet's events and its Deployment's events hash by cluster, namespace and workload
 * name, while the keys stay those of DESIGN section 3. The analyzer's task for partition p then reads a workload's
 * events and pod snapshots side by side and merges them in event-time order (Kafka Streams picks the oldest head
 * record across a task's partitions), so a backlog or a fast replay reaches the correlator in the order it
 * happened instead of one topic racing ahead of the other. Node records keep the default key hash.
 */
public final class WorkloadPartitioner implements Partitioner {

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        int partitions = cluster.partitionsForTopic(topic).size();
        String routing = key instanceof String k ? routingKey(k) : null;
        byte[] bytes = routing != null ? routing.getBytes(StandardCharsets.UTF_8) : keyBytes;
        return bytes == null ? 0 : Utils.toPositive(Utils.murmur2(bytes)) % partitions;
    }

    /**
     * {@code cluster/namespace/workload} for an event key ({@code cluster/namespace/kind/name}) or a pod key
     * ({@code cluster/namespace/name}); null for anything else (node keys), which then hashes as the key itself.
     */
    static String routingKey(String key) {
        String[] parts = key.split("/", -1);
        if (parts.length == 4 && !parts[1].isEmpty()) {
            return parts[0] + "/" + parts[1] + "/" + WorkloadName.workloadOf(parts[2], parts[3]);
        }
        if (parts.length == 3 && !parts[1].isEmpty() && !parts[2].isEmpty()) {
            return parts[0] + "/" + parts[1] + "/" + WorkloadName.workloadOf("Pod", parts[2]);
        }
        return null;
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public void close() {
    }
}
