package dev.incidents.cli.bench;

import dev.incidents.cli.bench.BenchRecordings.Generated;
import dev.incidents.cli.bench.Comparison.Figure;
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
 * warm-up on the sample so neither pays for class loading alone.
 */
final class ShipComparison {
    private final BenchRun run;
    private final String bootstrap;

    /** What {@code ship --from} did: its records and its elapsed time. */
    record Shipped(long records, long nanos) {
        double rate() {
            return records / (nanos / 1e9);
        }
    }

    ShipComparison(BenchRun run, String bootstrap) {
        this.run = run;
        this.bootstrap = bootstrap;
    }

    /** Ships both ways to throwaway topics: the JIT and the producer's metadata are warm for what is timed. */
    void warmUp(Path sample, TopicNames shipTopics, TopicNames bareTopics) {
        shipFrom(List.of(sample), shipTopics);
        new BareProducer(settings("bench-bare")).send(read(List.of(sample)), bareTopics);
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
        long nanos = new BareProducer(settings("bench-bare")).send(records, bareTopics);
        double bare = records.size() / (nanos / 1e9);
        return Comparison.of("ship",
                new Figure(shipped.rate(), "records/s", "ship --from (read + map + produce)"),
                new Figure(bare, "records/s", "bare KafkaProducer, records read beforehand"),
                shipped.rate() / bare, Target.ratioAtLeast(0.8).andMeasuredAtLeast(50_000),
                String.format(Locale.ROOT, "%,d records, %.1f s vs %.1f s; same ProducerSettings (idempotent, acks=all, lz4) "
                        + "and ValueSerializer", records.size(), shipped.nanos() / 1e9, nanos / 1e9));
    }

    private Shipped shipFrom(List<Path> files, TopicNames topics) {
        RecordingShipper shipper = new RecordingShipper(settings("bench-ship"), topics,
                new PrintWriter(System.err, true));
        long start = System.nanoTime();
        int exit = shipper.ship(files, null, 0);
        long nanos = System.nanoTime() - start;
        if (exit != 0 && exit != 3) {
            throw new IllegalStateException("ship --from exited " + exit);
        }
        ShipperMetrics metrics = shipper.metrics();
        long records = Math.round(metrics.value("shipper.objects.shipped", "event")
                + metrics.value("shipper.objects.shipped", "pod") + metrics.value("shipper.objects.shipped", "node"));
        return new Shipped(records, nanos);
    }

    private java.util.Map<String, Object> settings(String clientId) {
        return ProducerSettings.of(bootstrap, null, null, clientId);
    }

    private static List<Recorded> read(List<Path> files) {
        return ParseOnly.read(files, new AtomicLong());
    }
}
