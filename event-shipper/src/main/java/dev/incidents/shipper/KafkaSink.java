package dev.incidents.shipper;

import dev.incidents.schemas.EventTimeHeader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The idempotent producer and what its outcomes mean for the shipper:
 * <ul>
 *   <li>a broker outage is retried by the producer itself until {@code delivery.timeout.ms}; while nothing is
 *   acknowledged for {@link #STALL}, the sink is unhealthy ({@code /readyz} 503) and one line says so, and one
 *   line says when it recovers;</li>
 *   <li>a record the producer gave up on is counted and reported to {@code lost}, which forgets its content
 *   hash so the next informer resync ships the object again (nothing is lost as long as it still exists);</li>
 *   <li>a record that can never be written (too large, not encodable) is counted and skipped;</li>
 *   <li>anything else (authorization, fencing, a broken sequence) is fatal: {@link #fatal()} is set and the
 *   command exits non-zero, so the orchestrator restarts the shipper with a fresh producer.</li>
 * </ul>
 */
public final class KafkaSink implements AutoCloseable {
    static final Duration STALL = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSink.class);

    private final Producer<String, byte[]> producer;
    private final Serializer<SpecificRecord> values;
    private final ShipperMetrics metrics;
    private final Consumer<OutgoingRecord> lost;
    private final String bootstrap;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong lastProgressNanos = new AtomicLong(System.nanoTime());
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private final Duration stall;
    private volatile boolean stalled;

    public KafkaSink(Map<String, Object> producerConfig, Serializer<SpecificRecord> values, ShipperMetrics metrics, Consumer<OutgoingRecord> lost) {
        this(producerConfig, values, metrics, lost, STALL);
    }

    KafkaSink(Map<String, Object> producerConfig, Serializer<SpecificRecord> values, ShipperMetrics metrics, Consumer<OutgoingRecord> lost, Duration stall) {
        this.stall = stall;
        this.producer = new KafkaProducer<>(producerConfig);
        this.values = values;
        this.metrics = metrics;
        this.lost = lost;
        this.bootstrap = String.valueOf(producerConfig.get("bootstrap.servers"));
        metrics.pendingSends(pending::get);
    }

    /** Hands one record to the producer; blocks only when the bounded buffer is full. */
    public void send(OutgoingRecord record) {
        send(record, () -> record.value() == null ? null : values.serialize(record.topic(), record.value()));
    }

    /**
     * As {@link #send(OutgoingRecord)}, the value's bytes given by {@code encoded} instead of serialized from
     * {@code record.value()}, which is not read: {@code ship --from} has its values encoded already. A failure of
     * {@code encoded} counts as a record that cannot be encoded.
     */
    public void send(OutgoingRecord record, Supplier<byte[]> encoded) {
        byte[] bytes;
        try {
            bytes = encoded.get();
        } catch (RuntimeException e) {
            metrics.produceError(record.kind());
            LOG.error("cannot encode {} {}: {}", record.kind(), record.key(), e.toString());
            return;
        }
        // No record timestamp: the producer stamps the current time, so topic retention counts from shipping. A record
        // stamped with its event time would be deleted at the next retention check when it is older than retention.ms
        // (a recording from last year). The event time travels in the payload and, for tombstones too, in a header.
        ProducerRecord<String, byte[]> producerRecord = new ProducerRecord<>(record.topic(), null, null, record.key(), bytes,
                record.eventTime() == null ? List.of() : List.of(EventTimeHeader.of(record.eventTime())));
        if (pending.getAndIncrement() == 0) {
            lastProgressNanos.set(System.nanoTime());
        }
        try {
            producer.send(producerRecord, (metadata, error) -> completed(record, error));
        } catch (RuntimeException e) {
            completed(record, e);
        }
    }

    /** Healthy = no fatal error and the broker acknowledged something within {@link #STALL} of a pending send. */
    public boolean healthy() {
        return fatal.get() == null && !stalledNow();
    }

    /** Logs the start and the end of an outage once each; called by the loop between records. */
    public void checkHealth() {
        boolean now = stalledNow();
        if (now && !stalled) {
            LOG.warn("Kafka at {} has acknowledged nothing for {}s ({} records waiting); the producer keeps retrying "
                    + "until delivery.timeout.ms", bootstrap, stall.toSeconds(), pending.get());
        } else if (!now && stalled) {
            LOG.info("Kafka at {} is acknowledging records again", bootstrap);
        }
        stalled = now;
    }

    public String describe() {
        if (fatal.get() != null) {
            return "producer failed: " + fatal.get();
        }
        return stalledNow() ? "Kafka at " + bootstrap + " not acknowledging (" + pending.get() + " waiting)" : "producer ok";
    }

    public Optional<Throwable> fatal() {
        return Optional.ofNullable(fatal.get());
    }

    public long pending() {
        return pending.get();
    }

    /** Waits until everything sent so far is acknowledged or given up. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        // After a fatal error nothing more can be delivered; a graceful close then only makes the producer's I/O
        // thread log an IllegalStateException (Kafka 4.3.1 tries to abort a transaction an idempotent producer
        // never had) under the one line that says why the shipper stopped.
        producer.close(fatal.get() == null ? Duration.ofSeconds(10) : Duration.ZERO);
    }

    private boolean stalledNow() {
        return pending.get() > 0 && System.nanoTime() - lastProgressNanos.get() > stall.toNanos();
    }

    private void completed(OutgoingRecord record, Exception error) {
        pending.decrementAndGet();
        lastProgressNanos.set(System.nanoTime());
        if (error == null) {
            metrics.shipped(record.kind());
            return;
        }
        metrics.produceError(record.kind());
        if (error instanceof RetriableException) {
            // delivery.timeout.ms expired (or the buffer stayed full for max.block.ms): the record is gone
            // from the producer, but the object is not gone from the cluster.
            LOG.warn("Kafka did not take {} {} in time ({}); it is shipped again at the next resync", record.kind(), record.key(), error.getMessage());
            lost.accept(record);
        } else if (error instanceof RecordTooLargeException || error instanceof SerializationException) {
            LOG.error("skipping {} {}: {}", record.kind(), record.key(), error.toString());
        } else if (fatal.compareAndSet(null, error)) {
            LOG.error("fatal producer error, stopping: {}", error.toString());
        }
    }
}
