package dev.incidents.cli.bench;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.live.AnalyzerTopics;
import dev.incidents.cli.bench.BenchRecordings.Generated;
import dev.incidents.schemas.KafkaClientConfig;
import dev.incidents.schemas.TopicProvisioner;
import dev.incidents.schemas.TopicSpec;
import dev.incidents.schemas.TopicSpecs;
import dev.incidents.shipper.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;

/**
 * The rows that need a broker, in the order they depend on each other: {@code ship --from} writes the backlog,
 * {@code analyze} catches up on it (its rate is the peak the latency row paces at half of), then the latency run on
 * topics of its own. One throwaway broker for all of them.
 */
final class BrokerComparisons {
    private BrokerComparisons() {
    }

    /** @param latencyRate records/s of the latency row's input; null: half the peak of the analyze row */
    static List<Comparison> run(BenchRun run, Set<String> selected, long records, int latencySeconds, Double latencyRate,
                                int partitions, Path sample, String lateness) throws Exception {
        List<Comparison> rows = new ArrayList<>();
        Generated backlog = run.recordings().generate(records);
        try (BenchBroker broker = BenchBroker.start(run)) {
            Map<String, Object> client = KafkaClientConfig.load(broker.bootstrapServers(), null, null);
            TopicNames bare = prefixed("bare.");
            TopicNames warm = prefixed("warmup.");
            TopicNames warmBare = prefixed("warmup.bare.");
            try (Admin admin = Admin.create(client)) {
                List<TopicSpec> topics = new ArrayList<>(AnalyzerTopics.of(AnalyzerConfig.defaults(), partitions));
                for (String prefix : List.of("bare.", "warmup.", "warmup.bare.")) {
                    TopicSpecs.defaults(partitions).subList(0, 3).forEach(t -> topics.add(t.named(prefix + t.name())));
                }
                TopicProvisioner.ensure(admin, topics, (short) 1);

                ShipComparison ship = new ShipComparison(run, broker.bootstrapServers());
                ship.warmUp(backlog, warm, warmBare);
                ShipComparison.Shipped shipped = ship.shipFrom(backlog, TopicNames.DEFAULTS);
                if (selected.contains("ship")) {
                    rows.add(ship.compare(shipped, backlog, bare));
                }
                AnalyzeComparison analyze = new AnalyzeComparison(run, admin, client, broker, partitions);
                double peak = 0;
                if (selected.contains("analyze")) {
                    Comparison row = analyze.compare(shipped.records());
                    rows.add(row);
                    peak = row.measured().value();
                } else if (selected.contains("latency") && latencyRate == null) {
                    peak = analyze.analyzer(shipped.records()).rate();
                }
                if (latencyRate != null) {
                    peak = 2 * latencyRate; // the row paces at half the peak
                }
                if (selected.contains("latency")) {
                    rows.add(new LatencyComparison(run, admin, client, broker.bootstrapServers(), partitions, sample, lateness)
                            .measure(peak, Duration.ofSeconds(latencySeconds)));
                }
            }
        }
        return rows;
    }

    private static TopicNames prefixed(String prefix) {
        TopicNames d = TopicNames.DEFAULTS;
        return new TopicNames(prefix + d.events(), prefix + d.pods(), prefix + d.nodes());
    }
}
