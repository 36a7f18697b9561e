package dev.incidents.recordings;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * <p>A custom-columns listing of the nodes' taints ({@code kubectl get nodes -o custom-columns=NAME:.metadata.name,
 * TAINTS:.spec.taints[*].key}, what the UNTOLERATED_TAINT hint asks for; any other columns beside) gives each node its
 * taints, and the conditions the node controller's own taints stand for ({@code node.kubernetes.io/disk-pressure}:
 * DiskPressure), as a describe's {@code Taints:} line does.
 */
final class NodesTable {
    /** A header whose first column names the node and one of whose columns is TAINTS. */
    private static final Pattern TAINTS_HEADER = Pattern.compile("^\\s*(?:NAME|NODE)(?:\\s+[A-Z][A-Z0-9_-]*)*\\s+TAINTS(?:\\s+[A-Z][A-Z0-9_-]*)*\\s*$");
    private static final Pattern NODE_NAME = Pattern.compile("^[a-z0-9](?:[-a-z0-9.]*[a-z0-9])?$");
    /** A taint in a TAINTS cell: its key, then {@code =value} and {@code :Effect} when the column prints them. */
    private static final Pattern TAINT_CELL = Pattern.compile(
            "^([a-zA-Z0-9](?:[-a-zA-Z0-9_./]*[a-zA-Z0-9])?)(?:=([^:,]*))?(?::(NoSchedule|PreferNoSchedule|NoExecute))?$");
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
            if (TAINTS_HEADER.matcher(lines.get(i)).matches()) {
                i = readTaints(lines, i);
                continue;
            }
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

    /** The rows under the taints listing's header at {@code header}; returns the index of its last row. */
    private int readTaints(List<String> lines, int header) {
        List<String> columns = List.of(lines.get(header).trim().split("\\s+"));
        int taintsAt = columns.indexOf("TAINTS");
        int k = header + 1;
        for (; k < lines.size(); k++) {
            String[] cells = lines.get(k).trim().split("\\s+");
            if (cells.length != columns.size() || !NODE_NAME.matcher(cells[0]).matches()) {
                break;
            }
            ArrayNode taints = JsonLogReader.MAPPER.createArrayNode();
            if (!"<none>".equals(cells[taintsAt]) && !taints(cells[taintsAt], taints)) {
                break;
            }
            ObjectNode node = node(cells[0]);
            node.putObject("spec").set("taints", taints);
            DescribeNode.conditionsFromTaints(taints, node.putObject("status").putArray("conditions"));
            emit(node, k + 1);
        }
        return k - 1;
    }

    /** The taints of a TAINTS cell ({@code a,b}) into {@code taints}; false when a part is no taint. */
    private static boolean taints(String cell, ArrayNode taints) {
        for (String part : cell.split(",")) {
            Matcher m = TAINT_CELL.matcher(part);
            if (!m.matches()) {
                return false;
            }
            ObjectNode taint = taints.addObject().put("key", m.group(1))
                    .put("effect", m.group(3) != null ? m.group(3) : "NoSchedule");
            if (m.group(2) != null && !m.group(2).isEmpty()) {
                taint.put("value", m.group(2));
            }
        }
        return true;
    }

    private void emit(Matcher row, long line) {
        String name = row.group(1);
        String status = row.group(2);
        ObjectNode node = node(name);
        ObjectNode metadata = (ObjectNode) node.path("metadata");
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
        emit(node, line);
    }

    /** A Node named {@code name}, nothing else known yet. */
    private static ObjectNode node(String name) {
        ObjectNode node = JsonLogReader.MAPPER.createObjectNode();
        node.put("apiVersion", "v1");
        node.put("kind", "Node");
        node.putObject("metadata").put("name", name);
        return node;
    }

    /** The node as the listing prints it, and the events its bad conditions would have, at the paste's moment. */
    private void emit(ObjectNode node, long line) {
        sink.snapshot(node, line);
        DescribeNode.conditionEvents(node, List.of(), sink.now()).forEach(e -> sink.snapshot(e, line));
    }
}
