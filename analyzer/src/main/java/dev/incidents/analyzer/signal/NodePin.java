package dev.incidents.analyzer.signal;

import dev.incidents.schemas.PodSnapshot;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one node a pod may go to, when its scheduling constraints name it: a node selector on
 * {@code kubernetes.io/hostname} (a pod kept beside its local volume, a pod someone placed by hand), or a required node
 * affinity with one term naming one node ({@code metadata.name In (gpu-7)}, how the DaemonSet controller places its
 * pods; {@code kubernetes.io/hostname In (gpu-7)}). The scheduler's counts do not say which of a pool's nodes a
 * selector wants; a name does ({@code FailedSchedulingMessage#pinnedNodeTaint}).
 */
public final class NodePin {

    static final String HOSTNAME = "kubernetes.io/hostname";
    /** One expression naming one node, in the summary the shipper writes ({@code KubeObjects#requiredNodeAffinity}). */
    private static final Pattern ONE_NODE = Pattern.compile(
            "(?:kubernetes\\.io/hostname|metadata\\.name) In \\(([^,()\\s]+)\\)");

    private NodePin() {
    }

    /** The node the pod is pinned to, if its selector or affinity names one. */
    public static Optional<String> of(PodSnapshot pod) {
        String hostname = pod.getNodeSelector().get(HOSTNAME);
        if (hostname != null && !hostname.isBlank()) {
            return Optional.of(hostname);
        }
        return Optional.ofNullable(affinityNode(pod.getAffinity()));
    }

    /** The node a required affinity names, or null: terms are ORed, so a second term may name another node. */
    static String affinityNode(String affinity) {
        if (affinity == null || affinity.contains(" OR ")) {
            return null;
        }
        Matcher one = ONE_NODE.matcher(affinity);
        return one.find() ? one.group(1) : null;
    }

    /** The selector's part that pins ({@link SignalProjection}): its hostname entry, else nothing. */
    static Map<String, String> selectorPin(Map<String, String> nodeSelector) {
        String hostname = nodeSelector.get(HOSTNAME);
        return hostname == null ? Collections.emptyMap() : Map.of(HOSTNAME, hostname);
    }

    /** The affinity when it pins the pod to one node ({@link SignalProjection}), else null. */
    static String affinityPin(String affinity) {
        return affinityNode(affinity) == null ? null : affinity;
    }
}
