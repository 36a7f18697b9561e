package dev.incidents.shipper;

import dev.incidents.kafka.testing.KafkaBrokerExtension;
import dev.incidents.schemas.OwnerRef;
import dev.incidents.schemas.PodGroupSnapshot;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.shipper.kafka.TopicReader;
import dev.incidents.shipper.kafka.TopicReader.Received;
import dev.incidents.shipper.kubeapi.Kubectl;
import dev.incidents.shipper.kubeapi.MockApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.incidents.shipper.ShipperIT.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gang objects are optional: the shipper watches a PodGroup kind only where the API server serves its CRD. Real
 * parts as in {@link ShipperIT}: the real kubectl creates the CRD and the PodGroup in fabric8's CRUD mock API server,
 * the records are read back from a real broker.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PodGroupWatchIT {
    @TempDir
    Path tmp;
    final List<AutoCloseable> resources = new ArrayList<>();
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String cluster = "it-" + run;
    final TopicNames topics = new TopicNames("events-" + run, "pods-" + run, "nodes-" + run, "podgroups-" + run);

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void aServedPodGroupCrdIsWatchedItsChangesShippedAndItsDeleteATombstone() {
        MockApiServer api = track(MockApiServer.start(true));
        Kubectl kubectl = new Kubectl(api, tmp);
        kubectl.create(fixture("crd-coscheduling-podgroups.yaml"));
        kubectl.create(fixture("podgroup-coscheduling.yaml"));
        String bootstrap = KafkaBrokerExtension.bootstrapServers();
        TopicReader.createTopics(bootstrap, topics.events(), topics.pods(), topics.nodes(), topics.podGroups());
        TopicReader<PodGroupSnapshot> groups = track(new TopicReader<>(bootstrap, topics.podGroups(), PodGroupSnapshot.class));

        RunningShipper shipper = track(new RunningShipper(config(api, Duration.ofSeconds(1))));
        assertThat(shipper.shipper.watch().gangObjects()).containsExactly("scheduling.x-k8s.io/v1alpha1/PodGroup");

        Received<PodGroupSnapshot> first = groups.awaitAtLeast(1).get(0);
        assertThat(first.key()).isEqualTo(cluster + "/training/llama-70b-ft");
        PodGroupSnapshot created = first.value();
        assertThat(created.getApiVersion()).isEqualTo("scheduling.x-k8s.io/v1alpha1");
        assertThat(created.getKind()).isEqualTo("PodGroup");
        assertThat(created.getMinMember()).isEqualTo(4);
        assertThat(created.getOwners()).extracting(OwnerRef::getKind, OwnerRef::getName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PyTorchJob", "llama-70b-ft"));
        // the status is a subresource: the API server drops it on create, the scheduler writes it later
        assertThat(created.getPhase()).isNull();
        assertThat(first.eventTime()).isEqualTo(created.getObservedAt());

        // resyncs every second: unchanged, nothing shipped again
        await().atMost(Duration.ofSeconds(30)).until(() -> shipper.metric("shipper.objects.skipped.unchanged", "podgroup") >= 2);

        patchStatus(kubectl, "{\"status\":{\"phase\":\"Scheduling\",\"running\":2,\"occupiedBy\":\"training/llama-70b-ft\","
                + "\"scheduleStartTime\":\"2025-03-14T10:00:12Z\"}}");
        PodGroupSnapshot scheduling = groups.awaitAtLeast(2).get(1).value();
        assertThat(scheduling.getPhase()).isEqualTo("Scheduling");
        assertThat(scheduling.getRunning()).isEqualTo(2);
        patchStatus(kubectl, "{\"status\":{\"phase\":\"Running\",\"running\":4}}");
        PodGroupSnapshot running = groups.awaitAtLeast(3).get(2).value();
        assertThat(running.getPhase()).isEqualTo("Running");
        assertThat(running.getRunning()).isEqualTo(4);

        kubectl.delete("podgroups.scheduling.x-k8s.io", "training", "llama-70b-ft");
        List<Received<PodGroupSnapshot>> all = groups.awaitAtLeast(4);
        assertThat(all.get(3).key()).isEqualTo(first.key());
        assertThat(all.get(3).value()).isNull();
        assertThat(all.get(3).eventTime()).isNotNull();
        assertThat(groups.poll()).hasSize(4);
        assertThat(shipper.metric("shipper.objects.shipped", "podgroup")).isEqualTo(4);
    }

    @Test
    void withoutAnyGangCrdTheShipperStillShipsPodsAndWatchesNoGroup() {
        MockApiServer api = track(MockApiServer.start(true));
        Kubectl kubectl = new Kubectl(api, tmp);
        kubectl.create(fixture("workload.yaml"));
        String bootstrap = KafkaBrokerExtension.bootstrapServers();
        TopicReader.createTopics(bootstrap, topics.events(), topics.pods(), topics.nodes(), topics.podGroups());
        TopicReader<PodSnapshot> pods = track(new TopicReader<>(bootstrap, topics.pods(), PodSnapshot.class));
        TopicReader<PodGroupSnapshot> groups = track(new TopicReader<>(bootstrap, topics.podGroups(), PodGroupSnapshot.class));

        RunningShipper shipper = track(new RunningShipper(config(api, ShipperConfig.DEFAULT_RESYNC)));

        assertThat(shipper.shipper.watch().gangObjects()).isEmpty();
        assertThat(pods.awaitAtLeast(1).get(0).key()).isEqualTo(cluster + "/inference/triton-79569cfbbc-m2wcc");
        await().atMost(Duration.ofSeconds(30)).until(shipper.shipper::ready);
        assertThat(api.watchRequests("podgroups")).isZero();
        assertThat(api.watchRequests("workloads")).isZero();
        assertThat(groups.poll()).isEmpty();
    }

    private static void patchStatus(Kubectl kubectl, String mergePatch) {
        kubectl.run("patch", "podgroups.scheduling.x-k8s.io", "llama-70b-ft", "-n", "training", "--subresource=status",
                "--type=merge", "-p", mergePatch);
    }

    private ShipperConfig config(MockApiServer api, Duration resync) {
        Path kubeconfig = api.writeKubeconfig(tmp.resolve("shipper-kubeconfig"));
        return new ShipperConfig(cluster, kubeconfig, null, new WatchFilter(Set.of(), Set.of("kube-system"), null), resync,
                ProducerSettings.of(KafkaBrokerExtension.bootstrapServers(), null, null, "podgroup-it"), topics, 0, 1000);
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }
}
