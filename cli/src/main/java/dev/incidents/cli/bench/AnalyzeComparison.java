package dev.incidents.cli.bench;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.cli.bench.Comparison.Figure;
import dev.incidents.recordings.ParseBenchmark;
import dev.incidents.schemas.TopicProvisioner;
import dev.incidents.schemas.TopicSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Issue #12 target 3: the real {@code analyze} catching up on a backlog already on the broker (what {@code ship --from}
 * left in the input topics) against the exactly-once pass-through application ({@link PassThroughApp}) over the same
 * topics, partitions and serdes on the same broker, with Kafka Streams' defaults and exactly-once v2. Each is timed from its start until its consumer group has consumed the backlog ({@link ConsumerLag});
 * the pass-through runs first, the analyzer second, each in a consumer group of its own, so both read it all.
 */
final class AnalyzeComparison {
    private static final Duration POLL = Duration.ofMillis(250);
    /** How long after the catch-up the incidents topic is watched for the backlog's last transitions. */
    private static final Duration WATCH = Duration.ofSeconds(10);

    private final BenchRun run;
    private final Admin admin;
    private final Map<String, Object> client;
    private final String bootstrap;
    private final BenchBroker broker;
    private final int partitions;

    /**
     * One application's catch-up: the records of the backlog, the time from its start to lag 0, when its input topics
     * were committed to their end, the records it wrote to its repartition topics, and the CPU time this JVM and the
     * broker's process used meanwhile (a machine shared with other work stretches the wall time more than the CPU time).
     */
    record CatchUp(long records, long nanos, long inputNanos, long repartitioned, long lastTransitionNanos,
                   Cpu cpu) {
        double rate() {
            return records / (nanos / 1e9);
        }
    }

    /** CPU time of this JVM (every thread: the application, the JIT, the collector) and of the broker's process. */
    record Cpu(long jvmNanos, long brokerNanos) {
        static Cpu since(Cpu start, Cpu now) {
            return new Cpu(now.jvmNanos - start.jvmNanos, now.brokerNanos - start.brokerNanos);
        }

        String perRecord(long records) {
            return String.format(Locale.ROOT, "%.1f + %.1f µs", jvmNanos / 1e3 / records, brokerNanos / 1e3 / records);
        }
    }

    AnalyzeComparison(BenchRun run, Admin admin, Map<String, Object> client, BenchBroker broker, int partitions) {
        this.run = run;
        this.admin = admin;
        this.client = client;
        this.broker = broker;
        this.bootstrap = broker.bootstrapServers();
        this.partitions = partitions;
    }

    private Cpu cpu() {
        return new Cpu(ParseBenchmark.processCpuNanos(), broker.cpuNanos());
    }

    /**
     * The row is the cold catch-up (a restarted {@code analyze} after downtime starts a fresh JVM); its note adds a
     * second catch-up of each over the same backlog in the same JVM, new application ids, the code compiled: on 2
     * cores the JIT's compiler threads used as much CPU as the analyzer's stream thread during a cold 200k catch-up.
     */
    Comparison compare(long backlog) throws Exception {
        CatchUp base = passThrough(backlog, "bench-passthrough");
        CatchUp analyzer = analyzer(backlog, "bench-analyzer");
        run.say("the same again, warm (new application ids, the same JVM)");
        CatchUp warmBase = passThrough(backlog, "bench-passthrough-warm");
        CatchUp warmAnalyzer = analyzer(backlog, "bench-analyzer-warm");
        return Comparison.of("analyze",
                new Figure(analyzer.rate(), "records/s", "analyze catching up (exactly-once v2)"),
                new Figure(base.rate(), "records/s", "pass-through Streams app (exactly-once v2)"),
                analyzer.rate() / base.rate(), Target.ratioAtLeast(0.5),
                String.format(Locale.ROOT, "backlog of %,d records on %d partitions; %.1f s vs %.1f s from start to backlog consumed "
                        + "(the analyzer's input topics committed to their end at %.1f s, %,d records through its repartition "
                        + "topic; its last transition within %.0f s of that appeared at %.1f s); pass-through with Streams "
                        + "defaults; warm, a second catch-up of each in the same JVM: %.1f s vs %.1f s, ratio %.2f; CPU per "
                        + "record of this JVM + the broker, cold %s vs %s, warm %s vs %s",
                        backlog, partitions, analyzer.nanos() / 1e9, base.nanos() / 1e9, analyzer.inputNanos() / 1e9,
                        analyzer.repartitioned(), WATCH.toSeconds() / 1.0, analyzer.lastTransitionNanos() / 1e9,
                        warmAnalyzer.nanos() / 1e9, warmBase.nanos() / 1e9, warmAnalyzer.rate() / warmBase.rate(),
                        analyzer.cpu().perRecord(backlog), base.cpu().perRecord(backlog),
                        warmAnalyzer.cpu().perRecord(backlog), warmBase.cpu().perRecord(backlog)));
    }

    /** The analyzer's catch-up alone: the peak input rate the latency row paces at half of. */
    CatchUp analyzer(long backlog) throws Exception {
        return analyzer(backlog, "bench-analyzer");
    }

    private CatchUp analyzer(long backlog, String application) throws Exception {
        run.say("%s catching up on %,d records", application, backlog);
        Path state = run.scratchDir(application + "-state");
        Cpu cpuStart = cpu();
        long start = System.nanoTime();
        try (RunningAnalyzer analyzer = RunningAnalyzer.start(bootstrap, application, state, partitions,
                run.log(application))) {
            ConsumerLag lag = lag(application);
            long nanos = untilCaughtUp(lag, application, start, backlog, analyzer::checkAlive);
            Cpu used = Cpu.since(cpuStart, cpu());
            long lastTransition = lastTransition(lag, start) - start;
            run.say("  %.1f s (input topics consumed at %.1f s, %,d records repartitioned, last transition at %.1f s)",
                    nanos / 1e9, (lag.inputsConsumedAt() - start) / 1e9, lag.repartitioned(), lastTransition / 1e9);
            run.say("  changelog records (with transaction markers) by store: %s", lag.changelogs());
            run.say("  CPU per record, this JVM + the broker: %s", used.perRecord(backlog));
            return new CatchUp(backlog, nanos, lag.inputsConsumedAt() - start, lag.repartitioned(), lastTransition, used);
        }
    }

    private CatchUp passThrough(long backlog, String application) throws Exception {
        run.say("%s (pass-through Streams app) catching up on %,d records", application, backlog);
        AnalyzerConfig topics = AnalyzerConfig.defaults();
        String output = "bench.passthrough.out";
        TopicProvisioner.ensure(admin, List.of(TopicSpec.deletedAfter(output, partitions, Duration.ofDays(1))), (short) 1);
        // Kafka Streams' defaults and exactly-once v2: the ceiling of any Streams app over these topics. The analyzer's
        // own settings (max.task.idle.ms to merge its inputs in time order, RocksDB bounds) are its cost.
        Map<String, Object> settings = new HashMap<>(client);
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, application);
        settings.put(StreamsConfig.STATE_DIR_CONFIG, run.scratchDir(application + "-state").toString());
        settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        Properties properties = new Properties();
        properties.putAll(settings);
        Cpu cpuStart = cpu();
        long start = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(PassThroughApp.build(topics.eventsTopic(), topics.podsTopic(),
                topics.nodesTopic(), output, client), properties)) {
            streams.start();
            ConsumerLag lag = lag(application);
            long nanos = untilCaughtUp(lag, application, start, backlog, () -> {
                if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                    throw new IllegalStateException("the pass-through app stopped: " + streams.state());
                }
            });
            Cpu used = Cpu.since(cpuStart, cpu());
            run.say("  %.1f s; CPU per record, this JVM + the broker: %s", nanos / 1e9, used.perRecord(backlog));
            return new CatchUp(backlog, nanos, lag.inputsConsumedAt() - start, lag.repartitioned(), nanos, used);
        }
    }

    /**
     * When the last transition of the catch-up reached {@code k8s.incidents.json}: its correlators' clock is the slowest
     * input topic's partition, which may still hold signals back after the backlog is consumed (a topic that ended
     * first waits {@code InputProgress.QUIET_SOURCE}). Watched for {@link #WATCH} after the catch-up; transitions the
     * idle clock decides later (event time moving on with the wall clock) are not the backlog's.
     */
    private static long lastTransition(ConsumerLag lag, long startNanos) throws ExecutionException, InterruptedException {
        String topic = AnalyzerConfig.defaults().incidentsJsonTopic();
        long written = lag.written(topic);
        long lastAt = System.nanoTime();
        long until = lastAt + WATCH.toNanos();
        while (System.nanoTime() < until) {
            Thread.sleep(POLL.toMillis());
            long now = lag.written(topic);
            if (now != written) {
                written = now;
                lastAt = System.nanoTime();
            }
        }
        return Math.max(lastAt, startNanos);
    }

    private ConsumerLag lag(String group) {
        AnalyzerConfig topics = AnalyzerConfig.defaults();
        return new ConsumerLag(admin, group, List.of(topics.eventsTopic(), topics.podsTopic(), topics.nodesTopic()));
    }

    private long untilCaughtUp(ConsumerLag lag, String group, long startNanos, long backlog, Runnable alive)
            throws ExecutionException, InterruptedException {
        // a generous bound: 60 s to start plus 100 records/s, a tenth of what the analyzer did before issue #12
        long deadline = startNanos + Duration.ofSeconds(60 + backlog / 100).toNanos();
        long lastReport = startNanos;
        while (true) {
            long remaining = lag.remaining();
            long now = System.nanoTime();
            if (remaining == 0) {
                return now - startNanos;
            }
            alive.run();
            if (now > deadline) {
                throw new IllegalStateException(group + " still " + remaining + " records behind after "
                        + Duration.ofNanos(now - startNanos).toSeconds() + " s");
            }
            if (now - lastReport > Duration.ofSeconds(15).toNanos()) {
                run.say("  %s: %,d records behind", group, remaining);
                lastReport = now;
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
