package dev.incidents.recordings;

import dev.incidents.schemas.KubeEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Event tables whose rows do not name their object in a column: the messages kubectl prints say whose they are. */
class EventsTableTest {
    private static List<KubeEvent> events(String text) {
        return Fixtures.pastedEvents(text, Instant.parse("2025-01-01T00:00:00Z"));
    }

    /**
     * helm#3569: a describe's Events table pasted without its header, from a cluster before Kubernetes 1.10, whose
     * scheduler wrote {@code Successfully assigned <pod> to <node>} without the namespace: the rows are that pod's.
     */
    @Test
    void aSchedulerMessageWithoutTheNamespaceNamesThePodOfAHeadlessTable() {
        List<KubeEvent> events = events("""
                  Type     Reason     Age   From               Message
                  ----     ------     ----  ----               -------
                  Normal   Scheduled  46s   default-scheduler  Successfully assigned tiller-deploy-865dd6c794-spm4g to minikube
                  Normal   Pulling    46s   kubelet, minikube  pulling image "gcr.io/kubernetes-helm/tiller:v2.8.2"
                  Warning  Failed     11s   kubelet, minikube  Error: ErrImagePull
                """);

        assertThat(events).hasSize(3).allSatisfy(e -> {
            assertThat(e.getInvolvedObject().getName()).isEqualTo("tiller-deploy-865dd6c794-spm4g");
            assertThat(e.getInvolvedObject().getKind()).isEqualTo("Pod");
            assertThat(e.getNamespace()).isEqualTo("default");
        });
    }

    /**
     * helm#3996: kubectl 1.14 printed {@code get events} with a KIND column and no object name. The refused pod's
     * generated name ({@code pods "tiller-deploy-7b45545f56-" is forbidden}) names the ReplicaSet, the scaled
     * ReplicaSet names its Deployment; the namespace is the command's.
     */
    @Test
    void aKindColumnWithoutNamesTakesTheNameFromTheMessage() {
        List<KubeEvent> events = events("""
                $ kubectl get events -n kube-system

                LAST SEEN   TYPE      REASON              KIND         MESSAGE
                3m15s       Warning   FailedCreate        ReplicaSet   Error creating: pods "tiller-deploy-7b45545f56-" is forbidden: error looking up service account kube-system/tiller: serviceaccount "tiller" not found
                8m43s       Normal    ScalingReplicaSet   Deployment   Scaled up replica set tiller-deploy-7b45545f56 to 1
                """);

        assertThat(events).extracting(e -> e.getInvolvedObject().getKind() + "/" + e.getInvolvedObject().getName())
                .containsExactlyInAnyOrder("ReplicaSet/tiller-deploy-7b45545f56", "Deployment/tiller-deploy");
        assertThat(events).allSatisfy(e -> assertThat(e.getNamespace()).isEqualTo("kube-system"));
        assertThat(DescribeEvents.objectOfKindRow("ReplicaSet", "Error creating: quota exceeded")).isNull();
        assertThat(DescribeEvents.objectOfKindRow("Pod", "Scaled up replica set web-7d4f9c8b6 to 2")).isNull();
    }

    /**
     * kubernetes#47490: a 1.5 {@code get events --all-namespaces} row pasted without its header, the NAMESPACE cell
     * before LASTSEEN: the event is in that namespace.
     */
    @Test
    void anOldAllNamespacesRowKeepsItsNamespace() {
        List<KubeEvent> events = events("""
                xyz   5s        7d        46927     mongoxyz   Pod       spec.containers{mongodb}                  Warning   InspectFailed   {kubelet ip-removed}   Failed to apply default image tag " ": couldn't parse image reference " ": invalid reference format
                """);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getNamespace()).isEqualTo("xyz");
            assertThat(e.getInvolvedObject().getName()).isEqualTo("mongoxyz");
            assertThat(e.getReason()).isEqualTo("InspectFailed");
            assertThat(e.getCount()).isEqualTo(46927);
        });
    }

    /**
     * helm#1911: an old {@code get events} row pasted from its KIND cell on (the times, count and name cut): about a
     * claim the paste does not name.
     */
    @Test
    void anOldRowFromItsKindCellOnIsAboutAnUnnamedObjectOfThatKind() {
        List<KubeEvent> events = events("""
                PersistentVolumeClaim               Warning   ProvisioningFailed   persistentvolume-controller   Failed to provision volume with StorageClass "gp2": claim.Spec.Selector is not supported for dynamic provisioning on AWS
                """);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getInvolvedObject().getKind()).isEqualTo("PersistentVolumeClaim");
            assertThat(Unnamed.isPlaceholder(e.getInvolvedObject().getName())).isTrue();
            assertThat(e.getReason()).isEqualTo("ProvisioningFailed");
            assertThat(e.getMessage()).startsWith("Failed to provision volume with StorageClass \"gp2\"");
        });
    }

    /**
     * The 1.1 resource-quota walkthrough: a tab-separated {@code describe rc} whose event row has an empty
     * SubobjectPath cell (a controller's event): the reason is the cell after From, not the message's first word.
     */
    @Test
    void anUntypedOldRowWithoutASubobjectPath() {
        List<KubeEvent> events = events("""
                Name:\t\tnginx
                Namespace:\tquota-example
                Replicas:\t0 current / 1 desired
                Pods Status:\t0 Running / 0 Waiting / 0 Succeeded / 0 Failed
                Events:
                  FirstSeen\tLastSeen\tCount\tFrom\t\t\t\tSubobjectPath\tReason\t\tMessage
                  42s\t\t11s\t\t3\t{replication-controller }\t\t\tFailedCreate\tError creating: Pod "nginx-" is forbidden: Must make a non-zero request for memory since it is tracked by quota.
                """);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getReason()).isEqualTo("FailedCreate");
            assertThat(e.getMessage()).startsWith("Error creating: Pod \"nginx-\" is forbidden");
            assertThat(e.getNamespace()).isEqualTo("quota-example");
            assertThat(e.getInvolvedObject().getName()).isEqualTo("nginx");
        });
    }

    /**
     * spack-infrastructure#1005: a row's age cut to {@code ...} by the reporter is an unknown age, the row kept; and
     * ocs-ci#8831: a test suite's assertion quoting the table, pytest's {@code E} before every line.
     */
    @Test
    void rowsWithTheirAgeElidedOrUnderPytestsMarks() {
        List<KubeEvent> elided = events("""
                Events:
                  Type     Reason     Age    From     Message
                  ----     ------     ---    ----     -------
                  Normal   Killing    ...    kubelet  Container failed liveness probe, will be restarted
                """);
        assertThat(elided).singleElement().satisfies(e -> {
            assertThat(e.getReason()).isEqualTo("Killing");
            assertThat(e.getMessage()).isEqualTo("Container failed liveness probe, will be restarted");
        });

        List<KubeEvent> quoted = events("""
                > E             Type     Reason              Age   From                     Message
                > E             ----     ------              ----  ----                     -------
                > E             Normal   Scheduled           13m   default-scheduler        Successfully assigned ns-test/pod-test-rbd-1-44spx to worker-d-vh2zj
                > E             Warning  FailedAttachVolume  13m   attachdetach-controller  Multi-Attach error for volume "pvc-4853" Volume is already used by pod(s) pod-test-rbd-1-8v4xv
                """);
        assertThat(quoted).extracting(KubeEvent::getReason).containsExactly("Scheduled", "FailedAttachVolume");
        assertThat(quoted.get(1).getInvolvedObject().getName()).isEqualTo("pod-test-rbd-1-44spx");
    }

    /**
     * bitnami-docker-magento#74: a row without its Age column whose message carries the event aggregator's prefix: more
     * than ten such events came within ten minutes, whatever count the paste lacks.
     */
    @Test
    void theAggregatorsPrefixCountsMoreThanTen() {
        List<KubeEvent> combined = events("""
                Warning   Unhealthy   kubelet, aks-nodepool1-23247397-2   (combined from similar events): Readiness probe failed: Get http://127.0.0.1/index.php: dial tcp 127.0.0.1:80: getsockopt: connection refused
                """);
        assertThat(combined).singleElement().satisfies(e -> {
            assertThat(e.getReason()).isEqualTo("Unhealthy");
            assertThat(e.getCount()).isEqualTo(11);
        });
    }

    /**
     * A watch of events printed through a template that joins the cells with {@code --} (flux's source-controller
     * thread), or re-typed with {@code -} between them: the same rows as kubectl's spaces make, the message kept whole
     * even where it holds the delimiter.
     */
    @Test
    void cellsJoinedWithADelimiterAreTheRowsSpacesMake() {
        List<KubeEvent> events = events("""
                flux-system -- 0s -- Warning -- Unhealthy -- pod/source-controller-84dcf54c8-xlq4h -- Readiness probe failed: Get "http://10.64.177.148:9090/": dial tcp 10.64.177.148:9090: connect: connection refused
                12m - Warning - BackOff - pod/api-7c9d8b6f5-2xkqv - Back-off restarting failed container api in pod api-7c9d8b6f5-2xkqv_shop(0d1e) - see logs
                """);

        assertThat(events).hasSize(2);
        KubeEvent unhealthy = events.stream().filter(e -> "Unhealthy".equals(e.getReason())).findFirst().orElseThrow();
        assertThat(unhealthy.getNamespace()).isEqualTo("flux-system");
        assertThat(unhealthy.getInvolvedObject().getName()).isEqualTo("source-controller-84dcf54c8-xlq4h");
        assertThat(unhealthy.getMessage()).startsWith("Readiness probe failed: Get \"http://10.64.177.148:9090/\"");
        KubeEvent backOff = events.stream().filter(e -> "BackOff".equals(e.getReason())).findFirst().orElseThrow();
        assertThat(backOff.getInvolvedObject().getName()).isEqualTo("api-7c9d8b6f5-2xkqv");
        assertThat(backOff.getMessage()).endsWith("_shop(0d1e) - see logs");
        assertThat(EventsTable.undelimited("Step 1 - Warning - read the docs")).isNull();
    }

    /**
     * influxdata/helm-charts#336 class: a describe row joined with {@code -} keeps describe's order (Type, Reason, Age,
     * From, then the message): the Age and From cells are cells of their own, whatever the message holds.
     */
    @Test
    void aDelimitedRowInDescribesOrder() {
        List<KubeEvent> events = events("""
                Warning - FailedPostStartHook - 3s - kubelet - Exec lifecycle hook ([sh -c /opt/init.sh | tee /tmp/x]) for Container "db" in Pod "db-0_analytics(6c1f2e3a-0b1c-4d2e-9f00-1a2b3c4d5e6f)" failed - error: command '/opt/init.sh' exited with 2: , message: ""
                Normal | Pulled | 2m (x3 over 5m) | kubelet, worker-2 | Container image "redis:7" already present on machine
                """);

        assertThat(events).extracting(KubeEvent::getReason).containsExactlyInAnyOrder("FailedPostStartHook", "Pulled");
        KubeEvent hook = events.stream().filter(e -> "FailedPostStartHook".equals(e.getReason())).findFirst().orElseThrow();
        assertThat(hook.getNamespace()).isEqualTo("analytics");
        assertThat(hook.getInvolvedObject().getName()).isEqualTo("db-0");
        assertThat(hook.getMessage()).startsWith("Exec lifecycle hook ([sh -c /opt/init.sh | tee /tmp/x])")
                .endsWith("failed - error: command '/opt/init.sh' exited with 2: , message: \"\"");
        assertThat(events.stream().filter(e -> "Pulled".equals(e.getReason())).findFirst().orElseThrow().getCount())
                .isEqualTo(3);
    }

    /**
     * kubernetes#17487 class: kubectl 1.1's get-events rows (no TYPE column, the source in braces) pasted without their
     * header, with one-word reasons, and a probe's HTML answer over the lines below its row.
     */
    @Test
    void kubectl11RowsWithOneWordReasons() {
        List<KubeEvent> events = events("""
                41m         41m        1         web            Pod                     spec.containers{web}      Started            {kubelet 10.0.0.7}         Started container with docker id 0a1b2c3d4e5f
                41m         12s        96        web            Pod                     spec.containers{web}      Unhealthy          {kubelet 10.0.0.7}         Liveness probe failed: <html>
                <head><title>502 Bad Gateway</title></head>
                </html>
                40m       40m       1         web     Pod       spec.containers{web}   Killing   {kubelet 10.0.0.7}   Killing container with docker id 0a1b2c3d4e5f: pod "web_default" container "web" is unhealthy, it will be killed and re-created.
                """);

        assertThat(events).extracting(KubeEvent::getReason).containsExactlyInAnyOrder("Started", "Unhealthy", "Killing");
        assertThat(events).allSatisfy(e -> assertThat(e.getInvolvedObject().getName()).isEqualTo("web"));
        KubeEvent unhealthy = events.stream().filter(e -> "Unhealthy".equals(e.getReason())).findFirst().orElseThrow();
        assertThat(unhealthy.getCount()).isEqualTo(96);
        assertThat(unhealthy.getMessage()).startsWith("Liveness probe failed: <html>").contains("502 Bad Gateway");
    }

    /**
     * hwameistor#182 class: a component's log records pasted under an Events row (logrus's {@code time="..." level=},
     * klog's header) are records of their own, not the rest of the row's message.
     */
    @Test
    void logRecordsBelowARowAreNotItsMessage() {
        List<KubeEvent> events = events("""
                  Warning  FailedScheduling  7s (x2 over 95s)  default-scheduler  0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector.
                time="2022-08-15T06:07:53Z" level=debug msg="filter out a candidate node" node=worker-1
                """);

        assertThat(events).singleElement().satisfies(e -> assertThat(e.getMessage())
                .isEqualTo("0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector."));
    }

    /**
     * flask-vue-kubernetes#1 class: the volume controller's refusal of the volume a claim names (VolumeMismatch) is
     * recorded on the claim, so a row of it alone is about a claim the paste does not name, not a pod.
     */
    @Test
    void aVolumeMismatchRowIsAClaims() {
        List<KubeEvent> events = events("""
                Warning VolumeMismatch 3m51s (x40 over 20m) persistentvolume-controller Cannot bind to requested volume "data-pv": storageClassName does not match
                """);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getInvolvedObject().getKind()).isEqualTo("PersistentVolumeClaim");
            assertThat(e.getMessage()).isEqualTo("Cannot bind to requested volume \"data-pv\": storageClassName does not match");
        });
    }
}
