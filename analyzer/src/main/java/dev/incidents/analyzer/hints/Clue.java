package dev.incidents.analyzer.hints;

/**
 * What the evidence says about the cause, finer than the category: a catalog cause marked {@code when: CLUE} is
 * rendered only when the incident's {@link Facts} carry that clue, and then ranked first. Parsers add the clues their
 * message proves (a quota refusal, a multi-attach error); the topology adds those it learns from snapshots (no node
 * advertises the GPU resource). The set is closed so a typo in the catalog fails at load.
 */
public enum Clue {
    // REPLICA_CREATE_FAILED: which admission step refused the pod
    QUOTA_EXCEEDED,
    LIMIT_RANGE,
    ADMISSION_WEBHOOK,
    POD_SECURITY,
    SERVICE_ACCOUNT_MISSING,
    NAMESPACE_TERMINATING,
    /** OpenShift's SecurityContextConstraints or a PodSecurityPolicy: no policy the pod may use allows what it asks. */
    SECURITY_POLICY,
    /** {@code pod rejected: RuntimeClass "nvidia" not found}: the runtimeClassName names none the cluster has. */
    RUNTIME_CLASS_MISSING,
    /** {@code no PriorityClass with name x was found}. */
    PRIORITY_CLASS_MISSING,
    /** {@code Pod "x" is invalid: spec...}: the API server's validation refuses the pod template. */
    INVALID_POD_SPEC,

    // INSUFFICIENT_RESOURCES: the pod's hostPort is taken on every node it may use
    HOST_PORT_IN_USE,
    // INSUFFICIENT_RESOURCES: every node it may use runs as many pods as it allows (Too many pods, Insufficient pods)
    NODE_POD_LIMIT,
    // INSUFFICIENT_RESOURCES, NODE_SELECTOR_MISMATCH, UNTOLERATED_TAINT: the kubelet refused a pod already bound to its
    // node (OutOfcpu, NodeAffinity): bound past the scheduler, or the node changed after the scheduler placed it
    KUBELET_REJECTED,
    // INSUFFICIENT_RESOURCES, NODE_SELECTOR_MISMATCH, UNTOLERATED_TAINT: a pod the kubelet refused, seen still Failed
    // minutes after it was created: no burst at a node's restart that replacements outlive, but a pod that never ran
    REFUSED_POD_STAYS_FAILED,
    // INSUFFICIENT_RESOURCES: the nodes it may use already have as many volumes attached as their limit allows
    VOLUME_ATTACH_LIMIT,

    // INSUFFICIENT_GPU, from Node snapshots
    NO_NODE_ADVERTISES_RESOURCE,
    ALL_ADVERTISED_ALLOCATED,
    REQUEST_ABOVE_NODE_CAPACITY,
    GPU_NODES_TAINTED,

    // UNTOLERATED_TAINT: the taint is a node's start-up taint its provisioner or cloud controller has not removed
    STARTUP_TAINT_LEFT,
    // UNTOLERATED_TAINT: the nodes left are cordoned (their node.kubernetes.io/unschedulable taint)
    NODES_CORDONED,

    // NODE_SELECTOR_MISMATCH: the rule no node satisfies is the pod's own rule about other pods, not node labels
    POD_ANTI_AFFINITY,
    POD_AFFINITY,
    TOPOLOGY_SPREAD,

    // PVC_UNBOUND, from the claim's events
    NO_STORAGE_CLASS,
    STORAGE_CLASS_MISSING,
    PROVISIONING_FAILED,
    PROVISIONER_NOT_RESPONDING,
    VOLUME_MISMATCH,

    // IMAGE_PULL_FAILED
    REGISTRY_RATE_LIMITED,
    REGISTRY_UNREACHABLE,
    REGISTRY_TLS,
    /** The runtime speaks HTTPS to a registry that serves plain HTTP ({@code server gave HTTP response to HTTPS client}). */
    REGISTRY_PLAIN_HTTP,
    /** The registry answers a 5xx. */
    REGISTRY_SERVER_ERROR,
    /** containerd's content store lacks a blob of the image it pulled ({@code content digest sha256:x: not found}). */
    IMAGE_CONTENT_MISSING,
    // IMAGE_PULL_AUTH / IMAGE_NOT_FOUND / IMAGE_PULL_FAILED: a controller (Knative) resolving the tag itself
    TAG_RESOLUTION,
    // IMAGE_NOT_FOUND: Docker Hub's "pull access denied ..., repository does not exist or may require" (missing or private)
    REPOSITORY_DENIED,
    // IMAGE_NOT_FOUND: a bare name (docker.io/library/x) that is none of Docker Hub's Official Images
    NOT_AN_OFFICIAL_IMAGE,
    // IMAGE_NOT_FOUND: the image exists, but its manifest list has no entry for the node's OS and architecture
    NO_PLATFORM_MANIFEST,
    /** IMAGE_NOT_FOUND: the tag's only manifest is Docker's schema 1, which containerd 2.0 and Docker 28 no longer pull. */
    SCHEMA_1_MANIFEST,
    /** IMAGE_PULL_FAILED: CRI-O/Podman cannot resolve an unqualified image name (no alias, no unqualified-search registry). */
    SHORT_NAME_UNRESOLVED,
    /** {@code ErrImageNeverPull}: imagePullPolicy Never, and the image was never loaded onto the node. */
    IMAGE_NOT_ON_NODE,
    /**
     * IMAGE_NOT_FOUND as a guess: the pull fails and nothing at hand says why ({@code ErrImagePull} and
     * {@code ImagePullBackOff} alone, the kubelet's {@code Failed to pull image} message not in the evidence). A wrong
     * tag or repository is what such a failure most often turns out to be.
     */
    PULL_UNEXPLAINED(true),

    // VOLUME_MOUNT_FAILED
    MULTI_ATTACH,
    ATTACH_FAILED,
    CSI_DRIVER_MISSING,
    /** The kubelet's "failed to sync secret cache: timed out waiting for the condition" (configmap likewise). */
    CACHE_SYNC_TIMEOUT,
    /** {@code hostPath type check failed: /mnt/models is not a directory}: nothing of the volume's type at the path. */
    HOST_PATH_MISSING,
    /** The kubelet's {@code object "ns"/"name" not registered}: it has no record of the pod (not admitted, or restarted). */
    OBJECT_NOT_REGISTERED,
    /** {@code secret "x" not found}, {@code configmap "x" not found}: the volume's source object does not exist. */
    VOLUME_SOURCE_MISSING,
    /** {@code mount failed: exit status 32}, a format that fails: the mount itself, not the attach. */
    MOUNT_COMMAND_FAILED,

    // PROBE_FAILURE
    /** A kubelet before 1.2 killing a running container again and again with no word of why ({@code Killing <id>}). */
    KILLED_WITHOUT_REASON,
    /**
     * Restarted while running, again and again, never seen exiting or waiting between two snapshots (a watch's {@code
     * Running 1}, {@code Running 2}): the kubelet kills and restarts a running container in one sync only for a
     * failing liveness or startup probe.
     */
    RESTARTED_WHILE_RUNNING,

    // CONFIG_ERROR
    RUN_AS_NON_ROOT,

    // SANDBOX_FAILED
    IP_EXHAUSTED,
    CNI_FAILED,
    RUNTIME_HANDLER_MISSING,
    /** {@code failed to get sandbox image "registry.k8s.io/pause:3.9"}: the runtime cannot pull its pause image. */
    SANDBOX_IMAGE_PULL_FAILED,

    // POD_EVICTED
    NODE_PRESSURE,
    POD_OWN_LIMIT,

    // GPU_CAPACITY_LOST, from the node's advertised resources
    MIG_RECONFIGURED,

    // GPU_ADMISSION_FAILED: which part of the kubelet refused the devices
    DEVICE_MANAGER_OUT_OF_SYNC,
    KUBELET_DEVICES_HELD,
    TOPOLOGY_AFFINITY,

    // CONTAINER_START_FAILED
    /** SANDBOX_FAILED: the runtime itself fails (a sandbox name still reserved, a timeout, a cgroup it cannot write). */
    RUNTIME_UNHEALTHY,
    NVIDIA_TOOLKIT_FAILED,
    ENTRYPOINT_NOT_FOUND,
    /** {@code exec: "/app/start.sh": permission denied}: the command is there but cannot be executed. */
    ENTRYPOINT_NOT_EXECUTABLE,
    EXEC_FORMAT_ERROR,

    // GPU_HARDWARE_FAULT
    GPU_FELL_OFF_BUS,
    GPU_MEMORY_ERRORS,
    NVLINK_ERRORS,
    GPU_NEEDS_RESET,
    GPU_REPORTED_UNHEALTHY,

    // NODE_NOT_READY, from the Ready condition's reason and message
    PLEG_NOT_HEALTHY,
    CONTAINER_RUNTIME_DOWN,
    NETWORK_PLUGIN_NOT_READY,
    KUBELET_STOPPED_POSTING,

    // INSUFFICIENT_GPU / INSUFFICIENT_RESOURCES, from the cluster autoscaler's or the cloud's verdict
    NODE_GROUP_AT_MAX_SIZE,
    CLOUD_CAPACITY_EXHAUSTED,
    CLOUD_QUOTA_EXCEEDED,
    SCALE_UP_BACKOFF,
    // ... or from the pod's own history: a scale-up was triggered for it and no node took it within the grace
    SCALE_UP_STALLED,
    NO_NODE_GROUP_FITS,
    // ... or from a batch scheduler's verdict on its own object (Kueue Workload, Volcano PodGroup)
    QUEUE_QUOTA_EXHAUSTED,
    GANG_NOT_PLACEABLE,

    // CRASH_LOOP: the kubelet kills the container because its postStart hook fails (FailedPostStartHook)
    POST_START_HOOK_FAILED,
    // CRASH_LOOP, from the container's termination message: the GPU's memory is too small for the model, or for the
    // KV cache the context asks for, or the container sees no usable GPU driver
    GPU_OUT_OF_MEMORY,
    KV_CACHE_TOO_SMALL,
    NO_USABLE_GPU_DRIVER,

    // OOM_KILLED: a container with a memory limit and no probe that kills ended on SIGKILL (exit code 137) recorded as
    // Error: the kernel's kill at the limit of a process the runtime does not report as the container's OOM
    KILLED_AT_MEMORY_LIMIT,

    // READINESS_FAILING: the probe reached the endpoint and timed out waiting for its answer
    PROBE_TIMEOUT,
    // READINESS_FAILING, PROBE_FAILURE: the server answered, and the answer says the probe asks the wrong thing (a path
    // it does not serve, HTTPS against plain HTTP, a check that needs credentials)
    PROBE_MISDIRECTED,

    // GANG_PARTIALLY_PLACED: the gang scheduler's own counts, or the members' snapshots
    GANG_BELOW_MIN_MEMBER,
    GANG_MEMBERS_WAITING;

    private final boolean guess;

    Clue() {
        this(false);
    }

    Clue(boolean guess) {
        this.guess = guess;
    }

    /**
     * Whether the clue is what such evidence most often turns out to be rather than what it says: a candidate nothing
     * but guesses support gives way to any other of its phase the evidence proves ({@code IncidentLifecycle}).
     */
    public boolean guess() {
        return guess;
    }
}
