package dev.incidents.shipper;

import dev.incidents.schemas.NodeSnapshot;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real producer whose broker is down (nothing listens on its port): the sink turns unhealthy, and a record
 * the producer gives up on after delivery.timeout.ms is counted and handed back so its state is forgotten
 * and the next resync ships it again. Not fatal: the shipper keeps running.
 */
class KafkaSinkIT {
    @Test
    void brokerOutageMakesTheSinkUnhealthyAndLostRecordsComeBackForResync() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        Map<String, Object> config = ProducerSettings.of("127.0.0.1:" + deadPort, null, null, "sink-outage-test");
        config.put("delivery.timeout.ms", 3000);
        config.put("request.timeout.ms", 1000);
        config.put("linger.ms", 0);
        config.put("max.block.ms", 2000);
        ShipperMetrics metrics = new ShipperMetrics();
        List<OutgoingRecord> lost = new CopyOnWriteArrayList<>();
        NodeSnapshot node = NodeSnapshot.newBuilder().setCluster("c").setName("ip-10-0-1-149.ec2.internal")
                .setObservedAt(Instant.parse("2025-03-14T10:06:00Z")).build();

        try (KafkaSink sink = new KafkaSink(config, new ValueSerializer(config), metrics, lost::add, Duration.ofMillis(500))) {
            assertThat(sink.healthy()).isTrue();
            sink.send(new OutgoingRecord("node", "k8s.nodes", "c/ip-10-0-1-149.ec2.internal", node, node.getObservedAt(), "c/ip-10-0-1-149.ec2.internal"));

            await().atMost(Duration.ofSeconds(30)).until(() -> !lost.isEmpty());
            assertThat(lost).singleElement().satisfies(r -> assertThat(r.stateKey()).isEqualTo("c/ip-10-0-1-149.ec2.internal"));
            assertThat(metrics.value("shipper.produce.errors", "node")).isEqualTo(1);
            assertThat(metrics.value("shipper.objects.shipped", "node")).isZero();
            assertThat(sink.fatal()).isEmpty();
            assertThat(sink.pending()).isZero();
        }
    }

    @Test
    void unacknowledgedSendsBeyondTheStallMakeTheSinkUnhealthy() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        Map<String, Object> config = ProducerSettings.of("127.0.0.1:" + deadPort, null, null, "sink-stall-test");
        config.put("max.block.ms", 60_000);
        ShipperMetrics metrics = new ShipperMetrics();
        NodeSnapshot node = NodeSnapshot.newBuilder().setCluster("c").setName("n").setObservedAt(Instant.EPOCH).build();
        try (KafkaSink sink = new KafkaSink(config, new ValueSerializer(config), metrics, r -> { }, Duration.ofMillis(300))) {
            Thread sender = new Thread(() -> sink.send(new OutgoingRecord("node", "k8s.nodes", "c/n", node, Instant.EPOCH, "c/n")));
            sender.setDaemon(true);
            sender.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> !sink.healthy());
            sink.checkHealth();
            assertThat(sink.describe()).contains("not acknowledging");
        }
    }
}
