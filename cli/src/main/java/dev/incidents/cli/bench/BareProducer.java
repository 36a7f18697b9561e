package dev.incidents.cli.bench;

import dev.incidents.recordings.Recorded;
import dev.incidents.schemas.EventTimeHeader;
import dev.incidents.shipper.TopicNames;
import dev.incidents.shipper.ValueSerializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A bare {@link KafkaProducer} with the shipper's own settings and serializer, sending records already read: the
 * ceiling {@code ship --from} is compared with, and the sender of the latency row, which paces records so that each
 * leaves when the wall clock reaches its event time.
 */
final class BareProducer {
    private final Map<String, Object> settings;

    /** @param settings {@code ProducerSettings.of(...)}: idempotence, acks, batching, partitioner, serializers */
    BareProducer(Map<String, Object> settings) {
        this.settings = settings;
    }

    /** Sends every record as fast as possible and waits for all acknowledgements; returns the elapsed nanoseconds. */
    long send(List<Recorded> records, TopicNames topics) {
        long start = System.nanoTime();
        send(records, topics, false);
        return System.nanoTime() - start;
    }

    /**
     * Sends record i when the wall clock reaches its event time (never earlier); returns the wall-clock millisecond
     * each one was handed to the producer, the moment the analyzer could first have seen it.
     */
    long[] sendAtEventTimes(List<Recorded> records, TopicNames topics) {
        return send(records, topics, true);
    }

    private long[] send(List<Recorded> records, TopicNames topics, boolean paced) {
        long[] sentAt = new long[records.size()];
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (ValueSerializer values = new ValueSerializer(settings);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings)) {
            for (int i = 0; i < records.size(); i++) {
                Recorded record = records.get(i);
                if (paced) {
                    sleepUntil(record.time().toEpochMilli());
                }
                String topic = switch (record.kind()) {
                    case EVENT -> topics.events();
                    case POD -> topics.pods();
                    case NODE -> topics.nodes();
                    case PODGROUP -> topics.podGroups();
                };
                sentAt[i] = System.currentTimeMillis();
                // as the shipper's KafkaSink: no record timestamp (the broker's clock), the event time in a header
                producer.send(new ProducerRecord<>(topic, null, null, record.key(), values.serialize(topic, record.value()),
                        List.of(EventTimeHeader.of(record.time()))), (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
            }
            producer.flush();
            producer.close(Duration.ofSeconds(10));
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the bare producer failed: " + failure.get(), failure.get());
        }
        return sentAt;
    }

    private static void sleepUntil(long epochMillis) {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            try {
                TimeUnit.MILLISECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
