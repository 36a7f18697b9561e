package dev.incidents.analyzer.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.kafka.testing.FreePorts;
import dev.incidents.kafka.testing.KafkaBrokerExtension;
import dev.incidents.schemas.KafkaClientConfig;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.fixtures.SampleRecords;
import dev.incidents.schemas.registry.InProcessSchemaRegistry;
import dev.incidents.schemas.serde.AvroSerde;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A schema registry outage in the middle of a run (issue #16 item 3): {@code analyze --schema-registry} reads an event
 * whose schema id it has not cached while the registry's port is closed. Its stream thread waits in the deserializer
 * (no thread replaced, no rebalance: {@code /readyz} stays RUNNING the whole time, the group keeps its generation),
 * the event stays unconsumed, nothing reaches the DLQ, and once the registry is back the event is processed.
 *
 * <p>The outage lasts {@value #DEFAULT_OUTAGE_SECONDS} s ({@code -Dregistry.outage.seconds=60} for the minute):
 * twice Kafka Streams' exactly-once transaction timeout (10 s, past which an open transaction would be aborted and the
 * producer fenced) and four times the old 5 s backoff; the wait is one loop whatever its length within the retry
 * timeout (60 s), so a minute proves nothing more and costs 40 s of every build.
 */
@ExtendWith(KafkaBrokerExtension.class)
class RegistryOutageIT {
    static final int DEFAULT_OUTAGE_SECONDS = 20;
    static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("registry.outage.seconds", DEFAULT_OUTAGE_SECONDS));
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path temp;

    @Test
    void a_registry_outage_holds_the_record_without_a_rebalance_and_dead_letters_nothing() throws Exception {
        String bootstrap = KafkaBrokerExtension.bootstrapServers();
        String run = "registry-outage-" + UUID.randomUUID().toString().substring(0, 8);
        String events = run + ".events";
        String dlq = run + ".dlq";
        StringBuilder topics = new StringBuilder();
        for (String[] topic : new String[][] {{AnalyzerConfig.EVENTS_TOPIC, events}, {AnalyzerConfig.PODS_TOPIC, run + ".pods"},
                {AnalyzerConfig.NODES_TOPIC, run + ".nodes"}, {AnalyzerConfig.NODES_VIEW_TOPIC, run + ".nodes.view"},
                {AnalyzerConfig.INCIDENTS_TOPIC, run + ".incidents"}, {AnalyzerConfig.INCIDENTS_JSON_TOPIC, run + ".incidents.json"},
                {AnalyzerConfig.DLQ_TOPIC, dlq}}) {
            topics.append(topic[0]).append('=').append(topic[1]).append('\n');
        }
        Path settings = Files.writeString(temp.resolve("analyzer.properties"), topics);
        int httpPort = FreePorts.one();
        try (InProcessSchemaRegistry registry = InProcessSchemaRegistry.start();
             Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            AnalyzeCommand analyze = new AnalyzeCommand();
            StringWriter analyzeErr = new StringWriter();
            CommandLine cli = new CommandLine(analyze);
            cli.setErr(new PrintWriter(analyzeErr, true));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute(
                    "--bootstrap-server", bootstrap, "--schema-registry", registry.url().toString(), "--config", settings.toString(),
                    "--application-id", run, "--state-dir", temp.resolve("state").toString(),
                    "--http-bind", "127.0.0.1", "--http-port", String.valueOf(httpPort), "--partitions", "1"));
            ConcurrentLinkedQueue<String> notReady = new ConcurrentLinkedQueue<>();
            AtomicBoolean watching = new AtomicBoolean(true);
            try {
                await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> get(httpPort, "/readyz").statusCode() == 200);
                byte[] before = AvroSerde.of(KubeEvent.class, Map.of(KafkaClientConfig.SCHEMA_REGISTRY_URL, registry.url().toString()))
                        .serializer().serialize(events, SampleRecords.diskFullPullFailed());
                producer.send(new ProducerRecord<>(events, 0, utf8("before"), before)).get();
                await().atMost(Duration.ofSeconds(60)).until(() -> committed(admin, run, events) >= 1);
                // From here on, readiness is watched: a replaced thread or a rebalance leaves RUNNING.
                CompletableFuture<Void> watcher = CompletableFuture.runAsync(() -> watchReadiness(httpPort, watching, notReady));

                // The same event under a schema id the analyzer has not seen: the look-up must reach the registry.
                Schema variant = new Schema.Parser().parse(KubeEvent.getClassSchema().toString());
                variant.addProp("incidents.registry-outage-it", "a second version of the subject");
                int unseenId = registry.register(events + "-value", variant);
                byte[] during = before.clone();
                ByteBuffer.wrap(during, 1, 4).putInt(unseenId);
                registry.goDown();
                long down = System.nanoTime();
                producer.send(new ProducerRecord<>(events, 0, utf8("during"), during)).get();
                Thread.sleep(OUTAGE.toMillis());
                assertThat(committed(admin, run, events)).as("the event read during the outage waits, neither skipped nor dead-lettered")
                        .isEqualTo(1);
                registry.comeBack();
                await().atMost(Duration.ofSeconds(60)).until(() -> committed(admin, run, events) >= 2);
                System.out.printf("registry-outage-it: registry down %d ms; the waiting event processed %d ms after it came back%n",
                        OUTAGE.toMillis(), (System.nanoTime() - down) / 1_000_000 - OUTAGE.toMillis());
                Thread.sleep(2_000);
                watching.set(false);
                watcher.get();

                assertThat(notReady).as("/readyz answers other than RUNNING (a thread replaced, a rebalance)").isEmpty();
                assertThat(endOffset(admin, dlq)).as("records on the DLQ").isZero();
                String metrics = get(httpPort, "/metrics").body();
                assertThat(metrics.lines().filter(l -> l.startsWith("incidents_dlq_records_total")).toList())
                        .allSatisfy(l -> assertThat(l).endsWith(" 0.0"));
                assertThat(metrics.lines().filter(l -> l.startsWith("kafka_stream_thread_failed_stream_threads")
                        || l.startsWith("kafka_stream_failed_stream_threads")).toList())
                        .as("failed stream threads").allSatisfy(l -> assertThat(l).endsWith(" 0.0"));
            } finally {
                watching.set(false);
                analyze.stop();
                assertThat(exit.get()).as("analyze exit status; stderr:\n%s", analyzeErr).isZero();
            }
        }
    }

    private static void watchReadiness(int port, AtomicBoolean watching, ConcurrentLinkedQueue<String> notReady) {
        while (watching.get()) {
            try {
                HttpResponse<String> ready = get(port, "/readyz");
                if (ready.statusCode() != 200) {
                    notReady.add(ready.statusCode() + " " + ready.body().strip());
                }
                Thread.sleep(200);
            } catch (Exception e) {
                notReady.add(e.toString());
            }
        }
    }

    private static long committed(Admin admin, String group, String topic) throws Exception {
        OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                .get(new TopicPartition(topic, 0));
        return offset == null ? 0 : offset.offset();
    }

    private static long endOffset(Admin admin, String topic) throws Exception {
        TopicPartition partition = new TopicPartition(topic, 0);
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get().get(partition).offset();
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
