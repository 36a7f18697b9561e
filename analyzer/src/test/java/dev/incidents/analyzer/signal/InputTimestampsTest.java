package dev.incidents.analyzer.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.Kube;
import dev.incidents.schemas.EventTimeHeader;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** Event time: the payload's Kubernetes time, else the shipper's header, else the record timestamp, else stream time. */
class InputTimestampsTest {
    private static final Instant HAPPENED = Instant.parse("2025-03-14T10:02:09Z");
    private static final Instant HEADER = Instant.parse("2025-03-14T10:05:00Z");
    private static final long SHIPPED = Instant.parse("2026-12-02T08:00:00Z").toEpochMilli();
    private static final long PARTITION_TIME = Instant.parse("2025-03-14T09:00:00Z").toEpochMilli();

    private final InputTimestamps extractor = new InputTimestamps();

    @Test
    void thePayloadsKubernetesTimeComesFirst() {
        Object[] payloads = {
                Kube.podEvent("triton-0", "Warning", "BackOff", "Back-off restarting failed container", HAPPENED, "u1", "n1"),
                Kube.pod("triton", "triton-7c9f-abcde", "n1", HAPPENED, "Running", Kube.running(HAPPENED), null, 0, true),
                Kube.node("n1", HAPPENED, Map.of("nvidia.com/gpu", "8"))};
        for (Object payload : payloads) {
            assertThat(extract(payload, Optional.of(HEADER), SHIPPED)).as(payload.getClass().getSimpleName())
                    .isEqualTo(HAPPENED.toEpochMilli());
        }
    }

    @Test
    void aTombstoneTakesTheEventTimeHeaderNotTheTimeOfShipping() {
        assertThat(extract(null, Optional.of(HEADER), SHIPPED)).isEqualTo(HEADER.toEpochMilli());
    }

    @Test
    void anEventWithoutKubernetesTimesTakesTheHeader() {
        Object timeless = Kube.event("inference", "Pod", "triton-0", "Normal", "Pulled", "pulled", null, null, 1, "u2", null);

        assertThat(extract(timeless, Optional.of(HEADER), SHIPPED)).isEqualTo(HEADER.toEpochMilli());
    }

    @Test
    void withoutPayloadTimeOrHeaderTheRecordTimestampThenStreamTime() {
        assertThat(extract(null, Optional.empty(), SHIPPED)).isEqualTo(SHIPPED);
        assertThat(extract(null, Optional.empty(), ConsumerRecord.NO_TIMESTAMP)).isEqualTo(PARTITION_TIME);
    }

    @Test
    void anUnreadableHeaderIsNoHeader() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventTimeHeader.NAME, "yesterday".getBytes());

        assertThat(extractor.extract(record(null, headers, SHIPPED), PARTITION_TIME)).isEqualTo(SHIPPED);
    }

    private long extract(Object value, Optional<Instant> header, long timestamp) {
        RecordHeaders headers = new RecordHeaders();
        header.ifPresent(t -> headers.add(EventTimeHeader.of(t)));
        return extractor.extract(record(value, headers, timestamp), PARTITION_TIME);
    }

    private static ConsumerRecord<Object, Object> record(Object value, RecordHeaders headers, long timestamp) {
        return new ConsumerRecord<>("k8s.pods", 0, 0L, timestamp, TimestampType.LOG_APPEND_TIME, 0, 0, "test/inference/triton-0",
                value, headers, Optional.empty());
    }
}
