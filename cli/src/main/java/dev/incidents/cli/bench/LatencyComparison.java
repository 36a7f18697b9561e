package dev.incidents.cli.bench;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.PipelineMeters;
import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.live.AnalyzerTopics;
import dev.incidents.analyzer.live.IncidentFeed;
import dev.incidents.cli.bench.Comparison.Figure;
import dev.incidents.recordings.Recorded;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import dev.incidents.schemas.TopicProvisioner;
import dev.incidents.shipper.ProducerSettings;
import dev.incidents.shipper.TopicNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Issue #12 target 5: p99 latency from the decisive record to the incident on {@code k8s.incidents.json}, with
 * input paced at half the peak rate {@code analyze} reached in the same run, on topics and an analyzer of its own.
 *
 * <p><b>Decisive record.</b> The input is a {@link PacedRecording}: record i's event time is the wall-clock time it is
 * due to be sent, and the sender sends it then (never earlier), so event time tracks wall time. An incident becomes
 * decidable at event time {@code d = max(lastSeen, firstSeen + grace(category))} of its OPEN transition: the evidence
 * that completed it ({@code lastSeen}) or, for a category with a grace period, the end of the grace. The decisive
 * record is the first record sent whose event time is at or after {@code d} (for OOM_KILLED, which has no grace,
 * the OOMKilled pod snapshot itself); its send time is when the analyzer could first have known. The latency is
 * the wall-clock time a read_committed consumer of {@code k8s.incidents.json} receives the OPEN transition minus
 * that send time: it includes the producer, the analyzer's lateness bound and watermark tick, and the exactly-once
 * commit. Incidents decidable only after the last record are left out and counted.
 */
final class LatencyComparison {
    private static final String PREFIX = "latency.";
    static final Duration BUDGET = Duration.ofSeconds(2);

    private final BenchRun run;
    private final Admin admin;
    private final Map<String, Object> client;
    private final String bootstrap;
    private final int partitions;
    private final Path sample;
    /** {@code incidents.lateness} of the measured analyzer; null for its default. */
    private final String lateness;
    /** Paced noise before the first decisive record: the analyzer's code compiled, as it is once it has run a while. */
    static final Duration WARM_UP = Duration.ofSeconds(20);

    LatencyComparison(BenchRun run, Admin admin, Map<String, Object> client, String bootstrap, int partitions, Path sample,
                      String lateness) {
        this.lateness = lateness;
        this.run = run;
        this.admin = admin;
        this.client = client;
        this.bootstrap = bootstrap;
        this.partitions = partitions;
        this.sample = sample;
    }

    Comparison measure(double peak, Duration span) throws Exception {
        double rate = peak / 2;
        AnalyzerConfig config = AnalyzerConfig.from(settings());
        TopicProvisioner.ensure(admin, AnalyzerTopics.of(config, partitions), (short) 1);
        Path settings = run.dir().resolve("latency-analyzer.properties");
        writeProperties(settings, settings());
        Map<String, OpenArrival> arrivals = new ConcurrentHashMap<>();
        double lateBefore = PipelineMeters.lateSignals();
        try (RunningAnalyzer analyzer = RunningAnalyzer.start(bootstrap, "bench-latency",
                run.scratchDir("latency-state"), partitions, run.log("latency-analyzer"),
                "--config", settings.toString());
             IncidentFeed feed = new IncidentFeed(client, config.incidentsJsonTopic(),
                     IncidentFeed.endOffsets(client, config.incidentsJsonTopic()), incident -> {
                         if (incident.getStatus() == IncidentStatus.OPEN) {
                             arrivals.putIfAbsent(incident.getId(), new OpenArrival(incident, System.currentTimeMillis()));
                         }
                     })) {
            untilStable("bench-latency", analyzer);
            // far enough ahead for the recording to be written and read before its first record is due
            Instant start = Instant.now().plusSeconds(5)
                    .plusMillis(Math.round(rate * WARM_UP.plus(span).toSeconds() / 5));
            PacedRecording paced = new PacedRecording(start, rate, WARM_UP, span);
            Path file = run.dir().resolve("latency.jsonl");
            long expected = paced.writeTo(file, sample);
            List<Recorded> records = ParseOnly.read(List.of(file), new AtomicLong());
            run.say("latency: %,d records at %.0f/s (half of analyze's %.0f/s), %d decisive OOMKilled pods", records.size(),
                    rate, peak, expected);
            long[] sentAt = new BareProducer(ProducerSettings.of(bootstrap, null, null, "bench-latency"))
                    .sendAtEventTimes(records, new TopicNames(config.eventsTopic(), config.podsTopic(), config.nodesTopic()));
            long deadline = System.currentTimeMillis() + 30_000;
            while (arrivals.size() < expected && System.currentTimeMillis() < deadline) {
                analyzer.checkAlive();
                Thread.sleep(100);
            }
            // the analyzer runs in this JVM: its late-signal counter is ours to read
            long late = Math.round(PipelineMeters.lateSignals() - lateBefore);
            return row(new ArrayList<>(arrivals.values()), records, sentAt, config, rate, peak, expected, late);
        }
    }

    private Comparison row(List<OpenArrival> opened, List<Recorded> records, long[] sentAt, AnalyzerConfig config,
                           double rate, double peak, long expected, long late) {
        long[] eventTimes = records.stream().mapToLong(r -> r.time().toEpochMilli()).toArray();
        List<Long> latencies = new ArrayList<>();
        // each incident's send time of its decisive record and latency, to tell a slow tail from a stall of the run
        StringBuilder samples = new StringBuilder("sent_ms\tlatency_ms\tid\n");
        int afterInput = 0;
        for (OpenArrival open : opened) {
            Incident incident = open.incident();
            long decidable = Math.max(incident.getLastSeen().toEpochMilli(), incident.getFirstSeen()
                    .plus(config.grace(Category.valueOf(incident.getCategory()))).toEpochMilli());
            int decisive = firstAtOrAfter(eventTimes, decidable);
            if (decisive == eventTimes.length) {
                afterInput++;
            } else {
                latencies.add(open.arrivedMillis() - sentAt[decisive]);
                samples.append(sentAt[decisive]).append('\t').append(open.arrivedMillis() - sentAt[decisive])
                        .append('\t').append(incident.getId()).append('\n');
            }
        }
        if (latencies.isEmpty()) {
            throw new IllegalStateException("no incident opened on the latency topics within 30 s of the last record; "
                    + "see " + run.log("latency-analyzer"));
        }
        try {
            Files.writeString(run.dir().resolve("latency-samples.tsv"), samples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        latencies.sort(null);
        double p99 = percentile(latencies, 0.99) / 1000.0;
        return Comparison.of("latency",
                new Figure(p99, "s", "p99 decisive record -> OPEN on k8s.incidents.json"),
                new Figure(BUDGET.toMillis() / 1000.0, "s", "the issue's budget"),
                p99 / (BUDGET.toMillis() / 1000.0), Target.ratioAtMost(1.0),
                String.format(Locale.ROOT, "%d incidents (%d decisive records sent after %d s of warm-up, %d "
                                + "decidable only after the input), input paced at %.0f records/s = 50 %% of analyze's %.0f/s; p50 %.2f s, max %.2f s; "
                                + "lateness bound %s, %d signals later than it", latencies.size(), expected,
                        WARM_UP.toSeconds(), afterInput,
                        rate, peak, percentile(latencies, 0.5) / 1000.0, latencies.get(latencies.size() - 1) / 1000.0,
                        config.lateness(), late));
    }

    /** The first OPEN transition of an incident and when it arrived on the JSON topic (wall clock). */
    private record OpenArrival(Incident incident, long arrivedMillis) {
    }

    private void untilStable(String group, RunningAnalyzer analyzer) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            analyzer.checkAlive();
            try {
                var description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                if (description.groupState() == GroupState.STABLE && !description.members().isEmpty()) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw e;
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the latency analyzer did not join its group within 120 s");
    }

    /** The analyzer's topics (prefixed: the latency run has topics of its own) and the lateness bound, when given. */
    private Map<String, String> settings() {
        Map<String, String> settings = new java.util.HashMap<>(topicNames());
        if (lateness != null) {
            settings.put(AnalyzerConfig.LATENESS, lateness);
        }
        return settings;
    }

    private static Map<String, String> topicNames() {
        AnalyzerConfig defaults = AnalyzerConfig.defaults();
        return Map.of(
                AnalyzerConfig.EVENTS_TOPIC, PREFIX + defaults.eventsTopic(),
                AnalyzerConfig.PODS_TOPIC, PREFIX + defaults.podsTopic(),
                AnalyzerConfig.NODES_TOPIC, PREFIX + defaults.nodesTopic(),
                AnalyzerConfig.NODES_VIEW_TOPIC, PREFIX + defaults.nodesViewTopic(),
                AnalyzerConfig.PLACEMENTS_VIEW_TOPIC, PREFIX + defaults.placementsViewTopic(),
                AnalyzerConfig.INCIDENTS_TOPIC, PREFIX + defaults.incidentsTopic(),
                AnalyzerConfig.INCIDENTS_JSON_TOPIC, PREFIX + defaults.incidentsJsonTopic(),
                AnalyzerConfig.DLQ_TOPIC, PREFIX + defaults.dlqTopic());
    }

    private static void writeProperties(Path file, Map<String, String> properties) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> e : properties.entrySet()) {
                out.write(e.getKey() + "=" + e.getValue() + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int firstAtOrAfter(long[] sorted, long value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Nearest rank: the smallest value with at least {@code q} of the values at or below it. */
    private static long percentile(List<Long> sorted, double q) {
        return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
