package dev.incidents.analyzer.bench;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.Kube;
import dev.incidents.analyzer.replay.Replay;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.TopicKeys;
import dev.incidents.schemas.serde.AvroSerde;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Replay throughput: a generated recording (default 200k events over 500 workloads, one event per second of event
 * time, ~20 % failure evidence of the four issue-4 sequences) through the real topology, and the same events through
 * a pass-through topology (decode, re-encode, write) in the same JVM for the ratio. Prints events/s and heap.
 * Not a test: run with {@code java -cp ... dev.incidents.analyzer.bench.ReplayBenchmark [events] [workloads]}.
 */
public final class ReplayBenchmark {

    public static void main(String[] args) throws IOException {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int workloads = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        List<KubeEvent> recording = generate(events, workloads, new Random(42));
        System.out.printf("generated %d events over %d workloads%n", recording.size(), workloads);

        passThrough(recording.subList(0, Math.min(20_000, recording.size())));  // warm-up
        analyzer(recording.subList(0, Math.min(20_000, recording.size())));

        Measure base = passThrough(recording);
        Measure full = analyzer(recording);
        System.out.printf("pass-through: %,.0f events/s, heap after %,d MiB%n", base.rate(), base.heapMiB);
        System.out.printf("analyzer:     %,.0f events/s, heap in use %,d MiB, %d transitions%n", full.rate(), full.heapMiB,
                full.outputs);
        System.out.printf("ratio analyzer/pass-through: %.2f%n", full.rate() / base.rate());
    }

    record Measure(int events, long nanos, long heapMiB, int outputs) {
        double rate() {
            return events / (nanos / 1e9);
        }
    }

    static Measure analyzer(List<KubeEvent> recording) {
        long start = System.nanoTime();
        int outputs;
        long nanos;
        long heap;
        try (Replay replay = new Replay(AnalyzerConfig.defaults(), false)) {
            for (KubeEvent e : recording) {
                replay.event(e, e.getLastTimestamp());
            }
            outputs = replay.finish().transitionCount();
            nanos = System.nanoTime() - start;
            heap = heapMiB(); // with the driver and its stores still open
        }
        return new Measure(recording.size(), nanos, heap, outputs);
    }

    static Measure passThrough(List<KubeEvent> recording) throws IOException {
        Path state = Files.createTempDirectory("bench-pass-");
        Serde<KubeEvent> serde = AvroSerde.of(KubeEvent.class, Map.of());
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("k8s.events", Consumed.with(Serdes.String(), serde).withName("in"))
                .mapValues(v -> v, Named.as("same"))
                .to("out", Produced.with(Serdes.String(), serde).withName("out"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "bench.invalid:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        long start = System.nanoTime();
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props, Instant.EPOCH)) {
            TestInputTopic<String, KubeEvent> in = driver.createInputTopic("k8s.events", new StringSerializer(),
                    serde.serializer());
            var out = driver.createOutputTopic("out", Serdes.String().deserializer(), serde.deserializer());
            for (KubeEvent e : recording) {
                in.pipeInput(new TestRecord<>(TopicKeys.event(e), e, null, e.getLastTimestamp()));
                out.readValuesToList();
            }
        }
        long nanos = System.nanoTime() - start;
        try (var paths = Files.walk(state)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        return new Measure(recording.size(), nanos, heapMiB(), recording.size());
    }

    static long heapMiB() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }

    static List<KubeEvent> generate(int count, int workloads, Random random) {
        Instant t0 = Instant.parse("2025-03-14T00:00:00Z");
        List<KubeEvent> out = new ArrayList<>(count);
        String[] failures = {
            "0/4 nodes are available: 4 Insufficient nvidia.com/gpu. preemption: 0/4 nodes are available: 4 No preemption victims found for incoming pod.",
            "Failed to pull image \"triton:resnet50\": failed to pull and unpack image \"triton:resnet50\": write /var/lib/containerd/x: no space left on device",
            "Back-off restarting failed container model in pod %s_inference(0a1b2c3d)",
            "Liveness probe failed: Get \"http://10.0.2.33:8000/health\": dial tcp 10.0.2.33:8000: connect: connection refused"};
        String[] failureReasons = {"FailedScheduling", "Failed", "BackOff", "Unhealthy"};
        for (int i = 0; i < count; i++) {
            int w = random.nextInt(workloads);
            String pod = "model-" + w + "-7d9f8b6c5d-" + String.format("%05d", w % 100000).replace('0', 'x');
            String node = "ip-10-0-" + (w % 40) + "-" + (w % 200) + ".ec2.internal";
            Instant at = t0.plusSeconds(i);
            KubeEvent e;
            if (random.nextInt(5) == 0) {
                int kind = w % failureReasons.length;
                e = Kube.event("inference", "Pod", pod, "Warning", failureReasons[kind],
                        String.format(failures[kind], pod), at, at, 1 + random.nextInt(10), "f-" + w + "-" + (i / 600),
                        kind == 0 ? null : node);
            } else {
                String[] normal = {"Pulling", "Pulled", "Created", "Started", "Scheduled"};
                String reason = normal[random.nextInt(normal.length)];
                e = Kube.event("inference", "Pod", pod, "Normal", reason, reason + " for " + pod, at, at, 1,
                        "n-" + i, node);
            }
            out.add(e);
        }
        return out;
    }

    private ReplayBenchmark() {
    }
}
