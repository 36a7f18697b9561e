package dev.incidents.analyzer.messages;

import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A volume that cannot be attached or mounted: the kubelet's {@code FailedMount} and the attach/detach controller's
 * {@code FailedAttachVolume} events, e.g.
 * {@code Unable to attach or mount volumes: unmounted volumes=[models], unattached volumes=[models kube-api-access-8x2]:
 * timed out waiting for the condition} (the "timed out waiting for the condition" of seed 000) or
 * {@code Multi-Attach error for volume "pvc-0a1b" Volume is already exclusively attached to one node and can't be
 * attached to another}.
 *
 * @param kind      what failed
 * @param volume    the volume named by {@code for volume "x"}
 * @param unmounted the volumes of {@code unmounted volumes=[...]} (the ones the pod is waiting for)
 * @param secret    for a Secret volume whose Secret is missing
 * @param configMap for a ConfigMap volume whose ConfigMap is missing
 * @param raw       the message verbatim
 */
public record MountFailure(Kind kind, Optional<String> volume, List<String> unmounted, Optional<String> secret,
                           Optional<String> configMap, String raw) {

    public enum Kind {
        /** The RWO volume is still attached to another node (rollout or node failure). */
        MULTI_ATTACH,
        ATTACH_FAILED,
        MOUNT_FAILED,
        /** The CSI driver is not registered on the node. */
        CSI_DRIVER_MISSING,
        SECRET_MISSING,
        CONFIG_MAP_MISSING,
        /** Only the summary {@code timed out waiting for the condition}: the specific error is in another event. */
        TIMEOUT,
        /**
         * {@code failed to sync secret cache: timed out waiting for the condition}: the kubelet's informer for the
         * pod's Secret or ConfigMap volume had not synced in time, mostly once at a pod's start (an API server slow
         * or unreachable from the node when it repeats).
         */
        CACHE_SYNC_TIMEOUT,
        /**
         * {@code object "default"/"kube-root-ca.crt" not registered}: the kubelet's Secret/ConfigMap manager has no
         * record of the pod, which it never admitted (rejected at admission) or lost in a restart: a consequence.
         */
        NOT_REGISTERED,
        /**
         * {@code hostPath type check failed: /mnt/models is not a directory}: the node has nothing of the volume's
         * {@code type} at that path (a directory, file, socket or device: a model cache not on this node, {@code
         * /dev/nvidia0} without a driver).
         */
        HOST_PATH_MISSING
    }

    private static final Pattern VOLUME = Pattern.compile("for volume \"([^\"]+)\"");
    private static final Pattern UNMOUNTED = Pattern.compile("unmounted volumes=\\[([^\\]]*)]");
    private static final Pattern SECRET = Pattern.compile("secrets? \"([^\"]+)\" not found");
    private static final Pattern CONFIG_MAP = Pattern.compile("configmaps? \"([^\"]+)\" not found");
    private static final Pattern CACHE_SYNC = Pattern.compile("failed to sync (?:secret|configmap) cache");
    private static final Pattern NOT_REGISTERED = Pattern.compile("object \"[^\"]+\"/\"[^\"]+\" not registered");

    public MountFailure {
        unmounted = List.copyOf(unmounted);
    }

    /** Never throws; empty for messages that are not about attaching or mounting a volume. */
    public static Optional<MountFailure> parse(String message) {
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        String lower = message.toLowerCase(Locale.ROOT);
        boolean aboutVolumes = lower.contains("mountvolume") || lower.contains("attachvolume")
                || lower.contains("multi-attach") || lower.contains("unable to attach or mount")
                || lower.contains("unable to mount volumes") || lower.contains("for volume \"")
                || lower.contains("list of registered csi drivers");
        if (!aboutVolumes) {
            return Optional.empty();
        }
        Matcher v = VOLUME.matcher(message);
        Optional<String> volume = v.find() ? Optional.of(v.group(1)) : Optional.empty();
        Matcher u = UNMOUNTED.matcher(message);
        List<String> unmounted = u.find() && !u.group(1).isBlank()
                ? Arrays.asList(u.group(1).trim().split("\\s+")) : List.of();
        Matcher secret = SECRET.matcher(message);
        if (secret.find()) {
            return Optional.of(new MountFailure(Kind.SECRET_MISSING, volume, unmounted, Optional.of(secret.group(1)),
                    Optional.empty(), message));
        }
        Matcher configMap = CONFIG_MAP.matcher(message);
        if (configMap.find()) {
            return Optional.of(new MountFailure(Kind.CONFIG_MAP_MISSING, volume, unmounted, Optional.empty(),
                    Optional.of(configMap.group(1)), message));
        }
        Kind kind;
        if (lower.contains("multi-attach")) {
            kind = Kind.MULTI_ATTACH;
        } else if (CACHE_SYNC.matcher(lower).find()) {
            kind = Kind.CACHE_SYNC_TIMEOUT;
        } else if (lower.contains("hostpath type check failed")) {
            kind = Kind.HOST_PATH_MISSING;
        } else if (NOT_REGISTERED.matcher(message).find()) {
            kind = Kind.NOT_REGISTERED;
        } else if (lower.contains("list of registered csi drivers")) {
            kind = Kind.CSI_DRIVER_MISSING;
        } else if (lower.contains("attachvolume")) {
            kind = Kind.ATTACH_FAILED;
        } else if (lower.contains("mountvolume")) {
            kind = Kind.MOUNT_FAILED;
        } else {
            kind = Kind.TIMEOUT;
        }
        return Optional.of(new MountFailure(kind, volume, unmounted, Optional.empty(), Optional.empty(), message));
    }

    /**
     * {@code {secret}} or {@code {configMap}} of a missing volume source. The volume name is not the PVC name (a pod
     * names its volumes), so {@code {pvc}} has to come from the Pod snapshot.
     */
    public Facts facts() {
        Facts facts = Facts.empty().with(Fact.SECRET, secret).with(Fact.CONFIG_MAP, configMap);
        return switch (kind) {
            case MULTI_ATTACH -> facts.withClue(Clue.MULTI_ATTACH);
            case ATTACH_FAILED -> facts.withClue(Clue.ATTACH_FAILED);
            case CSI_DRIVER_MISSING -> facts.withClue(Clue.CSI_DRIVER_MISSING);
            case CACHE_SYNC_TIMEOUT -> facts.withClue(Clue.CACHE_SYNC_TIMEOUT);
            case NOT_REGISTERED -> facts.withClue(Clue.OBJECT_NOT_REGISTERED);
            case HOST_PATH_MISSING -> facts.withClue(Clue.HOST_PATH_MISSING);
            case SECRET_MISSING, CONFIG_MAP_MISSING -> facts.withClue(Clue.VOLUME_SOURCE_MISSING);
            case MOUNT_FAILED -> facts.withClue(Clue.MOUNT_COMMAND_FAILED);
            default -> facts;
        };
    }
}
