package dev.incidents.recordings;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A message a Kubernetes component writes, known by how it starts ({@code Failed to pull image "}, {@code Back-off
 * restarting failed container}, {@code Failed to schedule pod, }), and the event it is the message of: its type, its
 * reason and the component that records it. Quoted alone, after a tool's prefix or after columns no table reader knows,
 * such a message is that event ({@link QuotedEvent}).
 */
record KnownMessage(Pattern start, String type, String reason, String component) {

    KnownMessage(Pattern start, String type, String reason) {
        this(start, type, reason, "kubelet");
    }

    /**
     * The kubelet's {@code Error: } for a container whose config it will not make: {@code couldn't find key x in Secret
     * ns/name}, {@code secret "x" not found} (or the API's {@code secrets "x" not found}), {@code container has runAsNonRoot and image will run as root (pod: ...)},
     * {@code ... image has non-numeric user (nonroot), cannot verify user is non-root}, {@code container's runAsUser
     * breaks non-root policy}, {@code failed to prepare subPath for volumeMount "x" of container "y"}, {@code failed to
     * sync secret cache: timed out waiting for the condition}.
     */
    private static final Pattern CONTAINER_CONFIG_REFUSAL = Pattern.compile("Error: (?:couldn't find key \\S+ in "
            + "(?:ConfigMap|Secret)|(?:configmap|secret)s? \"[^\"]+\" not found|container has runAsNonRoot and image "
            + "|container's runAsUser breaks non-root policy|failed to (?:prepare|create) subPath (?:directory )?for "
            + "volumeMount |failed to sync (?:configmap|secret) cache)");

    private static final List<KnownMessage> ALL = List.of(
            new KnownMessage(Pattern.compile("Failed to pull image \""), "Warning", "Failed"),
            // what a tool's log of the pod's progress shows between the failures (JupyterHub's spawn event log): the
            // placement and the container's start tell whose events these are and that it ran
            new KnownMessage(Pattern.compile("Successfully assigned \\S+/\\S+ to "), "Normal", "Scheduled",
                    "default-scheduler"),
            new KnownMessage(Pattern.compile("Pulling image \""), "Normal", "Pulling"),
            new KnownMessage(Pattern.compile("Successfully pulled image \"|Container image \"[^\"]+\" already present "
                    + "on machine"), "Normal", "Pulled"),
            new KnownMessage(Pattern.compile("Created container "), "Normal", "Created"),
            new KnownMessage(Pattern.compile("Started container "), "Normal", "Started"),
            new KnownMessage(Pattern.compile("Back-off restarting failed container"), "Warning", "BackOff"),
            new KnownMessage(Pattern.compile("Back-off pulling image \""), "Normal", "BackOff"),
            // the kubelet's refusal of an image reference it cannot parse, before any pull (InvalidImageName)
            new KnownMessage(Pattern.compile("Failed to apply default image tag \""), "Warning", "InspectFailed"),
            new KnownMessage(Pattern.compile("(?:Liveness|Readiness|Startup) probe (?:failed|errored):"), "Warning",
                    "Unhealthy"),
            // the kubelet's kill of a container its probe failed, the Killing event's message
            new KnownMessage(Pattern.compile("Container [a-z0-9][-a-z0-9]* failed (?:liveness|startup) probe, will be "
                    + "restarted"), "Normal", "Killing"),
            // and the CSI volume plugin's error alone, the detail after "MountVolume.MountDevice failed ... : "
            // (the 1.9-1.10 volume manager's own words too: operationExecutor.MountVolume failed (...), and its check
            // of a local volume's node affinity, Storage node affinity check failed for volume "x" : ...)
            new KnownMessage(Pattern.compile("(?:MountVolume\\.\\w+|SetUp) failed\\b|Unable to (?:attach or )?mount "
                    + "volumes for pod|kubernetes\\.io/csi: \\w+\\.\\w+ failed|operationExecutor\\.MountVolume failed "
                    + "|Storage node affinity check failed for volume "), "Warning", "FailedMount"),
            // a container's CrashLoopBackOff waiting message ({@code Back-off 20s restarting failed container=x
            // pod=y_ns(uid)}), as a console shows the container's state: the back-off the kubelet records as an event
            new KnownMessage(Pattern.compile("Back-off \\d+[smh]\\w* restarting failed container="), "Warning",
                    "BackOff"),
            new KnownMessage(Pattern.compile("Failed (?:to )?create pod sandbox:"), "Warning", "FailedCreatePodSandBox"),
            // kubelets before 1.10 recorded every sync failure so (FailedSync): the analyzer reads the reason inside
            new KnownMessage(Pattern.compile("Error syncing pod, skipping: "), "Warning", "FailedSync"),
            // the volume controller's FailedBinding on a claim no volume matches and no class provisions
            new KnownMessage(Pattern.compile("no persistent volumes available for this claim and no storage class is set"),
                    "Warning", "FailedBinding", "persistentvolume-controller"),
            // the CNI plugin's part of it pasted alone, from the kubelet's network plugin on
            new KnownMessage(Pattern.compile("networkPlugin cni failed to (?:set up|teardown) pod \""), "Warning",
                    "FailedCreatePodSandBox"),
            new KnownMessage(DescribePod.EVICTION, "Warning", "Evicted"),
            // the attach-detach controller's refusal or failure to attach (its FailedAttachVolume), the CSI driver's
            // answer after "AttachVolume.Attach failed for volume "x" : "
            new KnownMessage(Pattern.compile("Multi-Attach error for volume|Failed to attach volume \"|AttachVolume\\.Attach "
                    + "failed for volume "), "Warning",
                    "FailedAttachVolume", "attachdetach-controller"),
            // the runtime's refusal to create or start a container, with the kubelet's "Error: " or as the container
            // status's message ({@code container create failed: executable file ... not found in $PATH}), or as a
            // Docker daemon of 1.12 to 17.03 worded it ({@code oci runtime error: container_linux.go:247: starting
            // container process caused ...}, in 1.12 inside a JSON {@code invalid header field value}); not its
            // refusal of an exec ({@code OCI runtime exec failed}): a command run inside a running container (a
            // kubectl exec, an exec probe), which says nothing of the container's start; runc's own part of it quoted
            // alone ({@code runc create failed: unable to start container process: error during container init: exec:
            // "/bin/sh": stat /bin/sh: no such file or directory}, its tail from "error during container init")
            // (a virtual kubelet's provider words the start it could not make its own way: {@code Failed to start
            // container busybox, Error response: to create containerd task: ...}, Azure Container Instances)
            new KnownMessage(Pattern.compile("(?:Error: )?(?:failed to start container \"|Failed to start container "
                    + "[a-z0-9][-a-z0-9]*, Error response: |failed to create containerd "
                    + "task:|failed to create shim task:|container create failed:|OCI runtime (?:create|start) failed:|"
                    + "runc create failed: |unable to start container process: |error during container init: |"
                    + "(?:Error response from daemon: (?:\\{\"message\":\")?|(?=invalid header field value ))"
                    + "(?:invalid header field value \\\\?\")?"
                    + "(?:OCI runtime (?!exec)|oci runtime error: (?!exec failed)))"), "Warning", "Failed"),
            // Karpenter's verdict on a pod it cannot place, the FailedScheduling it records
            new KnownMessage(Pattern.compile("Failed to schedule pod, "), "Warning", "FailedScheduling", "karpenter"),
            // a node on its way for the pod: cluster-autoscaler's TriggeredScaleUp, Karpenter's Nominated (a NodeClaim,
            // before v0.32 a Machine, or a node it already has)
            new KnownMessage(Pattern.compile("pod triggered scale-up: "), "Normal", "TriggeredScaleUp",
                    "cluster-autoscaler"),
            new KnownMessage(Pattern.compile("Pod should schedule on:? "), "Normal", "Nominated", "karpenter"),
            // the NVIDIA device plugin's health check in its log: a GPU it withdrew from the node
            new KnownMessage(Pattern.compile("(?:XidCriticalError: )?Xid=\\d+ on Device="), "Warning", "XidCriticalError",
                    "nvidia-device-plugin"),
            new KnownMessage(Pattern.compile("'[^']+' device marked unhealthy: "), "Warning", "DeviceUnhealthy",
                    "nvidia-device-plugin"),
            // the kubelet's refusals to make a container's config (the CreateContainerConfigError family): a missing
            // ConfigMap, Secret or key, a non-root policy it cannot keep or verify, a subPath it cannot prepare
            new KnownMessage(CONTAINER_CONFIG_REFUSAL, "Warning", "Failed"));

    /** The known message {@code message} goes on with at {@code from}, the first that matches; null if none. */
    static KnownMessage at(String message, int from) {
        for (KnownMessage known : ALL) {
            if (known.start().matcher(message).region(from, message.length()).lookingAt()) {
                return known;
            }
        }
        return null;
    }
}
