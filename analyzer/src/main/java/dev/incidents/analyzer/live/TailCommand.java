package dev.incidents.analyzer.live;

import dev.incidents.analyzer.render.IncidentConsole;
import dev.incidents.analyzer.render.IncidentJson;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code incidents tail}: the on-call view of {@code k8s.incidents.json}, read as {@link IncidentTopicReader}
 * reads it (no consumer group, {@code read_committed}).
 */
@Command(name = "tail", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Print incidents as they open, update and resolve (reads the incident JSON topic).")
public final class TailCommand implements Callable<Integer> {

    public enum Output { text, jsonl }

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaConnection kafka;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Incident JSON topic (default: ${DEFAULT-VALUE}).",
            defaultValue = Topics.INCIDENTS_JSON)
    String topic;

    @Option(names = "--from-beginning", description = "Start from the oldest retained incident instead of now.")
    boolean fromBeginning;

    @Option(names = "--follow", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Keep waiting for new transitions (default). --no-follow stops at the end of the topic.")
    boolean follow;

    @Option(names = {"-o", "--output"}, paramLabel = "text|jsonl", description = "text (default) or jsonl (one incident JSON per line).",
            defaultValue = "text")
    Output output;

    @Option(names = "--cluster", paramLabel = "NAME", description = "Only incidents of this cluster.")
    String cluster;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Only incidents in this namespace.")
    String namespace;

    @Option(names = "--category", paramLabel = "CATEGORY", description = "Only this category, e.g. INSUFFICIENT_GPU.")
    String category;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only this status: OPEN, UPDATED or RESOLVED.")
    String status;

    @Option(names = "--color", paramLabel = "WHEN", description = "auto (default: when stdout is a terminal), always or never.",
            defaultValue = "auto")
    String color;

    private final AtomicBoolean stopping = new AtomicBoolean();

    @Override
    public Integer call() {
        IncidentFilter filter = new IncidentFilter(cluster, namespace, category, status);
        boolean colored = "always".equals(color) || ("auto".equals(color) && System.console() != null);
        PrintWriter out = spec.commandLine().getOut();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping.set(true)));

        try (KafkaConsumer<String, String> consumer = IncidentTopicReader.open(kafka.clientConfig(null))) {
            List<TopicPartition> partitions = IncidentTopicReader.partitions(consumer, topic);
            if (partitions.isEmpty()) {
                spec.commandLine().getErr().println("incidents tail: topic " + topic + " does not exist");
                return 2;
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!stopping.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null) {
                        continue;
                    }
                    Incident incident;
                    try {
                        incident = IncidentJson.fromJson(record.value());
                    } catch (RuntimeException e) {
                        spec.commandLine().getErr().println("incidents tail: " + record.topic() + "-" + record.partition()
                                + "@" + record.offset() + ": not an incident JSON (" + e.getMessage() + "); skipped");
                        continue;
                    }
                    if (!filter.matches(incident)) {
                        continue;
                    }
                    if (output == Output.jsonl) {
                        out.println(record.value());
                    } else {
                        out.print(IncidentConsole.transition(incident, colored));
                    }
                    out.flush();
                }
                if (!follow && reachedEnd(consumer, end)) {
                    return 0;
                }
            }
        }
        return 0;
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
