package dev.incidents.analyzer.signal;

import dev.incidents.schemas.PodSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The labels that make a pod a member of a gang, a group whose pods must run together: the scheduler-plugins
 * coscheduling label {@code scheduling.x-k8s.io/pod-group} (its older spelling {@code pod-group.scheduling.sigs.k8s.io}
 * before scheduler-plugins 0.24), Kueue's plain pod groups {@code kueue.x-k8s.io/pod-group-name}, and the pods of a
 * Volcano Job ({@code volcano.sh/job-name}, whose PodGroup's minAvailable defaults to every task's replicas).
 *
 * Where no label says so, Volcano's {@code scheduling.k8s.io/group-name} annotation (the one annotation snapshots keep)
 * names the PodGroup: LeaderWorkerSet and Kubeflow pods under Volcano are gangs by that annotation only.
 *
 * <p>What is not here, and why: {@code schedulerName: volcano} alone (Volcano gives a Deployment's pods a PodGroup
 * of minMember 1, no gang).
 */
public final class GangLabels {

    /** Label, and the resource its value names when it names a PodGroup object (null when it does not). */
    /** Volcano's annotation naming a pod's PodGroup; read where no label names the group. */
    static final String GROUP_NAME_ANNOTATION = "scheduling.k8s.io/group-name";

    static final List<Map.Entry<String, String>> GROUP_LABELS = List.of(
            Map.entry("scheduling.x-k8s.io/pod-group", "podgroups.scheduling.x-k8s.io"),
            Map.entry("pod-group.scheduling.sigs.k8s.io", "podgroups.scheduling.sigs.k8s.io"),
            Map.entry("kueue.x-k8s.io/pod-group-name", ""),
            Map.entry("volcano.sh/job-name", "jobs.batch.volcano.sh"));

    private GangLabels() {
    }

    /** The gang a pod belongs to, as {@code label=value} (a selector of its members); empty for any other pod. */
    public static Optional<String> group(PodSnapshot pod) {
        Optional<String> labelled = group(pod.getLabels());
        if (labelled.isPresent() || pod.getGroupName() == null || pod.getGroupName().isBlank()) {
            return labelled;
        }
        return Optional.of(GROUP_NAME_ANNOTATION + "=" + pod.getGroupName());
    }

    /** Whether {@code group} is a label selector (an annotation's group is not: {@code kubectl get -l} cannot select it). */
    public static boolean selectable(String group) {
        return !group.startsWith(GROUP_NAME_ANNOTATION + "=");
    }

    static Optional<String> group(Map<String, String> labels) {
        for (Map.Entry<String, String> label : GROUP_LABELS) {
            String value = labels.get(label.getKey());
            if (value != null && !value.isBlank()) {
                return Optional.of(label.getKey() + "=" + value);
            }
        }
        return Optional.empty();
    }

    /**
     * The object that tells the group's state, as kubectl's {@code TYPE/NAME} ({@code
     * podgroups.scheduling.x-k8s.io/train}), for a group named by {@link #group}; empty for Kueue's pod groups, whose
     * Workload is named by Kueue.
     */
    public static Optional<String> groupObject(String group) {
        int eq = group.indexOf('=');
        if (!selectable(group)) {
            return Optional.of("podgroups.scheduling.volcano.sh/" + group.substring(eq + 1));
        }
        for (Map.Entry<String, String> label : GROUP_LABELS) {
            if (label.getKey().equals(group.substring(0, eq)) && !label.getValue().isEmpty()) {
                return Optional.of(label.getValue() + "/" + group.substring(eq + 1));
            }
        }
        return Optional.empty();
    }
}
