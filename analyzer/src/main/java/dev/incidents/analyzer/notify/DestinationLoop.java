package dev.incidents.analyzer.notify;

import dev.incidents.schemas.IncidentStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One destination's consumer: its own consumer group ({@code <group>.<destination id>}), so each destination has
 * its own offsets and a failing one never holds the others up. For each transition, in topic order: skip it if the
 * delivery log says it was delivered (a redelivery after a crash or a rebalance), hold it back if muted or rate
 * limited (counted), else deliver it with bounded retries, dead-letter it if that fails; record the delivery; then
 * commit its offset. At-least-once: a crash before the commit redelivers, and the delivery log absorbs the repeat
 * unless the crash fell between the destination's answer and the log write.
 */
public final class DestinationLoop implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(DestinationLoop.class);
    private static final Duration POLL = Duration.ofMillis(500);

    /** What every loop shares: where to read, and the limits. */
    public record Settings(Map<String, Object> client, String topic, String group, boolean fromBeginning,
                           NoiseFilter filter, UpdateThrottle throttle, Duration spacing, RetryPolicy retry) {
    }

    private final Destination destination;
    private final Settings settings;
    private final DeliveryLog deliveries;
    private final DeadLetters deadLetters;
    private final NotifyMeters meters;
    private final Clock clock;
    private final ChannelPace pace;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile boolean assigned;
    private volatile boolean failed;
    private volatile KafkaConsumer<String, String> consumer;

    public DestinationLoop(Destination destination, Settings settings, DeliveryLog deliveries, DeadLetters deadLetters,
                           NotifyMeters meters, Clock clock) {
        this.destination = destination;
        this.settings = settings;
        this.deliveries = deliveries;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.clock = clock;
        this.pace = new ChannelPace(destination.deduplicates() ? settings.spacing() : Duration.ZERO);
    }

    public Destination destination() {
        return destination;
    }

    /** Has had partitions assigned (or has none to wait for): {@code /readyz}. */
    public boolean ready() {
        return assigned && !failed;
    }

    /** Has not died of an error it cannot handle (Kafka unreachable for writes): {@code /healthz}. */
    public boolean healthy() {
        return !failed;
    }

    public void stop() {
        stopping.set(true);
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    @Override
    public void run() {
        Map<String, Object> config = new LinkedHashMap<>(settings.client());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group() + "." + destination.id());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.fromBeginning() ? "earliest" : "latest");
        // each record may take the whole retry budget: a small batch keeps a poll well inside max.poll.interval.ms
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10);
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer = c;
            c.subscribe(List.of(settings.topic()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // another instance may have delivered these partitions' transitions until now
                    deliveries.catchUp();
                    assigned = true;
                }
            });
            while (!stopping.get()) {
                for (ConsumerRecord<String, String> record : c.poll(POLL)) {
                    handle(record);
                    c.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                    if (stopping.get()) {
                        break;
                    }
                }
                tick();
            }
        } catch (WakeupException e) {
            if (!stopping.get()) {
                failed = true;
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failed = true;
            log.error("notify: {} stopped: {}", destination.id(), e.getMessage(), e);
        }
    }

    void handle(ConsumerRecord<String, String> record) throws InterruptedException {
        if (record.value() == null) {
            return;
        }
        Transition t;
        try {
            t = Transition.parse(record.value());
        } catch (IllegalArgumentException e) {
            deadLetters.send(record, destination.id(), e.getMessage());
            meters.failed(destination);
            return;
        }
        DeliveryLog.Entry previous = destination.deduplicates() ? deliveries.get(destination.id(), t) : null;
        if (previous != null && !t.isAfter(previous)) {
            meters.skipped(destination, "duplicate");
            return;
        }
        String heldBack = settings.filter().holdsBack(t.incident());
        if (heldBack != null && !(t.status() == IncidentStatus.RESOLVED && delivered(t, previous))) {
            meters.muted(destination, heldBack);
            return;
        }
        if (settings.throttle().holdsBack(t, previous)) {
            meters.skipped(destination, "rate-limited");
            return;
        }
        pace.await();
        DeliveryLog.Entry[] result = new DeliveryLog.Entry[1];
        try {
            settings.retry().run(attempt -> result[0] = destination.deliver(t, previous), (attempt, failure, wait) -> {
                meters.retried(destination);
                log.warn("notify: {} refused {} {} (attempt {}): {}; retrying in {} ms", destination.id(), t.status(),
                        t.id(), attempt, failure.getMessage(), wait.toMillis());
            });
        } catch (DeliveryException e) {
            log.warn("notify: {} did not take {} {}: {}; dead-lettered", destination.id(), t.status(), t.id(),
                    e.getMessage());
            deadLetters.send(record, destination.id(), e.getMessage());
            meters.failed(destination);
            return;
        }
        if (destination.deduplicates() && result[0] != null) {
            deliveries.put(destination.id(), t, result[0]);
        }
        meters.delivered(destination);
    }

    private boolean delivered(Transition t, DeliveryLog.Entry previous) {
        return previous != null || (destination instanceof Alertmanager am && am.isOpen(t.id()));
    }

    private void tick() {
        try {
            destination.tick(clock.instant());
        } catch (DeliveryException e) {
            meters.retried(destination);
            log.warn("notify: {} re-asserting open alerts failed: {}; next time", destination.id(), e.getMessage());
        }
    }
}
