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
    /** Probe kind (liveness, startup) to its budget line, e.g. {@code liveness httpGet :8000: 60s delay + 3 x 10s = 90s before a restart}. */
    public java.util.TreeMap<String, String> probeBudgets = new java.util.TreeMap<>();

    /** Accelerator and other extended resources the pod requests, summed over containers (e.g. nvidia.com/gpu=2). */
    public java.util.TreeMap<String, String> requests = new java.util.TreeMap<>();
    /** The container the kubelet last reported Created/Started, for back-offs whose message names none (before 1.26). */
    public String startedContainer;
    /** The scheduler reported {@code FailedScheduling} for this pod (its verdict outranks the autoscaler's). */
    public boolean failedScheduling;
    /** The image pull failure category known for this pod from a {@code Failed to pull image} message. */
    public String pullCategory;
    /** For disk-full pulls: the path the runtime could not write. */
    public String pullPath;

    /** The pod's top owner as {@code namespace/Kind/name}, from its snapshot (what a node incident lists as hit). */
    public String workload;

    public PodState() {
    }
}
