package dev.incidents.recordings;

import dev.incidents.schemas.Container;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.PodSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kubectl get pods} tables pasted into tickets (rows verbatim from the public threads cited), each row a Pod
 * snapshot at {@code now}: phase, container reasons, restart counts, node and namespace as the row gives them.
 */
class PodsTableTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final ReadOptions OPTIONS = new ReadOptions("test", NOW);

    private final List<Rejection> rejections = new ArrayList<>();

    private List<Recorded> read(String text) {
        return Recordings.read("paste.txt", text, OPTIONS, rejections::add);
    }

    private List<PodSnapshot> pods(String text) {
        List<PodSnapshot> pods = read(text).stream().map(Recorded::value).filter(PodSnapshot.class::isInstance)
                .map(PodSnapshot.class::cast).toList();
        assertThat(rejections).isEmpty();
        return pods;
    }

    private PodSnapshot pod(List<PodSnapshot> pods, String name) {
        return pods.stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    /** One row of {@code get pods -A} pasted alone, cut by its reporter after STATUS: no restarts, no age said. */
    @Test
    void aRowAloneCutAfterItsStatus() {
        PodSnapshot pod = pods("""
                kubeflow                    training-operator-8569f97489-zkxbt                            0/1     OOMKilled
                """).get(0);

        assertThat(pod.getNamespace()).isEqualTo("kubeflow");
        assertThat(pod.getName()).isEqualTo("training-operator-8569f97489-zkxbt");
        assertThat(pod.getCreationTimestamp()).isNull();
        assertThat(pod.getContainers().get(0).getRestartCount()).isZero();
        assertThat(pod.getContainers().get(0).getState().getReason()).isEqualTo("OOMKilled");
    }

    /**
     * Rows a reporter condensed to NAME READY STATUS AGE and commented out under their command: read, no restarts
     * said, the age kept, the command's namespace theirs.
     */
    /**
     * A terminal's copy that broke rows at the screen's width: a row alone and a table's row, each with its last cells
     * at the start of the next line, are read as the rows they were.
     */
    @Test
    void rowsBrokenAtTheScreensWidth() {
        String row = "kube-system   rke2-ingress-nginx-controller-d4989f458-bq5gx                         0/1     "
                + "CrashLoopBackOff   9          18m";
        PodSnapshot alone = pods(row.substring(0, 120) + "\n" + row.substring(120) + "\n").get(0);
        assertThat(alone.getName()).isEqualTo("rke2-ingress-nginx-controller-d4989f458-bq5gx");
        assertThat(alone.getContainers().get(0).getRestartCount()).isEqualTo(9);
        String header = "NAME                                              READY   STATUS             RESTARTS   AGE   IP            NODE";
        String wide = "triton-79569cfbbc-m2wcc                           0/1     ImagePullBackOff   0          20m   10.0.1.17     ip-10-0-1-149.ec2.internal";
        List<PodSnapshot> table = pods(header + "\n" + wide.substring(0, 100) + "\n" + wide.substring(100) + "\n");
        assertThat(table).singleElement().satisfies(pod -> {
            assertThat(pod.getName()).isEqualTo("triton-79569cfbbc-m2wcc");
            assertThat(pod.getNodeName()).isEqualTo("ip-10-0-1-149.ec2.internal");
        });
        assertThat(rejections).isEmpty();
    }

    @Test
    void condensedRowsWithoutRestartsCommentedOutUnderTheirCommand() {
        List<PodSnapshot> pods = pods("""
                kubectl get pods -n gpu-embedding -o wide
                # ollama-embeddings-7f7b8747b9-pz27p   0/1   UnexpectedAdmissionError   8d
                # ollama-embeddings-7f7b8747b9-xjf2d   1/1   Running                  11h
                """);

        assertThat(pods).extracting(PodSnapshot::getName)
                .containsExactly("ollama-embeddings-7f7b8747b9-pz27p", "ollama-embeddings-7f7b8747b9-xjf2d");
        PodSnapshot failed = pods.get(0);
        assertThat(failed.getNamespace()).isEqualTo("gpu-embedding");
        assertThat(failed.getCreationTimestamp()).isEqualTo(NOW.minus(Duration.ofDays(8)));
        assertThat(failed.getContainers().get(0).getRestartCount()).isZero();
    }

    /** NVIDIA/gpu-operator#624: {@code -n gpu-operator}, RESTARTS with {@code (4m24s ago)} (kubectl 1.22+). */
    @Test
    void tableWithItsCommandsNamespaceAndRestartsAgo() {
        List<PodSnapshot> pods = pods("""
                kubectl get pods -n gpu-operator
                NAME                                                         READY   STATUS             RESTARTS         AGE
                gpu-feature-discovery-97z5s                                  1/1     Running            1 (75m ago)      13h
                gpu-operator-657c5b798d-xgvgc                                0/1     CrashLoopBackOff   12 (4m24s ago)   67m
                gpu-operator-node-feature-discovery-gc-7cc7ccfff8-7tlsl      1/1     Running            0                50m
                """);

        assertThat(pods).extracting(PodSnapshot::getName).containsExactly("gpu-feature-discovery-97z5s",
                "gpu-operator-657c5b798d-xgvgc", "gpu-operator-node-feature-discovery-gc-7cc7ccfff8-7tlsl");
        assertThat(pods).allSatisfy(p -> assertThat(p.getNamespace()).isEqualTo("gpu-operator"));
        assertThat(pods).allSatisfy(p -> assertThat(p.getObservedAt()).isEqualTo(NOW));
        PodSnapshot looping = pod(pods, "gpu-operator-657c5b798d-xgvgc");
        // a crash-looping container has run: the kubelet keeps the pod Running
        assertThat(looping.getPhase()).isEqualTo("Running");
        assertThat(looping.getCreationTimestamp()).isEqualTo(NOW.minus(Duration.ofMinutes(67)));
        Container c = looping.getContainers().get(0);
        assertThat(c.getName()).isEqualTo(DescribePod.UNNAMED_CONTAINER);
        assertThat(c.getReady()).isFalse();
        assertThat(c.getState().getKind()).isEqualTo("waiting");
        assertThat(c.getState().getReason()).isEqualTo("CrashLoopBackOff");
        assertThat(c.getRestartCount()).isEqualTo(12);
        assertThat(c.getLastState().getKind()).isEqualTo("terminated");
        assertThat(c.getLastState().getFinishedAt()).isEqualTo(NOW.minus(Duration.ofSeconds(4 * 60 + 24)));
        PodSnapshot running = pod(pods, "gpu-feature-discovery-97z5s");
        assertThat(running.getPhase()).isEqualTo("Running");
        assertThat(running.getContainers().get(0).getReady()).isTrue();
        assertThat(running.getContainers().get(0).getState().getKind()).isEqualTo("running");
        assertThat(running.getContainers().get(0).getRestartCount()).isEqualTo(1);
    }

    /**
     * A listing condensed by hand to NAME READY STATUS RESTARTS NODE, its restarts' {@code (2m32s)} without the
     * {@code ago}: still the time since the last restart, joined to the count; a parenthesis after a word is not.
     */
    @Test
    void restartsAgoWithoutTheWordAgo() {
        List<PodSnapshot> pods = pods("""
                $ kubectl -n storage get pods -o wide
                NAME                          READY   STATUS                  RESTARTS      NODE
                osd-0-6464559b58-g8xtx        1/1     Running                 0             lab-worker2
                osd-1-675d76dd79-d8gwz        0/1     Init:CrashLoopBackOff   5 (2m32s)     lab-worker
                """);

        assertThat(pods).extracting(PodSnapshot::getName).containsExactly("osd-0-6464559b58-g8xtx",
                "osd-1-675d76dd79-d8gwz");
        Container init = pod(pods, "osd-1-675d76dd79-d8gwz").getInitContainers().get(0);
        assertThat(init.getRestartCount()).isEqualTo(5);
        assertThat(init.getLastState().getFinishedAt()).isEqualTo(NOW.minus(Duration.ofSeconds(2 * 60 + 32)));
        assertThat(PodsTable.cells("web  0/1  Error (exit)  3  5m")).containsExactly("web", "0/1", "Error", "(exit)",
                "3", "5m");
    }

    /** NVIDIA/gpu-operator#401: {@code kubectl get pods --all-namespaces}, the NAMESPACE column first. */
    /** A listing whose AGE column the reporter cut off: its rows are read, with no creation time. */
    @Test
    void tableWithoutItsAgeColumn() {
        List<PodSnapshot> pods = pods("""
                NAME             READY   STATUS    RESTARTS
                stock-server-0   0/1     Running   1
                stock-server-1   0/1     Running   1
                """);

        assertThat(pods).extracting(PodSnapshot::getName).containsExactly("stock-server-0", "stock-server-1");
        assertThat(pods.get(0).getCreationTimestamp()).isNull();
        assertThat(pods.get(0).getContainers().get(0).getRestartCount()).isEqualTo(1);
    }

    @Test
    void allNamespacesTable() {
        List<PodSnapshot> pods = pods("""
                u18-1:~$ kubectl get pods --all-namespaces
                NAMESPACE      NAME                                                          READY   STATUS             RESTARTS        AGE
                gpu-operator   gpu-operator-56c9cf6799-8qbdv                                 1/1     Running            2 (7m9s ago)    14m
                gpu-operator   gpu-operator-node-feature-discovery-worker-x7jj5              0/1     CrashLoopBackOff   6 (2m16s ago)   14m
                kube-system    calico-node-wlcfd                                             1/1     Running            1 (52m ago)     71m
                """);

        assertThat(pods).extracting(p -> p.getNamespace() + "/" + p.getName()).containsExactly(
                "gpu-operator/gpu-operator-56c9cf6799-8qbdv",
                "gpu-operator/gpu-operator-node-feature-discovery-worker-x7jj5",
                "kube-system/calico-node-wlcfd");
        assertThat(pod(pods, "gpu-operator-node-feature-discovery-worker-x7jj5").getContainers().get(0).getRestartCount())
                .isEqualTo(6);
    }

    /**
     * LibreTexts/metalc#133: {@code kubectl get pods -A -o wide | grep Evict}, the header grepped away (the rows
     * alone); above them the header kubectl prints for {@code -A -o wide}, as a paste with its header has it.
     */
    @Test
    void wideRowsGiveTheNodeAndEvictedPodsFailed() {
        String rows = """
                binderhub        binder-7c5df8bbf6-2vqvt                                     0/1     Evicted    0          38d     <none>           chick18   <none>           <none>
                default          quickstart-nginx-ingress-controller-68c6f57975-t5tc5        0/1     Evicted    0          84d     <none>           chick18   <none>           <none>
                """;
        for (String text : List.of(rows, "NAMESPACE        NAME                                                        READY   STATUS     RESTARTS   AGE     IP               NODE      NOMINATED NODE   READINESS GATES\n" + rows)) {
            List<PodSnapshot> pods = pods(text);
            assertThat(pods).extracting(p -> p.getNamespace() + "/" + p.getName()).containsExactly(
                    "binderhub/binder-7c5df8bbf6-2vqvt", "default/quickstart-nginx-ingress-controller-68c6f57975-t5tc5");
            PodSnapshot evicted = pods.get(0);
            assertThat(evicted.getNodeName()).isEqualTo("chick18");
            assertThat(evicted.getPhase()).isEqualTo("Failed");
            assertThat(evicted.getReason()).isEqualTo("Evicted");
        }
    }

    /**
     * kubernetes/kubernetes#66889 (kubectl 1.8/1.9 {@code -o wide}: IP and NODE only, {@code <none>} for an evicted pod's
     * IP) and helm/helm#12189 ({@code k get pods -n sape-qa-5 -owide}, the header cut after NODE).
     */
    @Test
    void oldWideColumnsAndACutHeader() {
        PodSnapshot old = pods("""
                huan-a             account-local-8447bc8dbc-l5z7b                                 0/1       Evicted             0          32m       <none>            10.171.2.38
                """).get(0);
        assertThat(old.getNamespace()).isEqualTo("huan-a");
        assertThat(old.getNodeName()).isEqualTo("10.171.2.38");
        assertThat(old.getPhase()).isEqualTo("Failed");

        List<PodSnapshot> pods = pods("""
                k get pods -n sape-qa-5 -owide
                NAME                                                                  READY   STATUS             RESTARTS   AGE    IP               NODE
                sape-qa-5-author-baseauth-8374934938-66l9x   0/1     ImagePullBackOff   0          43m    <ip>   sape-kube-worker8
                sape-qa-5-publish-basepub-7544796468-lkvml   0/1     ImagePullBackOff   0          124m   <ip>   sape-kube-worker8
                """);
        assertThat(pods).hasSize(2).allSatisfy(p -> {
            assertThat(p.getNamespace()).isEqualTo("sape-qa-5");
            assertThat(p.getNodeName()).isEqualTo("sape-kube-worker8");
            // an image never pulled: the container has not started, the pod is Pending
            assertThat(p.getPhase()).isEqualTo("Pending");
            assertThat(p.getContainers().get(0).getState().getReason()).isEqualTo("ImagePullBackOff");
        });
    }

    /** kubernetes/kubernetes#17460 (kubectl 1.1): RESTARTS a bare count, ages like {@code 1h}, wide spacing. */
    @Test
    void oldKubectlRestartsWithoutAgo() {
        List<PodSnapshot> pods = pods("""
                $ kubectl get po
                NAME                  READY     STATUS             RESTARTS   AGE
                elasticsearch-attiy   0/1       CrashLoopBackOff   25         1h
                frontend-81lqv        1/1       Running            0          1h
                """);

        Container c = pod(pods, "elasticsearch-attiy").getContainers().get(0);
        assertThat(c.getRestartCount()).isEqualTo(25);
        assertThat(c.getState().getReason()).isEqualTo("CrashLoopBackOff");
        assertThat(c.getLastState()).isNull();
        assertThat(pod(pods, "elasticsearch-attiy").getNamespace()).isEqualTo("default");
    }

    /**
     * Tabs: kubernetes/kubernetes#97131's row as a chat client copies a terminal's table, runs of spaces turned into
     * tabs; kubernetes-sigs/dra-driver-nvidia-gpu#136's rows, whose spacing no longer lines up with the header.
     */
    @Test
    void tabsAndMisalignedCells() {
        PodSnapshot rejected = pods("NAME\tREADY\tSTATUS\tRESTARTS\tAGE\nrojin-2q6ld\t0/1\tUnexpectedAdmissionError\t0\t4s\n").get(0);
        assertThat(rejected.getName()).isEqualTo("rojin-2q6ld");
        assertThat(rejected.getPhase()).isEqualTo("Failed");
        assertThat(rejected.getReason()).isEqualTo("UnexpectedAdmissionError");

        List<PodSnapshot> pods = pods("""
                kubectl get po -n gpu-test3
                NAME    READY   STATUS   RESTARTS   AGE
                pod1      0/1        Pending  0                 4m6s
                pod2      0/1        Pending  0                 4m6s
                """);
        assertThat(pods).extracting(p -> p.getNamespace() + "/" + p.getName() + " " + p.getPhase())
                .containsExactly("gpu-test3/pod1 Pending", "gpu-test3/pod2 Pending");
    }

    /**
     * kubernetes/kubernetes#91215 ({@code kubectl get pod goldpinger-hvww9 -w}, before 1.22): each row a snapshot, the
     * earlier ones as much earlier as the pod was younger, so the pod's restarts and back-offs come in order.
     */
    @Test
    void watchRowsAreTheHistoryInOrder() {
        List<Recorded> records = read("""
                # kubectl get pod goldpinger-hvww9 -w
                NAME               READY   STATUS              RESTARTS   AGE
                goldpinger-hvww9   0/1     ContainerCreating   0          10s
                goldpinger-hvww9   0/1     Running             0          16s
                goldpinger-hvww9   1/1     Running             0          40s
                goldpinger-hvww9   0/1     Running             1          46s
                goldpinger-hvww9   1/1     Running             4          2m40s
                goldpinger-hvww9   0/1     CrashLoopBackOff    4          2m46s
                goldpinger-hvww9   0/1     Running             5          3m37s
                """);
        assertThat(rejections).isEmpty();
        List<PodSnapshot> pods = records.stream().map(r -> (PodSnapshot) r.value()).toList();

        assertThat(pods).extracting(PodSnapshot::getPhase).containsExactly("Pending", "Running", "Running", "Running",
                "Running", "Running", "Running");
        assertThat(pods).extracting(p -> p.getContainers().get(0).getRestartCount()).containsExactly(0, 0, 0, 1, 4, 4, 5);
        assertThat(pods.get(0).getContainers().get(0).getState().getReason()).isEqualTo("ContainerCreating");
        assertThat(pods.get(5).getContainers().get(0).getState().getReason()).isEqualTo("CrashLoopBackOff");
        assertThat(records).extracting(Recorded::time).containsExactly(
                NOW.minusSeconds(217 - 10), NOW.minusSeconds(217 - 16), NOW.minusSeconds(217 - 40),
                NOW.minusSeconds(217 - 46), NOW.minusSeconds(217 - 160), NOW.minusSeconds(217 - 166), NOW);
        // one creation time however many rows: the pod did not change
        assertThat(pods).extracting(PodSnapshot::getCreationTimestamp).containsOnly(NOW.minusSeconds(217));
    }

    /**
     * aws/karpenter-provider-aws#1476 ({@code kubectl get pods -o wide -w | grep triton}, the header grepped away): the
     * first three rows are the listing printed at once, then the watch's rows; a pod's second row is 51 s after its
     * first (28s to 79s old), so the listing is 51 s before the rejection, the running replica before it.
     */
    @Test
    void watchOfSeveralPodsKeepsTheListingBeforeTheChanges() {
        List<Recorded> records = read("""
                triton-766b8c8dcb-6m8td          0/2     Pending           0          28s     <none>          ip-10-32-136-67.eu-west-1.compute.internal    <none>           <none>
                triton-766b8c8dcb-gm5nx          0/2     PodInitializing   0          2m49s   10.32.131.31    ip-10-32-134-204.eu-west-1.compute.internal   <none>           <none>
                triton-766b8c8dcb-pglxv          2/2     Running           1          8d      10.32.138.149   ip-10-32-148-227.eu-west-1.compute.internal   <none>           <none>
                triton-766b8c8dcb-6m8td          0/2     OutOfnvidia.com/gpu   0          79s     <none>          ip-10-32-136-67.eu-west-1.compute.internal    <none>           <none>
                triton-766b8c8dcb-gss28          0/2     Pending               0          0s      <none>          <none>                                        <none>           <none>
                """);
        assertThat(rejections).isEmpty();
        assertThat(records).extracting(r -> ((PodSnapshot) r.value()).getName() + " " + ((PodSnapshot) r.value()).getPhase()
                + " " + r.time()).containsExactly(
                "triton-766b8c8dcb-6m8td Pending " + NOW.minusSeconds(51),
                "triton-766b8c8dcb-gm5nx Pending " + NOW.minusSeconds(51),
                "triton-766b8c8dcb-pglxv Running " + NOW.minusSeconds(51),
                "triton-766b8c8dcb-6m8td Failed " + NOW,
                "triton-766b8c8dcb-gss28 Pending " + NOW);
        PodSnapshot rejected = (PodSnapshot) records.get(3).value();
        assertThat(rejected.getReason()).isEqualTo("OutOfnvidia.com/gpu");
        assertThat(rejected.getNodeName()).isEqualTo("ip-10-32-136-67.eu-west-1.compute.internal");
        assertThat(rejected.getContainers()).hasSize(2);
    }

    /**
     * dgkanatsios/CKAD-exercises#176: {@code kubectl get pods nginx-d645d84b6-ftbwc -w}, the rows not lined up with the
     * header (each watch event is printed on its own).
     */
    @Test
    void watchRowsOfAnImagePull() {
        List<PodSnapshot> pods = pods("""
                $ kubectl get pods nginx-d645d84b6-ftbwc -w
                NAME                    READY   STATUS         RESTARTS   AGE
                nginx-d645d84b6-ftbwc   0/1     ImagePullBackOff   0          77s
                nginx-d645d84b6-ftbwc   0/1     ErrImagePull       0          108s
                nginx-d645d84b6-ftbwc   0/1     ImagePullBackOff   0          2m1s
                """);
        assertThat(pods).extracting(p -> p.getContainers().get(0).getState().getReason())
                .containsExactly("ImagePullBackOff", "ErrImagePull", "ImagePullBackOff");
        assertThat(pods).extracting(PodSnapshot::getObservedAt).containsExactly(
                NOW.minusSeconds(121 - 77), NOW.minusSeconds(121 - 108), NOW);
    }

    /** Init containers: NVIDIA/gpu-operator#1848 ({@code oc get pods}), #528 (rows pasted without their header). */
    @Test
    void initContainerStatuses() {
        List<PodSnapshot> pods = pods("""
                % oc get pods -n nvidia-gpu-operator
                NAME                                                  READY   STATUS       RESTARTS        AGE
                nvidia-cuda-validator-wgs28                           0/1     Init:Error   3 (39s ago)     56s
                nvidia-operator-validator-99l6b                       0/1     Init:2/4     41 (104s ago)   4h37m
                """);
        PodSnapshot failing = pod(pods, "nvidia-cuda-validator-wgs28");
        assertThat(failing.getPhase()).isEqualTo("Pending");
        Container init = failing.getInitContainers().get(0);
        assertThat(init.getName()).isEqualTo(PodsTable.UNNAMED_INIT_CONTAINER);
        assertThat(init.getState().getKind()).isEqualTo("terminated");
        assertThat(init.getState().getReason()).isEqualTo("Error");
        assertThat(init.getRestartCount()).isEqualTo(3);
        assertThat(failing.getContainers()).singleElement()
                .satisfies(c -> assertThat(c.getState().getReason()).isEqualTo("PodInitializing"));

        PodSnapshot progressing = pod(pods, "nvidia-operator-validator-99l6b");
        assertThat(progressing.getInitContainers()).extracting(Container::getName).containsExactly(
                "unnamed-init-container-1", "unnamed-init-container-2", "unnamed-init-container-3", "unnamed-init-container-4");
        assertThat(progressing.getInitContainers()).extracting(c -> c.getState().getKind() + " " + c.getState().getReason())
                .containsExactly("terminated Completed", "terminated Completed", "running null", "waiting PodInitializing");
        assertThat(progressing.getInitContainers().get(2).getRestartCount()).isEqualTo(41);

        List<PodSnapshot> bare = pods("""
                nvidia-device-plugin-validator-whr6m             0/1     Init:CrashLoopBackOff   5 (2m18s ago)   5m25s
                nvidia-operator-validator-d5c26                  0/1     Init:CrashLoopBackOff   4 (24s ago)     25m
                """);
        assertThat(bare).hasSize(2).allSatisfy(p -> {
            assertThat(p.getInitContainers().get(0).getState().getReason()).isEqualTo("CrashLoopBackOff");
            assertThat(p.getPhase()).isEqualTo("Pending");
        });
    }

    /** kubernetes/kubernetes#117955 (Completed beside UnexpectedAdmissionError); hmcts/cnp-flux-config#28772 (OOMKilled). */
    @Test
    void terminatedReasonsAndAdmissionRejections() {
        List<PodSnapshot> pods = pods("""
                $ kubectl  get pods | grep cuda
                cuda-sample-2-29z5v                                          0/1     Completed                  0          23s
                cuda-sample-lt2jq                                            0/1     UnexpectedAdmissionError   0          72s
                """);
        PodSnapshot done = pod(pods, "cuda-sample-2-29z5v");
        assertThat(done.getPhase()).isEqualTo("Succeeded");
        assertThat(done.getContainers().get(0).getState().getReason()).isEqualTo("Completed");
        assertThat(done.getContainers().get(0).getState().getExitCode()).isZero();
        assertThat(pod(pods, "cuda-sample-lt2jq").getPhase()).isEqualTo("Failed");

        PodSnapshot oom = pods("""
                kubectl get pods
                NAME                                                 READY   STATUS      RESTARTS      AGE
                tax-tribunals-application-base-74464f6b98-2kj6g      0/1     OOMKilled   4 (57s ago)   2m40s
                """).get(0);
        // kubectl shows a restarting container's OOMKilled from its current (terminated) state; it restarts: Running
        assertThat(oom.getPhase()).isEqualTo("Running");
        Container c = oom.getContainers().get(0);
        assertThat(c.getState().getKind()).isEqualTo("terminated");
        assertThat(c.getState().getReason()).isEqualTo("OOMKilled");
        assertThat(c.getRestartCount()).isEqualTo(4);
        assertThat(c.getLastState().getFinishedAt()).isEqualTo(NOW.minusSeconds(57));
    }

    /** canonical/microk8s#1370: {@code kubectl get all} prints pod rows as {@code pod/<name>}. */
    @Test
    void getAllRowsNamePodSlashName() {
        List<PodSnapshot> pods = pods("""
                mynamespace                       pod/rapidsai-scheduler-7675655dc6-9qxtq                       0/1     ErrImagePull   0          60s
                mynamespace                       pod/rapidsai-worker-77c9d9d8cb-6jmlt                          0/1     Evicted        0          60s
                """);
        assertThat(pods).extracting(p -> p.getNamespace() + "/" + p.getName() + " " + p.getPhase()).containsExactly(
                "mynamespace/rapidsai-scheduler-7675655dc6-9qxtq Pending", "mynamespace/rapidsai-worker-77c9d9d8cb-6jmlt Failed");
    }

    /**
     * Every STATUS word kubectl prints for a pod, as the phase the kubelet sets with it and where the word goes. The
     * rows are written as kubectl prints them; the pod names are ours.
     */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            0/1 | Pending                    | 0 | Pending   | -                          | -
            0/1 | ContainerCreating          | 0 | Pending   | waiting                    | ContainerCreating
            0/1 | PodInitializing            | 0 | Pending   | waiting                    | PodInitializing
            1/1 | Running                    | 0 | Running   | running                    | -
            0/1 | Completed                  | 0 | Succeeded | terminated                 | Completed
            0/1 | Completed                  | 4 | Succeeded | terminated                 | Completed
            0/1 | Error                      | 0 | Failed    | terminated                 | Error
            0/1 | Error                      | 3 | Running   | terminated                 | Error
            0/1 | OOMKilled                  | 2 | Running   | terminated                 | OOMKilled
            0/1 | CrashLoopBackOff           | 7 | Running   | waiting                    | CrashLoopBackOff
            0/1 | ErrImagePull               | 0 | Pending   | waiting                    | ErrImagePull
            0/1 | ImagePullBackOff           | 0 | Pending   | waiting                    | ImagePullBackOff
            0/1 | InvalidImageName           | 0 | Pending   | waiting                    | InvalidImageName
            0/1 | CreateContainerConfigError | 0 | Pending   | waiting                    | CreateContainerConfigError
            0/1 | CreateContainerError       | 0 | Pending   | waiting                    | CreateContainerError
            0/1 | RunContainerError          | 1 | Running   | waiting                    | RunContainerError
            0/1 | StartError                 | 1 | Running   | terminated                 | StartError
            0/1 | ContainerCannotRun         | 0 | Failed    | terminated                 | ContainerCannotRun
            0/1 | Init:0/2                   | 0 | Pending   | init running               | -
            0/1 | Init:Error                 | 1 | Pending   | init terminated            | Error
            0/1 | Init:CrashLoopBackOff      | 4 | Pending   | init waiting               | CrashLoopBackOff
            0/1 | Init:OOMKilled             | 1 | Pending   | init terminated            | OOMKilled
            0/1 | Evicted                    | 0 | Failed    | pod                        | Evicted
            1/1 | Terminating                | 0 | Running   | running                    | -
            0/1 | Unknown                    | 0 | Unknown   | -                          | -
            0/1 | NodeLost                   | 0 | Unknown   | pod                        | NodeLost
            0/1 | UnexpectedAdmissionError   | 0 | Failed    | pod                        | UnexpectedAdmissionError
            0/1 | OutOfnvidia.com/gpu        | 0 | Failed    | pod                        | OutOfnvidia.com/gpu
            0/1 | SchedulingGated            | 0 | Pending   | -                          | -
            0/1 | ErrImageNeverPull          | 0 | Pending   | waiting                    | ErrImageNeverPull
            """)
    void everyStatusWord(String ready, String status, int restarts, String phase, String where, String reason) {
        PodSnapshot pod = pods("NAME              READY   STATUS   RESTARTS   AGE\nvllm-7d9f8b6c5d-x2x9z   "
                + ready + "   " + status + "   " + restarts + "   13m\n").get(0);

        assertThat(pod.getPhase()).isEqualTo(phase);
        if (where == null) {
            assertThat(pod.getReason()).isNull();
            return;
        }
        switch (where) {
            case "pod" -> assertThat(pod.getReason()).isEqualTo(reason);
            case "running", "waiting", "terminated" -> {
                Container c = pod.getContainers().get(0);
                assertThat(c.getState().getKind()).isEqualTo(where);
                assertThat(c.getState().getReason()).isEqualTo(reason);
                assertThat(c.getRestartCount()).isEqualTo(restarts);
            }
            default -> {
                Container init = pod.getInitContainers().get(0);
                assertThat(init.getState().getKind()).isEqualTo(where.substring("init ".length()));
                assertThat(init.getState().getReason()).isEqualTo(reason);
                assertThat(pod.getContainers().get(0).getState().getReason()).isEqualTo("PodInitializing");
            }
        }
        if ("Terminating".equals(status)) {
            assertThat(pod.getDeletionTimestamp()).isEqualTo(NOW);
        }
        if ("SchedulingGated".equals(status)) {
            assertThat(pod.getConditions()).singleElement().satisfies(c -> assertThat(c.getReason()).isEqualTo("SchedulingGated"));
        }
    }

    /** A STATUS word this does not know: the phase guess stays, the word is the waiting reason. */
    @Test
    void unknownStatusWordIsAWaitingReason() {
        PodSnapshot pod = pods("""
                NAME                    READY   STATUS               RESTARTS   AGE
                triton-0                1/2     PreStartHookError    3          3d
                """).get(0);
        assertThat(pod.getPhase()).isEqualTo("Running");
        assertThat(pod.getContainers()).extracting(Container::getName)
                .containsExactly("unnamed-container-1", "unnamed-container-2");
        assertThat(pod.getContainers()).extracting(Container::getReady).containsExactly(false, true);
        assertThat(pod.getContainers().get(0).getState().getReason()).isEqualTo("PreStartHookError");
        assertThat(pod.getContainers().get(0).getRestartCount()).isEqualTo(3);
        assertThat(pod.getContainers().get(1).getState().getKind()).isEqualTo("running");
    }

    /** A row that does not fit its header is rejected with its line; the rows around it are read. */
    @Test
    void rowThatDoesNotFitTheHeaderIsRejected() {
        List<Recorded> records = read("""
                NAME                                    READY   STATUS             RESTARTS       AGE
                vllm-7d9f8b6c5d-x2x9z                   0/1     CrashLoopBackOff   5 (2m ago)
                vllm-7d9f8b6c5d-q8r7t                   0/1     CrashLoopBackOff   five           13m
                triton-0                                1/2     Running            0              3d
                """);

        assertThat(records).extracting(Recorded::key).containsExactly("test/default/triton-0");
        assertThat(rejections).extracting(Rejection::line).containsExactly(2L, 3L);
        assertThat(rejections.get(0).reason()).contains("4 cells under a header of 5 columns");
        assertThat(rejections.get(1).reason()).contains("RESTARTS 'five'");
    }

    /** Prose around a table, and the next command right under it, are neither rows nor rejections. */
    @Test
    void tableEndsAtTheNextCommand() {
        List<PodSnapshot> pods = pods("""
                The pod keeps restarting:
                $ kubectl get pods
                NAME                    READY   STATUS             RESTARTS   AGE
                vllm-7d9f8b6c5d-x2x9z   0/1     CrashLoopBackOff   5          13m
                $ kubectl logs vllm-7d9f8b6c5d-x2x9z
                Loading model weights 1/2 done in 0 s, 13m remaining
                """);
        assertThat(pods).extracting(PodSnapshot::getName).containsExactly("vllm-7d9f8b6c5d-x2x9z");
    }

    /**
     * The paste of a support thread: {@code get pods} of the namespace, the Events of one pod (its namespace from
     * {@code Successfully assigned}), and a describe of another pod. The described pod keeps its describe's snapshot
     * (its row is left out: the describe shows the same moment with its containers' names); the other rows become
     * pods in the namespace the events give. Rows from luksa/kubernetes-in-action#37 and kubernetes/kubernetes#41539.
     */
    @Test
    void getPodsEventsAndDescribeInOnePaste() {
        List<Recorded> records = read("""
                controlplane $ k get pod
                NAME                                       READY     STATUS              RESTARTS   AGE
                curl                                       0/1       ErrImagePull        0          5s
                fdsa-3434843510-d0kg1                      0/1       ImagePullBackOff    0          5h

                here is the events:
                Events:
                  Type     Reason     Age               From                   Message
                  ----     ------     ----              ----                   -------
                  Normal   Scheduled  18s               default-scheduler      Successfully assigned shop/curl to controlplane
                  Warning  Failed     2s (x2 over 16s)  kubelet, controlplane  Failed to pull image "tutum/curl": rpc error: code = Unknown desc = Error response from daemon: pull access denied for tutum/curl, repository does not exist or may require 'docker login'

                Name:         fdsa-3434843510-d0kg1
                Namespace:    shop
                Node:         controlplane/10.0.0.5
                Status:       Pending
                Controlled By:  ReplicaSet/fdsa-3434843510
                Containers:
                  fdsa:
                    Image:          fdsa:latest
                    State:          Waiting
                      Reason:       ImagePullBackOff
                    Ready:          False
                    Restart Count:  0
                """);
        assertThat(rejections).isEmpty();

        List<PodSnapshot> pods = records.stream().map(Recorded::value).filter(PodSnapshot.class::isInstance)
                .map(PodSnapshot.class::cast).toList();
        assertThat(pods).extracting(p -> p.getNamespace() + "/" + p.getName()).containsExactly(
                "shop/curl", "shop/fdsa-3434843510-d0kg1");
        assertThat(pod(pods, "fdsa-3434843510-d0kg1").getContainers()).extracting(Container::getName).containsExactly("fdsa");
        assertThat(pod(pods, "curl").getContainers().get(0).getState().getReason()).isEqualTo("ErrImagePull");
        assertThat(records.stream().map(Recorded::value).filter(KubeEvent.class::isInstance).count()).isEqualTo(2);
    }

    /** The row of a pod whose headless describe fragment is pasted too comes first, so the fragment wins. */
    @Test
    void aHeadlessFragmentOfTheSamePodComesAfterItsRow() {
        List<Recorded> records = read("""
                tax-tribunals-application-base-74464f6b98-2kj6g      0/1     OOMKilled   4 (57s ago)   2m40s

                    Last State:     Terminated
                      Reason:       OOMKilled
                      Exit Code:    137
                Events:
                  Type     Reason     Age   From               Message
                  ----     ------     ----  ----               -------
                  Normal   Scheduled  3m   default-scheduler  Successfully assigned tax/tax-tribunals-application-base-74464f6b98-2kj6g to aks-node-1
                """);
        assertThat(rejections).isEmpty();
        List<PodSnapshot> pods = records.stream().map(Recorded::value).filter(PodSnapshot.class::isInstance)
                .map(PodSnapshot.class::cast).toList();
        assertThat(pods).extracting(PodSnapshot::getNamespace).containsOnly("tax");
        assertThat(pods).hasSize(2);
        assertThat(pods.get(1).getContainers().get(0).getLastState().getExitCode()).isEqualTo(137);
    }

    /**
     * hmcts/cnp-flux-config#28772 verbatim: the one pod's row, then the {@code Last State} lines of its describe. The
     * lines are that pod's (the paste lists no other), not an unnamed one's.
     */
    @Test
    void aStateBlockUnderTheOnlyPodsRowIsThatPods() {
        List<PodSnapshot> pods = pods("""
                kubectl get pods
                NAME                                                 READY   STATUS      RESTARTS      AGE
                tax-tribunals-application-base-74464f6b98-2kj6g      0/1     OOMKilled   4 (57s ago)   2m40s
                ```

                ```
                    Last State:     Terminated
                      Reason:       OOMKilled

                ```
                """);
        assertThat(pods).extracting(PodSnapshot::getName).containsOnly("tax-tribunals-application-base-74464f6b98-2kj6g");
        assertThat(pods).hasSize(2);
        assertThat(pods.get(1).getContainers().get(0).getLastState().getReason()).isEqualTo("OOMKilled");
        // what the State lines leave out, the row says
        assertThat(pods.get(1).getContainers().get(0).getRestartCount()).isEqualTo(4);
        assertThat(pods.get(1).getCreationTimestamp()).isEqualTo(NOW.minusSeconds(160));
    }

    /** An Events table that names no pod, pasted with the one pod's row: its events are that pod's. */
    @Test
    void anEventsTableNamingNoPodIsTheOnlyListedPods() {
        List<Recorded> records = read("""
                NAME                                       READY   STATUS             RESTARTS       AGE
                gpu-operator-657c5b798d-xgvgc              0/1     CrashLoopBackOff   12 (4m24s ago)   67m
                Events:
                  Type     Reason   Age                     From     Message
                  ----     ------   ----                    ----     -------
                  Warning  BackOff  2m10s (x290 over 67m)   kubelet  Back-off restarting failed container
                """);
        assertThat(rejections).isEmpty();
        assertThat(records).extracting(Recorded::key).containsExactlyInAnyOrder(
                "test/default/gpu-operator-657c5b798d-xgvgc", "test/default/Pod/gpu-operator-657c5b798d-xgvgc");
    }

    /** cilium#42816: the listed pod's NAMESPACE column names the namespace of a fragment that names the pod. */
    @Test
    void theListedRowsNamespaceIsTheFragmentsToo() {
        List<Recorded> records = read("""
                NAMESPACE       NAME                          READY   STATUS    RESTARTS   AGE
                cilium-test-2   lrp-backend-6d6784c5f-qqz4w   0/1     Pending   0          5m47s
                Events:
                  Type     Reason            Age   From               Message
                  ----     ------            ----  ----               -------
                  Warning  FailedScheduling  5m    default-scheduler  0/3 nodes are available: 1 Too many pods.
                """);
        assertThat(rejections).isEmpty();
        assertThat(records).extracting(Recorded::key).containsExactlyInAnyOrder(
                "test/cilium-test-2/lrp-backend-6d6784c5f-qqz4w", "test/cilium-test-2/Pod/lrp-backend-6d6784c5f-qqz4w");
    }

    /** pangeo#274: -o wide rows under their command, without the header and without READINESS GATES. */
    @Test
    void wideRowsUnderTheirCommandWithoutHeader() {
        List<Recorded> records = read("""
                `kubectl get pods --namespace nasa-staging -o wide`
                hub-b55dd58f7-6nqpn          0/1       Evicted   0          10h       <none>           ip-192-168-42-166.ec2.internal   <none>
                """);
        assertThat(rejections).isEmpty();
        assertThat(records).extracting(Recorded::key).containsExactly("test/nasa-staging/hub-b55dd58f7-6nqpn");
    }

    /**
     * cloud-on-k8s#2259: `get all` rows of three replicas `0/1 Running`, none failing by its status, and a probe
     * failure row that names no pod: the events are the unready replicas' workload's, told by the first of them.
     */
    @Test
    void anObjectlessRowBesideUnreadyReplicasIsTheirs() {
        List<Recorded> records = read("""
                pod/cache-6d4b9c7f58-x2kzq   1/1     Running   0          28h
                pod/es-basic-0               0/1     Running   0          28h
                pod/es-basic-1               0/1     Running   0          28h

                  Warning  Unhealthy  19s (x15444 over 28h)  kubelet, node-002  Readiness probe failed:
                """);
        assertThat(rejections).isEmpty();
        assertThat(records).extracting(Recorded::key).contains("test/default/Pod/es-basic-0");
    }

    /**
     * kubernetes/k8s.io#7984: a {@code get pods -A} listing, then get-events rows without their NAMESPACE column about
     * the listed pods: the rows are in the namespace the listing gives each pod, not the paste's default.
     */
    @Test
    void eventRowsAboutListedPodsTakeTheirNamespace() {
        List<Recorded> records = read("""
                kyverno   kyverno-cleanup-reports-29034490-htbzn   0/1   ImagePullBackOff   0   26d   172.20.83.193   compute-4   <none>   <none>
                kube-system   coredns-5d78c9869d-2xk8p   1/1   Running   0   26d   172.20.83.2   compute-0   <none>   <none>

                8m49s   Warning   Failed   pod/kyverno-cleanup-reports-29034490-htbzn   Failed to pull image "bitnami/kubectl:1.26.4": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/bitnami/kubectl:1.26.4": no match for platform in manifest: not found
                """);
        assertThat(rejections).isEmpty();
        assertThat(records).filteredOn(r -> r.value() instanceof KubeEvent).singleElement().satisfies(r -> {
            KubeEvent e = (KubeEvent) r.value();
            assertThat(e.getInvolvedObject().getNamespace()).isEqualTo("kyverno");
            assertThat(e.getReason()).isEqualTo("Failed");
        });
    }

    /**
     * A homework evidence file: a pod listed and its get-events row, no namespace printed but in kubectl's report of
     * the pod's deletion ({@code pod "x" deleted from ns namespace}, kubectl 1.33 and later): the pod's namespace.
     */
    @Test
    void aDeletionReportNamesTheListedPodsNamespace() {
        List<Recorded> records = read("""
                pod/pending-demo created
                NAME           READY   STATUS    RESTARTS   AGE
                pending-demo   0/1     Pending   0          3s
                LAST SEEN   TYPE      REASON             OBJECT             MESSAGE
                3s          Warning   FailedScheduling   pod/pending-demo   0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector.
                pod "pending-demo" deleted from homework-s14 namespace
                """);
        assertThat(rejections).isEmpty();
        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r.value() instanceof KubeEvent e
                ? e.getInvolvedObject().getNamespace()
                : ((dev.incidents.schemas.PodSnapshot) r.value()).getNamespace()).isEqualTo("homework-s14"));
    }
    /**
     * kubeflow#421: a describe cut after its Status line, below the listing that shows the same pod crash-looping: the
     * describe keeps its node and labels, the row gives what the cut left out (the container's back-off, the restarts).
     */
    @Test
    void aDescribeCutBeforeItsContainersTakesThemFromThePodsRow() {
        List<PodSnapshot> pods = pods("""
                NAME                              READY     STATUS             RESTARTS   AGE
                inception-858476d4c4-cr49s        0/1       CrashLoopBackOff   6          10m
                tf-hub-0                          1/1       Running            0          10m

                Name:           inception-858476d4c4-cr49s
                Namespace:      default
                Node:           192.168.2.21/192.168.2.21
                Labels:         app=inception
                Status:         Running
                """);

        PodSnapshot described = pod(pods, "inception-858476d4c4-cr49s");
        assertThat(pods.stream().filter(p -> p.getName().equals("inception-858476d4c4-cr49s"))).hasSize(1);
        assertThat(described.getNodeName()).isEqualTo("192.168.2.21");
        assertThat(described.getContainers()).singleElement().satisfies(c -> {
            assertThat(c.getState().getReason()).isEqualTo("CrashLoopBackOff");
            assertThat(c.getRestartCount()).isEqualTo(6);
        });
        assertThat(described.getCreationTimestamp()).isEqualTo(NOW.minus(Duration.ofMinutes(10)));
    }
    /**
     * A describe's Events table cut by {@code sed} to its rows, below a listing where pods of several workloads fail by
     * their status and others are only unready: the rows are the one Pending pod's (a FailedScheduling), not the unready
     * ones'.
     */
    @Test
    void unreadyPodsBesideSeveralFailingWorkloadsAreNotTheEventsPod() {
        List<Recorded> records = read("""
                kubectl -n colis get pods
                NAME                        READY   STATUS             RESTARTS      AGE
                api-7778857c89-7bdl8        0/1     CrashLoopBackOff   3 (41s ago)   90s
                postgres-8566cf9d45-l2l7n   0/1     Pending            0             90s
                web-84d6645754-8vj4v        0/1     Running            0             90s

                kubectl -n colis describe pod -l app=postgres | sed -n '/^Events:/,$p'
                Events:
                  Type     Reason            Age   From               Message
                  ----     ------            ----  ----               -------
                  Warning  FailedScheduling  85s   default-scheduler  0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.
                """);

        assertThat(rejections).isEmpty();
        assertThat(records).map(Recorded::value).filteredOn(KubeEvent.class::isInstance).map(KubeEvent.class::cast)
                .singleElement().satisfies(e -> {
                    assertThat(e.getInvolvedObject().getName()).isEqualTo("postgres-8566cf9d45-l2l7n");
                    assertThat(e.getNamespace()).isEqualTo("colis");
                });
    }

    /**
     * sina14's day-16 notes: bare pods named like one StatefulSet's (memory-demo-2 crash-looping, memory-demo-3
     * Pending) beside a headless Events table of a FailedScheduling: replicas failing differently are not one failure,
     * so the verdict is the Pending pod's, not the first failing pod's.
     */
    @Test
    void aVerdictBesidePodsFailingDifferentlyIsThePendingOnes() {
        List<Recorded> records = read("""
                root@localhost:~# kubectl get pod -n mem-example
                NAME            READY   STATUS             RESTARTS     AGE
                memory-demo     1/1     Running            0            17m
                memory-demo-2   0/1     CrashLoopBackOff   7 (3m ago)   14m
                memory-demo-3   0/1     Pending            0            20s

                Events:
                  Type     Reason            Age   From               Message
                  ----     ------            ----  ----               -------
                  Warning  FailedScheduling  86s   default-scheduler  0/3 nodes are available: 1 Insufficient memory, 1 node(s) had untolerated taint {gpu: true}.
                """);
        assertThat(records).filteredOn(r -> r.value() instanceof dev.incidents.schemas.KubeEvent)
                .extracting(r -> ((dev.incidents.schemas.KubeEvent) r.value()).getInvolvedObject().getName())
                .containsExactly("memory-demo-3");
    }

    /**
     * kubernetes#54870: a Job (restart policy Never) whose command cannot run replaces each pod that failed with a new
     * one, each ended without a restart; a DaemonSet's pods would restart in place. Named {@code <prefix>-<5>} either
     * way, they are the Job's. Rows of one pod printed by a watch, or of a ReplicaSet's pods, are not.
     */
    @Test
    void podsEndedWithoutRestartsAtDifferentMomentsAreAJobs() {
        List<PodSnapshot> pods = pods("""
                NAME             READY     STATUS               RESTARTS   AGE
                pod-test         1/1       Running              0          6h
                test-job-2h5vp   0/1       ContainerCannotRun   0          13s
                test-job-4c2xz   0/1       ContainerCannotRun   0          24s
                test-job-6bcqc   0/1       ContainerCannotRun   0          8s
                """);
        assertThat(pod(pods, "test-job-2h5vp").getOwners()).extracting(o -> o.getKind() + "/" + o.getName())
                .containsExactly("Job/test-job");
        List<PodSnapshot> rollout = pods("""
                NAME             READY     STATUS    RESTARTS   AGE
                agent-2h5vp      0/1       Error     0          13s
                agent-4c2xz      0/1       Error     0          14s
                """);
        assertThat(pod(rollout, "agent-2h5vp").getOwners()).extracting(o -> o.getKind())
                .doesNotContain("Job");
    }
}
