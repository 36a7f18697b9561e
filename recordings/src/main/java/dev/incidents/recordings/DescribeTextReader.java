package dev.incidents.recordings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Format 5 of DESIGN.md section 6: {@code kubectl describe pod|node|replicaset|deployment} text as pasted into
 * tickets, or only its {@code Events:} table, or {@code kubectl get events} lines. Each described object is rebuilt
 * into its API shape (so {@link KubeObjects} maps it like any other): a Pod or Node snapshot at
 * {@link ReadOptions#now()}, owner references from {@code Controlled By:}, and one core/v1 Event per table row,
 * its relative ages anchored at {@code now}.
 * <p>
 * A fragment (an Events table with no describe header) is about the pod named by its
 * {@code Successfully assigned ns/pod to node} row, else by {@code Pod:}/{@code Node:}/{@code namespace:} lines in
 * the surrounding text; without either its rows are rejected. kubelet events get the pod's node as
 * reportingInstance when it is known.
 */
final class DescribeTextReader {
    private static final Pattern DOC_START = Pattern.compile("^Name:\\s+(\\S+)\\s*$");
    /** {@code Key: value}; kubectl before 1.5 separated the value with tabs ({@code Name:\t\tpi}). */
    private static final Pattern FIELD = Pattern.compile("^( *)([A-Za-z][A-Za-z0-9 ._/()-]{0,60}?):(?:[ \\t]+(.*?))?\\s*$");
    private static final Pattern ASSIGNED = Pattern.compile("Successfully assigned ([a-z0-9][-a-z0-9]*)/(\\S+) to (\\S+)");
    private static final Pattern CONTEXT_POD = Pattern.compile("(?im)^\\W*pod(?: name)?:\\s*([a-z0-9][-a-z0-9.]*[a-z0-9])\\b");
    private static final Pattern CONTEXT_NODE = Pattern.compile("(?im)^\\W*node(?: name)?:\\s*([a-z0-9][-a-z0-9.]*[a-z0-9])\\b");
    private static final Pattern CONTEXT_NAMESPACE = Pattern.compile("(?i)\\bnamespace:\\s*([a-z0-9][-a-z0-9]*[a-z0-9])\\b");
    private static final Pattern PROBE = Pattern.compile(
            "^(http-get|tcp-socket|exec|grpc)\\s+(.*?)\\s+delay=(\\d+)s\\s+timeout=(\\d+)s\\s+period=(\\d+)s\\s+#success=(\\d+)\\s+#failure=(\\d+)\\s*$");
    private static final Pattern HTTP_URL = Pattern.compile("^(https?)://[^:/]*:([^/]+)(/.*)?$");
    private static final Pattern TOLERATION = Pattern.compile(
            "^([^=:\\s]*)(?:=([^:\\s]*))?(?::(\\w+))?(?:\\s+op=(\\w+))?(?:\\s+for\\s+(\\d+)s)?$");
    private static final Pattern TAINT = Pattern.compile("^([^=:\\s]+)(?:=([^:\\s]*))?:(\\w+)$");
    /** The kubelet's newer wording names the pod: {@code Back-off restarting failed container app in pod web-0_shop(uid)}. */
    private static final Pattern POD_IN_MESSAGE = Pattern.compile(
            "\\bin pod ([a-z0-9][-a-z0-9.]*[a-z0-9])_([a-z0-9][-a-z0-9]*[a-z0-9])\\(");
    /** The pod of an Events table or status fragment whose paste names no object. */
    static final String UNNAMED_POD = "unnamed-pod";
    /** The node of a Conditions table pasted without its describe header. */
    static final String UNNAMED_NODE = "unnamed-node";
    /** The container of a {@code State:} block pasted without its container header. */
    static final String UNNAMED_CONTAINER = "unnamed-container";
    private static final java.util.Set<String> POD_PHASES = java.util.Set.of("Pending", "Running", "Succeeded",
            "Failed", "Unknown");
    private static final java.util.Set<String> NODE_CONDITIONS = java.util.Set.of("MemoryPressure", "DiskPressure",
            "PIDPressure", "OutOfDisk", "NetworkUnavailable");
    /** The event reason the kubelet records when a pressure condition turns True. */
    private static final Map<String, String> BAD_CONDITION_REASONS = Map.of("DiskPressure", "NodeHasDiskPressure",
            "MemoryPressure", "NodeHasInsufficientMemory", "PIDPressure", "NodeHasInsufficientPID",
            "OutOfDisk", "NodeOutOfDisk");
    private static final Pattern CONDITIONS_HEADER = Pattern.compile("^\\s*Type\\s+Status(\\s+.*)?$");
    private static final Pattern NEW_REPLICA_SET = Pattern.compile("^(\\S+)\\s+\\(.*\\)$");

    private final String file;
    private final ReadOptions options;
    private final Consumer<RawObject> out;
    private final Consumer<Rejection> rejected;
    private final String cluster;

    DescribeTextReader(String file, ReadOptions options, Consumer<RawObject> out, Consumer<Rejection> rejected) {
        this.file = file;
        this.options = options;
        this.out = out;
        this.rejected = rejected;
        this.cluster = options.clusterOr(null);
    }

    void read(List<String> lines) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (DOC_START.matcher(lines.get(i)).matches()) {
                starts.add(i);
            }
        }
        int proseEnd = starts.isEmpty() ? lines.size() : starts.get(0);
        readFragments(lines, 0, proseEnd);
        readHeadless(lines, 0, proseEnd);
        for (int k = 0; k < starts.size(); k++) {
            int end = k + 1 < starts.size() ? starts.get(k + 1) : lines.size();
            readDocument(lines, starts.get(k), end);
        }
    }

    // ------------------------------------------------------------------ fragments

    private record Subject(String kind, String namespace, String name, String node) {
    }

    private void readFragments(List<String> lines, int from, int to) {
        List<EventsTable.Row> describeRows = new ArrayList<>();
        List<EventsTable.Row> getRows = new ArrayList<>();
        List<String> region = lines.subList(from, to);
        for (int i = 0; i < region.size(); i++) {
            String line = region.get(i);
            int[] end = {i + 1};
            if (EventsTable.DESCRIBE_HEADER.matcher(line).matches()) {
                EventsTable.describeRows(region, i, end).forEach(describeRows::add);
                i = end[0] - 1;
            } else if (EventsTable.GET_HEADER.matcher(line).matches()) {
                EventsTable.getRows(region, i, end).forEach(getRows::add);
                i = end[0] - 1;
            } else {
                EventsTable.Row row = EventsTable.describeRow(line, from + i + 1);
                if (row != null) {
                    describeRows.add(row);
                } else if ((row = EventsTable.getRow(line, from + i + 1)) != null) {
                    getRows.add(row);
                }
            }
        }
        String contextNamespace = contextNamespace(String.join("\n", region), describeRows, getRows);
        for (EventsTable.Row row : getRows) {
            emitGetRow(row, contextNamespace);
        }
        if (describeRows.isEmpty()) {
            return;
        }
        Subject subject = fragmentSubject(String.join("\n", region), describeRows, contextNamespace);
        for (EventsTable.Row row : describeRows) {
            emitEvent(row, subject.kind(), subject.namespace(), subject.name(), subject.node());
        }
    }

    /**
     * The object of an Events table pasted without its describe header: the pod a {@code Successfully assigned} row
     * or a {@code Pod:} line names, else the pod a kubelet message names ({@code ... in pod web-0_shop(uid)}), else
     * the node whose own events these are ({@code NodeNotReady} from {@code kubelet, node-1}), else a pod the paste
     * does not name: the rows still say what went wrong, and DESIGN section 6 wants a fragment to yield its
     * incident, so they are kept about {@link #UNNAMED_POD} rather than rejected.
     */
    private static Subject fragmentSubject(String text, List<EventsTable.Row> rows, String contextNamespace) {
        for (EventsTable.Row row : rows) {
            Matcher m = ASSIGNED.matcher(row.message());
            if (m.find()) {
                return new Subject("Pod", m.group(1), m.group(2), m.group(3));
            }
        }
        Matcher node = CONTEXT_NODE.matcher(text);
        String contextNode = node.find() ? node.group(1) : null;
        Matcher pod = CONTEXT_POD.matcher(text);
        if (pod.find()) {
            Matcher ns = CONTEXT_NAMESPACE.matcher(text);
            return new Subject("Pod", ns.find() ? ns.group(1) : "default", pod.group(1), contextNode);
        }
        for (EventsTable.Row row : rows) {
            Matcher m = POD_IN_MESSAGE.matcher(row.message());
            if (m.find()) {
                return new Subject("Pod", m.group(2), m.group(1), contextNode);
            }
        }
        if ("Node".equals(EventsTable.kindOfRows(rows))) {
            String host = rows.stream().map(r -> EventsTable.host(r.from())).filter(h -> h != null).findFirst()
                    .orElse(contextNode);
            if (host != null) {
                return new Subject("Node", null, host, host);
            }
        }
        return new Subject("Pod", contextNamespace, UNNAMED_POD, contextNode);
    }

    /**
     * The namespace of get-events rows printed without a NAMESPACE column ({@code kubectl get events -n ns}): the one
     * a {@code Successfully assigned ns/pod} row names, else a {@code namespace:} line around the table, else default.
     */
    private static String contextNamespace(String text, List<EventsTable.Row> describeRows, List<EventsTable.Row> getRows) {
        for (List<EventsTable.Row> rows : List.of(getRows, describeRows)) {
            for (EventsTable.Row row : rows) {
                Matcher m = ASSIGNED.matcher(row.message());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        Matcher ns = CONTEXT_NAMESPACE.matcher(text);
        return ns.find() ? ns.group(1) : "default";
    }

    private void emitGetRow(EventsTable.Row row, String contextNamespace) {
        String object = row.object();
        int slash = object == null ? -1 : object.indexOf('/');
        if (slash <= 0 || slash == object.length() - 1) {
            rejected.accept(new Rejection(file, row.line(), "event row without an OBJECT like pod/name"));
            return;
        }
        String kind = EventsTable.kindOfResource(object.substring(0, slash));
        String name = object.substring(slash + 1);
        String node = null;
        Matcher m = ASSIGNED.matcher(row.message());
        if (m.find()) {
            node = m.group(3);
        }
        emitEvent(row, kind, row.namespace() == null ? contextNamespace : row.namespace(), name, node);
    }

    // ------------------------------------------------------------------ events

    private void emitEvent(EventsTable.Row row, String kind, String namespace, String name, String node) {
        String ageText = asAge(row.age());
        EventAge age = EventAge.parse(ageText).orElse(null);
        if (age == null) {
            rejected.accept(new Rejection(file, row.line(), "unreadable age '" + KubeTime.abbreviate(ageText) + "'"));
            return;
        }
        int count = age.count();
        Instant first = age.firstSeen() == null ? null : options.now().minus(age.firstSeen());
        if (row.firstSeen() != null) {
            EventAge firstAge = EventAge.parse(asAge(row.firstSeen())).orElse(null);
            if (firstAge != null && firstAge.lastSeen() != null) {
                first = options.now().minus(firstAge.lastSeen());
            }
        }
        if (row.count() != null && row.count().matches("\\d{1,9}")) {
            count = Math.max(count, Integer.parseInt(row.count()));
        }
        Instant last = age.lastSeen() == null ? null : options.now().minus(age.lastSeen());
        if (first != null && last != null && first.isAfter(last)) {
            // the two columns came the other way round (kubectl 1.9-1.13 get events: LAST SEEN, FIRST SEEN)
            Instant earlier = last;
            last = first;
            first = earlier;
        }
        String component = row.from();
        String host = null;
        if (component != null && component.contains(",")) {
            // kubectl before 1.14 printed "kubelet, <node>"
            host = component.substring(component.indexOf(',') + 1).trim();
            component = component.substring(0, component.indexOf(',')).trim();
        }
        if (host == null && "kubelet".equals(component) && "Pod".equals(kind)) {
            host = node;
        }
        if ("Node".equals(kind) && "kubelet".equals(component) && host == null) {
            host = name;
        }
        ObjectNode event = JsonLogReader.MAPPER.createObjectNode();
        event.put("apiVersion", "v1");
        event.put("kind", "Event");
        boolean clusterScoped = "Node".equals(kind) || "PersistentVolume".equals(kind) || "Namespace".equals(kind);
        // the API server files events about cluster-scoped objects in "default"
        event.putObject("metadata").put("namespace", clusterScoped ? "default" : namespace);
        ObjectNode involved = event.putObject("involvedObject");
        involved.put("kind", kind);
        involved.put("name", name);
        if (!clusterScoped) {
            involved.put("namespace", namespace);
        }
        event.put("reason", row.reason());
        event.put("message", row.message());
        event.put("type", row.type());
        event.put("count", count);
        if (first != null) {
            event.put("firstTimestamp", first.toString());
        }
        if (last != null) {
            event.put("lastTimestamp", last.toString());
        }
        if (component != null || host != null) {
            ObjectNode source = event.putObject("source");
            if (component != null) {
                source.put("component", component);
            }
            if (host != null) {
                source.put("host", host);
            }
        }
        out.accept(new RawObject(event, null, null, cluster, file, row.line()));
    }

    /**
     * kubectl before 1.3 printed absolute FirstSeen/LastSeen times ({@code 2016-05-04 22:09:51 +0200 CEST},
     * {@code Wed, 21 Oct 2015 12:56:47 -0700}); they become ages at {@link ReadOptions#now()} like the rest.
     */
    private String asAge(String text) {
        if (text == null) {
            return null;
        }
        Instant at = null;
        Matcher m = EventsTable.OLD_TIME.matcher(text.trim());
        if (m.matches()) {
            at = ZonedDateTime.parse(m.group(1), OLD_TIME_FORMAT).toInstant();
        } else if (text.contains(",") && text.contains(":")) {
            String rfc1123 = describeTime(text);
            at = rfc1123 == null ? null : Instant.parse(rfc1123);
        }
        if (at == null) {
            return text;
        }
        long seconds = java.time.Duration.between(at, options.now()).getSeconds();
        return Math.max(0, seconds) + "s";
    }

    private static final DateTimeFormatter OLD_TIME_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");

    // ------------------------------------------------------------------ describe documents

    /** A {@code Key: value} line with its continuation lines and the fields indented under it. */
    private static final class Field {
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

    /** The field tree of describe text from {@code start}; {@code eventsHeader[0]} is set to its Events table header. */
    private static Field fields(List<String> lines, int start, int end, int[] eventsHeader) {
        Field root = new Field(-1, "", null, start);
        List<Field> stack = new ArrayList<>(List.of(root));
        eventsHeader[0] = -1;
        for (int i = start; i < end; i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (EventsTable.DESCRIBE_HEADER.matcher(line).matches()) {
                eventsHeader[0] = i;
                break;
            }
            Matcher m = FIELD.matcher(line);
            if (m.matches() && !m.group(2).contains("  ") && !m.group(2).endsWith(" ")) {
                int indent = m.group(1).length();
                while (stack.size() > 1 && stack.get(stack.size() - 1).indent >= indent) {
                    stack.remove(stack.size() - 1);
                }
                Field field = new Field(indent, m.group(2), m.group(3) == null ? null : m.group(3).trim(), i + 1);
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

    /** An {@code Events:} section whose column header was not pasted (or is kubectl 1.2-1.13's FirstSeen layout). */
    private static List<EventsTable.Row> headerlessEvents(Field events) {
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

    /**
     * Describe fields pasted without their {@code Name:} line: a container's {@code State:}/{@code Last State:} block,
     * a pod's {@code Status:}/{@code Reason:}/{@code Message:} lines, a node's Conditions table. DESIGN section 6 wants
     * a fragment to yield its incident, so they describe a pod or node the paste does not name
     * ({@link #UNNAMED_POD}, {@link #UNNAMED_NODE}); an Events table around them is read by {@link #readFragments}.
     */
    private void readHeadless(List<String> lines, int start, int end) {
        Field root = fields(lines, start, end, new int[1]);
        long line = start + 1;
        try {
            if (nodeConditionTypes(conditionsOf(root))) {
                ObjectNode node = node(root, UNNAMED_NODE);
                out.accept(new RawObject(node, null, options.now(), cluster, file, line));
                nodeConditionEvents(node, line, List.of());
                return;
            }
            boolean containerState = root.child("State") != null || root.child("Last State") != null;
            boolean podStatus = root.child("Reason") != null && POD_PHASES.contains(String.valueOf(root.text("Status")));
            boolean containerSections = root.child("Containers") != null || root.child("Init Containers") != null;
            if (!containerState && !podStatus && !containerSections) {
                return;
            }
            if (containerState && root.child("Containers") == null) {
                Field containers = new Field(0, "Containers", null, start);
                Field container = new Field(2, UNNAMED_CONTAINER, null, start);
                container.children.putAll(root.children);
                container.childList.addAll(root.childList);
                containers.children.put(UNNAMED_CONTAINER, container);
                containers.childList.add(container);
                root.children.put("Containers", containers);
            }
            String namespace = root.text("Namespace") == null ? "default" : root.text("Namespace");
            out.accept(new RawObject(pod(root, UNNAMED_POD, namespace), null, options.now(), cluster, file, line));
        } catch (RuntimeException e) {
            rejected.accept(new Rejection(file, line, "unreadable describe fragment: " + e.getMessage()));
        }
    }

    private void readDocument(List<String> lines, int start, int end) {
        int[] header = new int[1];
        Field root = fields(lines, start, end, header);
        int eventsHeader = header[0];
        String name = root.text("Name");
        if (name == null) {
            return; // "Name:" with no value: nothing to name the object by
        }
        String namespace = root.text("Namespace") == null ? "default" : root.text("Namespace");
        List<EventsTable.Row> rows = eventsHeader < 0 ? headerlessEvents(root.child("Events"))
                : EventsTable.describeRows(lines, eventsHeader, new int[1]);
        String kind = kindOf(root);
        // a describe trimmed to Name/Namespace and Events ("[...]" in between): its events tell what it is, and
        // they are all there is (no snapshot is made of fields that were cut)
        String snapshotKind = kind;
        if (kind.isEmpty() && !rows.isEmpty()) {
            kind = EventsTable.kindOfRows(rows);
        }
        long line = start + 1;
        String node = null;
        try {
            switch (snapshotKind) {
                case "Pod" -> {
                    ObjectNode pod = pod(root, name, namespace);
                    node = JsonFields.text(pod, "spec", "nodeName");
                    out.accept(new RawObject(pod, null, options.now(), cluster, file, line));
                }
                case "Node" -> {
                    ObjectNode described = node(root, name);
                    out.accept(new RawObject(described, null, options.now(), cluster, file, line));
                    nodeConditionEvents(described, line, rows.stream().map(EventsTable.Row::reason).toList());
                }
                case "ReplicaSet", "StatefulSet", "DaemonSet", "Job" -> ownedBy(root, kind, name, namespace, line);
                case "Deployment" -> deployment(root, name, namespace, line);
                default -> {
                }
            }
        } catch (RuntimeException e) {
            rejected.accept(new Rejection(file, line, "unreadable describe of " + name + ": " + e.getMessage()));
        }
        if ("Pod".equals(kind) && node == null) {
            for (EventsTable.Row row : rows) {
                Matcher m = ASSIGNED.matcher(row.message());
                if (m.find() && m.group(2).equals(name)) {
                    node = m.group(3);
                }
            }
        }
        for (EventsTable.Row row : rows) {
            if (kind.isEmpty()) {
                rejected.accept(new Rejection(file, row.line(), "cannot tell what kind of object '" + name
                        + "' the describe text is about"));
            } else {
                emitEvent(row, kind, namespace, name, "Node".equals(kind) ? name : node);
            }
        }
    }

    private static String kindOf(Field root) {
        if (root.child("Containers") != null || root.child("Init Containers") != null) {
            return "Pod";
        }
        if (root.child("StorageClass") != null || root.child("Access Modes") != null) {
            return "PersistentVolumeClaim";
        }
        if (root.child("Capacity") != null || root.child("System Info") != null || root.child("Taints") != null
                || root.child("Unschedulable") != null || root.child("Roles") != null
                || nodeConditionTypes(conditionsOf(root))) {
            return "Node";
        }
        if (root.child("NewReplicaSet") != null || root.child("StrategyType") != null) {
            return "Deployment";
        }
        if (root.child("Completions") != null || root.child("Parallelism") != null) {
            return "Job";
        }
        if (root.child("Desired Number of Nodes Scheduled") != null) {
            return "DaemonSet";
        }
        if (root.child("Update Strategy") != null || root.child("Pod Management Policy") != null) {
            return "StatefulSet";
        }
        if (root.child("Replicas") != null || root.child("Pods Status") != null) {
            return "ReplicaSet";
        }
        // a pod describe cut before its Containers: only pods have these header fields
        if (root.child("Node") != null || root.child("Start Time") != null || root.child("QoS Class") != null
                || POD_PHASES.contains(String.valueOf(root.text("Status")))) {
            return "Pod";
        }
        return "";
    }

    /** The Conditions table: under {@code Conditions:}, or pasted without that line (then under whatever precedes it). */
    private static Field conditionsOf(Field root) {
        Field conditions = root.child("Conditions");
        if (conditions != null) {
            return conditions;
        }
        List<Field> all = new ArrayList<>(List.of(root));
        for (int k = 0; k < all.size(); k++) {
            Field f = all.get(k);
            for (int i = 0; i < f.more.size(); i++) {
                if (CONDITIONS_HEADER.matcher(f.more.get(i)).matches()) {
                    Field table = new Field(f.indent, "Conditions", null, f.line);
                    table.more.addAll(f.more.subList(i, f.more.size()));
                    return table;
                }
            }
            all.addAll(f.childList);
        }
        return null;
    }

    private static boolean nodeConditionTypes(Field conditions) {
        for (com.fasterxml.jackson.databind.JsonNode c : conditions(conditions)) {
            if (NODE_CONDITIONS.contains(c.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A described node's conditions are often all a paste shows of a sick node, and there is no node signal in the
     * schemas: as with a Deployment's ReplicaFailure, each condition that is bad becomes the event the kubelet or
     * node controller records for it ({@code NodeNotReady}, {@code NodeHasDiskPressure}, ...), first seen at the
     * condition's last transition, last seen at its last heartbeat, the condition's reason and message appended
     * (unless the describe's Events table has that event already).
     */
    private void nodeConditionEvents(ObjectNode node, long line, List<String> tableReasons) {
        String name = JsonFields.text(node, "metadata", "name");
        for (com.fasterxml.jackson.databind.JsonNode c : node.path("status").path("conditions")) {
            String type = c.path("type").asText();
            String status = c.path("status").asText();
            String reason = "Ready".equals(type) ? ("True".equals(status) ? null : "NodeNotReady")
                    : "True".equals(status) ? BAD_CONDITION_REASONS.get(type) : null;
            if (reason == null || tableReasons.contains(reason)) {
                continue; // the Events table already has the kubelet's own event for it
            }
            StringBuilder message = new StringBuilder("Node ").append(name).append(" status is now: ").append(reason)
                    .append(" (").append(type).append('=').append(status);
            if (c.hasNonNull("reason")) {
                message.append(", ").append(c.get("reason").asText());
            }
            message.append(')');
            if (c.hasNonNull("message")) {
                message.append(": ").append(c.get("message").asText());
            }
            String first = c.hasNonNull("lastTransitionTime") ? c.get("lastTransitionTime").asText() : options.now().toString();
            String last = c.hasNonNull("lastHeartbeatTime") ? c.get("lastHeartbeatTime").asText() : options.now().toString();
            if (last.compareTo(first) < 0) {
                last = first;
            }
            ObjectNode event = JsonLogReader.MAPPER.createObjectNode();
            event.put("apiVersion", "v1");
            event.put("kind", "Event");
            event.putObject("metadata").put("name", name + "." + type.toLowerCase(Locale.ROOT)).put("namespace", "default");
            event.putObject("involvedObject").put("kind", "Node").put("name", name);
            event.put("reason", reason);
            event.put("message", message.toString());
            event.put("type", "Ready".equals(type) ? "Normal" : "Warning");
            event.putObject("source").put("component", "kubelet").put("host", name);
            event.put("count", 1);
            event.put("firstTimestamp", first);
            event.put("lastTimestamp", last);
            out.accept(new RawObject(event, null, options.now(), cluster, file, line));
        }
    }

    private ObjectNode pod(Field root, String name, String namespace) {
        ObjectNode pod = JsonLogReader.MAPPER.createObjectNode();
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        ObjectNode metadata = pod.putObject("metadata");
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        metadata.set("labels", pairs(root.child("Labels")));
        controlledBy(root, metadata);
        ObjectNode spec = pod.putObject("spec");
        ObjectNode status = pod.putObject("status");
        String node = root.text("Node");
        if (node != null) {
            spec.put("nodeName", node.contains("/") ? node.substring(0, node.indexOf('/')) : node);
        }
        putIfPresent(spec, "serviceAccountName", root.text("Service Account"));
        putIfPresent(spec, "priorityClassName", root.text("Priority Class Name"));
        putIfPresent(spec, "runtimeClassName", root.text("Runtime Class Name"));
        spec.set("nodeSelector", pairs(root.child("Node-Selectors")));
        spec.set("tolerations", tolerations(root.child("Tolerations")));
        ArrayNode volumes = spec.putArray("volumes");
        Field volumeSection = root.child("Volumes");
        if (volumeSection != null) {
            for (Field volume : volumeSection.childList) {
                String claim = volume.text("ClaimName");
                if (claim != null) {
                    volumes.addObject().put("name", volume.key).putObject("persistentVolumeClaim").put("claimName", claim);
                }
            }
        }
        String phase = root.text("Status");
        if (phase != null) {
            // a pod being deleted shows "Terminating (lasts 5s)" in place of its phase
            status.put("phase", phase.startsWith("Terminating") ? "Running" : phase);
        }
        putIfPresent(status, "reason", root.text("Reason"));
        putIfPresent(status, "message", root.text("Message"));
        putIfPresent(status, "qosClass", root.text("QoS Class"));
        putIfPresent(status, "startTime", describeTime(root.text("Start Time")));
        status.set("conditions", conditions(root.child("Conditions")));
        containers(root.child("Init Containers"), spec.putArray("initContainers"), status.putArray("initContainerStatuses"));
        containers(root.child("Containers"), spec.putArray("containers"), status.putArray("containerStatuses"));
        return pod;
    }

    private void containers(Field section, ArrayNode specs, ArrayNode statuses) {
        if (section == null) {
            return;
        }
        for (Field c : section.childList) {
            ObjectNode spec = specs.addObject();
            spec.put("name", c.key);
            putIfPresent(spec, "image", c.text("Image"));
            ObjectNode resources = spec.putObject("resources");
            resources.set("limits", resourceMap(c.child("Limits")));
            resources.set("requests", resourceMap(c.child("Requests")));
            for (String probe : List.of("Liveness", "Readiness", "Startup")) {
                ObjectNode parsed = probe(c.text(probe));
                if (parsed != null) {
                    spec.set(probe.toLowerCase(Locale.ROOT) + "Probe", parsed);
                }
            }
            ObjectNode status = statuses.addObject();
            status.put("name", c.key);
            status.put("ready", "True".equalsIgnoreCase(c.text("Ready")));
            String restarts = c.text("Restart Count");
            if (restarts != null && restarts.matches("\\d{1,9}")) {
                status.put("restartCount", Integer.parseInt(restarts));
            }
            ObjectNode state = containerState(c.child("State"));
            if (state != null) {
                status.set("state", state);
            }
            ObjectNode lastState = containerState(c.child("Last State"));
            if (lastState != null) {
                status.set("lastState", lastState);
            }
        }
    }

    /** {@code State: Waiting} with {@code Reason:}, {@code Exit Code:}, {@code Started:} ... indented under it. */
    private static ObjectNode containerState(Field state) {
        if (state == null || state.value == null) {
            return null;
        }
        String kind = state.value.trim().toLowerCase(Locale.ROOT);
        if (!List.of("waiting", "running", "terminated").contains(kind)) {
            return null;
        }
        ObjectNode node = JsonLogReader.MAPPER.createObjectNode();
        ObjectNode detail = node.putObject(kind);
        putIfPresent(detail, "reason", state.text("Reason"));
        Field message = state.child("Message");
        if (message != null) {
            List<String> text = message.values();
            if (!text.isEmpty()) {
                detail.put("message", String.join("\n", text));
            }
        }
        String exit = state.text("Exit Code");
        if (exit != null && exit.matches("-?\\d{1,9}")) {
            detail.put("exitCode", Integer.parseInt(exit));
        }
        String signal = state.text("Signal");
        if (signal != null && signal.matches("\\d{1,9}")) {
            detail.put("signal", Integer.parseInt(signal));
        }
        putIfPresent(detail, "startedAt", describeTime(state.text("Started")));
        putIfPresent(detail, "finishedAt", describeTime(state.text("Finished")));
        return node;
    }

    /** {@code http-get http://:8000/v2/health/ready delay=0s timeout=1s period=10s #success=1 #failure=3}. */
    static ObjectNode probe(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = PROBE.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        ObjectNode probe = JsonLogReader.MAPPER.createObjectNode();
        String target = m.group(2);
        switch (m.group(1)) {
            case "http-get" -> {
                Matcher url = HTTP_URL.matcher(target);
                ObjectNode http = probe.putObject("httpGet");
                if (url.matches()) {
                    http.put("port", url.group(2));
                    http.put("path", url.group(3) == null ? "/" : url.group(3));
                    if ("https".equals(url.group(1))) {
                        http.put("scheme", "HTTPS");
                    }
                }
            }
            case "tcp-socket" -> probe.putObject("tcpSocket").put("port", target.replaceFirst("^[^:]*:", ""));
            case "grpc" -> probe.putObject("grpc").put("port", target.replaceFirst("^.*:", "").replaceFirst("\\s.*$", ""));
            default -> {
                ArrayNode command = probe.putObject("exec").putArray("command");
                String inner = target.replaceFirst("^\\[", "").replaceFirst("]$", "");
                for (String part : inner.trim().split("\\s+")) {
                    if (!part.isEmpty()) {
                        command.add(part);
                    }
                }
            }
        }
        probe.put("initialDelaySeconds", Integer.parseInt(m.group(3)));
        probe.put("timeoutSeconds", Integer.parseInt(m.group(4)));
        probe.put("periodSeconds", Integer.parseInt(m.group(5)));
        probe.put("successThreshold", Integer.parseInt(m.group(6)));
        probe.put("failureThreshold", Integer.parseInt(m.group(7)));
        return probe;
    }

    private ObjectNode node(Field root, String name) {
        ObjectNode node = JsonLogReader.MAPPER.createObjectNode();
        node.put("apiVersion", "v1");
        node.put("kind", "Node");
        ObjectNode metadata = node.putObject("metadata");
        metadata.put("name", name);
        metadata.set("labels", pairs(root.child("Labels")));
        putIfPresent(metadata, "creationTimestamp", describeTime(root.text("CreationTimestamp")));
        ObjectNode spec = node.putObject("spec");
        spec.put("unschedulable", "true".equalsIgnoreCase(root.text("Unschedulable")));
        ArrayNode taints = spec.putArray("taints");
        Field taintField = root.child("Taints");
        if (taintField != null) {
            for (String taint : taintField.values()) {
                Matcher m = TAINT.matcher(taint.trim());
                if (m.matches()) {
                    ObjectNode t = taints.addObject().put("key", m.group(1)).put("effect", m.group(3));
                    putIfPresent(t, "value", m.group(2));
                }
            }
        }
        ObjectNode status = node.putObject("status");
        status.set("capacity", resourceMap(root.child("Capacity")));
        status.set("allocatable", resourceMap(root.child("Allocatable")));
        status.set("conditions", conditions(conditionsOf(root)));
        Field info = root.child("System Info");
        if (info != null) {
            ObjectNode nodeInfo = status.putObject("nodeInfo");
            putIfPresent(nodeInfo, "kubeletVersion", info.text("Kubelet Version"));
            putIfPresent(nodeInfo, "containerRuntimeVersion", info.text("Container Runtime Version"));
        }
        return node;
    }

    /** A controller describe only tells who owns it; the replay uses that to resolve Pods to their workload. */
    private void ownedBy(Field root, String kind, String name, String namespace, long line) {
        ObjectNode object = JsonLogReader.MAPPER.createObjectNode();
        object.put("kind", kind);
        ObjectNode metadata = object.putObject("metadata");
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        controlledBy(root, metadata);
        out.accept(new RawObject(object, null, options.now(), cluster, file, line));
    }

    private void deployment(Field root, String name, String namespace, long line) {
        replicaFailure(root, name, namespace, line);
        for (String field : List.of("NewReplicaSet", "OldReplicaSets")) {
            Field f = root.child(field);
            if (f == null) {
                continue;
            }
            for (String value : f.values()) {
                for (String part : value.split(",")) {
                    Matcher m = NEW_REPLICA_SET.matcher(part.trim());
                    if (m.matches()) {
                        ObjectNode rs = JsonLogReader.MAPPER.createObjectNode();
                        rs.put("kind", "ReplicaSet");
                        ObjectNode metadata = rs.putObject("metadata");
                        metadata.put("name", m.group(1));
                        metadata.put("namespace", namespace);
                        metadata.putArray("ownerReferences").addObject().put("kind", "Deployment").put("name", name)
                                .put("controller", true);
                        out.accept(new RawObject(rs, null, options.now(), cluster, file, line));
                    }
                }
            }
        }
    }

    /**
     * A Deployment's {@code ReplicaFailure True} condition is the only trace of FailedCreate when only the Deployment
     * was described (the refusals are events of its ReplicaSet). There is no Deployment record in the schemas, so
     * the condition becomes a Warning event {@code ReplicaFailure} on the Deployment naming the new ReplicaSet.
     */
    private void replicaFailure(Field root, String name, String namespace, long line) {
        for (com.fasterxml.jackson.databind.JsonNode c : conditions(root.child("Conditions"))) {
            if (!"ReplicaFailure".equals(c.path("type").asText()) || !"True".equals(c.path("status").asText())) {
                continue;
            }
            String replicaSet = root.text("NewReplicaSet");
            StringBuilder message = new StringBuilder("ReplicaFailure=True");
            if (c.hasNonNull("reason")) {
                message.append(" (").append(c.get("reason").asText()).append(')');
            }
            if (c.hasNonNull("message")) {
                message.append(": ").append(c.get("message").asText());
            }
            if (replicaSet != null && !replicaSet.isBlank() && !replicaSet.startsWith("<none>")) {
                message.append("; new ReplicaSet ").append(replicaSet.trim());
            }
            ObjectNode event = JsonLogReader.MAPPER.createObjectNode();
            event.put("apiVersion", "v1");
            event.put("kind", "Event");
            ObjectNode metadata = event.putObject("metadata");
            metadata.put("name", name + ".replicafailure");
            metadata.put("namespace", namespace);
            event.putObject("involvedObject").put("apiVersion", "apps/v1").put("kind", "Deployment")
                    .put("name", name).put("namespace", namespace);
            event.put("reason", "ReplicaFailure");
            event.put("message", message.toString());
            event.put("type", "Warning");
            event.putObject("source").put("component", "deployment-controller");
            event.put("count", 1);
            event.put("lastTimestamp", options.now().toString());
            out.accept(new RawObject(event, null, options.now(), cluster, file, line));
        }
    }

    private static void controlledBy(Field root, ObjectNode metadata) {
        String controller = root.text("Controlled By");
        if (controller != null && controller.contains("/")) {
            metadata.putArray("ownerReferences").addObject()
                    .put("kind", controller.substring(0, controller.indexOf('/')))
                    .put("name", controller.substring(controller.indexOf('/') + 1))
                    .put("controller", true);
        }
    }

    /** {@code app=triton} lines (Labels, Node-Selectors). */
    private static ObjectNode pairs(Field field) {
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
    private static ObjectNode resourceMap(Field field) {
        ObjectNode map = JsonLogReader.MAPPER.createObjectNode();
        if (field != null) {
            for (Field child : field.childList) {
                if (child.value != null && !child.value.isEmpty()) {
                    map.put(child.key, child.value);
                }
            }
        }
        return map;
    }

    private static ArrayNode tolerations(Field field) {
        ArrayNode tolerations = JsonLogReader.MAPPER.createArrayNode();
        if (field == null) {
            return tolerations;
        }
        for (String value : field.values()) {
            Matcher m = TOLERATION.matcher(value.trim());
            if (!m.matches()) {
                continue;
            }
            ObjectNode t = tolerations.addObject();
            putIfPresent(t, "key", emptyToNull(m.group(1)));
            putIfPresent(t, "value", emptyToNull(m.group(2)));
            putIfPresent(t, "effect", m.group(3));
            putIfPresent(t, "operator", m.group(4));
            if (m.group(5) != null) {
                t.put("tolerationSeconds", Long.parseLong(m.group(5)));
            }
        }
        return tolerations;
    }

    /** The Conditions table: {@code Type Status [LastHeartbeatTime LastTransitionTime] [Reason] [Message]}. */
    private static ArrayNode conditions(Field field) {
        ArrayNode conditions = JsonLogReader.MAPPER.createArrayNode();
        if (field == null) {
            return conditions;
        }
        List<String> columns = null;
        for (String line : field.more) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            String[] cells = trimmed.split("\\s{2,}");
            if (columns == null) {
                columns = List.of(cells);
                continue;
            }
            if (cells.length < 2) {
                continue;
            }
            ObjectNode c = conditions.addObject();
            c.put("type", cells[0]);
            c.put("status", cells[1]);
            for (int k = 2; k < cells.length && k < columns.size(); k++) {
                switch (columns.get(k)) {
                    case "Reason" -> c.put("reason", cells[k]);
                    case "Message" -> c.put("message", String.join("  ", List.of(cells).subList(k, cells.length)));
                    case "LastTransitionTime" -> putIfPresent(c, "lastTransitionTime", describeTime(cells[k]));
                    case "LastHeartbeatTime", "LastProbeTime" -> putIfPresent(c, "lastHeartbeatTime", describeTime(cells[k]));
                    default -> {
                    }
                }
            }
        }
        return conditions;
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

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

}
