package dev.incidents.shipper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Everything {@code ship} and {@code record} are told, typed, in one place (the commands build it from flags).
 *
 * @param cluster       stamped on every record and key; null = the kubeconfig context's name
 * @param kubeconfig    null = in-cluster service account, then {@code $KUBECONFIG} / {@code ~/.kube/config}
 * @param context       null = the kubeconfig's current context
 * @param resync        how often informers replay their caches; unchanged objects ship nothing, so a resync
 *                      only matters for records Kafka did not take
 * @param httpPort      {@code /healthz}, {@code /readyz}, {@code /metrics}; 0 = any free port, negative = none
 */
public record ShipperConfig(String cluster, Path kubeconfig, String context, WatchFilter filter, Duration resync,
                            Map<String, Object> producer, TopicNames topics, int httpPort, int queueCapacity) {
    public static final Duration DEFAULT_RESYNC = Duration.ofMinutes(10);
    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
}
