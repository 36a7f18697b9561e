package dev.incidents.analyzer.notify;

import static org.awaitility.Awaitility.await;

import dev.incidents.kafka.testing.KafkaBrokerExtension;
import dev.incidents.schemas.KafkaClientConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;

/**
 * {@code notify} as the ITs run it: in-process on the shared test broker, on topics of its own (so ITs never see
 * each other's transitions), the incident transitions produced as the analyzer writes them (key = incident id).
 */
final class NotifyRun implements AutoCloseable {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    final String prefix = "notify-it-" + UUID.randomUUID().toString().substring(0, 8);
    final String topic = prefix + ".incidents.json";
    final String dlq = prefix + ".notify-dlq";
    final String threads = prefix + ".notify-threads";
    final String bootstrap = KafkaBrokerExtension.bootstrapServers();
    private final KafkaProducer<String, String> producer;
    private NotifyCommand command;
    private CompletableFuture<Integer> exit;
    final StringWriter err = new StringWriter();

    NotifyRun() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        producer = new KafkaProducer<>(KafkaClientConfig.load(bootstrap, null, null), new StringSerializer(), new StringSerializer());
    }

    void produce(List<String> transitions) throws Exception {
        for (String json : transitions) {
            producer.send(new ProducerRecord<>(topic, Transition.parse(json).id(), json)).get();
        }
    }

    void produceRaw(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    void produce(Transition... transitions) throws Exception {
        produce(java.util.Arrays.stream(transitions).map(Transition::json).toList());
    }

    /** Starts {@code notify} with these options on top of the run's topics; returns once its HTTP surface answers /readyz. */
    void start(String... options) {
        List<String> args = new ArrayList<>(List.of("--bootstrap-server", bootstrap, "--topic", topic,
                "--dlq-topic", dlq, "--threads-topic", threads, "--group", prefix, "--from-beginning",
                "--partitions", "1", "--http-bind", "127.0.0.1", "--http-port", "0"));
        args.addAll(List.of(options));
        command = new NotifyCommand();
        CommandLine cli = new CommandLine(command);
        cli.setErr(new PrintWriter(err, true));
        exit = CompletableFuture.supplyAsync(() -> cli.execute(args.toArray(String[]::new)));
        await().atMost(Duration.ofSeconds(60)).until(() -> exit.isDone() || (command.httpPort() > 0 && get("/readyz").statusCode() == 200));
        if (exit.isDone()) {
            throw new AssertionError("notify exited " + exit.join() + ": " + err);
        }
    }

    /** Stops {@code notify} as SIGTERM does; returns its exit status. */
    int stop() {
        command.stop();
        return exit.orTimeout(60, TimeUnit.SECONDS).join();
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + command.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A metric's value summed over the lines that contain every one of {@code match}. */
    double metric(String name, String... match) throws Exception {
        return get("/metrics").body().lines()
                .filter(l -> l.startsWith(name + "{") && List.of(match).stream().allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Every record on a topic of this run, from the beginning. */
    List<ConsumerRecord<String, String>> read(String name) {
        Map<String, Object> config = KafkaClientConfig.load(bootstrap, null, null);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(name).stream()
                    .map(p -> new TopicPartition(name, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (exit != null && !exit.isDone()) {
            stop();
        }
        producer.close();
    }
}
