package dev.incidents.analyzer.replay;

import static dev.incidents.analyzer.Kube.podEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.Container;
import dev.incidents.schemas.PodSnapshot;
import java.time.Duration;
import java.time.Instant;
import dev.incidents.analyzer.Kube;
import dev.incidents.analyzer.IncidentTopology;
import dev.incidents.analyzer.correlate.SubjectState;
import org.apache.kafka.streams.state.KeyValueStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayLifecycleTest {

    static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");
    static final String POD = "triton-79569cfbbc-m2wcc";
    static final String NODE = "ip-10-0-1-149.ec2.internal";
    static final String DISK_FULL = "Failed to pull image \"478253497479.dkr.ecr.us-east-1.amazonaws.com/triton:resnet50\": "
            + "failed to pull and unpack image \"478253497479.dkr.ecr.us-east-1.amazonaws.com/triton:resnet50\": "
            + "failed to extract layer: write /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/360/fs/x.pdf: "
            + "no space left on device";

    @Test
    void a_single_disk_full_pull_opens_an_incident_at_the_end_of_input() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            KubeEvent failed = podEvent(POD, "Warning", "Failed", DISK_FULL, T0, "uid-1", NODE);
            replay.event(failed, T0);
            assertThat(replay.transitions()).isEmpty();
            Replay.Result result = replay.finish();
            assertThat(result.latest()).hasSize(1);
            Incident incident = result.latest().get(0);
            assertThat(incident.getId()).isEqualTo("test/inference/Deployment/triton/IMAGE_PULL_DISK_FULL");
            assertThat(incident.getStatus()).isEqualTo(IncidentStatus.OPEN);
            assertThat(incident.getNodes()).containsExactly(NODE);
            assertThat(incident.getPods()).containsExactly(POD);
            List<String> commands = incident.getRemediation().stream().flatMap(s -> s.getCommands().stream()).toList();
            assertThat(commands).anyMatch(c -> c.contains("kubectl describe node " + NODE));
            assertThat(commands).anyMatch(c -> c.contains("kubectl delete pod " + POD));
            assertThat(commands).noneMatch(c -> c.contains("{"));
            assertThat(incident.getCauses().get(0).getEvidence()).anyMatch(e -> e.contains("/var/lib/containerd"));
        }
    }

    /**
     * A pasted {@code kubectl get events}: one Failed 25 minutes ago, then a Pulled 19 s ago. The grace ended long
     * before the next record arrived; the failure outlasted it, so it was an incident (since gone quiet).
     */
    @Test
    void a_failure_that_outlasted_its_grace_opens_even_when_the_next_record_comes_after_the_quiet_period() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(podEvent(POD, "Warning", "Failed", "Error: secret \"godaddy\" not found", T0, "f-1", NODE), T0);
            replay.event(podEvent(POD, "Normal", "Pulled", "Container image \"traefik:v2.4\" already present on machine",
                    at(25 * 60), "p-1", NODE), at(25 * 60));
            List<Incident> transitions = replay.finish().transitions();
            assertThat(statuses(transitions, "CONFIG_ERROR")).startsWith("OPEN");
        }
    }

    @Test
    void an_init_container_in_create_container_config_error_is_a_config_error() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            PodSnapshot pod = Kube.pod("triton", POD, NODE, T0, "Pending", Kube.waiting("PodInitializing"), null, 0, false);
            pod = withInitContainer(pod, "init-config", Kube.waiting("CreateContainerConfigError"), 0);
            replay.pod("test/inference/" + POD, pod, T0);
            List<Incident> latest = replay.finish().latest();
            assertThat(latest).extracting(Incident::getCategory).contains("CONFIG_ERROR");
        }
    }

    /**
     * gpu-operator#1563: a {@code kubectl get pods} row in {@code Init:ImagePullBackOff} and no event: the pod's status
     * says its pull fails, not why. IMAGE_NOT_FOUND as a guess (what such failures most often are), said as one in its
     * title and cause; the explained failure of the same pod decides the category.
     */
    @Test
    void a_container_waiting_on_its_image_pull_is_a_missing_image_as_a_guess() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            PodSnapshot pod = Kube.pod("triton", POD, NODE, T0, "Pending", Kube.waiting("PodInitializing"), null, 0, false);
            pod = withInitContainer(pod, "toolkit-validation", Kube.waiting("ImagePullBackOff"), 0);
            replay.pod("test/inference/" + POD, pod, T0);
            List<Incident> latest = replay.finish().latest();
            assertThat(latest).extracting(Incident::getId)
                    .containsExactly("test/inference/Deployment/triton/IMAGE_NOT_FOUND");
            assertThat(latest.get(0).getTitle()).startsWith("Image pull for triton keeps failing: most likely");
            assertThat(latest.get(0).getCauses().get(0).getCause()).startsWith("The evidence shows the pull failing");
        }
    }

    /**
     * The guess gives way: a listing's ImagePullBackOff first, then (within the longer grace a guess waits) the kubelet's
     * own error saying the registry timed out. One incident, IMAGE_PULL_FAILED; the guess never opens.
     */
    @Test
    void an_explained_pull_failure_after_an_unexplained_one_wins_over_the_guess() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            PodSnapshot pod = Kube.pod("triton", POD, NODE, T0, "Pending", Kube.waiting("ImagePullBackOff"), null, 0,
                    false);
            replay.pod("test/inference/" + POD, pod, T0);
            replay.event(podEvent(POD, "Warning", "Failed", "Failed to pull image \"nvcr.io/nvidia/tritonserver:24.05\": "
                    + "rpc error: code = Unknown desc = failed to pull and unpack image: dial tcp 10.0.0.1:443: i/o timeout",
                    at(60), "f-1", NODE), at(60));
            replay.event(podEvent(POD, "Warning", "Failed", "Error: ImagePullBackOff", at(240), "f-2", NODE), at(240));
            List<Incident> transitions = replay.finish().transitions();
            assertThat(transitions).extracting(Incident::getCategory).containsOnly("IMAGE_PULL_FAILED");
        }
    }

    /**
     * A guess that opened (the back-off lasted its grace with nothing saying why) is superseded once the kubelet's own
     * error, proving another reason, opens its incident: RESOLVED "superseded by", which the new one follows.
     */
    @Test
    void an_open_guess_is_superseded_when_the_proved_reason_opens() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            PodSnapshot pod = Kube.pod("triton", POD, NODE, T0, "Pending", Kube.waiting("ImagePullBackOff"), null, 0,
                    false);
            replay.pod("test/inference/" + POD, pod, T0);
            replay.pod("test/inference/" + POD, pod, at(120));
            replay.event(podEvent(POD, "Warning", "Failed", "Failed to pull image \"nvcr.io/nvidia/tritonserver:24.05\": "
                    + "toomanyrequests: rate limit exceeded", at(300), "f-1", NODE), at(300));
            replay.event(podEvent(POD, "Warning", "Failed", "Error: ImagePullBackOff", at(420), "f-2", NODE), at(420));
            List<Incident> transitions = replay.finish().transitions();
            assertThat(transitions).extracting(i -> i.getCategory() + " " + i.getStatus()).containsSubsequence(
                    "IMAGE_NOT_FOUND OPEN", "IMAGE_NOT_FOUND RESOLVED", "IMAGE_PULL_FAILED OPEN");
            Incident superseded = transitions.stream().filter(i -> i.getCategory().equals("IMAGE_NOT_FOUND")
                    && i.getStatus() == IncidentStatus.RESOLVED).findFirst().orElseThrow();
            assertThat(superseded.getResolution()).startsWith("superseded by");
        }
    }

    /** An explained failure that opened first is not superseded by the guess of a later, unexplained row. */
    @Test
    void a_guess_never_supersedes_what_the_evidence_proved() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(podEvent(POD, "Warning", "Failed", "Failed to pull image \"nvcr.io/nvidia/tritonserver:24.05\": "
                    + "toomanyrequests: rate limit exceeded", T0, "f-1", NODE), T0);
            PodSnapshot other = Kube.pod("triton", "triton-79569cfbbc-x9k2p", NODE, at(120), "Pending",
                    Kube.waiting("ImagePullBackOff"), null, 0, false);
            replay.pod("test/inference/triton-79569cfbbc-x9k2p", other, at(120));
            replay.pod("test/inference/triton-79569cfbbc-x9k2p", other, at(400));
            List<Incident> transitions = replay.finish().transitions();
            assertThat(transitions).extracting(Incident::getCategory).containsOnly("IMAGE_PULL_FAILED");
        }
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(podEvent(POD, "Warning", "Failed", DISK_FULL, T0, "f-1", NODE), T0);
            replay.pod("test/inference/" + POD, Kube.pod("triton", POD, NODE, at(5), "Pending",
                    Kube.waiting("ImagePullBackOff"), null, 0, false), at(5));
            assertThat(replay.finish().latest()).extracting(Incident::getCategory).containsExactly("IMAGE_PULL_DISK_FULL");
        }
    }

    /**
     * minikube#6912: an init container restarted twice and running again (`Init:0/1`, restarts 2): init containers are
     * restarted only after they fail. One that completed, or a pod whose app containers run, is not a failure.
     */
    @Test
    void an_init_container_restarted_without_completing_is_init_container_failed() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            PodSnapshot pod = Kube.pod("triton", POD, NODE, T0, "Pending", Kube.waiting("PodInitializing"), null, 0, false);
            pod = withInitContainer(pod, "driver-installer", Kube.running(null), 2);
            replay.pod("test/inference/" + POD, pod, T0);
            List<Incident> latest = replay.finish().latest();
            assertThat(latest).extracting(Incident::getCategory).containsExactly("INIT_CONTAINER_FAILED");
            assertThat(latest.get(0).getTitle()).isEqualTo("triton cannot start: init container driver-installer fails");
        }
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            PodSnapshot pod = Kube.pod("triton", POD, NODE, T0, "Running", null, null, 0, true);
            pod = withInitContainer(pod, "wait-for-db", Kube.terminated("Completed", 0, T0.minusSeconds(30)), 3);
            replay.pod("test/inference/" + POD, pod, T0);
            assertThat(replay.finish().latest()).as("restarted, then completed: the pod runs").isEmpty();
        }
    }

    /**
     * calico#3541: client-go's event aggregator records more than ten alike events in ten minutes as one, its message
     * prefixed {@code (combined from similar events): }; the message after it is what the kubelet said.
     */
    @Test
    void an_aggregated_events_message_is_read_past_its_prefix() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            KubeEvent unhealthy = podEvent(POD, "Warning", "Unhealthy", "(combined from similar events): Readiness probe "
                    + "failed: HTTP probe failed with statuscode: 503", T0, "u-agg", NODE);
            replay.event(unhealthy, T0);
            replay.event(bump(unhealthy, 134, at(25 * 60)), at(25 * 60));
            assertThat(statuses(replay.finish().transitions(), "READINESS_FAILING")).containsExactly("OPEN");
        }
    }

    /**
     * nvidia-container-toolkit#30: an init container OOM-killed, its runtime recording exit code 0, leaves the pod in
     * PodInitializing: the kill over its memory limit is what to fix, whatever the code.
     */
    @Test
    void an_init_container_killed_over_its_memory_limit_is_oom_killed() {
        for (int exitCode : new int[] {0, 137}) {
            try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
                PodSnapshot pod = Kube.pod("triton", POD, NODE, T0, "Pending", Kube.waiting("PodInitializing"), null, 0,
                        false);
                pod = withInitContainer(pod, "model-fetch", Kube.terminated("OOMKilled", exitCode, T0.minusSeconds(5)), 0);
                replay.pod("test/inference/" + POD, pod, T0);
                List<Incident> open = replay.finish().latest().stream()
                        .filter(i -> i.getStatus() == dev.incidents.schemas.IncidentStatus.OPEN).toList();
                assertThat(open).as("exit code " + exitCode).singleElement().satisfies(i -> {
                    assertThat(i.getCategory()).isEqualTo("OOM_KILLED");
                    assertThat(i.getTitle()).contains("model-fetch");
                });
            }
        }
    }

    /**
     * autoscaler#929: the autoscaler's log names the GPU a template node lacks; its event of the same moment says only
     * "it wouldn't fit if a new node is added". A verdict finds short only what the pod asks for: one GPU incident.
     */
    @Test
    void a_verdict_naming_a_short_gpu_tells_the_pods_request_to_the_one_naming_nothing() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(podEvent(POD, "Normal", "NotTriggerScaleUp", "Scale-up predicate failed: PodFitsResources "
                    + "predicate mismatch, cannot put inference/" + POD + " on template-node-for-gpus-5829, reason: "
                    + "Insufficient nvidia.com/gpu", T0, "ca-1", null), T0);
            replay.event(podEvent(POD, "Normal", "NotTriggerScaleUp", "pod didn't trigger scale-up (it wouldn't fit if a "
                    + "new node is added)", T0, "ca-2", null), T0);
            List<Incident> latest = replay.finish().latest();
            assertThat(latest).extracting(Incident::getCategory).containsExactly("INSUFFICIENT_GPU");
            assertThat(latest.get(0).getTitle()).contains("nvidia.com/gpu");
        }
    }

    /**
     * aws-privateca-issuer#58: a listing's `1/1 Running 3 111s`: three restarts in under two minutes is the kubelet's
     * back-off at work, a loop caught running; three restarts in five hours are not.
     */
    @Test
    void a_young_pod_caught_running_after_restarts_is_crash_looping() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            PodSnapshot pod = PodSnapshot.newBuilder(Kube.pod("triton", POD, NODE, T0, "Running", Kube.running(null), null,
                    3, true)).setCreationTimestamp(T0.minusSeconds(111)).build();
            replay.pod("test/inference/" + POD, pod, T0);
            assertThat(replay.finish().latest()).extracting(Incident::getCategory).containsExactly("CRASH_LOOP");
        }
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            PodSnapshot pod = PodSnapshot.newBuilder(Kube.pod("triton", POD, NODE, T0, "Running", Kube.running(null), null,
                    3, true)).setCreationTimestamp(T0.minus(Duration.ofHours(5))).build();
            replay.pod("test/inference/" + POD, pod, T0);
            assertThat(replay.finish().latest()).isEmpty();
        }
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            // deepops#603: the GPU operator's device plugin `Running 3 4m48s`: a loop would have restarted it a fourth
            // time by then (10 + 20 + 40 + 80 s of back-off); it has run since the driver came up
            PodSnapshot pod = PodSnapshot.newBuilder(Kube.pod("triton", POD, NODE, T0, "Running", Kube.running(null), null,
                    3, true)).setCreationTimestamp(T0.minusSeconds(288)).build();
            replay.pod("test/inference/" + POD, pod, T0);
            assertThat(replay.finish().latest()).isEmpty();
        }
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            // ros_k8s's troubleshooting page: a kubeadm control plane's `etcd-node1   1/1   Running   8   66s`: more
            // restarts than any back-off allows in 66 s, and ready: the mirror pod is younger than its container
            PodSnapshot pod = PodSnapshot.newBuilder(Kube.pod("triton", POD, NODE, T0, "Running", Kube.running(null), null,
                    8, true)).setCreationTimestamp(T0.minusSeconds(66)).build();
            replay.pod("test/inference/" + POD, pod, T0);
            assertThat(replay.finish().latest()).isEmpty();
        }
    }

    /**
     * kaito#1493: a model that runs out of memory while it loads, `0/1 Running 12 (7m51s ago) 151m`: each run ends
     * after minutes rather than at once, so the back-off count says nothing, but a container restarted a dozen times
     * and never ready since is looping; ready, or restarted rarely over a long life, it is not; running unready for
     * 40 minutes since its last start, it is its readiness that fails.
     */
    @Test
    void a_container_restarting_every_few_minutes_and_never_ready_is_crash_looping() {
        Duration age = Duration.ofMinutes(151);
        assertThat(incidentsOf(T0.minusSeconds(471), 12, false, age)).containsExactly("CRASH_LOOP");
        assertThat(incidentsOf(T0.minusSeconds(471), 12, true, age)).as("ready").isEmpty();
        assertThat(incidentsOf(T0.minusSeconds(120), 6, false, Duration.ofDays(30))).as("six node reboots").isEmpty();
        assertThat(incidentsOf(T0.minus(Duration.ofMinutes(40)), 12, false, age)).as("running 40 min, never ready")
                .containsExactly("READINESS_FAILING");
    }

    private static List<String> incidentsOf(Instant started, int restarts, boolean ready, Duration age) {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            PodSnapshot pod = PodSnapshot.newBuilder(Kube.pod("triton", POD, NODE, T0, "Running", Kube.running(started),
                    null, restarts, ready)).setCreationTimestamp(T0.minus(age)).build();
            replay.pod("test/inference/" + POD, pod, T0);
            return replay.finish().latest().stream().map(Incident::getCategory).toList();
        }
    }

    /**
     * container-engine-accelerators#100: a listing of a ReplicaSet's pods, one Failed `OutOfnvidia.com/gpu` beside three
     * Running: siblings running at the moment of the refusal are the state it happened in; one running after it (the
     * replacement) ends it.
     */
    @Test
    void siblings_running_at_the_moment_of_a_refusal_do_not_end_it() {
        String sibling = "triton-79569cfbbc-x7k2p";
        for (Duration later : List.of(Duration.ZERO, Duration.ofMinutes(1))) {
            try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
                PodSnapshot refused = PodSnapshot.newBuilder(Kube.pod("triton", POD, NODE, T0, "Failed", null, null, 0,
                        false)).setReason("OutOfnvidia.com/gpu").setMessage("Pod Node didn't have enough resource: "
                                + "nvidia.com/gpu, requested: 1, used: 0, capacity: 0").build();
                replay.pod("test/inference/" + POD, refused, T0);
                replay.pod("test/inference/" + sibling, Kube.pod("triton", sibling, NODE, T0.plus(later), "Running",
                        Kube.running(T0.minusSeconds(600)), null, 0, true), T0.plus(later));
                List<Incident> latest = replay.finish().latest();
                assertThat(latest).as("sibling running %s after", later).extracting(Incident::getCategory)
                        .containsExactly("GPU_ADMISSION_FAILED");
                assertThat(latest.get(0).getStatus()).hasToString(later.isZero() ? "OPEN" : "RESOLVED");
            }
        }
    }

    /**
     * kubernetes#6532, #16045: a 2015 kubelet killing a running container by its docker id, and starting another, with
     * no probe result recorded: twice is a restart by the kubelet, which only a failing liveness probe does; once may
     * be the pod deleted or its spec changed.
     */
    @Test
    void an_old_kubelet_killing_a_container_again_and_again_is_a_liveness_restart() {
        for (int kills : List.of(1, 2)) {
            try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
                for (int k = 0; k < kills; k++) {
                    Instant at = T0.plusSeconds(30L * k);
                    replay.event(podEvent(POD, "Normal", "Killing", "Killing with docker id " + "e8f80cec892" + k, at,
                            "kill-" + k, NODE), at);
                    replay.event(podEvent(POD, "Normal", "Started", "Started with docker id " + "06739bf99a4" + k,
                            at.plusSeconds(1), "start-" + k, NODE), at.plusSeconds(1));
                }
                List<Incident> latest = replay.finish().latest();
                if (kills == 1) {
                    assertThat(latest).as("one kill").isEmpty();
                } else {
                    assertThat(latest).extracting(Incident::getCategory).containsExactly("PROBE_FAILURE");
                    assertThat(latest.get(0).getCauses().get(0).getCause()).contains("without recording why");
                }
            }
        }
    }

    /**
     * onepanel#789: the kubelet's cache of a pod's Secret not synced in time, once, is its informer catching up at the
     * pod's start; ceph-csi#1109: two volumes timing out so are a mount that hangs, with the cause that says so.
     */
    @Test
    void a_single_cache_sync_timeout_is_not_a_mount_failure() {
        String timeout = "MountVolume.SetUp failed for volume \"%s\" : failed to sync %s cache: timed out waiting for "
                + "the condition";
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(podEvent(POD, "Warning", "FailedMount", timeout.formatted("default-token-rnbds", "secret"), T0,
                    "m-1", NODE), T0);
            assertThat(replay.finish().latest()).isEmpty();
        }
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(podEvent(POD, "Warning", "FailedMount", timeout.formatted("installer-info", "configmap"), T0,
                    "m-1", NODE), T0);
            replay.event(podEvent(POD, "Warning", "FailedMount", timeout.formatted("migration-scripts", "configmap"), T0,
                    "m-2", NODE), T0);
            List<Incident> latest = replay.finish().latest();
            assertThat(latest).extracting(Incident::getCategory).containsExactly("VOLUME_MOUNT_FAILED");
            assertThat(latest.get(0).getCauses().get(0).getCause()).contains("cannot sync its cache");
        }
    }

    /**
     * HAMi#39: a pod the kubelet rejected at admission, then `object "default"/"kube-root-ca.crt" not registered` mounts
     * (x8): the kubelet's bookkeeping of a pod it never admitted, not a volume failing, however often it repeats.
     */
    @Test
    void not_registered_mounts_of_a_pod_rejected_at_admission_are_not_a_volume_failure() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(podEvent(POD, "Warning", "UnexpectedAdmissionError", "Allocate failed due to rpc error: code = "
                    + "Unavailable desc = transport is closing, which is unexpected", T0, "a-1", NODE), T0);
            for (int k = 0; k < 8; k++) {
                Instant at = T0.plusSeconds(8L * k);
                replay.event(podEvent(POD, "Warning", "FailedMount", "MountVolume.SetUp failed for volume "
                        + "\"kube-api-access-8hcmj\" : object \"inference\"/\"kube-root-ca.crt\" not registered", at,
                        "m-" + k, NODE), at);
            }
            assertThat(replay.finish().latest()).extracting(Incident::getCategory)
                    .containsExactly("GPU_ADMISSION_FAILED");
        }
    }

    /** kubernetes#122932: the Evicted event has expired; the pod left Failed/Evicted is the evidence. */
    @Test
    void a_pod_left_failed_with_reason_evicted_is_pod_evicted() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            PodSnapshot pod = PodSnapshot.newBuilder(Kube.pod("triton", POD, NODE, T0, "Failed", null, null, 0, false))
                    .setReason("Evicted").setMessage("The node was low on resource: ephemeral-storage. Threshold "
                            + "quantity: 1Gi, available: 777784Ki.").build();
            replay.pod("test/inference/" + POD, pod, T0);
            List<Incident> latest = replay.finish().latest();
            assertThat(latest).extracting(Incident::getId).containsExactly("test/inference/Deployment/triton/POD_EVICTED");
            assertThat(latest.get(0).getNodes()).containsExactly(NODE);
        }
    }

    /** gpu-operator#693: only the autoscaler's NotTriggerScaleUp was pasted; it names the MIG profile no node offers. */
    @Test
    void not_trigger_scale_up_alone_is_scheduling_evidence() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(podEvent(POD, "Normal", "NotTriggerScaleUp", "pod didn't trigger scale-up: 1 max node group "
                    + "size reached, 2 node(s) didn't match Pod's node affinity/selector, 1 Insufficient "
                    + "nvidia.com/mig-1g.10gb", T0, "ntsu-1", null), T0);
            assertThat(replay.finish().latest()).extracting(Incident::getCategory).containsExactly("INSUFFICIENT_GPU");
        }
    }

    /** StatCan/jupyter-apis#57: with the scheduler's own verdict present, the autoscaler's per-group reasons add nothing. */
    @Test
    void not_trigger_scale_up_yields_to_the_schedulers_failed_scheduling() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(podEvent(POD, "Warning", "FailedScheduling", "0/41 nodes are available: 2 Insufficient pods, "
                    + "35 Insufficient cpu, 4 Insufficient memory.", T0, "fs-1", null), T0);
            replay.event(podEvent(POD, "Normal", "NotTriggerScaleUp", "pod didn't trigger scale-up (it wouldn't fit if "
                    + "a new node is added): 1 Insufficient nvidia.com/gpu, 1 Insufficient cpu, 1 Insufficient memory",
                    at(10), "ntsu-1", null), at(10));
            assertThat(replay.finish().latest()).extracting(Incident::getCategory)
                    .containsExactly("INSUFFICIENT_RESOURCES");
        }
    }

    /**
     * A pod's last snapshot as it is deleted (a scale-down an hour after its OOM kill went quiet) restates its Last
     * State: a pod going away opens nothing, and the incident is not reopened (occurrence 2) by it.
     */
    @Test
    void a_terminating_pods_snapshot_does_not_reopen_what_went_quiet() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            PodSnapshot killed = Kube.pod("triton", POD, NODE, T0, "Running", Kube.running(T0),
                    Kube.terminated("OOMKilled", 137, T0), 1, true);
            replay.pod("test/inference/" + POD, killed, T0);
            replay.pod("test/inference/" + POD, PodSnapshot.newBuilder(killed).setObservedAt(at(3600))
                    .setDeletionTimestamp(at(3630)).build(), at(3600));
            List<Incident> transitions = replay.finish().transitions();
            assertThat(transitions).extracting(i -> i.getCategory() + " " + i.getStatus() + " #" + i.getOccurrence())
                    .containsExactly("OOM_KILLED OPEN #1", "OOM_KILLED RESOLVED #1");
        }
    }

    /**
     * akhq#930: readiness and liveness probes on a port nothing listens on. The kubelet restarts the pod for its
     * liveness probe and it is unready between restarts: one PROBE_FAILURE incident, whichever probe's failures come
     * first; readiness failures alone over as long are READINESS_FAILING.
     */
    @Test
    void readiness_failures_of_a_pod_its_liveness_probe_restarts_are_the_probe_failure() {
        String readiness = "Readiness probe failed: Get \"http://100.64.20.45:28081/health\": dial tcp "
                + "100.64.20.45:28081: connect: connection refused";
        String liveness = "Liveness probe failed: dial tcp 100.64.20.45:28081: connect: connection refused";
        for (boolean readinessFirst : new boolean[] {true, false}) {
            try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
                int r = readinessFirst ? 0 : 1;
                for (int i = 0; i < 6; i++) {
                    replay.event(podEvent(POD, "Warning", "Unhealthy", readiness, at(30 * i + r), "r-" + i, NODE),
                            at(30 * i + r));
                    replay.event(podEvent(POD, "Warning", "Unhealthy", liveness, at(30 * i + 1 - r), "l-" + i, NODE),
                            at(30 * i + 1 - r));
                }
                replay.event(podEvent(POD, "Normal", "Killing", "Container akhq failed liveness probe, will be restarted",
                        at(200), "k-1", NODE), at(200));
                assertThat(replay.finish().latest()).extracting(Incident::getCategory)
                        .as("readiness first: %s", readinessFirst).containsExactly("PROBE_FAILURE");
            }
        }
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            for (int i = 0; i < 6; i++) {
                replay.event(podEvent(POD, "Warning", "Unhealthy", readiness, at(30 * i), "r-" + i, NODE), at(30 * i));
            }
            assertThat(replay.finish().latest()).extracting(Incident::getCategory).containsExactly("READINESS_FAILING");
        }
    }

    /**
     * Deron-D's otus-kuber-2022 notes: a NotTriggerScaleUp cut after its colon (its per-group reasons on lines the paste
     * dropped), older than the scheduler's verdict: it says the autoscaler did not help, not why, so only the
     * scheduler's verdict (a taint) opens an incident; it opened INSUFFICIENT_RESOURCES beside it.
     */
    @Test
    void not_trigger_scale_up_cut_after_its_colon_names_no_cause() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(podEvent(POD, "Normal", "NotTriggerScaleUp", "pod didn't trigger scale-up:", T0, "ntsu-1",
                    null), T0);
            replay.event(podEvent(POD, "Warning", "FailedScheduling", "0/4 nodes are available: 4 node(s) had taint "
                    + "{node-role: infra}, that the pod didn't tolerate.", at(120), "fs-1", null), at(120));
            assertThat(replay.finish().latest()).extracting(Incident::getCategory).containsExactly("UNTOLERATED_TAINT");
        }
    }

    /** elastic/helm-charts#780: Running, 0 restarts, Ready=False 40 minutes after start; no events pasted. */
    @Test
    void a_pod_running_without_restarts_but_never_ready_is_readiness_failing() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.pod("test/inference/" + POD, Kube.pod("triton", POD, NODE, at(40 * 60), "Running",
                    Kube.running(T0), null, 0, false), at(40 * 60));
            assertThat(replay.finish().latest()).extracting(Incident::getCategory).containsExactly("READINESS_FAILING");
        }
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            // still within an ordinary start-up: nothing
            replay.pod("test/inference/" + POD, Kube.pod("triton", POD, NODE, at(3 * 60), "Running",
                    Kube.running(T0), null, 0, false), at(3 * 60));
            assertThat(replay.finish().latest()).isEmpty();
        }
    }

    /**
     * swsnr.de (k3s GC): a describe prints "Error: ErrImagePull" before the "Failed to pull image ...: manifest
     * unknown" that explains it, both aged 11m (x4 over 13m): one moment, so only the explained category opens.
     */
    @Test
    void records_of_one_moment_are_judged_together() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            KubeEvent unexplained = podEvent(POD, "Warning", "Failed", "Error: ErrImagePull", at(120), "e-1", NODE);
            replay.event(KubeEvent.newBuilder(unexplained).setFirstTimestamp(T0).setCount(4).build(), at(120));
            KubeEvent explained = podEvent(POD, "Warning", "Failed", "Failed to pull image \"registry.example.com/foo:1\": "
                    + "manifest for registry.example.com/foo:1 not found: manifest unknown", at(120), "e-2", NODE);
            replay.event(KubeEvent.newBuilder(explained).setFirstTimestamp(T0).setCount(4).build(), at(120));
            Replay.Result result = replay.finish();
            assertThat(result.transitions()).extracting(Incident::getCategory).containsOnly("IMAGE_NOT_FOUND");
        }
    }

    /** train-ticket#233: the old back-off wording names no container; the one last started is an init container. */
    @Test
    void a_back_off_of_the_container_last_started_named_like_an_init_container_is_init_container_failed() {
        for (String container : List.of("initmysql", "triton")) {
            try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
                KubeEvent started = podEvent(POD, "Normal", "Started", "Started container " + container, at(60), "s-1", NODE);
                replay.event(KubeEvent.newBuilder(started).setFirstTimestamp(T0).setCount(5).build(), at(60));
                KubeEvent backOff = podEvent(POD, "Warning", "BackOff", "Back-off restarting failed container", at(600),
                        "b-1", NODE);
                replay.event(KubeEvent.newBuilder(backOff).setFirstTimestamp(at(30)).setCount(47).build(), at(600));
                List<Incident> latest = replay.finish().latest();
                assertThat(latest).extracting(Incident::getCategory).containsExactly(
                        container.equals("initmysql") ? "INIT_CONTAINER_FAILED" : "CRASH_LOOP");
                assertThat(latest.get(0).getTitle()).contains(container);
            }
        }
    }

    /** The message's clue (kubernetes#43924: x509) reaches the incident and ranks the cause it proves first. */
    @Test
    void the_clue_a_message_carries_ranks_its_cause_first() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(podEvent(POD, "Warning", "Failed", "Failed to pull image \"10.78.0.228:5000/monitorms\": Error "
                    + "response from daemon: Get https://10.78.0.228:5000/v1/_ping: x509: certificate signed by unknown "
                    + "authority", T0, "f-1", NODE), T0);
            Incident incident = replay.finish().latest().get(0);
            assertThat(incident.getCategory()).isEqualTo("IMAGE_PULL_FAILED");
            assertThat(incident.getCauses().get(0).getCause()).contains("TLS certificate");
        }
    }

    static final String POD_B = "triton-79569cfbbc-x7k2p";
    static final String GPU = "0/4 nodes are available: 4 Insufficient nvidia.com/gpu. preemption: 0/4 nodes are available: "
            + "4 No preemption victims found for incoming pod.";
    static final String BACK_OFF = "Back-off restarting failed container triton in pod " + POD + "_inference(0a1b2c3d)";

    @Test
    void a_zero_grace_incident_opens_with_the_next_record_of_any_workload_not_at_the_next_sweep() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            PodSnapshot oom = Kube.pod("triton", POD, NODE, T0, "Running", Kube.running(T0),
                    Kube.terminated("OOMKilled", 137, T0), 1, false);
            replay.pod("test/inference/" + POD, oom, T0);
            assertThat(replay.transitions()).as("same moment: other records of T0 may still come").isEmpty();

            String other = "vllm-llama3-5c7f9d6b8d-tz8wq";
            replay.pod("test/inference/" + other,
                    Kube.pod("vllm-llama3", other, NODE, at(1), "Running", Kube.running(T0), null, 0, true), at(1));

            // One second of event time later, well before the 10 s check interval.
            assertThat(statuses(replay.transitions(), "OOM_KILLED")).containsExactly("OPEN");
        }
    }

    /**
     * Found at scale (200 copies of the demo recording): the liveness kills stopped being reported, the pod kept
     * crash-looping, PROBE_FAILURE went quiet after 15 min and CRASH_LOOP opened in its place; and when both went quiet
     * together, CRASH_LOOP opened (already quiet) the moment PROBE_FAILURE resolved. The loop after probe kills is the
     * probe incident's evidence, and a candidate a better category explained to the end does not open after it.
     */
    @Test
    void a_crash_loop_after_probe_kills_keeps_the_probe_incident_open_and_opens_no_crash_loop() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(podEvent(POD, "Warning", "Killing", "Container triton failed liveness probe, will be restarted",
                    T0, "k-1", NODE), T0);
            for (int minute = 1; minute <= 40; minute++) {
                PodSnapshot looping = Kube.pod("triton", POD, NODE, at(minute * 60), "Running",
                        Kube.waiting("CrashLoopBackOff"), Kube.terminated("Error", 137, at(minute * 60 - 10)), minute, false);
                replay.pod("test/inference/" + POD, looping, at(minute * 60));
            }
            assertThat(statuses(replay.transitions(), "PROBE_FAILURE")).containsExactly("OPEN");

            // then both go quiet together: the probe incident resolves, and the crash loop it explained stays unopened
            String other = "vllm-llama3-5c7f9d6b8d-tz8wq";
            replay.pod("test/inference/" + other, Kube.pod("vllm-llama3", other, NODE, at(3600), "Running",
                    Kube.running(at(3600)), null, 0, true), at(3600));
            List<Incident> transitions = replay.finish().transitions();
            assertThat(statuses(transitions, "PROBE_FAILURE")).containsExactly("OPEN", "RESOLVED");
            assertThat(statuses(transitions, "CRASH_LOOP")).isEmpty();
        }
    }

    /** {@code pod} with one init container {@code name} in {@code state}, restarted {@code restarts} times. */
    static PodSnapshot withInitContainer(PodSnapshot pod, String name, dev.incidents.schemas.ContainerState state,
                                         int restarts) {
        return PodSnapshot.newBuilder(pod).setInitContainers(List.of(Container.newBuilder().setName(name)
                .setImage("busybox").setRestartCount(restarts).setReady(false).setState(state).build())).build();
    }

    static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    static KubeEvent bump(KubeEvent e, int count, Instant at) {
        return KubeEvent.newBuilder(e).setCount(count).setLastTimestamp(at).build();
    }

    static List<String> statuses(List<Incident> transitions, String category) {
        return transitions.stream().filter(i -> i.getCategory().equals(category))
                .map(i -> i.getStatus().name()).toList();
    }

    @Test
    void a_transient_recovered_within_grace_opens_nothing() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(podEvent(POD, "Warning", "FailedScheduling", GPU, T0, "fs-1", null), T0);
            replay.event(podEvent(POD, "Normal", "TriggeredScaleUp",
                    "pod triggered scale-up: [{eks-gpu-pool 1->2 (max: 4)}]", at(8), "su-1", null), at(8));
            replay.event(podEvent(POD, "Normal", "Scheduled", "Successfully assigned inference/" + POD + " to " + NODE,
                    at(50), "sc-1", null), at(50));
            assertThat(replay.finish().latest()).isEmpty();
        }
    }

    @Test
    void count_bumps_of_one_event_are_one_continuing_signal_and_open_after_grace() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            KubeEvent fs = podEvent(POD, "Warning", "FailedScheduling", GPU, T0, "fs-1", null);
            replay.event(fs, T0);
            replay.event(bump(fs, 2, at(60)), at(60));
            assertThat(replay.transitions()).isEmpty();
            replay.event(bump(fs, 3, at(120)), at(120));
            List<Incident> t = replay.transitions();
            assertThat(statuses(t, "INSUFFICIENT_GPU")).containsExactly("OPEN");
            Incident open = t.get(0);
            assertThat(open.getSignalCount()).isEqualTo(1);
            assertThat(open.getEvidence()).hasSize(1);
            assertThat(open.getEvidence().get(0).getCount()).isGreaterThanOrEqualTo(2);
            assertThat(open.getFirstSeen()).isEqualTo(T0);
        }
    }

    @Test
    void updates_are_material_only_and_rate_limited() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            KubeEvent a = podEvent(POD, "Warning", "Failed", DISK_FULL, T0, "a-1", NODE);
            replay.event(a, T0);
            replay.event(bump(a, 2, at(40)), at(40));                   // grace 30 s passed: OPEN
            replay.event(podEvent(POD_B, "Warning", "Failed", DISK_FULL, at(60), "b-1", NODE), at(60)); // new pod
            replay.event(bump(a, 3, at(120)), at(120));                 // evidence only
            replay.event(bump(a, 4, at(240)), at(240));
            assertThat(statuses(replay.transitions(), "IMAGE_PULL_DISK_FULL")).containsExactly("OPEN");
            replay.event(bump(a, 5, at(360)), at(360));                 // 5 min after OPEN: the pending update flushes
            List<Incident> t = replay.transitions().stream()
                    .filter(i -> i.getCategory().equals("IMAGE_PULL_DISK_FULL")).toList();
            assertThat(statuses(t, "IMAGE_PULL_DISK_FULL")).containsExactly("OPEN", "UPDATED");
            assertThat(t.get(1).getPods()).containsExactly(POD, POD_B);
        }
    }

    @Test
    void resolves_on_recovery_then_reopens_with_the_next_occurrence() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            KubeEvent a = podEvent(POD, "Warning", "Failed", DISK_FULL, T0, "a-1", NODE);
            replay.event(a, T0);
            replay.event(bump(a, 2, at(60)), at(60));
            replay.event(podEvent(POD, "Normal", "Pulled", "Successfully pulled image \"triton:resnet50\" in 2m1s",
                    at(180), "p-1", NODE), at(180));
            replay.event(podEvent(POD, "Warning", "Failed", DISK_FULL, at(1800), "a-2", NODE), at(1800));
            Replay.Result result = replay.finish();
            List<Incident> t = result.transitions();
            assertThat(statuses(t, "IMAGE_PULL_DISK_FULL")).containsExactly("OPEN", "RESOLVED", "OPEN");
            assertThat(t.get(1).getResolution()).startsWith("recovered: Pulled");
            assertThat(t.get(2).getOccurrence()).isEqualTo(2);
            assertThat(result.latest()).hasSize(1);
        }
    }

    @Test
    void resolves_after_the_quiet_period_of_event_time() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            KubeEvent a = podEvent(POD, "Warning", "Failed", DISK_FULL, T0, "a-1", NODE);
            replay.event(a, T0);
            for (int minute = 1; minute <= 20; minute++) {   // another workload keeps event time moving
                replay.event(Kube.event("inference", "Pod", "other-7d9f8b6c5d-abcde", "Normal", "Pulling",
                        "Pulling image \"x\"", at(minute * 60), at(minute * 60), 1, "o-" + minute, NODE), at(minute * 60));
            }
            List<Incident> t = replay.finish().transitions();
            assertThat(statuses(t, "IMAGE_PULL_DISK_FULL")).containsExactly("OPEN", "RESOLVED");
            assertThat(t.get(1).getResolution()).startsWith("quiet");
        }
    }

    @Test
    void a_later_phase_supersedes_the_earlier_incident_and_follows_it() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            KubeEvent fs = podEvent(POD, "Warning", "FailedScheduling", GPU, T0, "fs-1", null);
            replay.event(fs, T0);
            replay.event(bump(fs, 2, at(100)), at(100));                  // INSUFFICIENT_GPU opens
            KubeEvent backOff = podEvent(POD, "Warning", "BackOff", BACK_OFF, at(200), "bo-1", NODE);
            replay.event(backOff, at(200));
            replay.event(bump(backOff, 4, at(300)), at(300));               // CRASH_LOOP opens, 90 s grace later
            List<Incident> t = replay.finish().transitions();
            assertThat(t).extracting(i -> i.getCategory() + ":" + i.getStatus())
                    .containsExactly("INSUFFICIENT_GPU:OPEN", "INSUFFICIENT_GPU:RESOLVED", "CRASH_LOOP:OPEN");
            assertThat(t.get(1).getResolution()).isEqualTo("superseded by test/inference/Deployment/triton/CRASH_LOOP");
            assertThat(t.get(2).getFollows()).isEqualTo("test/inference/Deployment/triton/INSUFFICIENT_GPU");
        }
    }

    @Test
    void an_untouched_subject_is_purged_after_its_retention() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(podEvent(POD, "Normal", "Pulling", "Pulling image \"x\"", T0, "p-1", NODE), T0);
            KeyValueStore<String, SubjectState> subjects = replay.driver().getKeyValueStore(IncidentTopology.SUBJECTS_STORE);
            assertThat(subjects.get("test/inference/Deployment/triton")).isNotNull();
            replay.event(Kube.event("inference", "Pod", "other-7d9f8b6c5d-abcde", "Normal", "Pulling", "Pulling image",
                    at(7 * 3600), at(7 * 3600), 1, "o-1", NODE), at(7 * 3600));
            assertThat(subjects.get("test/inference/Deployment/triton")).isNull();
            assertThat(subjects.get("test/inference/Deployment/other")).isNotNull();
        }
    }

    @Test
    void undecodable_and_invalid_records_go_to_the_dead_letter_topic() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.rawEvent("test/inference/Pod/x", new byte[] {1, 2, 3}, T0);
            KubeEvent nameless = Kube.event("inference", "Pod", "", "Warning", "Failed", "x", T0, T0, 1, "n-1", NODE);
            replay.event(nameless, T0);
            replay.event(podEvent(POD, "Warning", "Failed", DISK_FULL, at(1), "a-1", NODE), at(1));
            Replay.Result result = replay.finish();
            assertThat(result.deadLettered()).isEqualTo(2);
            assertThat(result.latest()).extracting(Incident::getCategory).contains("IMAGE_PULL_DISK_FULL");
        }
    }

    @Test
    void a_quiet_cluster_still_fires_pending_detections_by_the_idle_clock() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(podEvent(POD, "Warning", "FailedScheduling", GPU, T0, "fs-1", null), T0);
            replay.advance(Duration.ofSeconds(30));
            assertThat(replay.transitions()).isEmpty();               // still within the 90 s grace
            replay.advance(Duration.ofSeconds(70));                   // no record, but 100 s of (wall) time passed
            assertThat(statuses(replay.transitions(), "INSUFFICIENT_GPU")).containsExactly("OPEN");
        }
    }

    /**
     * A Deployment of 100 GPU replicas, all Pending: the incident keeps a bounded number (80) of failing pods. When
     * those it kept get scheduled, the others still fail: the incident stays OPEN (it used to resolve as "recovered").
     */
    @Test
    void recovery_of_the_pods_an_incident_kept_does_not_resolve_it_while_dropped_ones_still_fail() {
        String pending = "0/4 nodes are available: 4 Insufficient nvidia.com/gpu. preemption: 0/4 nodes are available: "
                + "4 No preemption victims found for incoming pod.";
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            List<String> pods = new java.util.ArrayList<>();
            for (int i = 0; i < 100; i++) {
                pods.add(String.format("triton-79569cfbbc-x%04d", i));
            }
            for (int i = 0; i < pods.size(); i++) {
                replay.event(podEvent(pods.get(i), "Warning", "FailedScheduling", pending, T0.plusMillis(i), "fs-" + i,
                        null), T0.plusMillis(i));
            }
            replay.advance(Duration.ofMinutes(3));
            assertThat(replay.transitions()).extracting(Incident::getStatus).containsExactly(IncidentStatus.OPEN);
            Instant later = T0.plus(Duration.ofMinutes(4));
            for (int i = 0; i < 80; i++) { // the 80 the incident kept (the first by name) get a node, 20 still wait
                replay.event(podEvent(pods.get(i), "Normal", "Scheduled", "Successfully assigned inference/"
                        + pods.get(i) + " to " + NODE, later, "s-" + i, null), later);
            }
            replay.advance(Duration.ofMinutes(1));
            assertThat(replay.transitions()).extracting(Incident::getStatus)
                    .as("20 replicas still wait for a GPU").doesNotContain(IncidentStatus.RESOLVED);
        }
    }

    /** A sidecar's Started or Pulled says nothing of the main container, whose image still cannot be pulled. */
    @Test
    void recovery_of_a_sidecar_does_not_resolve_the_main_containers_pull_failure() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(inContainer(podEvent(POD, "Warning", "Failed", DISK_FULL, T0, "f-1", NODE), "triton"), T0);
            replay.event(inContainer(bump(podEvent(POD, "Warning", "Failed", DISK_FULL, T0, "f-1", NODE), 3, at(40)),
                    "triton"), at(40));
            replay.advance(Duration.ofSeconds(5));
            assertThat(statuses(replay.transitions(), "IMAGE_PULL_DISK_FULL")).containsExactly("OPEN");

            replay.event(inContainer(podEvent(POD, "Normal", "Pulled", "Container image \"istio/proxyv2:1.22\" already "
                    + "present on machine", at(60), "p-1", NODE), "istio-proxy"), at(60));
            replay.event(inContainer(podEvent(POD, "Normal", "Started", "Started container istio-proxy", at(61), "s-1",
                    NODE), "istio-proxy"), at(61));
            replay.advance(Duration.ofSeconds(5));
            assertThat(statuses(replay.transitions(), "IMAGE_PULL_DISK_FULL")).as("the sidecar started")
                    .containsExactly("OPEN");

            replay.event(inContainer(podEvent(POD, "Normal", "Pulled", "Successfully pulled image \"triton:24.05\"",
                    at(300), "p-2", NODE), "triton"), at(300));
            replay.advance(Duration.ofSeconds(5));
            assertThat(statuses(replay.transitions(), "IMAGE_PULL_DISK_FULL")).containsExactly("OPEN", "RESOLVED");
        }
    }

    static KubeEvent inContainer(KubeEvent e, String container) {
        return KubeEvent.newBuilder(e).setInvolvedObject(dev.incidents.schemas.ObjectRef.newBuilder(e.getInvolvedObject())
                .setFieldPath("spec.containers{" + container + "}").build()).build();
    }

    /**
     * A LeaderWorkerSet's pod (named like a StatefulSet's: {@code vllm-lws-0}): its snapshots name the owner, its
     * events only the pod. Events go where the pod's snapshots went, so the workload has one incident, not one per
     * half (issue #11 item 6).
     */
    @Test
    void a_pods_events_go_to_the_owner_its_snapshots_name() {
        String pod = "vllm-lws-0";
        String pending = "0/4 nodes are available: 4 Insufficient nvidia.com/gpu.";
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            PodSnapshot snapshot = PodSnapshot.newBuilder(Kube.pod("x", "x-7d9f8b6c5d-abcde", null, T0, "Pending",
                            Kube.waiting("ContainerCreating"), null, 0, false))
                    .setName(pod).setLabels(java.util.Map.of())
                    .setOwners(List.of(dev.incidents.schemas.OwnerRef.newBuilder().setKind("LeaderWorkerSet")
                            .setName("vllm").build()))
                    .build();
            replay.pod("test/inference/" + pod, snapshot, T0);
            for (int i = 0; i < 4; i++) {
                replay.event(bump(podEvent(pod, "Warning", "FailedScheduling", pending, T0, "fs-1", null), i + 1,
                        at(40 * i)), at(40 * i));
            }
            replay.pod("test/inference/" + pod, null, at(200)); // deleted: its tombstone goes to the owner too
            Replay.Result result = replay.finish();
            assertThat(result.transitions()).extracting(Incident::getId)
                    .containsOnly("test/inference/LeaderWorkerSet/vllm/INSUFFICIENT_GPU");
            assertThat(result.transitions()).extracting(Incident::getStatus)
                    .containsExactly(IncidentStatus.OPEN, IncidentStatus.RESOLVED);
        }
    }

    /**
     * Found by CrashIT: {@code ship --from} died half way and ran again from the start, so the records before the kill
     * came twice, the second time long after the analyzer's clock had passed them. Among them, the init container's
     * image {@code Pulled} of 10:01:06, older than every failed pull of the app image: it resolved the open
     * IMAGE_PULL_DISK_FULL as "recovered: Pulled", and the next failure opened occurrence 2. A recovery older than
     * the incident's failure evidence says nothing about that failure; a recovery after it still resolves.
     */
    @Test
    void a_late_recovery_older_than_the_failure_evidence_does_not_resolve_it() {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(podEvent(POD, "Warning", "Failed", DISK_FULL, at(120), "f-1", NODE), at(120));
            replay.advance(Duration.ofMinutes(1));
            assertThat(statuses(replay.transitions(), "IMAGE_PULL_DISK_FULL")).containsExactly("OPEN");

            replay.event(podEvent(POD, "Normal", "Pulled", "Successfully pulled image \"amazon/aws-cli:latest\" in 5.419s",
                    at(6), "p-1", NODE), at(6));
            replay.advance(Duration.ofMinutes(1));
            assertThat(statuses(replay.transitions(), "IMAGE_PULL_DISK_FULL")).as("the late Pulled from before the failure")
                    .containsExactly("OPEN");

            replay.event(podEvent(POD, "Normal", "Pulled", "Successfully pulled image \"478253497479.dkr.ecr.us-east-1"
                    + ".amazonaws.com/triton:resnet50\" in 2m5s", at(400), "p-2", NODE), at(400));
            assertThat(statuses(replay.finish().transitions(), "IMAGE_PULL_DISK_FULL")).containsExactly("OPEN", "RESOLVED");
        }
    }
}
