package dev.incidents.cli.bench;

import dev.incidents.cli.bench.BenchRecordings.Generated;
import dev.incidents.cli.bench.Comparison.Figure;
import dev.incidents.recordings.ParseBenchmark;
import dev.incidents.recordings.Recorded;
import dev.incidents.shipper.ProducerSettings;
import dev.incidents.shipper.RecordingShipper;
import dev.incidents.shipper.ShipperMetrics;
import dev.incidents.shipper.TopicNames;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue #12 target 4: {@code ship --from} ({@link RecordingShipper}: read, map, produce, flush) against a bare producer
 * sending the same records, already read, with the same settings and serializer, to the same broker; both after a
 * warm-up over the same recording to throwaway topics. Without it the JIT compiled the reader, the mapper and the
 * producer's own code while {@code ship --from} was timed (about 1 s of compiler threads per second of a 50k-record
 * run), and the bare producer, timed after it, found the shared producer and serializer code compiled.
 */
final class ShipComparison {
    private final BenchRun run;
    private final String bootstrap;

    /** What {@code ship --from} did: its records, its elapsed time and the CPU time this JVM spent meanwhile. */
    record Shipped(long records, long nanos, long cpuNanos) {
        double rate() {
            return records / (nanos / 1e9);
        }
    }

    ShipComparison(BenchRun run, String bootstrap) {
        this.run = run;
        this.bootstrap = bootstrap;
    }

    /** Ships {@code recording} both ways to throwaway topics: the JIT and the producer's metadata are warm for what is timed. */
    void warmUp(Generated recording, TopicNames shipTopics, TopicNames bareTopics) {
        run.say("warm-up: ship --from and the bare producer over the same %,d records to throwaway topics",
                recording.records());
        shipFrom(recording.files(), shipTopics);
        new BareProducer(settings("bench-bare")).send(read(recording.files()), bareTopics);
    }

    /** {@code ship --from FILE} as the verb runs it, timed from the call to the last acknowledgement. */
    Shipped shipFrom(Generated recording, TopicNames topics) {
        run.say("ship --from over %,d records", recording.records());
        Shipped shipped = shipFrom(recording.files(), topics);
        run.say("  %.1f s", shipped.nanos() / 1e9);
        return shipped;
    }

    Comparison compare(Shipped shipped, Generated recording, TopicNames bareTopics) {
        List<Recorded> records = read(recording.files());
        run.say("bare producer over the same %,d records", records.size());
        long cpuStart = ParseBenchmark.processCpuNanos();
        long nanos = new BareProducer(settings("bench-bare")).send(records, bareTopics);
        long cpuNanos = ParseBenchmark.processCpuNanos() - cpuStart;
        double bare = records.size() / (nanos / 1e9);
        return Comparison.of("ship",
                new Figure(shipped.rate(), "records/s", "ship --from (read + map + produce)"),
                new Figure(bare, "records/s", "bare KafkaProducer, records read beforehand"),
                shipped.rate() / bare, Target.ratioAtLeast(0.8).andMeasuredAtLeast(50_000),
                String.format(Locale.ROOT, "%,d records, %.1f s vs %.1f s; CPU of this JVM (the broker's not counted) "
                        + "%.1f µs vs %.1f µs per record; same ProducerSettings (idempotent, acks=all, lz4) and "
                        + "ValueSerializer", records.size(), shipped.nanos() / 1e9, nanos / 1e9,
                        shipped.cpuNanos() / 1e3 / shipped.records(), cpuNanos / 1e3 / records.size()));
    }

    private Shipped shipFrom(List<Path> files, TopicNames topics) {
        RecordingShipper shipper = new RecordingShipper(settings("bench-ship"), topics,
                new PrintWriter(System.err, true));
        long cpuStart = ParseBenchmark.processCpuNanos();
        long start = System.nanoTime();
        int exit = shipper.ship(files, null, 0);
        long nanos = System.nanoTime() - start;
        long cpuNanos = ParseBenchmark.processCpuNanos() - cpuStart;
        if (exit != 0 && exit != 3) {
            throw new IllegalStateException("ship --from exited " + exit);
        }
        ShipperMetrics metrics = shipper.metrics();
        long records = Math.round(metrics.value("shipper.objects.shipped", "event")
                + metrics.value("shipper.objects.shipped", "pod") + metrics.value("shipper.objects.shipped", "node"));
        return new Shipped(records, nanos, cpuNanos);
    }

    private java.util.Map<String, Object> settings(String clientId) {
        return ProducerSettings.of(bootstrap, null, null, clientId);
    }

    private static List<Recorded> read(List<Path> files) {
        return ParseOnly.read(files, new AtomicLong());
    }
}
