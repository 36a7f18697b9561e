package dev.incidents.analyzer;

import dev.incidents.schemas.OwnerRef;
import dev.incidents.schemas.PodSnapshot;
import java.util.List;
import dev.incidents.recordings.WorkloadName;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the workload (top owner) an object belongs to, the identity of a workload incident. From a Pod snapshot's
 * owner chain when there is one; from names when a recording has only events: a ReplicaSet
 * {@code <deploy>-<pod-template-hash>} belongs to Deployment {@code <deploy>}, a Pod {@code <rs>-<5 chars>} to that
 * ReplicaSet ({@link WorkloadName}). The name rules are guesses (a bare Pod named like {@code web-7d9f8b6c5d-abcde} is read as a
 * Deployment's), which is why a snapshot's owner chain always wins.
 */
public final class WorkloadResolver {

    /**
     * pod-template-hash: 6 to 10 characters of the "safe" alphabet Kubernetes uses (no vowels, no 0/1/3), or before
     * 1.8 a decimal 32-bit hash (9-10 digits; see {@link WorkloadName}).
     */
    private static final Pattern RS_NAME = Pattern.compile("^(.+)-([bcdfghjklmnpqrstvwxz2456789]{6,10}|\\d{9,10})$");
    private static final Pattern JOB_OF_CRONJOB = Pattern.compile("^(.+)-(\\d{8,})$");

    /**
     * The last guesses by pod name, at most {@link #GUESSES_KEPT} (all forgotten at once when full). Every event of a
     * pod no snapshot has named the owner of is routed by this guess, up to a dozen regular expressions tried in turn
     * ({@link WorkloadName#fromPodName}): 2 % of a fleet replay, for the same few names (a pod's events come together:
     * scheduled, pulled, created, started). The guess depends on the name alone, so a kept one is the same answer.
     */
    private static final Map<String, Workload> GUESSED = new ConcurrentHashMap<>();
    static final int GUESSES_KEPT = 4096;

    private WorkloadResolver() {
    }

    /** Kind and name of a workload. */
    public record Workload(String kind, String name) {
    }

    public static Workload ofPod(PodSnapshot pod) {
        List<OwnerRef> owners = pod.getOwners();
        if (owners == null || owners.isEmpty()) {
            return ofPodName(pod.getName(), pod.getOwnersKnown());
        }
        OwnerRef top = owners.get(owners.size() - 1);
        return ofOwner(top.getKind(), top.getName(), pod.getLabels());
    }

    /** A controller-owned object by its owner's kind and name, lifting a ReplicaSet to its Deployment and a Job to its CronJob. */
    public static Workload ofOwner(String kind, String name, Map<String, String> podLabels) {
        if ("ReplicaSet".equals(kind)) {
            String hash = podLabels == null ? null : podLabels.get("pod-template-hash");
            if (hash != null && name.endsWith("-" + hash)) {
                return new Workload("Deployment", name.substring(0, name.length() - hash.length() - 1));
            }
            return ofReplicaSet(name);
        }
        if ("Job".equals(kind)) {
            Matcher m = JOB_OF_CRONJOB.matcher(name);
            return m.matches() ? new Workload("CronJob", m.group(1)) : new Workload("Job", name);
        }
        return new Workload(kind, name);
    }

    public static Workload ofReplicaSet(String name) {
        Matcher m = RS_NAME.matcher(name);
        return m.matches() ? new Workload("Deployment", m.group(1)) : new Workload("ReplicaSet", name);
    }

    /**
     * The workload of a Pod known only by name (events, describe fragments), by {@link WorkloadName#fromPodName}.
     * {@code snapshotHasNoOwner} is true when a snapshot says the pod is bare; then the pod is its own workload.
     */
    public static Workload ofPodName(String podName, boolean snapshotHasNoOwner) {
        if (snapshotHasNoOwner) {
            return new Workload("Pod", podName);
        }
        Workload known = GUESSED.get(podName);
        if (known != null) {
            return known;
        }
        WorkloadName guess = WorkloadName.fromPodName(podName);
        Workload workload = new Workload(guess.kind(), guess.name());
        if (GUESSED.size() >= GUESSES_KEPT) {
            GUESSED.clear();
        }
        GUESSED.put(podName, workload);
        return workload;
    }

    /** The workload an event's involved object belongs to: Pods and ReplicaSets lifted to their owners. */
    public static Workload ofInvolvedObject(String kind, String name) {
        return switch (kind) {
            case "Pod" -> ofPodName(name, false);
            case "ReplicaSet" -> ofReplicaSet(name);
            case "Job" -> ofOwner("Job", name, Map.of());
            default -> new Workload(kind, name);
        };
    }
}
