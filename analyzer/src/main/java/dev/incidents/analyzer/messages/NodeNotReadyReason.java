package dev.incidents.analyzer.messages;

import dev.incidents.analyzer.hints.Clue;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a node's Ready condition is False or Unknown, from its reason and message: the kubelet's own
 * {@code KubeletNotReady} messages ({@code PLEG is not healthy: pleg was last seen active 3m0.5s ago},
 * {@code container runtime is down}, {@code container runtime network not ready: NetworkReady=false reason:
 * NetworkPluginNotReady}) or the node lifecycle controller's {@code NodeStatusUnknown} ({@code Kubelet stopped posting
 * node status.}) when the kubelet stops reporting at all.
 */
public final class NodeNotReadyReason {
    private NodeNotReadyReason() {
    }

    /** The clue the reason and message prove, if any. */
    public static Optional<Clue> clue(String reason, String message) {
        String m = ((reason == null ? "" : reason) + " " + (message == null ? "" : message)).toLowerCase(Locale.ROOT);
        if (m.contains("pleg")) {
            return Optional.of(Clue.PLEG_NOT_HEALTHY);
        }
        if (m.contains("networkpluginnotready") || m.contains("network plugin") || m.contains("cni")
                || m.contains("networkready=false")) {
            return Optional.of(Clue.NETWORK_PLUGIN_NOT_READY);
        }
        if (m.contains("runtime is down") || m.contains("container runtime") || m.contains("runtimeready=false")) {
            return Optional.of(Clue.CONTAINER_RUNTIME_DOWN);
        }
        if (m.contains("stopped posting") || m.contains("nodestatusunknown")) {
            return Optional.of(Clue.KUBELET_STOPPED_POSTING);
        }
        return Optional.empty();
    }
}
