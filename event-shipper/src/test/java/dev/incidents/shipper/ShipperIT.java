package dev.incidents.shipper;

import dev.incidents.kafka.testing.KafkaBrokerExtension;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.OwnerRef;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.shipper.kafka.TopicReader;
import dev.incidents.shipper.kafka.TopicReader.Received;
import dev.incidents.shipper.kubeapi.Kubectl;
import dev.incidents.shipper.kubeapi.MockApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shipper end to end with real parts: the real kubectl changes objects in fabric8's CRUD mock API server,
 * the shipper's informers watch it, and the records are read back from a real Kafka broker.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ShipperIT {
    static final String POD_KEY_SUFFIX = "/inference/triton-79569cfbbc-m2wcc";
    static final String NODE = "ip-10-0-1-149.ec2.internal";

    @TempDir
    Path tmp;
    final List<AutoCloseable> resources = new ArrayList<>();
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String cluster = "it-" + run;
    final TopicNames topics = new TopicNames("events-" + run, "pods-" + run, "nodes-" + run);

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void kubectlChangesArriveAsRecordsWithOwnersTombstonesAndNoDuplicates() {
        MockApiServer api = track(MockApiServer.start(true));
        Kubectl kubectl = new Kubectl(api, tmp);
        kubectl.create(fixture("node.yaml"));
        kubectl.create(fixture("workload.yaml"));
        kubectl.create(fixture("events-v1-backoff.yaml"));
        String bootstrap = KafkaBrokerExtension.bootstrapServers();
        TopicReader.createTopics(bootstrap, topics.events(), topics.pods(), topics.nodes());
        TopicReader<PodSnapshot> pods = track(new TopicReader<>(bootstrap, topics.pods(), PodSnapshot.class));
        TopicReader<NodeSnapshot> nodes = track(new TopicReader<>(bootstrap, topics.nodes(), NodeSnapshot.class));
        TopicReader<KubeEvent> events = track(new TopicReader<>(bootstrap, topics.events(), KubeEvent.class));

        RunningShipper shipper = track(new RunningShipper(config(api, Duration.ofSeconds(1))));

        // start-up: the existing objects, once each; the Pod resolved through the cached ReplicaSet
        PodSnapshot pending = pods.awaitAtLeast(1).get(0).value();
        assertThat(pods.poll().get(0).key()).isEqualTo(cluster + POD_KEY_SUFFIX);
        assertThat(pending.getCluster()).isEqualTo(cluster);
        assertThat(pending.getPhase()).isEqualTo("Pending");
        assertThat(pending.getOwners()).extracting(OwnerRef::getKind, OwnerRef::getName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ReplicaSet", "triton-79569cfbbc"),
                        org.assertj.core.groups.Tuple.tuple("Deployment", "triton"));
        assertThat(pending.getOwnersKnown()).as("the API server's object shows its owners whole").isTrue();
        assertThat(nodes.awaitAtLeast(1).get(0).key()).isEqualTo(cluster + "/" + NODE);
        Received<KubeEvent> backOff = events.awaitAtLeast(1).get(0);
        assertThat(backOff.key()).isEqualTo(cluster + "/inference/Pod/triton-79569cfbbc-m2wcc");
        assertThat(backOff.value().getApiVersion()).isEqualTo("events.k8s.io/v1");
        assertThat(backOff.value().getReason()).isEqualTo("BackOff");

        // resyncs every second replay the caches: they are skipped as unchanged, nothing is shipped again
        await().atMost(Duration.ofSeconds(30)).until(() -> shipper.metric("shipper.objects.skipped.unchanged", "pod") >= 3);

        kubectl.jsonPatch("pod", "inference", "triton-79569cfbbc-m2wcc", fixture("pod-image-pull-backoff.json"));
        PodSnapshot pullBackOff = pods.awaitAtLeast(2).get(1).value();
        assertThat(pullBackOff.getContainers().get(0).getState().getReason()).isEqualTo("ImagePullBackOff");

        // a heartbeat changes nothing the analysis reads; a disk-pressure taint does
        kubectl.jsonPatch("node", null, NODE, fixture("node-heartbeat.json"));
        kubectl.jsonPatch("node", null, NODE, fixture("node-disk-pressure.json"));
        assertThat(nodes.awaitAtLeast(2)).hasSize(2);
        assertThat(nodes.poll().get(1).value().getTaints()).extracting(t -> t.getKey()).contains("node.kubernetes.io/disk-pressure");

        // an event's count bump is signal: shipped again, same key, same uid
        kubectl.patch("events.v1.events.k8s.io", "inference", "triton-79569cfbbc-m2wcc.182c5b1f9d8e7c6b",
                "{\"series\":{\"count\":4,\"lastObservedTime\":\"2025-03-14T10:04:10.000000Z\"},\"deprecatedCount\":4,"
                        + "\"deprecatedLastTimestamp\":\"2025-03-14T10:04:10Z\"}");
        Received<KubeEvent> bumped = events.awaitAtLeast(2).get(1);
        assertThat(bumped.key()).isEqualTo(backOff.key());
        assertThat(bumped.value().getUid()).isEqualTo(backOff.value().getUid());
        assertThat(bumped.value().getCount()).isEqualTo(4);
        assertThat(bumped.eventTime()).isEqualTo(Instant.parse("2025-03-14T10:04:10Z"));

        // watch dropped, then answered with 410 Gone: fabric8 relists; the relist ships nothing new
        double skippedBefore = shipper.metric("shipper.objects.skipped.unchanged", "pod");
        api.failNextWatchWithGone("pods");
        assertThat(api.disconnectWatches()).isPositive();
        await().atMost(Duration.ofSeconds(30)).until(() -> shipper.metric("shipper.watch.restarts", "pod") >= 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> shipper.metric("shipper.objects.skipped.unchanged", "pod") > skippedBefore);

        kubectl.jsonPatch("pod", "inference", "triton-79569cfbbc-m2wcc", fixture("pod-crash-loop.json"));
        PodSnapshot crashLoop = pods.awaitAtLeast(3).get(2).value();
        assertThat(crashLoop.getContainers().get(0).getRestartCount()).isEqualTo(3);
        assertThat(crashLoop.getContainers().get(0).getState().getReason()).isEqualTo("CrashLoopBackOff");

        kubectl.delete("pod", "inference", "triton-79569cfbbc-m2wcc");
        kubectl.delete("node", null, NODE);
        List<Received<PodSnapshot>> allPods = pods.awaitAtLeast(4);
        assertThat(allPods.get(3).key()).isEqualTo(cluster + POD_KEY_SUFFIX);
        assertThat(allPods.get(3).value()).isNull();
        List<Received<NodeSnapshot>> allNodes = nodes.awaitAtLeast(3);
        assertThat(allNodes.get(2).value()).isNull();
        // every record, tombstones too, carries its event time in the header; the record timestamp is Kafka's
        assertThat(allPods).allSatisfy(r -> assertThat(r.eventTime()).isNotNull());
        assertThat(allNodes).allSatisfy(r -> assertThat(r.eventTime()).isNotNull());

        // exactly these records, in this order: no duplicate from resyncs, the heartbeat or the relist
        assertThat(pods.poll()).extracting(r -> r.value() == null ? "tombstone" : r.value().getPhase() + "/"
                        + (r.value().getContainers().get(0).getState() == null ? "-" : r.value().getContainers().get(0).getState().getReason()))
                .containsExactly("Pending/-", "Pending/ImagePullBackOff", "Running/CrashLoopBackOff", "tombstone");
        assertThat(nodes.poll()).hasSize(3);
        assertThat(events.poll()).hasSize(2);
        assertThat(shipper.metric("shipper.objects.shipped", "pod")).isEqualTo(4);
    }

    @Test
    void coreEventsWhenEventsV1IsNotServedAndMalformedObjectsAreCountedNotFatal() throws Exception {
        MockApiServer api = track(MockApiServer.start(false));
        Kubectl kubectl = new Kubectl(api, tmp);
        kubectl.create(fixture("workload.yaml"));
        String bootstrap = KafkaBrokerExtension.bootstrapServers();
        TopicReader.createTopics(bootstrap, topics.events(), topics.pods(), topics.nodes());
        TopicReader<KubeEvent> events = track(new TopicReader<>(bootstrap, topics.events(), KubeEvent.class));
        RunningShipper shipper = track(new RunningShipper(config(api, ShipperConfig.DEFAULT_RESYNC)));
        assertThat(shipper.shipper.watch().eventsV1()).isFalse();

        kubectl.create(fixture("event-core-malformed.yaml"));
        kubectl.create(fixture("event-core-failed-create.yaml"));
        kubectl.create(fixture("event-failed-pull.yaml"));

        List<Received<KubeEvent>> shipped = events.awaitAtLeast(2);
        assertThat(shipped).extracting(r -> r.value().getReason()).containsExactly("FailedCreate", "Failed");
        assertThat(shipped.get(0).key()).isEqualTo(cluster + "/inference/ReplicaSet/triton-79569cfbbc");
        assertThat(shipped.get(1).value().getMessage()).contains("no space left on device");
        assertThat(shipped.get(1).value().getReportingInstance()).isEqualTo(NODE);
        assertThat(shipper.metric("shipper.objects.malformed", "event")).isEqualTo(1);

        // /readyz and /metrics tell the same story
        HttpClient http = HttpClient.newHttpClient();
        int port = shipper.shipper.httpPort();
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("shipper_objects_malformed_total{kind=\"event\"} 1.0",
                "shipper_objects_shipped_total{kind=\"event\"} 2.0");
    }

    /**
     * Issue #16 item 4, counted per key: forced relists (watches dropped, each answered with {@code 410 Gone}) and
     * resyncs every second ship nothing for unchanged objects, and a restarted shipper ships one snapshot per live
     * object, no more (its fingerprints start empty, so once; the informers' initial list has each object once).
     */
    @Test
    void relistsAndResyncsShipNothingUnchangedAndARestartOneSnapshotPerLiveObject() throws Exception {
        MockApiServer api = track(MockApiServer.start(true));
        Kubectl kubectl = new Kubectl(api, tmp);
        kubectl.create(fixture("node.yaml"));
        kubectl.create(fixture("workload.yaml"));
        kubectl.create(fixture("events-v1-backoff.yaml"));
        for (int i = 1; i <= 4; i++) {
            kubectl.create("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"worker-" + i
                    + "\",\"namespace\":\"inference\",\"uid\":\"worker-uid-" + i + "\"},\"spec\":{\"nodeName\":\"" + NODE
                    + "\",\"containers\":[{\"name\":\"worker\",\"image\":\"vllm/vllm-openai:v0.6.3\"}]},"
                    + "\"status\":{\"phase\":\"Running\"}}");
        }
        String bootstrap = KafkaBrokerExtension.bootstrapServers();
        TopicReader.createTopics(bootstrap, topics.events(), topics.pods(), topics.nodes());
        TopicReader<PodSnapshot> pods = track(new TopicReader<>(bootstrap, topics.pods(), PodSnapshot.class));
        TopicReader<NodeSnapshot> nodes = track(new TopicReader<>(bootstrap, topics.nodes(), NodeSnapshot.class));
        TopicReader<KubeEvent> events = track(new TopicReader<>(bootstrap, topics.events(), KubeEvent.class));
        int livePods = 5;

        RunningShipper first = new RunningShipper(config(api, Duration.ofSeconds(1)));
        try {
            pods.awaitAtLeast(livePods);
            nodes.awaitAtLeast(1);
            events.awaitAtLeast(1);
            for (String resource : List.of("pods", "nodes", "events")) {
                api.failNextWatchWithGone(resource);
            }
            assertThat(api.disconnectWatches()).isPositive();
            await().atMost(Duration.ofSeconds(30)).until(() -> first.metric("shipper.watch.restarts", "pod") >= 2
                    && first.metric("shipper.watch.restarts", "node") >= 2);
            double skipped = first.metric("shipper.objects.skipped.unchanged", "pod");
            // a few resyncs (every second) after the relists
            await().atMost(Duration.ofSeconds(30)).until(() -> first.metric("shipper.objects.skipped.unchanged", "pod") >= skipped + 3 * livePods);
            assertThat(perKey(pods.poll())).as("pod snapshots per key after relists and resyncs").hasSize(livePods)
                    .allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
            assertThat(perKey(nodes.poll())).as("node snapshots per key").allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
            assertThat(perKey(events.poll())).as("events per key").allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
        } finally {
            first.close();
        }

        RunningShipper second = track(new RunningShipper(config(api, Duration.ofSeconds(1))));
        await().atMost(Duration.ofSeconds(60)).until(() -> second.metric("shipper.objects.shipped", "pod") >= livePods
                && second.metric("shipper.objects.skipped.unchanged", "pod") >= 2 * livePods);
        assertThat(perKey(pods.awaitAtLeast(2 * livePods))).as("pod snapshots per key across a restart").hasSize(livePods)
                .allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(2));
        assertThat(perKey(nodes.poll())).as("node snapshots per key across a restart").allSatisfy((key, count) -> assertThat(count).as(key).isLessThanOrEqualTo(2));
        assertThat(perKey(events.poll())).as("events per key across a restart").allSatisfy((key, count) -> assertThat(count).as(key).isLessThanOrEqualTo(2));
        System.out.printf("shipper-it: %d pods, relists of pods, nodes and events and %d resyncs shipped nothing again; a restart"
                + " shipped %d pod snapshots%n", livePods, (int) (second.metric("shipper.objects.skipped.unchanged", "pod") / livePods),
                (int) second.metric("shipper.objects.shipped", "pod"));
    }

    private static <T> java.util.Map<String, Long> perKey(List<Received<T>> records) {
        return records.stream().collect(java.util.stream.Collectors.groupingBy(Received::key, java.util.TreeMap::new,
                java.util.stream.Collectors.counting()));
    }

    private ShipperConfig config(MockApiServer api, Duration resync) {
        Path kubeconfig = api.writeKubeconfig(tmp.resolve("shipper-kubeconfig"));
        return new ShipperConfig(cluster, kubeconfig, null, new WatchFilter(Set.of(), Set.of("kube-system"), null), resync,
                ProducerSettings.of(KafkaBrokerExtension.bootstrapServers(), null, null, "shipper-it"), topics, 0, 1000);
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    static String fixture(String name) {
        try (InputStream in = ShipperIT.class.getResourceAsStream("/kubectl/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
