package dev.incidents.shipper;

import dev.incidents.recordings.EncodedRecord;
import dev.incidents.recordings.ReadAhead;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.RecordStream;
import dev.incidents.recordings.Recordings;
import dev.incidents.recordings.Recorded;
import dev.incidents.schemas.KafkaRefusal;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ship --from}: a recording (any format {@code Recordings} reads) to the same topics as the live shipper,
 * the recorded event times in the payloads and the event-time header (the record timestamps are the time of
 * shipping, as for the live shipper), as fast as possible or paced at {@code rate} records/s.
 * What {@code demo}, the end-to-end tests and load tests produce with.
 */
public final class RecordingShipper {
    /** The metrics' kind of each record kind, named once (not a lower-cased copy per record). */
    private static final String[] KINDS = java.util.Arrays.stream(Recorded.Kind.values())
            .map(kind -> kind.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    private final Map<String, Object> producer;
    private final TopicNames topics;
    private final PrintWriter err;
    private final ShipperMetrics metrics = new ShipperMetrics();

    public RecordingShipper(Map<String, Object> producer, TopicNames topics, PrintWriter err) {
        this.producer = producer;
        this.topics = topics;
        this.err = err;
    }

    /** 0 all shipped, 1 the producer failed or lost records, 2 a file is unreadable, 3 some lines were rejected. */
    public int ship(List<Path> files, String cluster, double rate) {
        for (Path file : files) {
            if (!file.toString().equals("-") && !Files.isReadable(file)) {
                err.println(file + ": cannot read");
                err.flush();
                return 2;
            }
        }
        AtomicLong rejected = new AtomicLong();
        Optional<Throwable> fatal;
        // Read as shipped, on a thread of its own: memory is the reader's reorder window, not the recording (issue #12).
        // Values come as the reader's window held them, encoded: sent as they are (reframed for a registry), not
        // decoded and serialized again, which was a third of the CPU ship --from spent per record beyond a producer's.
        ValueSerializer values = new ValueSerializer(producer);
        try (RecordStream stream = Recordings.stream(files, new ReadOptions(cluster, Instant.now()), rejection -> {
                    rejected.incrementAndGet();
                    err.println(rejection);
                });
             ReadAhead<EncodedRecord> records = new ReadAhead<>(stream.encoded(), "ship-from-reader");
             KafkaSink sink = new KafkaSink(producer, values, metrics, lost -> { })) {
            long start = System.nanoTime();
            long sent = 0;
            while (records.hasNext()) {
                EncodedRecord record = records.next();
                if (rate > 0) {
                    pace(start, sent, rate);
                }
                OutgoingRecord outgoing = toOutgoing(record);
                sink.send(outgoing, () -> values.reframe(outgoing.topic(), record.type(), record.value()));
                sent++;
                if (sink.fatal().isPresent()) {
                    break;
                }
            }
            err.flush();
            sink.flush();
            fatal = sink.fatal();
        }
        // Said after the producer closed: what it logs while closing must not bury the reason.
        if (fatal.isPresent()) {
            err.println("producer failed: " + KafkaRefusal.of(fatal.get()).orElse(String.valueOf(fatal.get())));
            err.flush();
            return 1;
        }
        double errors = metrics.value("shipper.produce.errors", "event") + metrics.value("shipper.produce.errors", "pod")
                + metrics.value("shipper.produce.errors", "node");
        if (errors > 0) {
            err.println((long) errors + " records were not written to Kafka");
            err.flush();
            return 1;
        }
        return rejected.get() > 0 ? 3 : 0;
    }

    /** How many records {@link #ship} handed to Kafka and had acknowledged, per kind. */
    public ShipperMetrics metrics() {
        return metrics;
    }

    /** Where {@code record} goes; its value is sent as bytes ({@link KafkaSink#send(OutgoingRecord, java.util.function.Supplier)}). */
    private OutgoingRecord toOutgoing(EncodedRecord record) {
        String kind = KINDS[record.kind().ordinal()];
        String topic = switch (record.kind()) {
            case EVENT -> topics.events();
            case POD -> topics.pods();
            case NODE -> topics.nodes();
            case PODGROUP -> topics.podGroups();
        };
        return new OutgoingRecord(kind, topic, record.key(), null, record.time(), record.key());
    }

    private static void pace(long startNanos, long sent, double rate) {
        long due = startNanos + (long) (sent * 1_000_000_000L / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
