package dev.incidents.recordings;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code kubectl get nodes} tables ({@code NAME STATUS [ROLES] AGE [VERSION]}, {@code -o wide}'s columns after): each
 * row becomes the Node it prints, its STATUS as the Ready condition kubectl reads it from ({@code Ready},
 * {@code NotReady}: False, {@code Unknown}: the kubelet stopped posting) and {@code ,SchedulingDisabled} as a cordon.
 * A node that is not Ready also gets the {@code NodeNotReady} event its describe would (as {@link DescribeNode} gives a
 * described node's bad conditions), at the paste's moment: the table does not say since when.
 * <p>A header whose first letters the copy lost ({@code AME  STATUS ...}) is still one; rows without a header
 * ({@code --no-headers}, a paste starting below it) count when they end in the kubelet's version cell ({@code v1.23.4}),
 * which no other table prints after an age.
 */
final class NodesTable {
    static final Pattern HEADER = Pattern.compile("^\\s*(?:NAME|AME|ME)\\s+STATUS\\s+(?:ROLES\\s+)?AGE(?:\\s+VERSION)?(?:\\s.*)?$");
    private static final String CELLS = "^\\s*([a-z0-9](?:[-a-z0-9.]*[a-z0-9])?)\\s+"
            + "(Ready|NotReady|Unknown)(,SchedulingDisabled)?\\s+(?:(\\S+)\\s+)??((?=\\d)" + EventAge.AGE + ")";
    private static final Pattern ROW = Pattern.compile(CELLS + "(?:\\s.*)?$");
    private static final Pattern BARE_ROW = Pattern.compile(CELLS + "\\s+v\\d{1,2}\\.\\d{1,3}\\.\\d{1,3}\\S*(?:\\s.*)?$");

    private final DescribeSink sink;

    NodesTable(DescribeSink sink) {
        this.sink = sink;
    }

    /** The nodes of every {@code get nodes} table in {@code lines}, emitted as snapshots (and events) in order. */
    void read(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!HEADER.matcher(lines.get(i)).matches()) {
                Matcher bare = BARE_ROW.matcher(lines.get(i));
                if (bare.matches()) {
                    emit(bare, i + 1);
                }
                continue;
            }
            for (int k = i + 1; k < lines.size(); k++) {
                Matcher row = ROW.matcher(lines.get(k));
                if (!row.matches()) {
                    break;
                }
                emit(row, k + 1);
                i = k;
            }
        }
    }

    private void emit(Matcher row, long line) {
        String name = row.group(1);
        String status = row.group(2);
        ObjectNode node = JsonLogReader.MAPPER.createObjectNode();
        node.put("apiVersion", "v1");
        node.put("kind", "Node");
        ObjectNode metadata = node.putObject("metadata").put("name", name);
        Duration age = EventAge.duration(row.group(5));
        if (age != null) {
            metadata.put("creationTimestamp", sink.now().minus(age).toString());
        }
        if (row.group(3) != null) {
            node.putObject("spec").put("unschedulable", true);
        }
        node.putObject("status").putArray("conditions").addObject().put("type", "Ready")
                .put("status", "Ready".equals(status) ? "True" : "NotReady".equals(status) ? "False" : "Unknown")
                .put("message", "kubectl get nodes: " + status);
        sink.snapshot(node, line);
        DescribeNode.conditionEvents(node, List.of(), sink.now()).forEach(e -> sink.snapshot(e, line));
    }
}
