package dev.incidents.analyzer.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.hints.Clue;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The parsers of GPU, runtime and capacity evidence (issue 15), on verbatim Kubernetes, runtime, driver and scheduler messages. */
class GpuAndCapacityMessagesTest {

    @Test
    void the_runtime_failing_to_start_a_container_is_told_apart_by_family() {
        assertThat(ContainerStartFailure.parse("Error: failed to create containerd task: failed to create shim task: "
                + "OCI runtime create failed: runc create failed: unable to start container process: error during "
                + "container init: error running hook #0: error running hook: exit status 1, stdout: , stderr: "
                + "Auto-detected mode as 'legacy'\nnvidia-container-cli: initialization error: nvml error: driver not "
                + "loaded: unknown")).map(ContainerStartFailure::kind).contains(ContainerStartFailure.Kind.NVIDIA_TOOLKIT);
        assertThat(ContainerStartFailure.parse("Error: failed to start container \"app\": Error response from daemon: "
                + "OCI runtime create failed: container_linux.go:349: starting container process caused \"exec: "
                + "\\\"/app/run\\\": stat /app/run: no such file or directory\": unknown"))
                .map(ContainerStartFailure::kind).contains(ContainerStartFailure.Kind.ENTRYPOINT_MISSING);
        assertThat(ContainerStartFailure.parse("container create failed: executable file `lmcache_experimental_server` "
                + "not found in $PATH: No such file or directory")).as("cri-o quotes the executable's name")
                .map(ContainerStartFailure::kind).contains(ContainerStartFailure.Kind.ENTRYPOINT_MISSING);
        assertThat(ContainerStartFailure.parse("Error: container create failed: exec format error"))
                .map(ContainerStartFailure::kind).contains(ContainerStartFailure.Kind.WRONG_ARCHITECTURE);
        // the toolkit's CDI specification not generated for the GPUs asked; Docker without the NVIDIA runtime
        assertThat(ContainerStartFailure.parse("Error: failed to create containerd task: failed to create shim task: "
                + "OCI runtime create failed: could not apply required modification to OCI specification: error "
                + "modifying OCI spec: failed to inject CDI devices: unresolvable CDI devices nvidia.com/gpu=all: unknown"))
                .map(ContainerStartFailure::kind).contains(ContainerStartFailure.Kind.NVIDIA_TOOLKIT);
        assertThat(ContainerStartFailure.parse("Error: failed to start container \"triton\": Error response from daemon: "
                + "could not select device driver \"\" with capabilities: [[gpu]]")).map(ContainerStartFailure::kind)
                .contains(ContainerStartFailure.Kind.NVIDIA_TOOLKIT);
        // a script without its execute bit: runc before 1.1 quotes the path after "exec:", 1.1+ does not
        assertThat(ContainerStartFailure.parse("Error: failed to create containerd task: failed to create shim task: "
                + "OCI runtime create failed: runc create failed: unable to start container process: exec: "
                + "\"/app/start.sh\": permission denied: unknown")).map(ContainerStartFailure::kind)
                .contains(ContainerStartFailure.Kind.ENTRYPOINT_NOT_EXECUTABLE);
        assertThat(ContainerStartFailure.parse("Error: failed to create containerd task: failed to create shim task: "
                + "OCI runtime create failed: runc create failed: unable to start container process: exec "
                + "/docker-entrypoint.sh: permission denied: unknown")).map(ContainerStartFailure::kind)
                .contains(ContainerStartFailure.Kind.ENTRYPOINT_NOT_EXECUTABLE);
        assertThat(ContainerStartFailure.parse("Error: failed to start container \"app\": Error response from daemon: "
                + "OCI runtime create failed: container_linux.go:349: starting container process caused \"exec: "
                + "\\\"./run.sh\\\": permission denied\": unknown")).map(ContainerStartFailure::kind)
                .contains(ContainerStartFailure.Kind.ENTRYPOINT_NOT_EXECUTABLE);
        assertThat(ContainerStartFailure.parse("Error: failed to create containerd task: OCI runtime create failed: "
                + "error during container init: error mounting \"/host/data\" to rootfs at \"/data\": permission "
                + "denied: unknown")).as("a mount refused is no exec").map(ContainerStartFailure::kind)
                .contains(ContainerStartFailure.Kind.OTHER);
        // action-k3s-helm#112: Docker refuses to create a container whose hostPath does not exist on the node
        assertThat(ContainerStartFailure.parse("Error: Error response from daemon: invalid mount config for type "
                + "\"bind\": bind source path does not exist: /opt/cni/bin")).isPresent();
        // kubernetes#114562: containerd cannot make the container (its snapshotter's directory gone after a reboot)
        assertThat(ContainerStartFailure.parse("Error: failed to create containerd container: failed to create prepare "
                + "snapshot dir: failed to create temp dir: stat /data/containerd/io.containerd.snapshotter.v1.overlayfs/"
                + "snapshots: no such file or directory")).map(ContainerStartFailure::kind)
                .contains(ContainerStartFailure.Kind.OTHER);
        // the kubelet of 1.5 to 1.7 (cri-o#491: CRI-O wanted capabilities with their CAP_ prefix)
        assertThat(ContainerStartFailure.parse("Failed to create container with error: rpc error: code = 2 desc = "
                + "capability KILL must start with CAP_")).map(ContainerStartFailure::kind)
                .contains(ContainerStartFailure.Kind.OTHER);
        // containerd cannot build the spec: a Localhost AppArmor profile the node has not loaded
        assertThat(ContainerStartFailure.parse("Error: failed to get container spec opts: failed to generate apparmor "
                + "spec opts: apparmor profile not found k8s-apparmor-example-allow-write")).isPresent();
        // a create the runtime did not finish within the kubelet's timeout, then the name still held by it
        assertThat(ContainerStartFailure.parse("Error: context deadline exceeded")).isPresent();
        assertThat(ContainerStartFailure.parse("(combined from similar events): Error: Kubelet may be retrying requests "
                + "that are timing out in CRI-O due to system load: context deadline exceeded: error reserving ctr name "
                + "k8s_minio_pool-0-3_ns_8dec4302_0 for id 8424e8fd: name is reserved")).isPresent();
        assertThat(ContainerStartFailure.parse("Error: failed to reserve container name \"app_web-0_default_1b2c_0\": "
                + "name \"app_web-0_default_1b2c_0\" is reserved for \"4f1d\"")).isPresent();
        assertThat(ContainerStartFailure.parse("Failed to create pod sandbox: rpc error: code = Unknown desc = failed to "
                + "reserve sandbox name \"web-0_default_1b2c_0\": name is reserved")).as("a sandbox's name").isEmpty();
        assertThat(ContainerStartFailure.parse("Liveness probe failed: context deadline exceeded"))
                .as("a probe's timeout is no start").isEmpty();
        assertThat(ContainerStartFailure.parse("Failed to pull image \"x\": rpc error: code = Unknown desc = Error "
                + "response from daemon: manifest for x:1 not found")).as("Docker's pull errors are pulls").isEmpty();
        assertThat(ContainerStartFailure.parse("Failed to pull image \"x\": rpc error: code = Unknown")).isEmpty();
        assertThat(ContainerStartFailure.parse("Failed to create pod sandbox: rpc error: OCI runtime create failed"))
                .as("a sandbox failure is SANDBOX_FAILED's").isEmpty();
        assertThat(ContainerStartFailure.isStartReason("RunContainerError")).isTrue();
        assertThat(ContainerStartFailure.isStartReason("CrashLoopBackOff")).isFalse();
    }

    @Test
    void kubelet_admission_rejections_name_the_device_and_the_part_of_the_kubelet() {
        Optional<GpuAdmissionFailure> unexpected = GpuAdmissionFailure.parse("UnexpectedAdmissionError",
                "Allocate failed due to requested number of devices unavailable for nvidia.com/gpu. Requested: 1, "
                        + "Available: 0, which is unexpected");
        assertThat(unexpected).map(GpuAdmissionFailure::resource).contains(Optional.of("nvidia.com/gpu"));
        assertThat(unexpected).map(GpuAdmissionFailure::clue).contains(Clue.DEVICE_MANAGER_OUT_OF_SYNC);
        assertThat(GpuAdmissionFailure.parse("OutOfnvidia.com/gpu", "Node didn't have enough resource: "
                + "nvidia.com/gpu, requested: 1, used: 8, capacity: 8"))
                .map(GpuAdmissionFailure::clue).contains(Clue.KUBELET_DEVICES_HELD);
        assertThat(GpuAdmissionFailure.parse("OutOfcpu", "Node didn't have enough resource: cpu, requested: 400, "
                + "used: 3800, capacity: 4000")).as("not a device").isEmpty();
        assertThat(GpuAdmissionFailure.parse("TopologyAffinityError", "Resources cannot be allocated with Topology "
                + "locality")).map(GpuAdmissionFailure::clue).contains(Clue.TOPOLOGY_AFFINITY);
    }

    @Test
    void gpu_faults_are_classified_by_xid_and_application_xids_are_not_faults() {
        assertThat(GpuFault.parse("NVRM: Xid (PCI:0000:3b:00): 79, pid=2817, name=tritonserver, GPU has fallen off "
                + "the bus.")).map(GpuFault::clue).contains(Clue.GPU_FELL_OFF_BUS);
        assertThat(GpuFault.parse("NVRM: Xid (PCI:0000:86:00): 48, pid=0, DBE (double bit error) ECC error"))
                .map(GpuFault::xid).contains(Optional.of(48));
        assertThat(GpuFault.parse("NVRM: Xid (PCI:0000:86:00): 48, pid=0, DBE (double bit error) ECC error"))
                .map(GpuFault::clue).contains(Clue.GPU_MEMORY_ERRORS);
        assertThat(GpuFault.parse("NVRM: Xid (PCI:0000:06:00): 74, pid=1, NVLink: fatal error detected on link 3"))
                .map(GpuFault::clue).contains(Clue.NVLINK_ERRORS);
        assertThat(GpuFault.parse("NVRM: Xid (PCI:0000:3b:00): 13, pid=4711, Graphics Exception: ESR 0x50"))
                .as("Xid 13 is the application's").isEmpty();
        assertThat(GpuFault.parse("Successfully assigned default/x to node-1")).isEmpty();
        assertThat(GpuFault.parse("Node node-1 status is now: NodeHasSufficientMemory")).isEmpty();
    }

    @Test
    void a_not_ready_node_says_why_in_its_ready_condition() {
        assertThat(NodeNotReadyReason.clue("KubeletNotReady", "PLEG is not healthy: pleg was last seen active 3m0.5s "
                + "ago; threshold is 3m0s")).contains(Clue.PLEG_NOT_HEALTHY);
        assertThat(NodeNotReadyReason.clue("KubeletNotReady", "container runtime network not ready: "
                + "NetworkReady=false reason:NetworkPluginNotReady message:docker: network plugin is not ready: cni "
                + "config uninitialized")).contains(Clue.NETWORK_PLUGIN_NOT_READY);
        assertThat(NodeNotReadyReason.clue("KubeletNotReady", "container runtime is down"))
                .contains(Clue.CONTAINER_RUNTIME_DOWN);
        assertThat(NodeNotReadyReason.clue("NodeStatusUnknown", "Kubelet stopped posting node status."))
                .contains(Clue.KUBELET_STOPPED_POSTING);
        assertThat(NodeNotReadyReason.clue("KubeletNotReady", "")).isEmpty();
    }

    @Test
    void autoscaler_and_queue_verdicts_say_why_no_capacity_comes() {
        assertThat(ScaleUpVerdict.clue("Node scale up in zones us-central1-c associated with this pod failed: GCE "
                + "quota exceeded. Pod is at risk of not being scheduled.")).contains(Clue.CLOUD_QUOTA_EXCEEDED);
        assertThat(ScaleUpVerdict.clue("Node scale up in zones us-central1-a associated with this pod failed: GCE out "
                + "of resources. Pod is at risk of not being scheduled.")).contains(Clue.CLOUD_CAPACITY_EXHAUSTED);
        assertThat(ScaleUpVerdict.clue("pod didn't trigger scale-up: 1 max node group size reached"))
                .contains(Clue.NODE_GROUP_AT_MAX_SIZE);
        String backoff = "pod didn't trigger scale-up: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) "
                + "had taint {k8s.dask.org_dedicated: worker}, that the pod didn't tolerate, 1 in backoff after failed "
                + "scale-up";
        assertThat(ScaleUpVerdict.clue(backoff)).contains(Clue.SCALE_UP_BACKOFF);
        // a group that fits exists but cannot grow: the other groups' mismatches do not explain the pending pod
        assertThat(ScaleUpVerdict.fittingGroupCannotGrow(backoff)).isTrue();
        assertThat(ScaleUpVerdict.fittingGroupCannotGrow("pod didn't trigger scale-up: 2 node(s) didn't match Pod's "
                + "node affinity/selector, 1 max node group size reached")).isTrue();
        assertThat(ScaleUpVerdict.fittingGroupCannotGrow("pod didn't trigger scale-up: 3 node(s) didn't match Pod's "
                + "node affinity/selector")).isFalse();
        assertThat(QueueVerdict.parse("Pending", "couldn't assign flavors to pod set main: insufficient quota for "
                + "nvidia.com/gpu in flavor default-flavor, request > maximum capacity (8 > 4)"))
                .hasValueSatisfying(v -> {
                    assertThat(v.resource()).contains("nvidia.com/gpu");
                    assertThat(v.accelerator()).isTrue();
                    assertThat(v.clue()).isEqualTo(Clue.QUEUE_QUOTA_EXHAUSTED);
                });
        assertThat(QueueVerdict.parse("Unschedulable", "1/1 tasks in gang unschedulable: pod group is not ready, 1 "
                + "Pending, 1 minAvailable; Pending: 1 Unschedulable")).map(QueueVerdict::clue)
                .contains(Clue.GANG_NOT_PLACEABLE);
        assertThat(QueueVerdict.parse("Pending", "Back-off pulling image")).isEmpty();
    }

    /**
     * The kubelet's admission refusals of checks the scheduler makes too: the category of the check, proven the
     * kubelet's; an accelerator's OutOf is GPU_ADMISSION_FAILED's, other reasons are none.
     */
    @Test
    void the_kubelet_refusing_a_bound_pod_names_the_check_it_failed() {
        assertThat(KubeletAdmission.parse("OutOfcpu", "Node didn't have enough resource: cpu, requested: 2000, used: "
                + "15350, capacity: 16000")).hasValueSatisfying(r -> {
                    assertThat(r.category()).isEqualTo(dev.incidents.analyzer.Category.INSUFFICIENT_RESOURCES);
                    assertThat(r.resource()).contains("cpu");
                    assertThat(r.facts().clues()).containsExactly(Clue.KUBELET_REJECTED);
                });
        assertThat(KubeletAdmission.parse("OutOfpods", "")).map(KubeletAdmission::resource).contains(Optional.of("pods"));
        assertThat(KubeletAdmission.parse("NodeAffinity", "Predicate NodeAffinity failed"))
                .map(KubeletAdmission::category).contains(dev.incidents.analyzer.Category.NODE_SELECTOR_MISMATCH);
        assertThat(KubeletAdmission.parse("MatchNodeSelector", "Predicate MatchNodeSelector failed"))
                .map(KubeletAdmission::category).contains(dev.incidents.analyzer.Category.NODE_SELECTOR_MISMATCH);
        assertThat(KubeletAdmission.parse("TaintToleration", "Predicate TaintToleration failed"))
                .map(KubeletAdmission::category).contains(dev.incidents.analyzer.Category.UNTOLERATED_TAINT);
        assertThat(KubeletAdmission.parse("NodePorts", "Predicate NodePorts failed")).map(KubeletAdmission::resource)
                .contains(Optional.of("host ports"));
        assertThat(KubeletAdmission.parse("OutOfnvidia.com/gpu", "Node didn't have enough resource: nvidia.com/gpu, "
                + "requested: 1, used: 4, capacity: 4")).isEmpty();
        assertThat(KubeletAdmission.parse("Failed", "Error: ErrImagePull")).isEmpty();
        assertThat(KubeletAdmission.parse(null, null)).isEmpty();
    }

    /** A GPU inference server's last words name the cause (its termination message, FallbackToLogsOnError). */
    @Test
    void a_containers_last_words_name_the_gpu_cause() {
        assertThat(TerminationMessage.clue("torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 "
                + "has a total capacity of 22.06 GiB of which 1.19 GiB is free.")).contains(Clue.GPU_OUT_OF_MEMORY);
        assertThat(TerminationMessage.clue("RuntimeError: CUDA error: out of memory")).contains(Clue.GPU_OUT_OF_MEMORY);
        assertThat(TerminationMessage.clue("ValueError: The model's max seq len (131072) is larger than the maximum number "
                + "of tokens that can be stored in KV cache (61248). Try increasing `gpu_memory_utilization` or decreasing "
                + "`max_model_len` when initializing the engine.")).contains(Clue.KV_CACHE_TOO_SMALL);
        assertThat(TerminationMessage.clue("ValueError: No available memory for the cache blocks. Try increasing "
                + "`gpu_memory_utilization` when initializing the engine.")).contains(Clue.KV_CACHE_TOO_SMALL);
        assertThat(TerminationMessage.clue("RuntimeError: Found no NVIDIA driver on your system. Please check that you "
                + "have an NVIDIA GPU and installed a driver")).contains(Clue.NO_USABLE_GPU_DRIVER);
        assertThat(TerminationMessage.clue("CUDA driver version is insufficient for CUDA runtime version"))
                .contains(Clue.NO_USABLE_GPU_DRIVER);
        assertThat(TerminationMessage.clue("Error: listen tcp :8000: bind: address already in use")).isEmpty();
        assertThat(TerminationMessage.clue(null)).isEmpty();
    }
}
