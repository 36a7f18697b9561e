package dev.incidents.analyzer.messages;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Volcano's gang plugin explaining why a pod group is held back, on the PodGroup ({@code Unschedulable} event and
 * condition) and on each of its pending pods ({@code FailedScheduling}, condition {@code PodScheduled=False}):
 * {@code 12/8 tasks in gang unschedulable: pod group is not ready, 20 minAvailable, 8 Running} (volcano-sh/volcano
 * #2462), {@code 3/6 tasks in gang unschedulable: pod group is not ready, 6 Pending, 6 minAvailable; Pending: 1
 * Unschedulable, 2 Undetermined, 3 Schedulable} (the wording of volcano-sh/volcano PR #4117, 1.12). The counts
 * before the {@code ;} are the group's tasks per status plus its {@code minAvailable}, in the scheduler's order
 * (sorted as text, so {@code 20 minAvailable} may come before {@code 8 Running}).
 *
 * @param minAvailable how many members must run together ({@code minMember} of the PodGroup)
 * @param byStatus     tasks per Volcano task status (Pending, Running, Bound, ...), as counted by the scheduler
 */
public record GangVerdict(int minAvailable, Map<String, Integer> byStatus) {

    private static final Pattern GANG = Pattern.compile(
            "\\d+/\\d+ tasks in gang unschedulable: pod group is not ready,([^;]*)");
    private static final Pattern COUNT = Pattern.compile("(\\d+) ([A-Za-z]+)");

    /** Never throws; empty unless the message is Volcano's gang verdict with a {@code minAvailable}. */
    public static Optional<GangVerdict> parse(String message) {
        if (message == null || !message.contains("tasks in gang unschedulable")) {
            return Optional.empty();
        }
        Matcher gang = GANG.matcher(message);
        if (!gang.find()) {
            return Optional.empty();
        }
        int minAvailable = -1;
        Map<String, Integer> byStatus = new TreeMap<>();
        Matcher count = COUNT.matcher(gang.group(1));
        while (count.find()) {
            int n;
            try {
                n = Integer.parseInt(count.group(1));
            } catch (NumberFormatException tooLarge) {
                return Optional.empty();
            }
            if ("minAvailable".equals(count.group(2))) {
                minAvailable = n;
            } else {
                byStatus.merge(count.group(2), n, Integer::sum);
            }
        }
        return minAvailable < 0 ? Optional.empty()
                : Optional.of(new GangVerdict(minAvailable, Collections.unmodifiableMap(byStatus)));
    }

    /**
     * Members holding their node's resources: bound to a node or running there (Volcano's {@code Binding},
     * {@code Bound}, {@code Running}); {@code Allocated} and {@code Pipelined} are only this scheduling cycle's
     * plan, dropped when the gang is not ready.
     */
    public int placed() {
        return byStatus.getOrDefault("Running", 0) + byStatus.getOrDefault("Bound", 0)
                + byStatus.getOrDefault("Binding", 0);
    }

    /** Some members hold resources while the group is below its minimum: the placed ones wait for the rest. */
    public boolean partlyPlaced() {
        int placed = placed();
        return placed > 0 && placed < minAvailable;
    }
}
