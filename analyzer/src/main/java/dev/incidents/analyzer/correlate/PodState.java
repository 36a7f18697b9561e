package dev.incidents.analyzer.correlate;

/**
 * What the correlator remembers about one pod of a workload between signals: where it runs, how its containers last
 * ended, and whether a liveness or startup probe failed on it (which turns a crash loop into PROBE_FAILURE).
 */
public final class PodState {
    public String node;
    public long lastSeen;
    public String container;
    public String lastTerminationReason;
    public Integer lastExitCode;
    public int restartCount;
    /** liveness or startup, when such a probe failed on this pod. */
    public String failedProbe;
    public String failedProbeContainer;
    /** Probe kind (liveness, startup) to what the hints need of it, from the pod's snapshot. */
    public java.util.TreeMap<String, ProbeSeen> probes = new java.util.TreeMap<>();

    /** Accelerator and other extended resources the pod requests, summed over containers (e.g. nvidia.com/gpu=2). */
    public java.util.TreeMap<String, String> requests = new java.util.TreeMap<>();
    /** The container the kubelet last reported Created/Started, for back-offs whose message names none (before 1.26). */
    public String startedContainer;
    /**
     * The scheduler reported {@code FailedScheduling} for this pod (its verdict, per node, outranks the autoscaler's
     * and Karpenter's, per node pool; Karpenter's own {@code FailedScheduling} does not count here).
     */
    public boolean failedScheduling;
    /**
     * Event time (epoch ms) of the first readiness probe failure reported since the pod was last seen Ready, 0 when
     * none: a later snapshot still not Ready shows the failure going on after its events stop (the kubelet's event
     * recorder lets 25 through per object, then one in five minutes).
     */
    public long readinessFailingSince;
    /**
     * The restarts of the pod's containers (summed) in its last snapshot that showed it Ready, -1 when none has since
     * it was last restarted: a pod seen Ready has started, so losing readiness later is no start-up.
     */
    public int readyRestarts = -1;
    /**
     * Event time (epoch ms) of the first snapshot showing the pod Running, not Ready, without a restart since a snapshot
     * showed it Ready; 0 when it is Ready again, restarted, or never lost readiness so.
     */
    public long readinessLostAt;
    /**
     * Event time (epoch ms) of the first snapshot showing the pod Succeeded (its containers all ended with 0: a Job's
     * pod that completed); 0 when none did.
     */
    public long completedAt;
    /** The image pull failure category known for this pod from a {@code Failed to pull image} message. */
    public String pullCategory;
    /** For disk-full pulls: the path the runtime could not write. */
    public String pullPath;

    /** The pod's top owner as {@code namespace/Kind/name}, from its snapshot (what a node incident lists as hit). */
    public String workload;
    /**
     * The gang the pod belongs to as {@code label=value} ({@link dev.incidents.analyzer.signal.GangLabels}), from its
     * snapshot; null for a pod of no gang. With {@link #node} null it is a member still waiting for a node.
     */
    public String gang;
    /**
     * Event time (epoch ms) of the first scale-up triggered for this pod while it waits for a node (cluster-autoscaler's
     * {@code TriggeredScaleUp}, Karpenter's {@code Nominated}), 0 when none: a GPU node takes minutes to join and
     * register its devices, so capacity incidents wait for that ({@code incidents.scale-up.grace}).
     */
    public long scaleUpAt;
    /**
     * The restarts of the pod's app containers (summed) in its last snapshot when every one of them was running, -1 when
     * one was not (waiting, terminated) or no snapshot was seen: where an in-place restart is counted from.
     */
    public int runningRestarts = -1;
    /**
     * Restarts seen happen between two snapshots that both show every app container running, none seen exiting or
     * waiting between: the kubelet killed and restarted a running container in one sync, which is what a failing
     * liveness or startup probe makes it do. A crash shows the container terminated (or in back-off) first.
     */
    public int restartsInPlace;
    /**
     * In-place restarts after which the kubelet's own kills explain them: a container restarted once so is as likely
     * a bare pod whose image was changed in place or a node that rebooted.
     */
    public static final int RESTARTS_IN_PLACE = 2;
    /** Event time (epoch ms) of the snapshot that showed the last of {@link #restartsInPlace}, 0 when none. */
    public long restartedInPlaceAt;

    /**
     * The one node the pod's node selector or required affinity names ({@code kubernetes.io/hostname: gpu-7}, a
     * DaemonSet pod's {@code metadata.name In (gpu-7)}), from its snapshot; null when it may go to several.
     */
    public String pinnedNode;
    /**
     * The taint the scheduler's latest verdict on the pod counted beside nodes failing its selector, and nothing else
     * ({@code FailedSchedulingMessage#pinnedNodeTaint}), as kubectl spells it; null when its latest verdict said
     * otherwise or named no taint ({@code untolerated taint(s)}). With {@link #pinnedNode} it is the pinned node's taint, whichever of the
     * two (the pod's snapshot, the verdict) came first: a pasted describe's pod, without a time of its own, comes at
     * the paste's moment, after its events.
     */
    public String taintBesideSelector;
    /**
     * The most failures in a row one liveness or startup probe failure reported on the pod (its event's count),
     * failures on a container that had already stopped left out ({@code ProbeFailure#containerNotRunning}): a kill
     * takes the probe's failureThreshold of them.
     */
    public int probeFailuresSeen;
    /** The kubelet said it restarts a container of the pod for a failed liveness or startup probe ({@code Killing}). */
    public boolean probeKillSeen;
    /**
     * A probe of the pod, of any kind, could not run because its container had already stopped: the container was
     * seen ending while it was being probed ({@code ProbeFailure#containerNotRunning}).
     */
    public boolean probeRacedExit;

    public PodState() {
    }

    /** A liveness or startup probe of one of the pod's containers, as the hints use it. */
    public static final class ProbeSeen {
        public String container;
        public int failureThreshold;
        /** {@code 1m30s (initialDelaySeconds 60 + failureThreshold 3 x periodSeconds 10)}. */
        public String budget;
        /** {@code periodSeconds: 10, failureThreshold: 27 (allows 4m30s)}. */
        public String startupProbe;
        /** A strategic merge patch adding that startupProbe to the container, when the handler can be carried over. */
        public String startupProbePatch;

        public ProbeSeen() {
        }
    }
}
