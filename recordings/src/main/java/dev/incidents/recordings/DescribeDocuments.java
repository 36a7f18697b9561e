package dev.incidents.recordings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape every {@code kubectl describe} shares, whatever it describes: documents starting at {@code Name:}, a
 * tree of {@code Key: value} fields by indentation, and the value formats printed the same way for every kind
 * (label pairs, resource lists, the Conditions table, RFC 1123 times, {@code Controlled By:}).
 */
final class DescribeDocuments {
    private static final Pattern DOC_START = Pattern.compile("^Name:\\s+(\\S+)\\s*$");
    /** {@code Key: value}; kubectl before 1.5 separated the value with tabs ({@code Name:\t\tpi}). */
    static final Pattern FIELD = Pattern.compile("^( *)([A-Za-z][A-Za-z0-9 ._/()-]{0,60}?):(?:[ \\t]+(.*?))?\\s*$");
    private static final Pattern CONDITIONS_HEADER = Pattern.compile("^\\s*Type\\s+Status(\\s+.*)?$");
    /** A time as describe prints it (Go's RFC 1123 with a numeric zone): {@code Mon, 02 Jan 2023 10:00:00 +0000}. */
    private static final String TIME = "[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} (?:[+-]\\d{4}|[A-Z]{2,5})";
    private static final Pattern TIME_CELL = Pattern.compile(TIME);
    private static final Pattern CONDITION_ROW = Pattern.compile("^\\s*([A-Za-z][\\w.-]*)\\s+(True|False|Unknown)(\\s.*)?$");
    /** A node's condition row: its type and status, then its heartbeat and transition times. */
    private static final Pattern TIMED_CONDITION_ROW = Pattern.compile(
            "^\\s*[A-Za-z][\\w.-]*\\s+(?:True|False|Unknown)\\s+" + TIME + "\\s+" + TIME + "(?:\\s.*)?$");
    private static final List<String> NODE_CONDITION_COLUMNS = List.of("Type", "Status", "LastHeartbeatTime",
            "LastTransitionTime", "Reason", "Message");

    private DescribeDocuments() {
    }

    /** The lines where a describe document starts ({@code Name: x} in column 0). */
    static List<Integer> starts(List<String> lines) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (DOC_START.matcher(lines.get(i)).matches()) {
                starts.add(i);
            }
        }
        return starts;
    }

    /** A {@code Key: value} line with its continuation lines and the fields indented under it. */
    /** Fields kubectl has renamed, by their old name: before 1.3 a container's last state was its Last Termination State. */
    private static final Map<String, String> LEGACY_KEYS = Map.of("Last Termination State", "Last State");

    static final class Field {
        final int indent;
        final String key;
        final String value;
        final int line;
        final List<String> more = new ArrayList<>();
        final Map<String, Field> children = new LinkedHashMap<>();
        final List<Field> childList = new ArrayList<>();

        Field(int indent, String key, String value, int line) {
            this.indent = indent;
            this.key = key;
            this.value = value;
            this.line = line;
        }

        Field child(String name) {
            return children.get(name);
        }

        String text(String name) {
            Field f = children.get(name);
            return f == null || f.value == null || f.value.equals("<none>") || f.value.isEmpty() ? null : f.value;
        }

        /** The value and its continuation lines, {@code <none>} removed. */
        List<String> values() {
            List<String> values = new ArrayList<>();
            if (value != null && !value.isEmpty() && !value.equals("<none>")) {
                values.add(value);
            }
            more.stream().map(String::trim).filter(s -> !s.isEmpty() && !s.equals("<none>")).forEach(values::add);
            return values;
        }
    }

    /**
     * {@code line} as a {@code Key: value} field (indentation, key, value), null when it is none: a key with two
     * spaces inside or a space at its end is no key kubectl prints.
     */
    private static Matcher field(String line) {
        Matcher m = FIELD.matcher(line);
        return m.matches() && !m.group(2).contains("  ") && !m.group(2).endsWith(" ") ? m : null;
    }

    /** The field tree of describe text from {@code start}; {@code eventsHeader[0]} is set to its Events table header. */
    static Field fields(List<String> lines, int start, int end, int[] eventsHeader) {
        Field root = new Field(-1, "", null, start);
        List<Field> stack = new ArrayList<>(List.of(root));
        eventsHeader[0] = -1;
        int firstIndent = copiedFirstLineIndent(lines, start, end);
        boolean first = true;
        for (int i = start; i < end; i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (EventsTable.DESCRIBE_HEADER.matcher(line).matches()) {
                eventsHeader[0] = i;
                break;
            }
            Matcher m = field(line);
            if (m != null) {
                int indent = first && firstIndent > 0 ? firstIndent : m.group(1).length();
                first = false;
                while (stack.size() > 1 && (stack.get(stack.size() - 1).indent >= indent
                        || isLeaf(stack.get(stack.size() - 1)))) {
                    stack.remove(stack.size() - 1);
                }
                Field field = new Field(indent, LEGACY_KEYS.getOrDefault(m.group(2), m.group(2)),
                        m.group(3) == null ? null : m.group(3).trim(), i + 1);
                Field parent = stack.get(stack.size() - 1);
                parent.children.putIfAbsent(field.key, field);
                parent.childList.add(field);
                stack.add(field);
            } else {
                stack.get(stack.size() - 1).more.add(line);
            }
        }
        return root;
    }

    /**
     * The indentation a pasted first line lost: a selection that starts at its first word drops the line's leading
     * spaces ({@code State:          Waiting} at column 0 above {@code      Reason: CrashLoopBackOff}, then
     * {@code    Last State:     Terminated} at column 4). A first field at column 0 whose next field is deeper, followed
     * later by a field between the two (a sibling of the first, as its dedent shows), stood at that field's column; 0
     * (as pasted) otherwise.
     */
    private static int copiedFirstLineIndent(List<String> lines, int start, int end) {
        int firstAt = -1;
        int next = -1;
        int sibling = Integer.MAX_VALUE;
        for (int i = start; i < end; i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (EventsTable.DESCRIBE_HEADER.matcher(line).matches()) {
                break;
            }
            Matcher m = field(line);
            if (m == null) {
                continue;
            }
            int indent = m.group(1).length();
            if (firstAt < 0) {
                if (indent > 0) {
                    return 0;
                }
                firstAt = i;
            } else if (next < 0) {
                if (indent == 0) {
                    return 0;
                }
                next = indent;
            } else if (indent > 0 && indent < next) {
                sibling = Math.min(sibling, indent);
            } else if (indent == 0) {
                break;
            }
        }
        return sibling == Integer.MAX_VALUE ? 0 : sibling;
    }

    /**
     * Fields kubectl prints with a value and never with fields under them: a line indented deeper below one of them is
     * its sibling whose paste lost a space ({@code   Image: x} above {@code    State: Running}), not its child.
     */
    private static final java.util.Set<String> LEAVES = java.util.Set.of("Image", "Image ID", "Container ID", "Port",
            "Host Port", "Ready", "Restart Count", "Exit Code", "Started", "Finished", "Signal", "QoS Class",
            "Start Time", "Priority", "Service Account", "Node", "IP");

    private static boolean isLeaf(Field f) {
        return f.value != null && !f.value.isEmpty() && LEAVES.contains(f.key);
    }

    /** An {@code Events:} section whose column header was not pasted (or is kubectl 1.2-1.13's FirstSeen layout). */
    static List<EventsTable.Row> headerlessEvents(Field events) {
        List<EventsTable.Row> rows = new ArrayList<>();
        if (events == null) {
            return rows;
        }
        for (int i = 0; i < events.more.size(); i++) {
            EventsTable.Row row = EventsTable.describeRow(events.more.get(i), events.line + i + 1);
            if (row != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** The Conditions table: under {@code Conditions:}, or pasted without that line (then under whatever precedes it). */
    static Field conditionsOf(Field root) {
        Field conditions = root.child("Conditions");
        if (conditions != null) {
            return conditions;
        }
        List<Field> all = new ArrayList<>(List.of(root));
        for (int k = 0; k < all.size(); k++) {
            Field f = all.get(k);
            for (int i = 0; i < f.more.size(); i++) {
                if (CONDITIONS_HEADER.matcher(f.more.get(i)).matches() || TIMED_CONDITION_ROW.matcher(f.more.get(i)).matches()) {
                    Field table = new Field(f.indent, "Conditions", null, f.line);
                    table.more.addAll(f.more.subList(i, f.more.size()));
                    return table;
                }
            }
            all.addAll(f.childList);
        }
        return null;
    }

    /**
     * The Conditions table: {@code Type Status [LastHeartbeatTime LastTransitionTime] [Reason] [Message]} (a node's;
     * a pod's has Type and Status, a Deployment's adds Reason). Cells are read by what they hold, not by splitting
     * at runs of spaces, so a cell left empty (a condition without a reason) does not shift the rest, and tabs of
     * kubectl before 1.5 read like spaces. Rows pasted without their header line ({@code Ready False <time> <time>
     * KubeletNotReady PLEG is not healthy: ...}) are read with a node's columns when they carry its two times.
     */
    static ArrayNode conditions(Field field) {
        ArrayNode conditions = JsonLogReader.MAPPER.createArrayNode();
        if (field == null) {
            return conditions;
        }
        List<String> columns = null;
        String header = null;
        for (String line : field.more) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (columns == null) {
                if (CONDITIONS_HEADER.matcher(line).matches()) {
                    columns = List.of(trimmed.split("\\s+"));
                    header = line;
                    continue;
                }
                columns = TIMED_CONDITION_ROW.matcher(line).matches() ? NODE_CONDITION_COLUMNS : List.of("Type", "Status");
            }
            ObjectNode c = conditionRow(line, columns, header);
            if (c != null) {
                conditions.add(c);
            }
        }
        return conditions;
    }

    private static ObjectNode conditionRow(String line, List<String> columns, String header) {
        Matcher row = CONDITION_ROW.matcher(line);
        if (!row.matches()) {
            return null;
        }
        ObjectNode c = JsonLogReader.MAPPER.createObjectNode();
        c.put("type", row.group(1));
        c.put("status", row.group(2));
        if (row.group(3) == null) {
            return c;
        }
        int at = row.start(3);
        for (int k = 2; k < columns.size(); k++) {
            String column = columns.get(k);
            while (at < line.length() && Character.isWhitespace(line.charAt(at))) {
                at++;
            }
            if (at >= line.length()) {
                break;
            }
            switch (column) {
                case "LastHeartbeatTime", "LastProbeTime", "LastTransitionTime" -> {
                    Matcher time = TIME_CELL.matcher(line).region(at, line.length());
                    if (time.lookingAt()) {
                        putIfPresent(c, "LastTransitionTime".equals(column) ? "lastTransitionTime" : "lastHeartbeatTime",
                                describeTime(time.group()));
                        at = time.end();
                    }
                }
                case "Reason" -> {
                    if (k + 1 < columns.size() && emptyCell(header, line, column, columns.get(k + 1))) {
                        continue;
                    }
                    int end = at;
                    while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
                        end++;
                    }
                    c.put("reason", line.substring(at, end));
                    at = end;
                }
                case "Message" -> {
                    c.put("message", line.substring(at).trim());
                    at = line.length();
                }
                default -> {
                    // a column this reader does not know: skip one cell
                    while (at < line.length() && !Character.isWhitespace(line.charAt(at))) {
                        at++;
                    }
                }
            }
        }
        return c;
    }

    /**
     * Whether {@code line} leaves the {@code column} cell empty: where the header is aligned with the row (kubectl's
     * tabwriter pads with spaces), nothing is written between that column's start and the next's.
     */
    private static boolean emptyCell(String header, String line, String column, String next) {
        if (header == null || header.indexOf('\t') >= 0 || line.indexOf('\t') >= 0) {
            return false;
        }
        Matcher from = Pattern.compile("\\s" + column + "\\s").matcher(header);
        Matcher to = Pattern.compile("\\s" + next + "(\\s|$)").matcher(header);
        // a row padded up to the next column's start and no further (a condition with no message, its trailing spaces
        // kept) has nothing in that column: its own cell is not empty
        if (!from.find() || !to.find() || to.start() + 1 >= line.length()) {
            return false;
        }
        int start = from.start() + 1;
        int end = to.start() + 1;
        return Character.isWhitespace(line.charAt(start - 1)) && !Character.isWhitespace(line.charAt(end))
                && Character.isWhitespace(line.charAt(end - 1)) && line.substring(start, end).isBlank();
    }

    /**
     * {@code Controlled By: ReplicaSet/triton-5fc797b8f8} as the object's controller owner reference; none (an empty
     * list) when the describe shows where kubectl prints that line and it is not there: a bare Pod.
     */
    static void controlledBy(Field root, ObjectNode metadata) {
        String controller = root.text("Controlled By");
        if (controller != null && controller.contains("/")) {
            metadata.putArray("ownerReferences").addObject()
                    .put("kind", controller.substring(0, controller.indexOf('/')))
                    .put("name", controller.substring(controller.indexOf('/') + 1))
                    .put("controller", true);
        } else if (controller == null && root.child("Controlled By") == null && ownerLineWouldShow(root)) {
            metadata.putArray("ownerReferences");
        }
    }

    /** What kubectl describe pod prints right after {@code IPs:} (or {@code IP:} before 1.16) when there is no owner. */
    private static final java.util.Set<String> AFTER_OWNER_LINE = java.util.Set.of("NominatedNodeName", "Init Containers",
            "Containers");

    /**
     * Whether the describe shows the place of its {@code Controlled By:} line: kubectl prints it between the pod's IPs
     * and its containers, so an {@code IPs:} block followed on the very next line by {@code Containers:} (or {@code
     * Init Containers:}, {@code NominatedNodeName:}) leaves no room for one the reporter cut.
     */
    static boolean ownerLineWouldShow(Field root) {
        Field ips = root.child("IPs") != null ? root.child("IPs") : root.child("IP");
        if (ips == null) {
            return false;
        }
        int at = root.childList.indexOf(ips);
        if (at < 0 || at + 1 >= root.childList.size()) {
            return false;
        }
        Field next = root.childList.get(at + 1);
        // the block holds its address lines only (IP: x), nothing else: a "..." the reporter put there is no address
        if (!ips.more.isEmpty() || ips.childList.stream().anyMatch(ip -> !"IP".equals(ip.key) || !ip.more.isEmpty())) {
            return false;
        }
        return AFTER_OWNER_LINE.contains(next.key) && next.line == ips.line + ips.childList.size() + 1;
    }

    /** {@code app=triton} lines (Labels, Node-Selectors). */
    static ObjectNode pairs(Field field) {
        ObjectNode map = JsonLogReader.MAPPER.createObjectNode();
        if (field != null) {
            for (String value : field.values()) {
                for (String pair : value.split(",")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                    }
                }
            }
        }
        return map;
    }

    /** {@code cpu: 2} children (Limits, Requests, Capacity, Allocatable). */
    static ObjectNode resourceMap(Field field) {
        ObjectNode map = JsonLogReader.MAPPER.createObjectNode();
        if (field != null) {
            for (Field child : field.childList) {
                if (child.value != null && !child.value.isEmpty()) {
                    // a quantity has no spaces: what follows is the reporter's note ("7   <=== here")
                    map.put(child.key, child.value.strip().split("\\s+", 2)[0]);
                }
            }
        }
        return map;
    }

    /** describe prints times as {@code Fri, 14 Mar 2025 10:00:01 +0000}; RFC 3339 is accepted too. */
    static String describeTime(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toString();
        } catch (DateTimeParseException e) {
            try {
                return KubeTime.parse(text, "time").toString();
            } catch (MalformedObjectException notRfc3339) {
                return null;
            }
        }
    }

    static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
