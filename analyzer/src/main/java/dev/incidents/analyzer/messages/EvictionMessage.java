package dev.incidents.analyzer.messages;

import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why the kubelet evicted a pod ({@code Evicted} events and the pod's status message) or is reclaiming a resource
 * ({@code EvictionThresholdMet}: {@code Attempting to reclaim ephemeral-storage}).
 *
 * <p>Two families, told apart by {@link #nodePressure()}:
 * <ul>
 *   <li>node pressure: {@code The node was low on resource: ephemeral-storage. Threshold quantity: 10Gi, available:
 *       3Gi. Container triton was using 12Gi, request is 0, has larger consumption of ephemeral-storage.} (kubelets
 *       since 1.22 print the threshold; older ones {@code Container x was using 12Gi, which exceeds its request of 0.}),
 *       {@code The node had condition: [DiskPressure].} (rejected at admission);</li>
 *   <li>the pod's own limit: {@code Pod ephemeral local storage usage exceeds the total limit of containers 1Gi.},
 *       {@code Container triton exceeded its local ephemeral storage limit "1Gi".},
 *       {@code Usage of EmptyDir volume "cache" exceeds the limit "10Gi".}</li>
 * </ul>
 *
 * @param pressure  the resource: node disk (DISK) versus the pod's ephemeral-storage limit (EPHEMERAL_STORAGE)
 * @param nodePressure true when the node ran short; false when the pod exceeded its own limit
 * @param container the container named as the largest consumer, when named
 * @param threshold the eviction threshold quantity, when printed
 * @param available what was left on the node, when printed
 * @param raw       the message verbatim
 */
public record EvictionMessage(Pressure pressure, boolean nodePressure, Optional<String> container,
                              Optional<String> threshold, Optional<String> available, String raw) {

    public enum Pressure {
        MEMORY,
        EPHEMERAL_STORAGE,
        DISK,
        PID
    }

    /**
     * {@code low on resource: memory}; kubelets 1.6 to 1.8 named the condition instead: {@code low on resource:
     * [DiskPressure]}.
     */
    private static final Pattern LOW_ON = Pattern.compile("low on resource: \\[?([A-Za-z0-9.\\-]+)");
    private static final Pattern RECLAIM = Pattern.compile("Attempting to reclaim ([A-Za-z0-9.\\-]+)");
    private static final Pattern CONDITION = Pattern.compile("node had condition: \\[(\\w+)]");
    private static final Pattern THRESHOLD = Pattern.compile("Threshold quantity: ([^,\\s]+), available: ([^.,\\s]+)");
    private static final Pattern USING = Pattern.compile("Container (\\S+) was using");
    private static final Pattern CONTAINER_LIMIT = Pattern.compile(
            "Container (\\S+) exceeded its local ephemeral storage limit");

    /** Never throws; empty for messages that name no pressure (e.g. {@code Preempted by ...}). */
    public static Optional<EvictionMessage> parse(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher limit = CONTAINER_LIMIT.matcher(message);
        if (limit.find()) {
            return Optional.of(new EvictionMessage(Pressure.EPHEMERAL_STORAGE, false, Optional.of(limit.group(1)),
                    Optional.empty(), Optional.empty(), message));
        }
        if (message.contains("ephemeral local storage usage exceeds")
                || message.contains("Usage of EmptyDir volume")) {
            return Optional.of(new EvictionMessage(Pressure.EPHEMERAL_STORAGE, false, Optional.empty(),
                    Optional.empty(), Optional.empty(), message));
        }
        Optional<Pressure> pressure = Optional.empty();
        Matcher low = LOW_ON.matcher(message);
        Matcher reclaim = RECLAIM.matcher(message);
        Matcher condition = CONDITION.matcher(message);
        if (low.find()) {
            pressure = ofResource(low.group(1)).or(() -> ofCondition(low.group(1)));
        } else if (reclaim.find()) {
            pressure = ofResource(reclaim.group(1));
        } else if (condition.find()) {
            pressure = ofCondition(condition.group(1));
        }
        if (pressure.isEmpty()) {
            return Optional.empty();
        }
        Matcher threshold = THRESHOLD.matcher(message);
        boolean hasThreshold = threshold.find();
        Matcher using = USING.matcher(message);
        return Optional.of(new EvictionMessage(pressure.get(), true,
                using.find() ? Optional.of(using.group(1)) : Optional.empty(),
                hasThreshold ? Optional.of(threshold.group(1)) : Optional.empty(),
                hasThreshold ? Optional.of(threshold.group(2)) : Optional.empty(), message));
    }

    /** Kubelet eviction signals name the resource; node disk is {@code ephemeral-storage}, nodefs or imagefs. */
    private static Optional<Pressure> ofResource(String word) {
        String resource = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
        return switch (resource) {
            case "memory" -> Optional.of(Pressure.MEMORY);
            case "ephemeral-storage", "nodefs", "imagefs", "nodefs.available", "imagefs.available",
                    "nodefs.inodesFree", "imagefs.inodesFree" -> Optional.of(Pressure.DISK);
            case "pids", "pid", "pid.available" -> Optional.of(Pressure.PID);
            default -> Optional.empty();
        };
    }

    private static Optional<Pressure> ofCondition(String condition) {
        return switch (condition) {
            case "DiskPressure" -> Optional.of(Pressure.DISK);
            case "MemoryPressure" -> Optional.of(Pressure.MEMORY);
            case "PIDPressure" -> Optional.of(Pressure.PID);
            default -> Optional.empty();
        };
    }

    /**
     * {@code {resource}} as the catalog's prose reads it ({@code memory}, {@code disk}, {@code ephemeral-storage},
     * {@code PID}) and {@code {container}}.
     */
    public Facts facts() {
        String resource = switch (pressure) {
            case MEMORY -> "memory";
            case DISK -> "disk";
            case EPHEMERAL_STORAGE -> "ephemeral-storage";
            case PID -> "PID";
        };
        return Facts.of(Fact.RESOURCE, resource).with(Fact.CONTAINER, container)
                .withClue(nodePressure ? Clue.NODE_PRESSURE : Clue.POD_OWN_LIMIT);
    }
}
