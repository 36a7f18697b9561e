package dev.incidents.cli.bench;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.live.AnalyzerService;
import dev.incidents.analyzer.live.IncidentFeed;
import dev.incidents.kafka.BrokerSettings;
import dev.incidents.kafka.LocalBroker;
import dev.incidents.kafka.testing.FreePorts;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.KafkaClientConfig;
import dev.incidents.schemas.TopicProvisioner;
import dev.incidents.schemas.Topics;
import dev.incidents.shipper.ProducerSettings;
import dev.incidents.shipper.RecordingShipper;
import dev.incidents.shipper.TopicNames;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;

/**
 * End-to-end latency of the live pipeline on a real broker: N OOMKilled pods (a category with no grace period, so
 * the decisive record alone opens the incident) shipped at a steady rate with event times equal to their send time;
 * for each incident, the wall clock when its OPEN transition arrives on {@code k8s.incidents.json} minus the event
 * time of the decisive record. Prints p50/p90/p99/max and the analyzer JVM's heap.
 * Not a test: {@code java -cp <cli test classpath> dev.incidents.cli.bench.LiveLatencyBenchmark [pods] [per-second] [partitions] [max.task.idle.ms]}.
 */
public final class LiveLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        int pods = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 20;
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Long maxTaskIdle = args.length > 3 ? Long.valueOf(args[3]) : null;
        String template = Files.lines(Path.of("samples", "gpu-inference-outage.jsonl"))
                .filter(l -> l.contains("\"reason\":\"OOMKilled\"")).findFirst().orElseThrow();
        Path home = Files.createTempDirectory("latency-kafka");
        int[] ports = FreePorts.two();
        LocalBroker broker = new LocalBroker(BrokerSettings.defaults().withHome(home).withPorts(ports[0], ports[1]));
        broker.start();
        Map<String, Object> client = KafkaClientConfig.load(broker.bootstrapServers(), null, null);
        try (Admin admin = Admin.create(client)) {
            TopicProvisioner.ensure(admin, dev.incidents.analyzer.live.AnalyzerTopics.of(AnalyzerConfig.defaults(), partitions),
                    (short) 1);
        }
        Map<String, Object> streams = new java.util.HashMap<>(AnalyzerService.streamsProperties(
                client, "latency-bench", Files.createTempDirectory("latency-state").toString(), 0, null));
        if (maxTaskIdle != null) {
            streams.put(org.apache.kafka.streams.StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, maxTaskIdle);
        }
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        Map<String, Instant> decisive = new ConcurrentHashMap<>();
        try (AnalyzerService analyzer = new AnalyzerService(AnalyzerConfig.defaults(), streams);
             IncidentFeed feed = new IncidentFeed(client, Topics.INCIDENTS_JSON,
                     IncidentFeed.endOffsets(client, Topics.INCIDENTS_JSON), incident -> record(incident, arrivals, decisive))) {
            analyzer.start();
            while (analyzer.state() != KafkaStreams.State.RUNNING) {
                Thread.sleep(100);
            }
            Path recording = Files.createTempFile("latency", ".jsonl");
            long start = System.currentTimeMillis() + 200;
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < pods; i++) {
                String time = Instant.ofEpochMilli(start + (long) (i * 1000 / rate)).toString();
                lines.add(template.replaceFirst("\"time\":\"[^\"]+\"", "\"time\":\"" + time + "\"")
                        .replace("embedding-worker-6b8f9c7d5", "oom" + i + "-6b8f9c7d5")
                        .replace("7bb9828a-dc6b-5c71-b031-2f403224b06b", UUID.randomUUID().toString())
                        .replaceAll("\"(lastTransitionTime|startedAt|finishedAt)\":\"2025-03-14T10:1[0-9]:[0-9.]+Z\"",
                                "\"$1\":\"" + time + "\""));
            }
            Files.write(recording, lines);
            while (System.currentTimeMillis() < start) {
                Thread.sleep(1);
            }
            new RecordingShipper(ProducerSettings.of(broker.bootstrapServers(), null, null, "latency-ship"),
                    TopicNames.DEFAULTS, new PrintWriter(System.err, true)).ship(List.of(recording), "bench", rate);
            long deadline = System.currentTimeMillis() + 30_000;
            while (arrivals.size() < pods && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            List<Long> latencies = new ArrayList<>();
            arrivals.forEach((id, arrived) -> latencies.add(arrived - decisive.get(id).toEpochMilli()));
            latencies.sort(null);
            Runtime rt = Runtime.getRuntime();
            System.out.printf("live latency, %d OOMKilled pods at %.0f/s over %d partitions, max.task.idle.ms %s: %d incidents opened%n",
                    pods, rate, partitions, streams.get(org.apache.kafka.streams.StreamsConfig.MAX_TASK_IDLE_MS_CONFIG),
                    latencies.size());
            if (!latencies.isEmpty()) {
                System.out.printf("  decisive record's event time -> OPEN on %s: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
                        Topics.INCIDENTS_JSON, pct(latencies, 0.5), pct(latencies, 0.9), pct(latencies, 0.99),
                        latencies.get(latencies.size() - 1));
            }
            System.out.printf("  heap used %d MiB (max %d MiB)%n", (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        } finally {
            broker.stop();
        }
    }

    private static void record(Incident incident, Map<String, Long> arrivals, Map<String, Instant> decisive) {
        if (incident.getCategory().equals("OOM_KILLED") && arrivals.putIfAbsent(incident.getId(), System.currentTimeMillis()) == null) {
            decisive.put(incident.getId(), incident.getLastSeen());
        }
    }

    private static long pct(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
