package dev.incidents.recordings;

import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.PodSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pieces of a pod's describe pasted without its {@code Name:} line: its status lines (the kubelet's rejection of a
 * pod it was assigned is in them), its containers; the pod is the one its Events table names, if any.
 */
class PodStatusFragmentTest {
    private static final ReadOptions OPTIONS = new ReadOptions("test", Instant.parse("2025-01-01T00:00:00Z"));

    private final List<Rejection> rejections = new ArrayList<>();

    private PodSnapshot onlyPod(String text) {
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(records).hasSize(1);
        return (PodSnapshot) records.get(0).value();
    }

    /** kubernetes#97131: Reason and Message of a pod the device manager refused, the Status line not pasted. */
    @Test
    void reasonAndMessageWithoutStatus() {
        PodSnapshot pod = onlyPod("""
                Reason:         UnexpectedAdmissionError
                Message:        Pod Allocate failed due to device plugin GetPreferredAllocation rpc failed with err: rpc error: code = Unknown desc = Unable to retrieve list of available devices: error creating nvml.Device 5: nvml: GPU is lost, which is unexpected
                """);

        assertThat(pod.getName()).isEqualTo(DescribePod.UNNAMED_POD);
        assertThat(pod.getReason()).isEqualTo("UnexpectedAdmissionError");
        assertThat(pod.getMessage()).endsWith("nvml: GPU is lost, which is unexpected");
        // the kubelet rejects a pod at admission with phase Failed: the paste left out only the line saying so
        assertThat(pod.getPhase()).isEqualTo("Failed");
    }

    /** instaslice-operator#140: the Message line alone; the kubelet's 'Pod was rejected:' tells the reason. */
    @Test
    void aRejectionMessageAloneTellsItsReason() {
        PodSnapshot pod = onlyPod("""
                Message:          Pod was rejected: Allocate failed due to no healthy devices present; cannot allocate unhealthy devices nvidia.com/mig-1g.5gb, which is unexpected
                """);

        assertThat(pod.getReason()).isEqualTo("UnexpectedAdmissionError");
        assertThat(pod.getPhase()).isEqualTo("Failed");
        assertThat(DescribePod.rejectionReason("Pod was rejected: Node didn't have enough resource: nvidia.com/gpu, "
                + "requested: 1, used: 8, capacity: 8")).isEqualTo("OutOfnvidia.com/gpu");
        assertThat(DescribePod.rejectionReason("Back-off restarting failed container")).isNull();
    }

    /**
     * A Volcano PodGroup's status pasted alone (its phase, its members' counts, the scheduler's condition): the gang of
     * a paste that does not name it, its minMember as the verdict gives it; a pod's status has no member counts.
     */
    @Test
    void aGangsStatusYamlAlone() {
        List<Recorded> records = Recordings.read("paste.txt", """
                  conditions:
                  - lastTransitionTime: "2024-03-04T10:00:00Z"
                    message: '4/2 tasks in gang unschedulable: pod group is not ready, 6 minAvailable,
                      2 Running'
                    reason: NotEnoughResources
                    status: "True"
                    type: Unschedulable
                  phase: Running
                  running: 2
                """, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).singleElement().satisfies(r -> {
            var group = (dev.incidents.schemas.PodGroupSnapshot) r.value();
            assertThat(group.getName()).isEqualTo(Unnamed.POD_GROUP);
            assertThat(group.getMinMember()).isEqualTo(6);
            assertThat(group.getRunning()).isEqualTo(2);
            assertThat(group.getConditions()).singleElement()
                    .satisfies(c -> assertThat(c.getReason()).isEqualTo("NotEnoughResources"));
        });
    }

    /** cosmos-operator#185: the tail of a pod's status YAML, from 'message:' down, is that pod's status. */
    @Test
    void theTailOfAPodsStatusYaml() {
        PodSnapshot pod = onlyPod("""
                  message: 'The node was low on resource: memory. Container node was using 35505620Ki,
                    which exceeds its request of 12Gi. '
                  phase: Failed
                  podIP: 10.7.0.103
                  qosClass: Burstable
                  reason: Evicted
                  startTime: "2023-01-30T18:04:30Z"
                """);

        assertThat(pod.getName()).isEqualTo(DescribePod.UNNAMED_POD);
        assertThat(pod.getPhase()).isEqualTo("Failed");
        assertThat(pod.getReason()).isEqualTo("Evicted");
        assertThat(pod.getMessage()).startsWith("The node was low on resource: memory.");
    }

    /** kubernetes#48632: the status YAML with its 'status:' key; volcano-vgpu-device-plugin#4: the pre-1.27 message. */
    @Test
    void aStatusYamlUnderItsKeyAndTheDeviceManagersOlderMessage() {
        PodSnapshot evicted = onlyPod("""
                status:
                  message: 'Pod The node was low on resource: [MemoryPressure].'
                  phase: Failed
                  reason: Evicted
                  startTime: '2017-07-07T19:36:11Z'
                """);
        assertThat(evicted.getReason()).isEqualTo("Evicted");

        PodSnapshot rejected = onlyPod("Message:  Pod Allocate failed due to pc error: code = Unavailable desc = error "
                + "reading from server: EOF, which is unexpected\n");
        assertThat(rejected.getReason()).isEqualTo("UnexpectedAdmissionError");
    }

    /** kubernetes#130145: the same with its Status line. */
    @Test
    void statusReasonAndMessage() {
        PodSnapshot pod = onlyPod("""
                Status:              Failed
                Reason:            UnexpectedAdmissionError
                Message:         Pod Allocate failed due to requested number of devices unavailable for nvidia.com/gpu. Requested:1, Available: 0, which is unexpected
                """);

        assertThat(pod.getPhase()).isEqualTo("Failed");
        assertThat(pod.getReason()).isEqualTo("UnexpectedAdmissionError");
    }

    /** open-telemetry/opentelemetry-helm-charts#1876: Containers and Events, the pod named only by the Scheduled row. */
    @Test
    void containersAndEventsOfThePodTheScheduledRowNames() {
        List<Recorded> records = Recordings.read("paste.txt", """
                Containers:
                  delete-resources:
                    Image:         rancher/kubectl:v1.34.1
                    State:          Terminated
                      Reason:       StartError
                      Message:      failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown
                      Exit Code:    128
                      Started:      Thu, 01 Jan 1970 01:00:00 +0100
                      Finished:     Tue, 30 Sep 2025 09:55:48 +0200

                Events:
                  Type     Reason     Age   From               Message
                  ----     ------     ----  ----               -------
                  Normal   Scheduled  89s   default-scheduler  Successfully assigned opentelemetry-operator-system/opentelemetry-kube-stack-pre-delete-job-782vc to kind-control-plane
                """, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(Recorded::key).containsExactlyInAnyOrder(
                "test/opentelemetry-operator-system/Pod/opentelemetry-kube-stack-pre-delete-job-782vc",
                "test/opentelemetry-operator-system/opentelemetry-kube-stack-pre-delete-job-782vc");
        PodSnapshot pod = records.stream().map(Recorded::value).filter(PodSnapshot.class::isInstance)
                .map(PodSnapshot.class::cast).findFirst().orElseThrow();
        assertThat(pod.getNodeName()).isEqualTo("kind-control-plane");
        assertThat(pod.getContainers().get(0).getState().getReason()).isEqualTo("StartError");
        assertThat(pod.getContainers().get(0).getState().getExitCode()).isEqualTo(128);
    }
    /**
     * k8s-device-plugin#58: a node's status YAML alone, indented as the reporter's code block has it, is the status of
     * the node its Hostname address names (here allocatable GPUs 0 of 16).
     */
    @Test
    void aNodesStatusYamlAlone() {
        List<Recorded> records = Recordings.read("paste.txt", """
                    status:
                      addresses:
                      - address: 134.79.129.97
                        type: InternalIP
                      - address: ocio-gpu01
                        type: Hostname
                      allocatable:
                        cpu: "48"
                        nvidia.com/gpu: "0"
                      capacity:
                        cpu: "48"
                        nvidia.com/gpu: "16"
                """, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).hasSize(1);
        NodeSnapshot node = (NodeSnapshot) records.get(0).value();
        assertThat(node.getName()).isEqualTo("ocio-gpu01");
        assertThat(node.getAllocatable()).containsEntry("nvidia.com/gpu", "0");
        assertThat(node.getCapacity()).containsEntry("nvidia.com/gpu", "16");
        assertThat(Recordings.read("paste.txt", "capacity: 16 GPUs\nallocatable: none\n", OPTIONS, rejections::add))
                .as("two words with colons are not a node's status").isEmpty();
    }

    /** azure-service-operator#298: a Last State whose fields the reporter pasted at its own indentation. */
    @Test
    void aLastStateWithItsFieldsFlushLeft() {
        PodSnapshot pod = onlyPod("""
                  Last State:     Terminated
                  Reason:       OOMKilled
                  Exit Code:    137
                """);

        assertThat(pod.getContainers().get(0).getLastState().getReason()).isEqualTo("OOMKilled");
        assertThat(pod.getContainers().get(0).getLastState().getExitCode()).isEqualTo(137);
        assertThat(pod.getReason()).as("not the pod's status reason").isNull();
    }

    /**
     * A container's state pasted alone, without the {@code state:} or {@code lastState:} above it: as YAML at its own
     * indentation, as the key and value cut out of the pod's JSON (projectbluefin/lab#598 quotes
     * {@code "terminated":{"exitCode":137,"reason":"OOMKilled"}}), as a JSON file of that object: the container's
     * state, of a pod the paste does not name.
     */
    @Test
    void aContainerStatePastedAloneInYamlOrJson() {
        for (String pasted : List.of("terminated:\n  exitCode: 137\n  reason: OOMKilled\n",
                "\"terminated\":{\"exitCode\":137,\"reason\":\"OOMKilled\"}\n",
                "{\"terminated\": {\"exitCode\": 137, \"reason\": \"OOMKilled\"}}\n")) {
            PodSnapshot pod = onlyPod(pasted);
            assertThat(pod.getName()).as(pasted).isEqualTo(Unnamed.POD);
            assertThat(pod.getContainers().get(0).getState().getReason()).as(pasted).isEqualTo("OOMKilled");
            assertThat(pod.getContainers().get(0).getState().getExitCode()).as(pasted).isEqualTo(137);
        }
        assertThat(onlyPod("waiting:\n  reason: CrashLoopBackOff\n").getContainers().get(0).getState().getReason())
                .isEqualTo("CrashLoopBackOff");
    }

    /**
     * kubernetes' runtime-constraints example (2015): kubectl before 1.3 printed a container's last state as its
     * {@code Last Termination State}; cut by {@code grep -C 3 "Terminated"} under the command naming the pod.
     */
    @Test
    void aLastTerminationStateOfOldKubectl() {
        PodSnapshot pod = onlyPod("""
                $ cluster/kubectl.sh describe pods/memhog-oom-gj9hw | grep -C 3 "Terminated"
                      memory:           200Mi
                    State:          Waiting
                      Reason:           CrashLoopBackOff
                    Last Termination State: Terminated
                      Reason:           OOMKilled
                      Exit Code:        137
                      Started:          Wed, 23 Sep 2015 15:23:58 -0400
                """);

        assertThat(pod.getName()).isEqualTo("memhog-oom-gj9hw");
        assertThat(pod.getContainers().get(0).getState().getReason()).isEqualTo("CrashLoopBackOff");
        assertThat(pod.getContainers().get(0).getLastState().getReason()).isEqualTo("OOMKilled");
        assertThat(pod.getContainers().get(0).getLastState().getExitCode()).isEqualTo(137);
    }

    /**
     * A container's {@code lastState} pasted alone from the pod's status YAML (its first line quoted at another
     * indentation): the container of a pod the paste does not name, restarted once at least, the pod running.
     */
    @Test
    void aContainersLastStateYamlAlone() {
        PodSnapshot pod = onlyPod("""
                 lastState:
                      terminated:
                        containerID: docker://c08200420b7f
                        exitCode: 255
                        finishedAt: "2019-06-19T08:13:45Z"
                        reason: OOMKilled
                        startedAt: "2019-06-19T08:13:33Z"
                """);

        assertThat(pod.getName()).isEqualTo(DescribePod.UNNAMED_POD);
        assertThat(pod.getPhase()).isEqualTo("Running");
        assertThat(pod.getContainers()).singleElement().satisfies(c -> {
            assertThat(c.getLastState().getReason()).isEqualTo("OOMKilled");
            assertThat(c.getLastState().getExitCode()).isEqualTo(255);
            assertThat(c.getRestartCount()).isEqualTo(1);
        });
    }

    /** Items of {@code containerStatuses} pasted without the key: one container waiting to start keeps the pod Pending. */
    @Test
    void containerStatusItemsAlone() {
        PodSnapshot pending = onlyPod("""
                - image: nvcr.io/nvidia/tritonserver:24.01-py3
                  name: triton
                  ready: false
                  restartCount: 0
                  state:
                    waiting:
                      message: Back-off pulling image "nvcr.io/nvidia/tritonserver:24.01-py3"
                      reason: ImagePullBackOff
                """);
        assertThat(pending.getPhase()).isEqualTo("Pending");
        assertThat(pending.getContainers()).singleElement().satisfies(c -> {
            assertThat(c.getName()).isEqualTo("triton");
            assertThat(c.getState().getReason()).isEqualTo("ImagePullBackOff");
        });

        PodSnapshot looping = onlyPod("""
                containerStatuses:
                - name: vllm
                  restartCount: 7
                  lastState:
                    terminated:
                      exitCode: 137
                      reason: OOMKilled
                  state:
                    waiting:
                      reason: CrashLoopBackOff
                """);
        assertThat(looping.getPhase()).isEqualTo("Running");
        assertThat(looping.getContainers().get(0).getRestartCount()).isEqualTo(7);
        assertThat(looping.getName()).isEqualTo(DescribePod.UNNAMED_POD);

        // infra-deployments#5864: the kubelet's back-off message names the pod and its namespace
        PodSnapshot named = onlyPod("""
                  containerStatuses:
                    - restartCount: 89
                      name: manager
                      state:
                        waiting:
                          reason: CrashLoopBackOff
                          message: back-off 5m0s restarting failed container=manager pod=integration-service-controller-manager-688576694b-shvsr_integration-service(f3a99704-508c-4602-9136-cb09bb250374)
                      lastState:
                        terminated:
                          exitCode: 137
                          reason: OOMKilled
                """);
        assertThat(named.getName()).isEqualTo("integration-service-controller-manager-688576694b-shvsr");
        assertThat(named.getNamespace()).isEqualTo("integration-service");

        // a container spec is no status: nothing of it is a snapshot
        assertThat(Recordings.read("paste.txt", """
                - name: vllm
                  image: vllm/vllm-openai:latest
                  resources:
                    limits:
                      nvidia.com/gpu: 1
                """, OPTIONS, rejections::add)).isEmpty();
    }

    /** openshift/os#935: status lines under `oc describe pods/x` cut to them with "...": that pod's. */
    @Test
    void statusLinesUnderTheDescribeCommandNamingThePod() {
        PodSnapshot pod = onlyPod("""
                $ oc describe pods/rhcos-art-cosa-5zxpd-6wbtc -n builds
                ...
                Message:      The node was low on resource: ephemeral-storage
                """);

        assertThat(pod.getName()).isEqualTo("rhcos-art-cosa-5zxpd-6wbtc");
        assertThat(pod.getNamespace()).isEqualTo("builds");
        assertThat(pod.getReason()).isEqualTo("Evicted");
    }

    /**
     * kubernetes/website#26943: a Pending pod's Events above the describe of its claim: the claim's one user
     * ({@code Mounted By:}, {@code Used By:}) in the claim's namespace is the pod the events are about.
     */
    @Test
    void eventsAboveTheDescribeOfTheClaimThePodUses() {
        List<Recorded> records = Recordings.read("paste.txt", """
                Events:
                  Type     Reason            Age                 From               Message
                  ----     ------            ----                ----               -------
                  Warning  FailedScheduling  55s (x11 over 11m)  default-scheduler  0/3 nodes are available: 3 pod has unbound immediate PersistentVolumeClaims.

                Name:          hub-db-dir
                Namespace:     jhub
                StorageClass:
                Status:        Pending
                Volume:
                Access Modes:
                VolumeMode:    Filesystem
                Used By:       hub-5b8d96f64b-qk86l
                """, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).hasSize(2).first().satisfies(r -> {
            var event = (dev.incidents.schemas.KubeEvent) r.value();
            assertThat(event.getInvolvedObject().getName()).isEqualTo("hub-5b8d96f64b-qk86l");
            assertThat(event.getInvolvedObject().getNamespace()).isEqualTo("jhub");
        });
        // the claim itself, Pending without a class: the volume controller's FailedBinding on it
        assertThat(records).last().satisfies(r -> {
            var event = (dev.incidents.schemas.KubeEvent) r.value();
            assertThat(event.getReason()).isEqualTo("FailedBinding");
            assertThat(event.getInvolvedObject().getKind() + "/" + event.getInvolvedObject().getName())
                    .isEqualTo("PersistentVolumeClaim/hub-db-dir");
        });
    }

    /**
     * strimzi-kafka-operator#1916: the describe of a claim Pending with no storage class, cut before its Events: the
     * volume controller's FailedBinding on it ({@code no persistent volumes available for this claim and no storage
     * class is set}), which it records for that state; a claim with a class, or one already Bound, has none.
     */
    @Test
    void aClaimPendingWithoutAClassIsTheControllersBindingFailure() {
        List<Recorded> records = Recordings.read("paste.txt", """
                root@k8s-test-2:~# kubectl describe  pvc  data-my-cluster-zookeeper-0   -n kafka
                Name:          data-my-cluster-zookeeper-0
                Namespace:     kafka
                StorageClass:
                Status:        Pending
                Volume:
                Labels:        strimzi.io/cluster=my-cluster
                """, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(records).singleElement().satisfies(r -> {
            var event = (dev.incidents.schemas.KubeEvent) r.value();
            assertThat(event.getReason()).isEqualTo("FailedBinding");
            assertThat(event.getMessage()).isEqualTo(DescribeClaim.NO_CLASS);
            assertThat(event.getInvolvedObject().getNamespace() + "/" + event.getInvolvedObject().getName())
                    .isEqualTo("kafka/data-my-cluster-zookeeper-0");
            assertThat(event.getLastTimestamp()).isEqualTo(OPTIONS.now());
        });

        assertThat(Recordings.read("paste.txt", """
                Name:          data-0
                Namespace:     kafka
                StorageClass:  gp3
                Status:        Pending
                Volume:
                """, OPTIONS, rejections::add)).isEmpty();
        assertThat(Recordings.read("paste.txt", """
                Name:          data-1
                Namespace:     kafka
                StorageClass:
                Status:        Bound
                Volume:        local-pv-1
                """, OPTIONS, rejections::add)).isEmpty();
    }

    /**
     * consul-helm#801: a claim's FailedBinding row copied above the claim's own describe, naming nothing: the row is
     * the described claim's, not an unnamed claim's.
     */
    @Test
    void aRowNamingNothingAboveTheOnlyDescribeOfItsKind() {
        List<Recorded> records = Recordings.read("paste.txt", """
                  Normal  FailedBinding  4s (x2822 over 11h)  persistentvolume-controller  no persistent volumes available for this claim and no storage class is set

                Name:          data-consul-server-0
                Namespace:     consul
                StorageClass:
                Status:        Pending
                Access Modes:
                Used By:       <none>
                """, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).singleElement().satisfies(r -> {
            var event = (dev.incidents.schemas.KubeEvent) r.value();
            assertThat(event.getInvolvedObject().getKind()).isEqualTo("PersistentVolumeClaim");
            assertThat(event.getInvolvedObject().getName()).isEqualTo("data-consul-server-0");
            assertThat(event.getInvolvedObject().getNamespace()).isEqualTo("consul");
        });
    }
    /**
     * flux2#4306: a container's describe pasted from its Args down, its name and the pod's Name/Namespace lines cut: the
     * block is one unnamed container (not a container named "Args"), and the downward API variable that kubectl
     * resolves ({@code RUNTIME_NAMESPACE:  flux-system (v1:metadata.namespace)}) names the pod's namespace.
     */
    @Test
    void aContainerFromItsArgsDownInTheNamespaceItsEnvironmentNames() {
        PodSnapshot pod = onlyPod("""
                Args:
                      --storage-path=/data
                      --enable-leader-election
                    State:          Running
                      Started:      Fri, 06 Oct 2023 18:51:09 +0000
                    Last State:     Terminated
                      Reason:       OOMKilled
                      Exit Code:    137
                    Ready:          False
                    Restart Count:  1
                    Limits:
                      memory:  1Gi
                    Environment:
                      RUNTIME_NAMESPACE:  flux-system (v1:metadata.namespace)
                """);

        assertThat(pod.getNamespace()).isEqualTo("flux-system");
        assertThat(pod.getName()).isEqualTo(DescribePod.UNNAMED_POD);
        assertThat(pod.getContainers()).singleElement().satisfies(c -> {
            assertThat(c.getName()).isNotEqualTo("Args");
            assertThat(c.getLastState().getReason()).isEqualTo("OOMKilled");
            assertThat(c.getRestartCount()).isEqualTo(1);
        });
    }

    /**
     * A pod's YAML status pasted from inside its {@code containerStatuses} list (the key above the items cut) down to
     * the status keys after it ({@code hostIP}, {@code phase}): the items are the containers, and the back-off message
     * names the pod and its namespace.
     */
    @Test
    void containerStatusItemsWithTheirKeyCutAndTheStatusKeysAfterThem() {
        PodSnapshot pod = onlyPod("""
                  - containerID: docker://f8746a7ba8d2
                    image: registry.example/kube-state-metrics:v2.0.0
                    lastState:
                      terminated:
                        exitCode: 137
                        finishedAt: "2022-11-09T01:45:57Z"
                        reason: OOMKilled
                        startedAt: "2022-11-09T01:45:45Z"
                    name: kube-state-metrics
                    ready: false
                    restartCount: 74
                    state:
                      waiting:
                        message: back-off 5m0s restarting failed container=kube-state-metrics pod=kube-state-metrics-84fb48777f-5qsqp_monitoring(7ab38671-6ea7-4a4b-b9ad-5b91deacb820)
                        reason: CrashLoopBackOff
                  hostIP: 10.120.0.45
                  phase: Running
                  qosClass: Burstable
                  startTime: "2022-09-26T10:19:09Z"
                """);

        assertThat(pod.getName()).isEqualTo("kube-state-metrics-84fb48777f-5qsqp");
        assertThat(pod.getNamespace()).isEqualTo("monitoring");
        assertThat(pod.getContainers()).singleElement().satisfies(c -> {
            assertThat(c.getLastState().getReason()).isEqualTo("OOMKilled");
            assertThat(c.getRestartCount()).isEqualTo(74);
        });
        assertThat(CutSequenceKey.restore("phase: Running\n")).isNull();
        assertThat(CutSequenceKey.restore("- name: a\n  image: b\n")).isNull();
    }

    /**
     * JSON cut before its end (batches 125 and 126): a container status's keys pasted without the braces around them
     * and cut inside the termination message (node-problem-detector#1171), and a pod condition alone in a file cut
     * before its closing brace (kubevirt/project-infra#2442): each reads as far as it goes, the cut file reported.
     */
    @Test
    void jsonCutBeforeItsEndReadsAsFarAsItGoes() {
        PodSnapshot killed = onlyPod("""
                "name": "test",
                					"state": {
                						"terminated": {
                							"exitCode": 127,
                							"reason": "OOMKilled",
                							"message": ", line 57, in check_env\\n    subprocess.check_call(cmd, env=env)\\n  File \\"/usr/lib/py
                """);
        assertThat(killed.getContainers()).singleElement().satisfies(c -> {
            assertThat(c.getName()).isEqualTo("test");
            assertThat(c.getState().getReason()).isEqualTo("OOMKilled");
        });

        List<Recorded> records = Recordings.read("pod.json", """
                 {
                                        "type": "PodScheduled",
                                        "status": "False",
                                        "reason": "Unschedulable",
                                        "message": "0/4 nodes are available: 4 Insufficient memory."
                """, OPTIONS, rejections::add);
        assertThat(rejections).singleElement().satisfies(r -> assertThat(r.reason()).startsWith("not JSON"));
        assertThat(records).singleElement().satisfies(r -> {
            PodSnapshot pending = (PodSnapshot) r.value();
            assertThat(pending.getPhase()).isEqualTo("Pending");
            assertThat(pending.getConditions()).singleElement()
                    .satisfies(c -> assertThat(c.getMessage()).isEqualTo("0/4 nodes are available: 4 Insufficient memory."));
        });
    }

    /**
     * pinniped#894: an Event as {@code kubectl get events -o json} prints it (keys in order) cut inside its metadata, so
     * its reason, source and type are lost: the message says which event it is.
     */
    @Test
    void anEventCutBeforeItsReasonIsTheEventItsMessageSays() {
        List<Recorded> records = Recordings.read("events.json", """
                {
                    "apiVersion": "v1",
                    "count": 9,
                    "firstTimestamp": "2021-11-24T01:51:03Z",
                    "involvedObject": {
                        "kind": "Pod",
                        "name": "local-user-authenticator-74d9cc6577-z9vgg",
                        "namespace": "local-user-authenticator"
                    },
                    "kind": "Event",
                    "lastTimestamp": "2021-11-24T02:00:56Z",
                    "message": "0/1 nodes are available: 1 node(s) had taint {node.kubernetes.io/network-unavailable: }, that the pod didn't tolerate.",
                    "metadata": {
                        "creationTimestamp": "2021-11-24T01:51:03Z",
                        "namespace": "local-user-authenticator",
                """, OPTIONS, rejections::add);
        assertThat(rejections).singleElement().satisfies(r -> assertThat(r.reason()).startsWith("not JSON"));
        assertThat(records).singleElement().satisfies(r -> {
            KubeEvent scheduling = (KubeEvent) r.value();
            assertThat(scheduling.getReason()).isEqualTo("FailedScheduling");
            assertThat(scheduling.getType()).isEqualTo("Warning");
            assertThat(scheduling.getCount()).isEqualTo(9);
            assertThat(scheduling.getInvolvedObject().getName()).isEqualTo("local-user-authenticator-74d9cc6577-z9vgg");
        });
    }
}
