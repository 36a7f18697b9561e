package dev.incidents.recordings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two event tables people paste: the {@code Events:} table of {@code kubectl describe}
 * ({@code Type Reason Age From Message}) and {@code kubectl get events} ({@code [NAMESPACE] LAST SEEN TYPE REASON
 * OBJECT MESSAGE}, or its {@code -o wide} columns), with or without their header line.
 */
final class EventsTable {
    /** One row, fields verbatim; {@code object} is {@code pod/name} for get-events rows, null for describe rows. */
    record Row(long line, String namespace, String type, String reason, String age, String from, String object,
               String message, String firstSeen, String count) {

        /** The row at the age another line gives it (its own first sighting no longer goes with it). */
        Row dated(String newAge) {
            return new Row(line, namespace, type, reason, newAge, from, object, message, null, count);
        }

        /** The row about {@code newObject} ({@code node/gpu-node-7}). */
        Row about(String newObject) {
            return new Row(line, namespace, type, reason, age, from, newObject, message, firstSeen, count);
        }
    }

    static final Pattern DESCRIBE_HEADER = Pattern.compile("^\\s*Type\\s+Reason\\s+Age\\s+From\\s+Message\\s*$");
    /**
     * The header of any {@code kubectl get} listing ({@code NAME   ENDPOINTS   AGE}, {@code NAME   READY   STATUS
     * ...}): upper-case columns from the line's start. What a {@code get -w} printed below a describe, pasted in the
     * order the terminal showed it, is not the rest of the last event's message.
     */
    static final Pattern LISTING_HEADER = Pattern.compile(
            "^(?:NAMESPACE\\s+)?NAME(?:\\s{2,}[A-Z][A-Z0-9()/_-]*(?: [A-Z]+)?)+\\s*$");
    static final Pattern GET_HEADER = Pattern.compile("^\\s*(?:NAMESPACE\\s+)?LAST SEEN\\s+.*\\bREASON\\b.*\\bMESSAGE\\b.*$");
    /**
     * Column titles a {@code kubectl get events -o custom-columns=...} header gives (the user's own), as the columns
     * of {@link #GET_HEADER} they hold: {@code FirstSeen:.firstTimestamp,From:.source.component,Message:.message}.
     */
    private static final Map<String, String> CUSTOM_COLUMNS = Map.ofEntries(
            Map.entry("LASTSEEN", "LAST SEEN"), Map.entry("LAST", "LAST SEEN"), Map.entry("LASTTIMESTAMP", "LAST SEEN"),
            Map.entry("TIME", "LAST SEEN"), Map.entry("TIMESTAMP", "LAST SEEN"), Map.entry("AGE", "LAST SEEN"),
            Map.entry("FIRSTSEEN", "FIRST SEEN"), Map.entry("FIRST", "FIRST SEEN"),
            Map.entry("FIRSTTIMESTAMP", "FIRST SEEN"), Map.entry("COUNT", "COUNT"), Map.entry("FROM", "SOURCE"),
            Map.entry("SOURCE", "SOURCE"), Map.entry("COMPONENT", "SOURCE"), Map.entry("TYPE", "TYPE"),
            Map.entry("REASON", "REASON"), Map.entry("MESSAGE", "MESSAGE"), Map.entry("MSG", "MESSAGE"),
            Map.entry("OBJECT", "OBJECT"), Map.entry("INVOLVEDOBJECT", "OBJECT"), Map.entry("NAMESPACE", "NAMESPACE"), Map.entry("KIND", "KIND"));
    private static final Pattern HEADER_CELL = Pattern.compile("\\S+(?: \\S+)*");
    /** What users put inside a column title ({@code First Seen}, {@code first_seen}, {@code .lastTimestamp}). */
    private static final Pattern TITLE_SEPARATORS = Pattern.compile("[ _.-]");
    private static final String TYPE = "(Normal|Warning)";
    private static final String RFC_3339_CELL = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?:Z|[+-]\\d{2}:\\d{2})";
    static final Pattern DESCRIBE_ROW = Pattern.compile(
            "^\\s*" + TYPE + "\\s+(\\S+)\\s+(" + EventAge.COLUMN + ")(?:\\s+(.*?))?(?:\\s{2,}(.*?))?\\s*$");
    /**
     * A row pasted without its Type column ({@code FailedScheduling  2m21s (x42 over 60m)  default-scheduler  1 node(s)
     * had ...}): the reason is one CamelCase word and the From and Message columns must both be there.
     */
    private static final Pattern UNTYPED_ROW = Pattern.compile(
            "^\\s*([A-Z][a-z]+(?:[A-Z][a-z]*)+|[A-Z][a-z]{3,})\\s+(" + EventAge.COLUMN + ")\\s{2,}(\\S.*?)\\s{2,}(\\S.*?)\\s*$");
    /** A FirstSeen/LastSeen cell of kubectl before 1.3: {@code 2016-05-04 22:09:51 +0200 CEST}. */
    static final Pattern OLD_TIME = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4})(?: [A-Z]{2,5})?$");
    private static final String OLD_TIME_CELL = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}(?: [A-Z]{2,5})?";
    /** kubectl 1.2-1.13 describe ({@code FirstSeen LastSeen Count From SubObjectPath Type Reason Message}); From is
     * {@code {kubelet node-1}} before 1.5, {@code kubelet, node-1} after. */
    private static final String FROM = "(\\{[^}]*}|[a-z][-a-z0-9]*(?:,\\s\\S+)?)";
    /** The first cells of a describe row before kubectl 1.14: FirstSeen, LastSeen and Count (groups 1-3). */
    private static final String OLD_DESCRIBE_HEAD = "^\\s*((?=\\d)" + EventAge.AGE + ")\\s+((?=\\d)" + EventAge.AGE
            + ")\\s+(\\d{1,9})\\s+";
    private static final Pattern OLD_DESCRIBE_ROW = Pattern.compile(OLD_DESCRIBE_HEAD + FROM + "\\s+(?:(\\S+)\\s+)?"
            + TYPE + "\\s+(\\S+)\\s+(.*?)\\s*$");
    /**
     * kubectl 1.1 describe, before events had a type ({@code FirstSeen LastSeen Count From SubobjectPath Reason
     * Message}): the type is the reason's. Its SubobjectPath cell is often empty (a controller's event): the reason is
     * then the cell after From, not a word of the message after it ({@code FailedCreate  Error creating: ...}).
     */
    private static final Pattern UNTYPED_OLD_DESCRIBE_ROW = Pattern.compile(OLD_DESCRIBE_HEAD
            + "(\\{[^}]*})\\s+(?:(\\S+)\\s+)??([A-Za-z][a-z]+(?:[A-Z][a-z]*)*)\\s+(.*?)\\s*$");
    /** A Kind cell of a get-events row ({@code ReplicaSet}); a SubObjectPath is never one. */
    private static final Pattern KIND_CELL = Pattern.compile("[A-Z][a-z]+(?:[A-Z][a-z]*)*");
    /** kubectl 1.2-1.13 get events ({@code FIRSTSEEN LASTSEEN COUNT NAME KIND SUBOBJECT TYPE REASON SOURCE MESSAGE}). */
    /**
     * Its first cells, FIRSTSEEN LASTSEEN COUNT NAME KIND and the optional SUBOBJECT (groups 1-6), after the NAMESPACE
     * cell {@code --all-namespaces} adds (not a group: {@link #oldGetRow} takes it from before group 1).
     */
    private static final String OLD_GET_HEAD = "^\\s*(?:[a-z][-a-z0-9]*\\s+(?=\\d))?(" + OLD_TIME_CELL + "|(?=\\d)" + EventAge.AGE + ")\\s+("
            + OLD_TIME_CELL + "|(?=\\d)" + EventAge.AGE + ")\\s+(\\d{1,9})\\s+([a-z0-9][-a-z0-9.]*)\\s+"
            + "([A-Z][A-Za-z]+)\\s+(?:(\\S+)\\s+)?";
    private static final Pattern OLD_GET_ROW = Pattern.compile(OLD_GET_HEAD + TYPE + "\\s+(\\S+)\\s+" + FROM
            + "\\s+(.*?)\\s*$");
    /**
     * kubectl 1.1 get events, before events had a type ({@code FIRSTSEEN LASTSEEN COUNT NAME KIND SUBOBJECT REASON
     * SOURCE MESSAGE}, OpenShift 3.1's {@code oc get events} too): the source in braces, {@code {scheduler }} or
     * {@code {kubelet node-1}}, tells it from the typed layout.
     */
    private static final Pattern UNTYPED_OLD_GET_ROW = Pattern.compile(OLD_GET_HEAD
            + "([A-Za-z][a-z]+(?:[A-Z][a-z]*)*)\\s+(\\{[^}]*})\\s+(.*?)\\s*$");
    /**
     * A get-events row pasted as REASON, OBJECT and MESSAGE only ({@code FailedScheduling  pod/model-2-79d7d6786c-bprm8
     * 0/1 nodes ...}), or with its TYPE in front ({@code Warning  FreeDiskSpaceFailed  node/k3d-target-server-0
     * failed to garbage collect ...}): the LAST SEEN cell cut.
     */
    private static final Pattern REASON_OBJECT_ROW = Pattern.compile("^\\s*(?:" + TYPE + "\\s+)?"
            + "([A-Z][a-z]+(?:[A-Z][a-z]*)*)\\s+([A-Za-z]+)/([a-z0-9][-a-z0-9.]*)(?:\\s+(\\S.*?))?\\s*$");
    /**
     * A reason of two words or more ({@code FreeDiskSpaceFailed}) tells a {@link #REASON_OBJECT_ROW} without its TYPE
     * from prose; with its TYPE a one-word reason is safe too ({@code Warning   Unhealthy   Pod/web-0   Liveness probe
     * failed: ...}, {@code kubectl events}' rows without their header and LAST SEEN cell; that command, 1.26 on, prints
     * the object's kind capitalised).
     */
    private static final Pattern COMPOUND_REASON = Pattern.compile("[A-Z][a-z]+(?:[A-Z][a-z]*)+");
    /** The API server names an event {@code <involvedObject.name>.<unix nanos in hex>}. */
    private static final Pattern EVENT_NAME_SUFFIX = Pattern.compile("\\.[0-9a-f]{12,}$");
    /**
     * A row pasted without its Age column ({@code Warning  Unschedulable  kai-scheduler  no nodes with enough ...}):
     * Type, a CamelCase reason, a component and the message, two spaces or more apart.
     */
    private static final Pattern AGELESS_ROW = Pattern.compile("^\\s*" + TYPE
            + "\\s{2,}([A-Z][A-Za-z]+)\\s{2,}([a-z][-a-z0-9./]*(?:, ?[-a-z0-9.]+)?)\\s{2,}(\\S.*?)\\s*$");
    /**
     * The same row retyped with single spaces ({@code Warning  FailedScheduling default-scheduler node(s) had ...}):
     * with nothing but spaces to tell the cells apart, the From cell is taken only in the shapes Kubernetes' own
     * components have ({@code kubelet}, {@code kubelet, node-1}, {@code default-scheduler}, {@code job-controller}).
     */
    private static final Pattern RETYPED_AGELESS_ROW = Pattern.compile("^\\s*" + TYPE
            + "\\s+([A-Z][a-z]+(?:[A-Z][a-z]*)*) (kubelet(?:, ?[-a-z0-9.]+)?|[a-z][-a-z0-9.]*-(?:scheduler|controller))"
            + "\\s+(\\S.*?)\\s*$");
    /** A describe row of kubectl 1.5 pasted with only its Type, Reason and Message cells, tab-separated. */
    private static final Pattern TABBED_ROW = Pattern.compile("^\\s*" + TYPE + "\\t+([A-Z]\\w+)\\t+(\\S.*?)\\s*$");
    /**
     * A row kept with only its Type, Reason and Message cells, two spaces or more apart ({@code Warning
     * ProvisioningFailed  failed to provision volume with StorageClass "local-path": ...}, a describe cut by a grep and
     * the reporter, custom columns of type, reason and message): read after the shapes with a From cell; a message
     * that starts with an object ({@code node/x failed to ...}) is a get-events row's OBJECT column, read as such.
     */
    private static final Pattern TYPED_MESSAGE_ROW = Pattern.compile("^\\s*" + TYPE
            + "\\s{2,}([A-Z][a-z]+(?:[A-Z][a-z]*)+|[A-Z][a-z]{3,})\\s{2,}(?![A-Za-z.]+/[a-z0-9][-a-z0-9.]*\\s)(\\S.*?)\\s*$");
    /**
     * kubectl 0.x/1.0 describe ({@code Time  From  SubobjectPath  Reason  Message}, tab-separated, no Type column):
     * an RFC 1123 time, {@code {kubelet node-1}}, an optional subobject path, a lowerCamel reason ({@code failedSync}),
     * the message and the old printer's {@code %!v(MISSING)} artefact.
     */
    private static final String RFC_1123 = "[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}";
    private static final Pattern PRE_1_1_ROW = Pattern.compile("^\\s*(" + RFC_1123 + ")\\t+(\\{[^}]*})\\t+(?:(\\S+)\\t+)?([a-z][A-Za-z]+)\\t+(.*?)"
            + "(?:\\t+%!v\\(MISSING\\))?\\s*$");
    /**
     * kubectl 1.0/1.1 describe ({@code FirstSeen  LastSeen  Count  From  SubobjectPath  Reason  Message}, tab-separated,
     * no Type column): two RFC 1123 times, the count, {@code {scheduler }}, an optional subobject path, a lowerCamel
     * reason ({@code failedScheduling}) and the message.
     */
    private static final Pattern V1_0_ROW = Pattern.compile("^\\s*(" + RFC_1123 + ")\\t+(" + RFC_1123 + ")\\t+(\\d{1,9})"
            + "\\t+(\\{[^}]*})\\t+(?:(\\S+)\\t+)?([a-z][A-Za-z]+)\\t+(.*?)\\s*$");
    /**
     * The same row with its tabs turned to spaces by the page it was pasted into: cells are told apart by their shapes,
     * so a subobject path is taken only in its {@code spec.containers{x}} form.
     */
    private static final Pattern V1_0_SPACED_ROW = Pattern.compile("^\\s*(" + RFC_1123 + ") +(" + RFC_1123
            + ") +(\\d{1,9}) +(\\{[^}]*}) +(?:(spec\\.\\S+) +)?([a-z][A-Za-z]+) +(.*?)\\s*$");
    /** Reasons of Normal events, for rows pasted without their Type column; any other reason is read as a Warning. */
    private static final java.util.Set<String> NORMAL_REASONS = java.util.Set.of("Scheduled", "Pulling", "Pulled",
            "Created", "Started", "Killing", "SuccessfulCreate", "SuccessfulDelete", "ScalingReplicaSet",
            "TriggeredScaleUp", "NotTriggerScaleUp", "SuccessfulAttachVolume", "SuccessfulMountVolume", "NodeReady",
            "NodeNotReady", "NodeHasSufficientMemory", "NodeHasNoDiskPressure", "NodeHasSufficientPID",
            "NodeHasSufficientDisk", "NodeAllocatableEnforced", "NodeSchedulable", "NodeNotSchedulable",
            "RegisteredNode", "Starting", "SandboxChanged", "Completed", "SawCompletedJob", "ExternalProvisioning",
            "Provisioning", "ProvisioningSucceeded", "WaitForFirstConsumer", "LeaderElection", "SuccessfulRescale");
    /** A row's type when the paste does not print it: Normal for the reasons of Normal events, else Warning. */
    static String typeOf(String reason) {
        return NORMAL_REASONS.contains(reason) ? "Normal" : "Warning";
    }

    /** A reason of kubectl before 1.1 ({@code failedSync}) as it was renamed then, the one the analyzer knows. */
    private static String camelCase(String lowerCamel) {
        return Character.toUpperCase(lowerCamel.charAt(0)) + lowerCamel.substring(1);
    }

    static final Pattern GET_ROW = Pattern.compile(
            "^\\s*(?:([a-z0-9][-a-z0-9]*)\\s+)?(" + EventAge.COLUMN + ")\\s+" + TYPE + "\\s+(\\S+)\\s+([A-Za-z.]+/\\S+)\\s+(.*?)\\s*$");
    /**
     * A custom-columns {@code get events} row pasted without its header: {@code .lastTimestamp}, type, reason,
     * {@code kind/name} and message, then {@code .firstTimestamp} when the columns ended with it.
     */
    private static final Pattern DATED_GET_ROW = Pattern.compile("^\\s*(" + RFC_3339_CELL + ")\\s+" + TYPE
            + "\\s+([A-Z]\\w+)\\s+([A-Za-z.]+/\\S+)\\s+(.*?)(?:\\s{2,}(" + RFC_3339_CELL + "))?\\s*$");
    /**
     * The same with the time, the reason and the message only ({@code get events -o custom-columns=TIME:...,REASON:...,
     * MSG:...} cut by {@code tail}): the reason a compound word (or one of the kubelet's single words) followed by a
     * column gap, the type the reason's, the object named by the message when it names one.
     */
    private static final Pattern DATED_REASON_ROW = Pattern.compile("^\\s*(" + RFC_3339_CELL + ")\\s+"
            + "([A-Z][a-z]+(?:[A-Z][a-z]*)+|Scheduled|Pulling|Pulled|Created|Started|Killing|Failed|Unhealthy|Evicted)"
            + "\\s{2,}(\\S.*?)\\s*$");
    private static final Pattern SEPARATOR = Pattern.compile("^\\s*-{2,}(\\s+-{2,})*\\s*$");
    private static final Pattern SECTION = Pattern.compile("^[A-Z][\\w .-]*:(\\s.*)?$");
    /** Terminal wraps are hard breaks at the screen width: such a continuation joins without a space. */
    private static final int HARD_WRAP_WIDTH = 100;

    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("pod", "Pod"), Map.entry("node", "Node"), Map.entry("replicaset", "ReplicaSet"),
            Map.entry("deployment", "Deployment"), Map.entry("statefulset", "StatefulSet"),
            Map.entry("daemonset", "DaemonSet"), Map.entry("job", "Job"), Map.entry("cronjob", "CronJob"),
            Map.entry("replicationcontroller", "ReplicationController"),
            Map.entry("persistentvolumeclaim", "PersistentVolumeClaim"), Map.entry("persistentvolume", "PersistentVolume"),
            Map.entry("service", "Service"), Map.entry("horizontalpodautoscaler", "HorizontalPodAutoscaler"),
            Map.entry("poddisruptionbudget", "PodDisruptionBudget"), Map.entry("namespace", "Namespace"),
            Map.entry("endpoints", "Endpoints"), Map.entry("configmap", "ConfigMap"), Map.entry("ingress", "Ingress"));
    /** Reasons only a Node's own events carry (kubelet and node controller). */
    private static final java.util.Set<String> NODE_REASONS = java.util.Set.of("NodeNotReady", "NodeReady",
            "NodeHasDiskPressure", "NodeHasNoDiskPressure", "NodeHasSufficientDisk", "NodeOutOfDisk",
            "NodeHasSufficientMemory", "NodeHasInsufficientMemory", "NodeHasSufficientPID", "NodeHasInsufficientPID",
            "NodeAllocatableEnforced", "NodeSchedulable", "NodeNotSchedulable", "RegisteredNode", "RemovingNode",
            "DeletingNode", "EvictionThresholdMet", "FreeDiskSpaceFailed", "ImageGCFailed", "Rebooted",
            "InvalidDiskCapacity", "ContainerGCFailed", "NodeControllerEviction", "KubeletSetupFailed",
            // the GPU device plugin's health check, read from its log (QuotedEvent)
            "XidCriticalError", "DeviceUnhealthy");

    private EventsTable() {
    }

    /**
     * Reasons recorded only on a PersistentVolumeClaim (binding and dynamic provisioning; the volume controller's
     * refusal of the volume a claim asks for by name, VolumeMismatch, and its claims that lost or share a volume).
     */
    private static final java.util.Set<String> CLAIM_REASONS = java.util.Set.of("FailedBinding", "ProvisioningFailed",
            "ProvisioningSucceeded", "ExternalProvisioning", "WaitForFirstConsumer", "WaitForPodScheduled",
            "VolumeMismatch", "ClaimLost", "ClaimMisbound");

    /**
     * What kind of object an Events table is about when nothing else says: a Node when its rows are a node's own
     * events, a controller when a controller reports on itself, a PersistentVolumeClaim when the rows are its binding
     * or provisioning, else a Pod (what people describe most).
     */
    static String kindOfRows(List<Row> rows) {
        long nodeRows = rows.stream().filter(r -> NODE_REASONS.contains(r.reason())).count();
        if (nodeRows > 0 && nodeRows * 2 >= rows.size()) {
            return "Node";
        }
        for (Row row : rows) {
            String from = row.from() == null ? "" : row.from();
            if (from.startsWith("replicaset-controller")) {
                return "ReplicaSet";
            }
            if (from.startsWith("statefulset-controller")) {
                return "StatefulSet";
            }
            if (from.startsWith("daemonset-controller")) {
                return "DaemonSet";
            }
            if (from.startsWith("job-controller")) {
                return "Job";
            }
            if (from.startsWith("deployment-controller")) {
                return "Deployment";
            }
        }
        for (Row row : rows) {
            // the persistent volume controller's and the provisioners' events are on the claim (describe pvc)
            if (CLAIM_REASONS.contains(row.reason())) {
                return "PersistentVolumeClaim";
            }
        }
        for (Row row : rows) {
            // schedulers that record on their own kind: Volcano's Unschedulable is a PodGroup's (its pods get
            // FailedScheduling), kueue-admission's Pending/QuotaReserved/Admitted are a Workload's
            String from = row.from() == null ? "" : row.from();
            if (from.equals("volcano") && "Unschedulable".equals(row.reason())) {
                return "PodGroup";
            }
            if (from.startsWith("kueue-admission")) {
                return "Workload";
            }
        }
        return "Pod";
    }

    /** The node of a From column {@code kubelet, node-1} (kubectl before 1.14), null without one. */
    static String host(String from) {
        if (from == null || !from.contains(",")) {
            return null;
        }
        String host = from.substring(from.indexOf(',') + 1).trim();
        return host.isEmpty() ? null : host;
    }

    /** {@code pod} or {@code replicaset.apps} to the Kind. */
    static String kindOfResource(String resource) {
        String base = resource.toLowerCase(Locale.ROOT);
        int dot = base.indexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        // kubectl prints OBJECT as the lower-cased kind, which loses the case of extensions' kinds; others are
        // capitalised at the first letter only
        String kind = KINDS.get(base);
        if (kind != null) {
            return kind;
        }
        Optional<String> extension = ExtensionKinds.spelled(base);
        if (extension.isPresent()) {
            return extension.get();
        }
        return resource.isEmpty() ? resource : Character.toUpperCase(resource.charAt(0)) + resource.substring(1);
    }

    /**
     * Rows of a describe Events table whose header is at {@code header}; stops at a blank line, a code fence or
     * the next section. Returns the rows and sets {@code end[0]} to the index after the table.
     */
    static List<Row> describeRows(List<String> lines, int header, int[] end) {
        List<Row> rows = new ArrayList<>();
        int i = header + 1;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (SEPARATOR.matcher(line).matches()) {
                continue;
            }
            if (line.isBlank() && rows.isEmpty() && i + 1 < lines.size() && describeRow(lines.get(i + 1), i + 2) != null) {
                continue; // a blank line a copy put between the separator and the first row
            }
            if (line.isBlank() || line.trim().startsWith("```")
                    || SECTION.matcher(line).matches() && !continuesMessage(rows, line)
                    || DESCRIBE_HEADER.matcher(line).matches() || endsOutput(line)) {
                break;
            }
            Row row = describeRow(line, i + 1);
            if (row != null) {
                rows.add(row);
            } else if (!rows.isEmpty()) {
                rows.set(rows.size() - 1, continued(rows.get(rows.size() - 1), lines.get(i - 1), line));
            }
        }
        end[0] = i;
        return rows;
    }

    /**
     * A describe row as printed, or as a reporter quoted it whole between quotes or backticks ({@code "FailedScheduling
     * 21s (x15 over 18m)  default-scheduler  pod has unbound immediate PersistentVolumeClaims"}, awx#3894).
     */
    static Row describeRow(String line, long lineNumber) {
        return printedOrQuoted(line, lineNumber, EventsTable::printedDescribeRow);
    }

    /** The row {@code read} finds in {@code line} as printed, else in what its wrapping quotes or backticks hold. */
    private static Row printedOrQuoted(String line, long lineNumber,
                                       java.util.function.BiFunction<String, Long, Row> read) {
        Row row = read.apply(line, lineNumber);
        if (row == null) {
            String inside = QuotedEvent.unwrapped(line);
            return inside.equals(line) ? null : read.apply(inside, lineNumber);
        }
        return row;
    }

    /** Delimiters a reporter or a tool puts between the cells of a row instead of kubectl's spaces. */
    private static final List<String> CELL_DELIMITERS = List.of(" -- ", " | ", " - ", " ; ");

    /**
     * A row whose cells a tool or a reporter joined with a delimiter ({@code flux-system -- 0s -- Warning -- Unhealthy --
     * pod/x -- Readiness probe failed: ...}, a template's {@code " - "}) with kubectl's spaces instead, the message kept
     * as it is (it may hold the delimiter itself); null when the line is no such row: a TYPE cell of its own, then a
     * reason, before the message.
     */
    static String undelimited(String line) {
        if (!line.contains("Warning") && !line.contains("Normal")) {
            return null; // no TYPE cell: most lines a reader offers here, split for nothing otherwise
        }
        for (String delimiter : CELL_DELIMITERS) {
            if (!line.contains(delimiter)) {
                continue;
            }
            String[] cells = line.strip().split(Pattern.quote(delimiter), -1);
            int type = -1;
            for (int i = 0; i < cells.length - 2 && i < 4 && type < 0; i++) {
                if (TYPE_CELL.matcher(cells[i].strip()).matches()) {
                    type = i;
                }
            }
            if (type < 0 || !COMPOUND_OR_WORD_REASON.matcher(cells[type + 1].strip()).matches()) {
                continue;
            }
            int message = type + 2;
            // get-events' OBJECT cell after the reason, or describe's Age and From cells (Warning - FailedPostStartHook
            // - 1s - kubelet - Exec lifecycle hook ...): cells of their own, never the message's first words
            while (message < cells.length - 1 && message < type + 2 + MAX_CELLS_AFTER_REASON
                    && CELL_AFTER_REASON.matcher(cells[message].strip()).matches()) {
                message++;
            }
            StringBuilder spaced = new StringBuilder();
            for (int i = 0; i < message; i++) {
                spaced.append(cells[i].strip()).append("   ");
            }
            return spaced.append(String.join(delimiter, Arrays.copyOfRange(cells, message, cells.length))
                    .strip()).toString();
        }
        return null;
    }

    private static final Pattern TYPE_CELL = Pattern.compile(TYPE);
    private static final Pattern COMPOUND_OR_WORD_REASON = Pattern.compile("[A-Z][A-Za-z]+");
    private static final Pattern OBJECT_CELL = Pattern.compile("[A-Za-z.]+/[a-z0-9][-a-z0-9.]*");
    /**
     * A cell between a delimited row's reason and its message: the OBJECT ({@code pod/x}), an age ({@code 1s},
     * {@code 3m (x4 over 10m)}) or the component that recorded it ({@code kubelet}, {@code kubelet, node-1}).
     */
    private static final Pattern CELL_AFTER_REASON = Pattern.compile(OBJECT_CELL.pattern() + "|(?=\\d)"
            + EventAge.AGE + "(?:\\s+\\(x\\d{1,9}(?: over " + EventAge.AGE + ")?\\))?|" + FROM);
    /** Age, From and OBJECT: at most three cells come between the reason and the message. */
    private static final int MAX_CELLS_AFTER_REASON = 3;

    /**
     * A cell that is an object alone ({@code pod/studio-sandbox-t6fgk}): a get-events row the terminal wrapped after its
     * OBJECT column, its message on the next line, not a describe row's message.
     */
    private static boolean isObjectAlone(String cell) {
        Matcher object = OBJECT_ALONE.matcher(cell);
        return object.matches() && KINDS.containsKey(object.group(1).toLowerCase(Locale.ROOT));
    }

    private static final Pattern OBJECT_ALONE = Pattern.compile("^([A-Za-z]+)/[a-z0-9][-a-z0-9.]*$");

    private static Row printedDescribeRow(String line, long lineNumber) {
        Matcher m = DESCRIBE_ROW.matcher(line);
        if (!m.matches()) {
            Matcher old = OLD_DESCRIBE_ROW.matcher(line);
            // a Kind where the SubObjectPath would be (ReplicaSet) is a get-events row's NAME and KIND: not this table
            if (old.matches() && !old.group(1).isEmpty() && !old.group(2).isEmpty()
                    && (old.group(5) == null || !KIND_CELL.matcher(old.group(5)).matches())) {
                return new Row(lineNumber, null, old.group(6), old.group(7), old.group(2), from(old.group(4)), null,
                        old.group(8), old.group(1), old.group(3));
            }
            Matcher untypedOld = UNTYPED_OLD_DESCRIBE_ROW.matcher(line);
            if (untypedOld.matches() && (untypedOld.group(5) == null || !KIND_CELL.matcher(untypedOld.group(5)).matches())) {
                String reason = camelCase(untypedOld.group(6));
                return new Row(lineNumber, null, typeOf(reason), reason, untypedOld.group(2), from(untypedOld.group(4)),
                        null, untypedOld.group(7), untypedOld.group(1), untypedOld.group(3));
            }
            Matcher v10 = V1_0_ROW.matcher(line);
            if (v10.matches() || (v10 = V1_0_SPACED_ROW.matcher(line)).matches()) {
                String reason = camelCase(v10.group(6));
                return new Row(lineNumber, null, typeOf(reason), reason, v10.group(2), from(v10.group(4)), null,
                        v10.group(7).trim(), v10.group(1), v10.group(3));
            }
            Matcher early = PRE_1_1_ROW.matcher(line);
            if (early.matches()) {
                String reason = camelCase(early.group(4));
                return new Row(lineNumber, null, typeOf(reason), reason, early.group(1), from(early.group(2)), null,
                        early.group(5).trim(), null, null);
            }
            Matcher tabbed = TABBED_ROW.matcher(line);
            if (tabbed.matches()) {
                // no age cell at all: the paste's own moment
                return new Row(lineNumber, null, tabbed.group(1), tabbed.group(2), "0s", null, null, tabbed.group(3),
                        null, null);
            }
            Matcher ageless = AGELESS_ROW.matcher(line);
            if (ageless.matches() || (ageless = RETYPED_AGELESS_ROW.matcher(line)).matches()) {
                return new Row(lineNumber, null, ageless.group(1), ageless.group(2), "0s", ageless.group(3), null,
                        ageless.group(4), null, null);
            }
            Matcher elided = ELIDED_ROW.matcher(line);
            if (elided.matches()) {
                // no age to read: the paste's own moment
                return new Row(lineNumber, null, elided.group(1), elided.group(2), "0s", elided.group(3), null,
                        elided.group(4), null, null);
            }
            Matcher typed = TYPED_MESSAGE_ROW.matcher(line);
            if (typed.matches() && !LONE_COMPONENT.matcher(typed.group(3)).matches() && !isObjectAlone(typed.group(3))) {
                // no age cell at all: the paste's own moment
                return new Row(lineNumber, null, typed.group(1), typed.group(2), "0s", null, null, typed.group(3),
                        null, null);
            }
            Matcher u = UNTYPED_ROW.matcher(line);
            if (!u.matches() || EventAge.parse(u.group(2)).isEmpty()) {
                return null;
            }
            String type = typeOf(u.group(1));
            return new Row(lineNumber, null, type, u.group(1), u.group(2).trim(), u.group(3).trim(), null,
                    u.group(4).trim(), null, null);
        }
        String from = m.group(4);
        String message = m.group(5);
        if (message == null) {
            // a row with one field after the age: kubectl always prints From, so the field is the message only
            // when it holds spaces that are not a From like "kubelet, node-1"
            message = from == null ? "" : from;
            from = null;
            Matcher component = LEADING_COMPONENT.matcher(message);
            if (LONE_COMPONENT.matcher(message.trim()).matches()) {
                // the row broken after its From column: the message is on the next line
                from = message.trim();
                message = "";
            } else if (message.contains("  ")) {
                int gap = message.indexOf("  ");
                from = message.substring(0, gap).trim();
                message = message.substring(gap).trim();
            } else if (component.lookingAt()) {
                // columns collapsed to single spaces (a stored page, a chat): a component's name starts the cell
                from = component.group(1);
                message = message.substring(component.end()).trim();
            }
        }
        return new Row(lineNumber, null, m.group(1), m.group(2), m.group(3).trim(), emptyToNull(from), null,
                message.trim(), null, null);
    }

    /**
     * A component that records events, as the From column names it: its name is one lowercase word, or before 1.14 the
     * kubelet with its node ({@code kubelet, ip-10-0-1-7.ec2.internal}); a vendor's scheduler may carry its domain
     * ({@code gke.io/optimize-utilization-scheduler}); Volcano and Kueue record under their own names.
     */
    private static final String COMPONENT = "(kubelet(?:, [a-z0-9][-a-z0-9.]*[a-z0-9])?|karpenter|volcano|kueue-admission"
            + "|(?:[a-z0-9-]+(?:\\.[a-z0-9-]+)+/)?[a-z][a-z0-9]*(?:-[a-z0-9]+)*-(?:scheduler|controller|autoscaler|manager))";
    private static final Pattern LEADING_COMPONENT = Pattern.compile(COMPONENT + "\\s+(?=\\S)");
    /** The same component alone in the cell, nothing after it: a row broken after its From column. */
    private static final Pattern LONE_COMPONENT = Pattern.compile(COMPONENT);
    /**
     * A row whose Age and From cells the reporter elided ({@code Warning  Unhealthy  ...  Liveness probe failed: ...},
     * {@code Normal  Killing  …  kubelet  Container x failed liveness probe}): one or more {@code ...}, {@code …} or
     * {@code [...]} cells between the Reason and the Message, a component's From after them kept when it is there.
     */
    private static final Pattern ELIDED_ROW = Pattern.compile("^\\s*" + TYPE + "\\s+([A-Z][a-z]+(?:[A-Z][a-z]*)*)\\s+"
            + "(?:(?:\\.{3}|…|\\[(?:\\.{3}|…)])\\s+)+(?:" + COMPONENT + "\\s{2,})?(\\S.*?)\\s*$");

    /**
     * A get-events row of kubectl 1.2-1.13 pasted from its KIND cell on ({@code PersistentVolumeClaim  Warning
     * ProvisioningFailed  persistentvolume-controller  Failed to provision volume ...}): the times, count and the
     * object's name cut with the columns before it, so the row is about an object of that kind the paste does not name.
     */
    private static final Pattern KIND_FIRST_ROW = Pattern.compile("^\\s*(Pod|Node|PersistentVolumeClaim)\\s+" + TYPE
            + "\\s+([A-Z][a-z]+(?:[A-Z][a-z]*)+)\\s+" + COMPONENT + "\\s{2,}(\\S.*?)\\s*$");

    /** A {@code kubectl get events} row without a header (one pasted line). */
    static Row getRow(String line, long lineNumber) {
        // or as a reporter quoted it whole in inline code (```4m39s   Warning   FailedScheduling   pod/x   ...```)
        Row row = printedOrQuoted(line, lineNumber, EventsTable::printedGetRow);
        if (row == null) {
            // a delimited row in get-events' order of cells, or in describe's (Type, Reason, Age, From, Message)
            String spaced = undelimited(line);
            row = spaced == null ? null : printedGetRow(spaced, lineNumber);
            row = row != null || spaced == null ? row : printedDescribeRow(spaced, lineNumber);
        }
        return row;
    }

    private static Row printedGetRow(String line, long lineNumber) {
        Matcher m = GET_ROW.matcher(line);
        if (!m.matches()) {
            Matcher partial = REASON_OBJECT_ROW.matcher(line);
            if (partial.matches() && KINDS.containsKey(partial.group(3).toLowerCase(Locale.ROOT))
                    && (partial.group(1) != null || COMPOUND_REASON.matcher(partial.group(2)).matches())) {
                // no LAST SEEN cell: the paste's own moment; without TYPE, a Warning unless the reason says otherwise.
                // A terminal that wrapped the row after its OBJECT put the message on the next line: empty here, the
                // continuation joins it
                String type = partial.group(1) != null ? partial.group(1) : typeOf(partial.group(2));
                return new Row(lineNumber, null, type, partial.group(2), "0s", null,
                        partial.group(3).toLowerCase(Locale.ROOT) + "/" + partial.group(4),
                        partial.group(5) == null ? "" : partial.group(5), null, null);
            }
            Matcher dated = DATED_GET_ROW.matcher(line);
            if (dated.matches()) {
                return new Row(lineNumber, null, dated.group(2), dated.group(3), dated.group(1), null, dated.group(4),
                        dated.group(5), dated.group(6), null);
            }
            Matcher reasonOnly = DATED_REASON_ROW.matcher(line);
            if (reasonOnly.matches()) {
                return new Row(lineNumber, null, typeOf(reasonOnly.group(2)), reasonOnly.group(2), reasonOnly.group(1),
                        null, null, reasonOnly.group(3), null, null);
            }
            Matcher kindFirst = KIND_FIRST_ROW.matcher(line);
            if (kindFirst.matches()) {
                String kind = kindFirst.group(1).toLowerCase(Locale.ROOT);
                return new Row(lineNumber, null, kindFirst.group(2), kindFirst.group(3), "0s", kindFirst.group(4),
                        kind + "/" + Unnamed.of(kind), kindFirst.group(5), null, null);
            }
            Matcher old = OLD_GET_ROW.matcher(line);
            if (old.matches() && !old.group(1).isEmpty() && !old.group(2).isEmpty()) {
                return oldGetRow(old, lineNumber, old.group(7), old.group(8), old.group(9), old.group(10));
            }
            Matcher untyped = UNTYPED_OLD_GET_ROW.matcher(line);
            if (!untyped.matches() || untyped.group(1).isEmpty() || untyped.group(2).isEmpty()) {
                return null;
            }
            String reason = camelCase(untyped.group(7));
            return oldGetRow(untyped, lineNumber, typeOf(reason), reason, untyped.group(8), untyped.group(9));
        }
        return new Row(lineNumber, m.group(1), m.group(3), m.group(4), m.group(2).trim(), null, m.group(5),
                m.group(6), null, null);
    }

    /**
     * A row of {@link #OLD_GET_HEAD}'s layouts. The NAME column is the event's name, {@code <object>.<hex>}; kubectl
     * 1.9-1.13 put LAST SEEN before FIRST SEEN (the reader orders the two times).
     */
    private static Row oldGetRow(Matcher head, long lineNumber, String type, String reason, String from, String message) {
        String object = EVENT_NAME_SUFFIX.matcher(head.group(4)).replaceFirst("");
        String namespace = head.group().substring(0, head.start(1)).strip();
        return new Row(lineNumber, namespace.isEmpty() ? null : namespace, type, reason, head.group(2), from(from),
                head.group(5).toLowerCase(Locale.ROOT) + "/" + object, message, head.group(1), head.group(3));
    }

    /** A {@code kubectl get events} header, kubectl's own ({@link #GET_HEADER}) or a custom-columns one. */
    static boolean isGetHeader(String line) {
        if (GET_HEADER.matcher(line).matches()) {
            return true;
        }
        List<String> columns = new ArrayList<>();
        Matcher cm = HEADER_CELL.matcher(line);
        while (cm.find()) {
            String column = customColumn(cm.group());
            if (column == null) {
                return false; // a word that is no event column: prose, or another table
            }
            columns.add(column);
        }
        return columns.size() >= 3 && columns.contains("REASON") && columns.contains("MESSAGE");
    }

    /**
     * {@code kubectl get events ... -o custom-columns=TYPE:.type,REASON:.reason,MESSAGE:.message --no-headers}: the
     * command names the columns of the rows below it, whose header it left out (group 1 the column list).
     */
    private static final Pattern HEADERLESS_CUSTOM_COLUMNS = Pattern.compile(KubectlCommands.KUBECTL
            + "[^|]*?\\b(?:get\\s+(?:events|event|ev)|events)\\b[^|]*?(?:-o\\s*|--output[= ])custom-columns=(\\S+)");
    private static final Pattern NO_HEADERS = Pattern.compile("--no-headers\\b(?!=false)");

    /**
     * The header a {@code get events} command's custom columns would have printed when the command left it out
     * ({@code --no-headers}): its columns' titles, each as {@link #customColumn} reads a title; null when the line is
     * no such command or a title is no event column.
     */
    static String omittedHeader(String line) {
        Matcher command = HEADERLESS_CUSTOM_COLUMNS.matcher(line);
        if (!command.find() || !NO_HEADERS.matcher(line).find()) {
            return null;
        }
        List<String> titles = new ArrayList<>();
        for (String column : command.group(1).replaceAll("^['\"]|['\"]$", "").split(",")) {
            String title = column.contains(":") ? column.substring(0, column.indexOf(':')) : column;
            if (customColumn(title) == null) {
                return null;
            }
            titles.add(title);
        }
        String header = String.join("   ", titles);
        return isGetHeader(header) ? header : null;
    }

    /** The {@link #GET_HEADER} column a custom-columns title stands for, null when none. */
    private static String customColumn(String title) {
        return CUSTOM_COLUMNS.get(TITLE_SEPARATORS.matcher(title.toUpperCase(Locale.ROOT)).replaceAll(""));
    }

    /**
     * Rows of a {@code kubectl get events} table with its header at {@code header}; a custom-columns table's rows
     * have no OBJECT when it was not asked for (the command's field selector, or the paste, says whose they are).
     */
    static List<Row> getRows(List<String> lines, int header, int[] end) {
        String head = lines.get(header);
        List<String> columns = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        boolean custom = !GET_HEADER.matcher(head).matches();
        Matcher cm = HEADER_CELL.matcher(head);
        while (cm.find()) {
            columns.add(custom ? customColumn(cm.group()) : cm.group());
            offsets.add(cm.start());
        }
        List<Row> rows = new ArrayList<>();
        int i = header + 1;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.trim().startsWith("```") || isGetHeader(line) || endsOutput(line)) {
                break;
            }
            String[] fields = aligned(line, offsets) ? byOffsets(line, offsets, columns) : null;
            if (fields == null) {
                fields = bySpaces(line, columns);
            }
            if (fields == null) {
                Row single = getRow(line, i + 1);
                if (single != null) {
                    rows.add(single);
                    continue;
                }
                if (!rows.isEmpty()) {
                    rows.set(rows.size() - 1, continued(rows.get(rows.size() - 1), lines.get(i - 1), line));
                }
                continue;
            }
            String type = field(fields, columns, "TYPE");
            if (type == null) {
                type = typeOf(field(fields, columns, "REASON"));
            }
            // a table without a time column (TYPE, REASON, MESSAGE) is the paste's moment, as a quoted message is
            String lastSeen = columns.contains("LAST SEEN") ? field(fields, columns, "LAST SEEN") : "0s";
            String message = firstNonNull(field(fields, columns, "MESSAGE"), "");
            String object = columns.contains("OBJECT") ? field(fields, columns, "OBJECT")
                    : DescribeEvents.objectOfKindRow(field(fields, columns, "KIND"), message);
            rows.add(new Row(i + 1, field(fields, columns, "NAMESPACE"), type,
                    field(fields, columns, "REASON"), lastSeen, field(fields, columns, "SOURCE"),
                    object, message, field(fields, columns, "FIRST SEEN"), field(fields, columns, "COUNT")));
        }
        end[0] = i;
        return rows;
    }

    /** kubectl's tabwriter output: every column boundary of the header falls on a space in the row. */
    private static boolean aligned(String line, List<Integer> offsets) {
        int last = offsets.get(offsets.size() - 1);
        if (line.length() <= last) {
            return false;
        }
        for (int k = 1; k < offsets.size(); k++) {
            if (line.charAt(offsets.get(k) - 1) != ' ') {
                return false;
            }
        }
        return true;
    }

    private static String[] byOffsets(String line, List<Integer> offsets, List<String> columns) {
        String[] fields = new String[offsets.size()];
        for (int k = 0; k < offsets.size(); k++) {
            int from = offsets.get(k);
            int to = k + 1 < offsets.size() ? offsets.get(k + 1) : line.length();
            fields[k] = line.substring(Math.min(from, line.length()), Math.min(to, line.length())).trim();
        }
        return hasType(fields, columns) ? fields : null;
    }

    /** Whitespace collapsed by a chat or ticket: fields are split at runs of two or more spaces. */
    private static String[] bySpaces(String line, List<String> columns) {
        String[] tokens = line.trim().split("\\s{2,}");
        int messageAt = columns.indexOf("MESSAGE");
        if (tokens.length < columns.size() || messageAt < 0) {
            return null;
        }
        String[] fields = new String[columns.size()];
        int after = columns.size() - messageAt - 1;
        System.arraycopy(tokens, 0, fields, 0, messageAt);
        int messageEnd = tokens.length - after;
        fields[messageAt] = String.join("  ", Arrays.copyOfRange(tokens, messageAt, messageEnd));
        System.arraycopy(tokens, messageEnd, fields, messageAt + 1, after);
        return hasType(fields, columns) ? fields : null;
    }

    /** The split is right: its TYPE cell is a type, or (a custom table without TYPE) its REASON cell one word. */
    private static boolean hasType(String[] fields, List<String> columns) {
        int typeAt = columns.indexOf("TYPE");
        if (typeAt < 0) {
            int reasonAt = columns.indexOf("REASON");
            return reasonAt >= 0 && fields[reasonAt].matches("[A-Z][A-Za-z]+");
        }
        return validType(fields[typeAt]);
    }

    private static boolean validType(String s) {
        return "Normal".equals(s) || "Warning".equals(s);
    }

    private static String field(String[] fields, List<String> columns, String name) {
        int k = columns.indexOf(name);
        return k < 0 || k >= fields.length ? null : emptyToNull(fields[k]);
    }

    /** {@code {kubelet node-1}} (kubectl before 1.5) as the later {@code kubelet, node-1}; {@code {scheduler }} as {@code scheduler}. */
    private static String from(String cell) {
        if (!cell.startsWith("{")) {
            return cell;
        }
        String inner = cell.substring(1, cell.length() - 1).trim();
        int space = inner.indexOf(' ');
        return space < 0 ? inner : inner.substring(0, space) + ", " + inner.substring(space + 1).trim();
    }

    /**
     * kubectl describe prints a multi-line event message as it is, its later lines from the first column: a failed
     * mount's {@code Mounting command: systemd-run}, {@code Mounting arguments: ...}, {@code Output: ...}, a command's
     * {@code stderr:}. After a row such a line continues its message; any other {@code Label: text} line there is the
     * reporter's (a cause written under the table, {@code Causa: ...}) or the next document's ({@code Name:}), and ends
     * the table.
     */
    private static boolean continuesMessage(List<Row> rows, String line) {
        return !rows.isEmpty() && MESSAGE_LINE_LABEL.matcher(line).lookingAt();
    }

    /** The labels of the later lines of the multi-line messages components write (mount and exec failures). */
    private static final Pattern MESSAGE_LINE_LABEL = Pattern.compile(
            "(?:Mounting command|Mounting arguments|Output|Error|Stderr|Stdout|Details|Warning):");

    /**
     * A line right after a row outside any table that is not a row itself: the rest of a multi-line message, unless it
     * ends the paste's block (blank, a code fence) or is the reader's own prose or a command (a prompt, a comment).
     * A line that looks like a label ({@code OCI runtime exec failed: ...}) continues a message the line above broke
     * after a clause (an exec probe's error, wrapped by its reporter at each of its colons). A component's log record
     * (a klog, journal or logrus line, its own time first) pasted under the row is not part of its message.
     */
    static boolean continuesLoneRow(String previousLine, String line) {
        String t = line.trim();
        return !t.isEmpty() && !t.startsWith("```") && !t.startsWith("$") && !t.startsWith("#")
                && (!SECTION.matcher(line).matches() || previousLine.stripTrailing().endsWith(":"))
                && !endsOutput(line) && !LoggedEvent.startsRecord(line);
    }

    /**
     * A line that no event message continues into: the next command typed at a shell ({@link ShellPrompt}), a
     * script's title between outputs ({@link ScriptBanner}) or the header of a listing it printed ({@code LAST SEEN
     * TYPE ...}, {@code NAME   READY ...}, {@code NAME
     * ENDPOINTS}).
     */
    static boolean endsOutput(String line) {
        return ShellPrompt.isCommandLine(line) || ScriptBanner.is(line) || GET_HEADER.matcher(line).matches()
                || PodsTable.HEADER.matcher(line).matches() || LISTING_HEADER.matcher(line).matches()
                || inAnotherScript(line);
    }

    /**
     * A line whose first word is written in a script other than Latin ({@code Причина: /not found возвращает 404},
     * {@code 원인: ...}): the reporter's own words right under the table, not the rest of a message: Kubernetes
     * components write their event messages in English.
     */
    static boolean inAnotherScript(String line) {
        if (PastedText.isElision(line)) {
            return false; // the reporter's mark where they cut lines (...省略...), in whatever language
        }
        for (int i = 0; i < line.length(); ) {
            int c = line.codePointAt(i);
            if (Character.isLetter(c)) {
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                return script != Character.UnicodeScript.LATIN && script != Character.UnicodeScript.COMMON;
            }
            if (Character.isDigit(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    /**
     * A line a terminal's copy broke at the screen's width: as long as a screen and cut inside a word or a name (its
     * last character a letter, a digit or part of a name), not after a sentence or a clause.
     */
    static boolean hardWrapped(String line) {
        String t = line.stripTrailing();
        if (t.length() < HARD_WRAP_WIDTH) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        return Character.isLetterOrDigit(last) || "-_/@".indexOf(last) >= 0;
    }

    /** A repeat count on a line of its own, {@code (x3006 over 5h18m)}: where a condensed row's Age column went. */
    private static final Pattern REPEAT_LINE = Pattern.compile("^" + EventAge.REPEAT + "$");

    /**
     * Appends a wrapped continuation line to the row's message; a repeat count on a line of its own below a row whose
     * age has none is that row's count (a reporter condensing the row moved its Age column under the message).
     */
    static Row continued(Row row, String previousLine, String line) {
        if (REPEAT_LINE.matcher(line.trim()).matches() && row.age() != null && !row.age().contains("(x")) {
            return new Row(row.line(), row.namespace(), row.type(), row.reason(), row.age() + " " + line.trim(),
                    row.from(), row.object(), row.message(), row.firstSeen(), row.count());
        }
        // a line that ends a sentence or a clause ended a line of the message, whatever its length; one the screen's
        // width cut right after a space (kept at its end) broke between two words
        boolean hardWrap = !Character.isWhitespace(line.charAt(0)) && previousLine.length() >= HARD_WRAP_WIDTH
                && ".:; \t".indexOf(previousLine.charAt(previousLine.length() - 1)) < 0;
        String message = row.message() + (hardWrap ? "" : " ") + line.trim();
        return new Row(row.line(), row.namespace(), row.type(), row.reason(), row.age(), row.from(), row.object(),
                message.trim(), row.firstSeen(), row.count());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
