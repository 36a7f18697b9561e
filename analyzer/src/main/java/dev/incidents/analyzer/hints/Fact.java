package dev.incidents.analyzer.hints;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The closed set of names a hint template may use, as {@code {namespace}}, {@code {pod}}, ... A catalog entry using any
 * other placeholder fails at load. Each fact has a phrase used in prose (title, summary, causes, step text) when the
 * evidence did not provide it; commands are never filled with it (see {@link HintCatalog#render}).
 */
public enum Fact {
    NAMESPACE("namespace", "the namespace"),
    POD("pod", "the pod"),
    REPLICASET("replicaset", "the ReplicaSet"),
    WORKLOAD_KIND("workloadKind", "workload"),
    /**
     * The workload's kind when it has a pod template to read or patch ({@code .spec.template}); not a bare Pod's. Set
     * with {@link #WORKLOAD_KIND} ({@link Facts#with}), as {@link #ROLLOUT_KIND} is.
     */
    TEMPLATE_KIND("templateKind", "workload"),
    /** The workload's kind when {@code kubectl rollout} handles it: a Deployment, StatefulSet or DaemonSet. */
    ROLLOUT_KIND("rolloutKind", "workload"),
    /** The workload's kind when its spec can be edited in place: any but a bare Pod's (a pod's spec is immutable). */
    EDIT_KIND("editKind", "workload"),
    /** The workload's name when it is a bare Pod: one whose fix is a re-created pod ({@code kubectl replace --force}). */
    BARE_POD("barePod", "the pod"),
    WORKLOAD_NAME("workloadName", "the workload"),
    NODE("node", "the node"),
    PVC("pvc", "the PersistentVolumeClaim"),
    IMAGE("image", "the image"),
    CONTAINER("container", "the container"),
    RESOURCE("resource", "resources"),
    TAINT("taint", "the node taint"),
    QUOTA("quota", "the ResourceQuota"),
    WEBHOOK("webhook", "the admission webhook"),
    SERVICE_ACCOUNT("serviceAccount", "the ServiceAccount"),
    SECRET("secret", "the Secret"),
    CONFIG_MAP("configMap", "the ConfigMap"),
    EXIT_CODE("exitCode", "a non-zero code"),
    RESTART_COUNT("restartCount", "several"),
    PROBE("probe", "the probe"),
    /** e.g. {@code 30s (initialDelaySeconds 0 + failureThreshold 3 x periodSeconds 10)}, see {@link ProbeBudget}. */
    PROBE_BUDGET("probeBudget", "the probe's time budget"),
    /** e.g. {@code periodSeconds: 10, failureThreshold: 54 (allows 9m0s)}, see {@link ProbeBudget}. */
    STARTUP_PROBE("startupProbe", "a budget above the observed load time"),
    /** A strategic merge patch adding that startupProbe, see {@link StartupProbePatch}; only in commands. */
    STARTUP_PROBE_PATCH("startupProbePatch", "a startupProbe"),
    COUNT("count", "several"),
    /** A gang's members as a label selector, e.g. {@code scheduling.x-k8s.io/pod-group=train}. */
    GROUP_SELECTOR("groupSelector", "the group's label"),
    /** The object holding a gang's state as kubectl's TYPE/NAME, e.g. {@code podgroups.scheduling.volcano.sh/train}. */
    GROUP_OBJECT("groupObject", "the pod group"),
    /** Members of a gang holding their nodes (bound or running). */
    PLACED("placed", "some"),
    /** Members a gang needs running together (minMember, minAvailable). */
    MIN_MEMBER("minMember", "all of its");

    private static final Map<String, Fact> BY_PLACEHOLDER = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Fact::placeholder, Function.identity()));

    private final String placeholder;
    private final String fallback;

    Fact(String placeholder, String fallback) {
        this.placeholder = placeholder;
        this.fallback = fallback;
    }

    /** The name between braces in a template: {@code workloadName} for {@code {workloadName}}. */
    public String placeholder() {
        return placeholder;
    }

    /** What prose says when the fact is unknown. */
    public String fallback() {
        return fallback;
    }

    public static Optional<Fact> ofPlaceholder(String name) {
        return Optional.ofNullable(BY_PLACEHOLDER.get(name));
    }
}
