package dev.incidents.shipper.bench;

import dev.incidents.shipper.ProducerSettings;
import dev.incidents.shipper.RecordingShipper;
import dev.incidents.shipper.TopicNames;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code ship --from} throughput: a generated recording (our format, N Pod changes with managedFields) read by
 * {@code Recordings.read}, mapped and produced until Kafka acknowledged all. Not a test; run with a broker up:
 * {@code java -cp <test classpath> dev.incidents.shipper.bench.ShipFromBenchmark [records] [bootstrap]}.
 */
public final class ShipFromBenchmark {
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        String bootstrap = args.length > 1 ? args[1] : "127.0.0.1:9092";
        String template = GeneratedPods.templateJson();
        Path file = Files.createTempFile("ship-from-bench", ".jsonl");
        Instant start = Instant.parse("2025-03-14T10:00:00Z");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("{\"format\":\"incidents-recording\",\"version\":1,\"cluster\":\"bench\",\"startedAt\":\"" + start + "\"}\n");
            for (int i = 0; i < count; i++) {
                String pod = Serialization.asJson(GeneratedPods.pod(template, i % 1000)).replace("\"restartCount\":0", "\"restartCount\":" + (i / 1000));
                out.write("{\"time\":\"" + start.plusMillis(i) + "\",\"type\":\"MODIFIED\",\"object\":" + pod + "}\n");
            }
        }
        System.out.printf("recording: %d lines, %.1f MiB%n", count, Files.size(file) / 1048576.0);
        String run = UUID.randomUUID().toString().substring(0, 8);
        RecordingShipper shipper = new RecordingShipper(ProducerSettings.of(bootstrap, null, null, "ship-from-bench"),
                new TopicNames("bench-events-" + run, "bench-pods-" + run, "bench-nodes-" + run), new PrintWriter(System.err, true));
        long t0 = System.nanoTime();
        int exit = shipper.ship(List.of(file), null, 0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("ship --from: exit %d, %.0f records acknowledged in %.2f s: %.0f records/s (read + map + produce)%n",
                exit, shipper.metrics().value("shipper.objects.shipped", "pod"), seconds, count / seconds);
        Files.delete(file);
        System.exit(0);
    }
}
