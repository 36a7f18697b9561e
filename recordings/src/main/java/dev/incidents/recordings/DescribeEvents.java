package dev.incidents.recordings;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rows of the event tables ({@link EventsTable}) rebuilt into core/v1 Events, their relative ages anchored at
 * {@link ReadOptions#now()}: the rows of a describe document about that object, and tables or lines pasted without
 * a document, whose object is taken from what the paste says.
 */
final class DescribeEvents {
    /**
     * The scheduler's {@code Scheduled} message: {@code Successfully assigned ns/pod to node}, before Kubernetes 1.10
     * {@code Successfully assigned pod to node} (no namespace: group 1 is null).
     */
    private static final Pattern ASSIGNED = Pattern.compile(
            "Successfully assigned (?:([a-z0-9][-a-z0-9]*)/)?(\\S+) to (\\S+)");
    private static final Pattern CONTEXT_POD = Pattern.compile("(?im)^\\W*pod(?: name)?:\\s*([a-z0-9][-a-z0-9.]*[a-z0-9])\\b");
    /**
     * A line holding only {@code namespace:pod} (a dashboard's or a script's print of the pod it reports on,
     * {@code kube-system:svclb-traefik-6p2m2}); the pod's name ends in a generated suffix, so an image's
     * {@code name:tag} is not taken for one.
     */
    private static final Pattern NAMESPACED_POD_LINE = Pattern.compile(
            "(?m)^\\s*([a-z0-9][-a-z0-9]{0,62}):([a-z0-9][-a-z0-9.]*-[a-z0-9]{5})\\s*$");
    private static final Pattern CONTEXT_NODE = Pattern.compile("(?im)^\\W*node(?: name)?:\\s*([a-z0-9][-a-z0-9.]*[a-z0-9])\\b");
    /** {@code <...>} with spaces right after a name's character (not {@code <none>} or prose in a message). */
    private static final Pattern PLACEHOLDER_IN_NAME = Pattern.compile("(?<=[-./a-z0-9])<([^<>\\s][^<>]{0,38}\\s[^<>]{0,38})>");
    private static final Pattern CONTEXT_NAMESPACE = Pattern.compile("(?i)\\bnamespace:\\s*([a-z0-9][-a-z0-9]*[a-z0-9])\\b");
    /**
     * Kinds {@link EventsTable#kindOfRows} tells from their scheduler's or controller's events (a claim's binding and
     * provisioning), kept when the paste names no object.
     */
    static final java.util.Set<String> CUSTOM_SUBJECTS = java.util.Set.of("PodGroup", "Workload",
            "PersistentVolumeClaim");
    static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?:Z|[+-]\\d\\d:\\d\\d)");
    /** {@code kubectl get events --field-selector involvedObject.kind=Pod,involvedObject.name=x}: the rows are x's. */
    private static final Pattern SELECTED_OBJECT = Pattern.compile(
            "\\binvolvedObject\\.name=([a-z0-9][-a-z0-9.]*[a-z0-9])");
    private static final Pattern SELECTED_KIND = Pattern.compile("\\binvolvedObject\\.kind=([A-Z][A-Za-z]+)");
    private static final DateTimeFormatter OLD_TIME_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");

    private final DescribeSink sink;

    DescribeEvents(DescribeSink sink) {
        this.sink = sink;
    }

    /** What a fragment's describe rows are about; {@code namespace} null for a cluster-scoped object. */
    record Subject(String kind, String namespace, String name, String node) {
        /** True when the paste named it (not {@link DescribePod#UNNAMED_POD} or another stand-in). */
        boolean named() {
            return !name.startsWith(UNNAMED);
        }
    }

    private static final String UNNAMED = "unnamed-";

    /**
     * kubectl 1.34's describe prints the event's field path before its message ({@code spec.containers{sidecar}:
     * Pulling image "x"}); the message is what follows, as the API holds it.
     */
    static final Pattern FIELD_PATH_PREFIX = Pattern.compile(
            "(spec\\.(?:initContainers|containers|ephemeralContainers)\\{[^}]+\\}): ");

    /**
     * What the event tables outside describe documents say about their objects: the subject of their describe rows
     * (null without any), the namespace of each pod the rows name, and the namespace of the paste.
     */
    record Fragments(Subject subject, Map<String, String> podNamespaces, String contextNamespace) {
        /** The namespace of pod {@code name}: where the events put it, else the paste's. */
        String namespaceOf(String name) {
            return podNamespaces.getOrDefault(name, contextNamespace);
        }
    }

    /**
     * Event tables and single rows in {@code lines[from, to)}, text outside any describe document; returns what its
     * rows say about their objects. {@code listedPod} is the one pod a {@code kubectl get pods} table in the paste
     * lists (null when none or several): the describe rows are about it when they name nothing else; {@code described}
     * is the object of the paste's only describe document (null when none or several), for rows of its kind.
     * {@code listed} holds the namespaces of the pods a {@code get pods -A} listing of the paste shows, by name: a row
     * about one of them that names no namespace (a get-events row without its NAMESPACE column) is in that pod's.
     * {@code failingAs} names the one listed pod whose status shows a row's failure (reason, message), or null: a row
     * naming no pod beside a listing of several broken ones is that pod's.
     */
    Fragments readFragments(List<String> lines, int from, int to, Subject listedPod, Subject described,
                            Map<String, String> listed, java.util.function.BiFunction<String, String, Subject> failingAs) {
        List<EventsTable.Row> describeRows = new ArrayList<>();
        List<EventsTable.Row> getRows = new ArrayList<>();
        List<String> region = lines.subList(from, to).stream().map(DescribeEvents::joinPlaceholders).toList();
        List<EventsTable.Row> continuing = null; // the list whose last row the previous line was (or continued)
        java.util.Set<Long> undated = new java.util.HashSet<>(); // quoted messages without a time of their own
        boolean wrappedQuote = false; // the row continuing is a quoted message a terminal wrapped
        boolean quotedParagraph = false; // ... a message in a Markdown quote, wrapped by its writer: one paragraph
        for (int i = 0; i < region.size(); i++) {
            String line = region.get(i);
            int[] end = {i + 1};
            String omitted;
            if (continuing == null) {
                wrappedQuote = false;
                quotedParagraph = false;
            }
            ConsoleEventCopy.Copied copied = ConsoleEventCopy.at(region, i, from + i + 1, sink.now());
            if (copied == null) {
                copied = EventFieldsCopy.at(region, i, from + i + 1);
            }
            if (copied != null) {
                getRows.add(copied.row());
                i = copied.end() - 1;
                continuing = null;
                continue;
            }
            if (EventsTable.DESCRIBE_HEADER.matcher(line).matches()) {
                EventsTable.describeRows(region, i, end).forEach(describeRows::add);
                i = end[0] - 1;
                continuing = null;
            } else if (EventsTable.isGetHeader(line)) {
                // rows of a custom-columns table without an OBJECT column are about what the paste says, as
                // describe rows are
                EventsTable.getRows(region, i, end).forEach(r -> (r.object() == null ? describeRows : getRows).add(r));
                i = end[0] - 1;
                continuing = null;
            } else if ((omitted = EventsTable.omittedHeader(line)) != null) {
                // the rows below a custom-columns command run with --no-headers, read under the header it names
                List<String> headed = new ArrayList<>(region);
                headed.set(i, omitted);
                EventsTable.getRows(headed, i, end).forEach(r -> (r.object() == null ? describeRows : getRows).add(r));
                i = end[0] - 1;
                continuing = null;
            } else {
                EventsTable.Row row = EventsTable.describeRow(line, from + i + 1);
                if (row != null) {
                    describeRows.add(row);
                    continuing = describeRows;
                } else if ((row = EventsTable.getRow(line, from + i + 1)) != null) {
                    // a row without an object (time, reason, message) is about what the paste says, as a describe's
                    continuing = row.object() == null ? describeRows : getRows;
                    continuing.add(row);
                } else if (continuing != null && (EventsTable.continuesLoneRow(region.get(i - 1), line)
                        || continuing.get(continuing.size() - 1).message().isEmpty() && !line.isBlank())
                        && (!quotedParagraph || PastedText.isQuoted(line) && !PastedText.unquoted(line).isBlank())
                        && !(wrappedQuote && (LoggedEvent.startsRecord(line)
                                || QuotedEvent.parse(line, from + i + 1, sink.now()) != null))) {
                    // kubectl prints a multi-line message as it is: a probe's output over two lines after a row; a row
                    // broken after its From column has all of its message on the next line
                    int last = continuing.size() - 1;
                    continuing.set(last, EventsTable.continued(continuing.get(last), region.get(i - 1),
                            quotedParagraph ? PastedText.unquoted(line) : line));
                } else {
                    continuing = null;
                    if ((row = QuotedEvent.parse(line, from + i + 1, sink.now())) != null) {
                        Instant above = i > 0 ? QuotedEvent.dateLine(region.get(i - 1)) : null;
                        if (above != null) {
                            // its time on the line above it (an app's event list in TrueNAS SCALE)
                            row = row.dated(EventAge.secondsSince(above, sink.now()));
                        }
                        // a logged event names its object as a get-events row does; a quoted message does not
                        List<EventsTable.Row> rows = row.object() != null ? getRows : describeRows;
                        rows.add(row);
                        if (above == null && QuotedEvent.undated(line)) {
                            undated.add(row.line());
                        }
                        wrappedQuote = false;
                        if (line.stripTrailing().endsWith(":") || line.stripTrailing().endsWith(",")
                                || OLD_FIT_FAILURE.matcher(row.message()).find()) {
                            // a message broken after a clause by the reporter goes on below (a scheduler's verdict
                            // wrapped after one of its comma-separated reasons too), as does a 1.2-1.8 scheduler's,
                            // which put its fit failures on lines of their own
                            continuing = rows;
                        } else if (EventsTable.hardWrapped(line)) {
                            // a terminal's copy broke it at the screen's width: the next line goes on with it, unless
                            // that line is a message of its own
                            continuing = rows;
                            wrappedQuote = true;
                        } else if (PastedText.isQuoted(line) && i + 1 < region.size()
                                && PastedText.isQuoted(region.get(i + 1))
                                && !PastedText.unquoted(region.get(i + 1)).isBlank()) {
                            // a Markdown quote's lines are one paragraph: its writer wrapped the message at their
                            // editor's width (at a space), and it goes on to the quote's end, unless a line below is a
                            // message of its own
                            continuing = rows;
                            wrappedQuote = true;
                            quotedParagraph = true;
                        }
                    }
                }
            }
        }
        dateQuotes(undated, describeRows, getRows);
        Map<String, String> podNamespaces = podNamespaces(describeRows, getRows);
        listed.forEach(podNamespaces::putIfAbsent);
        String contextNamespace = contextNamespace(String.join("\n", region), describeRows, getRows, podNamespaces);
        String journalHost = getRows.stream().anyMatch(DescribeEvents::onUnnamedNode) ? onlyJournalHost(region) : null;
        for (EventsTable.Row row : getRows) {
            String pod = podOf(row);
            emitGetRow(onCommandsHost(row, region, from, journalHost), pod != null && listed.containsKey(pod)
                    ? listed.get(pod) : contextNamespace);
        }
        if (describeRows.isEmpty()) {
            return new Fragments(null, podNamespaces, contextNamespace);
        }
        // the region's index of the first row: a manifest above it is what the rows are about, one below it the fix
        int firstRow = (int) (describeRows.stream().mapToLong(EventsTable.Row::line).min().orElse(from + 1) - from - 1);
        Subject subject = fragmentSubject(String.join("\n", region), firstRow,
                prose(region, from, describeRows, getRows), describeRows, contextNamespace, listed);
        if (!subject.named() && described != null && described.kind().equals(subject.kind())) {
            // rows naming nothing above the one describe of an object of their kind (a claim's FailedBinding copied
            // above `describe pvc`): that object's
            subject = described;
        } else if (!subject.named() && "Pod".equals(subject.kind()) && listedPod != null) {
            subject = new Subject("Pod", listedPod.namespace() != null ? listedPod.namespace() : contextNamespace,
                    listedPod.name(), listedPod.node() != null ? listedPod.node() : subject.node());
        } else if ("Pod".equals(subject.kind()) && listedPod != null && listedPod.name().equals(subject.name())
                && listedPod.namespace() != null) {
            // the listed pod's row says its namespace (get pods -A): it wins over the paste's default
            subject = new Subject("Pod", listedPod.namespace(), subject.name(),
                    subject.node() != null ? subject.node() : listedPod.node());
        }
        Map<Long, PodCommand> commanded = commandedPods(region, from, describeRows);
        for (EventsTable.Row row : describeRows) {
            PodCommand command = commanded.get(row.line());
            // the kubelet records its events on pods: its rows under a controller the paste inspects (`get deploy x`
            // beside a `describe $POD | grep` whose pod the shell chose) are the listed pod's that fails as they say
            boolean kubeletsUnderController = POD_CONTROLLERS_AND_DEPLOYMENTS.contains(subject.kind())
                    && row.from() != null && row.from().startsWith("kubelet");
            Subject failing = command == null && (!subject.named() && "Pod".equals(subject.kind())
                    || kubeletsUnderController) ? failingAs.apply(row.reason(), row.message()) : null;
            if (command != null && !subject.name().startsWith(command.name())) {
                emit(row, "Pod", command.namespace() != null ? command.namespace()
                        : listed.getOrDefault(command.name(), contextNamespace), command.name(), null);
            } else if (failing != null) {
                // a listing of several broken pods and a row of its own about one of them: the one the row's
                // failure shows in its STATUS
                emit(row, "Pod", failing.namespace() != null ? failing.namespace()
                        : listed.getOrDefault(failing.name(), contextNamespace), failing.name(), failing.node());
            } else {
                emit(row, subject.kind(), subject.namespace(), subject.name(), subject.node());
            }
        }
        if ("Pod".equals(subject.kind()) && subject.named() && subject.namespace() != null) {
            podNamespaces.putIfAbsent(subject.name(), subject.namespace());
        }
        return new Fragments(subject, podNamespaces, contextNamespace);
    }

    /**
     * A command that prints a node's own logs, run on the node (a shell prompt naming its host: {@code
     * root@gpu-node-7:~# dmesg -T}) or through {@code ssh gpu-node-7 dmesg}: the host whose kernel or kubelet wrote them.
     */
    private static final Pattern NODE_LOCAL_COMMAND = Pattern.compile("^\\s*(?:(?:\\S+@([A-Za-z0-9][-A-Za-z0-9.]*)\\S*\\s*)?"
            + "[$#]\\s+)?(?:sudo\\s+)?(?:ssh\\s+(?:-\\S+\\s+)*(?:\\S+@)?([A-Za-z0-9][-A-Za-z0-9.]*)\\s+['\"]?(?:sudo\\s+)?)?"
            + "(?:dmesg|journalctl|nvidia-smi|crictl|cat /var/log/\\S+)\\b.*");

    /**
     * A node row that names no node (a dmesg line has no host), below the command that printed it on a named host:
     * about that node, lowercased as the kubelet registers a host's name; else {@code journalHost}, the one host the
     * region's journal lines name (null when none or several).
     */
    private static EventsTable.Row onCommandsHost(EventsTable.Row row, List<String> region, int from,
                                                  String journalHost) {
        if (!onUnnamedNode(row)) {
            return row;
        }
        for (int i = (int) (row.line() - 1 - from) - 1; i >= 0; i--) {
            Matcher command = NODE_LOCAL_COMMAND.matcher(region.get(i));
            if (command.matches()) {
                String host = command.group(2) != null ? command.group(2) : command.group(1);
                if (host == null) {
                    break; // run on a host its prompt does not name
                }
                return row.about("node/" + host.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return journalHost == null ? row : row.about("node/" + journalHost.toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean onUnnamedNode(EventsTable.Row row) {
        return ("node/" + Unnamed.NODE).equals(row.object());
    }

    /**
     * The one host the region's journal lines name ({@code Jan  3 07:39:45 gpu-node-7 kernel: ...}) or its kubelet's
     * lines register as their own ({@code Unable to register node "ip-10-0-1-2.ec2.internal" with API server}), null
     * when none or several: a {@code dmesg} print beside a syslog excerpt of one machine is that machine's kernel too.
     */
    private static String onlyJournalHost(List<String> region) {
        String only = null;
        for (String line : region) {
            String host = LoggedEvent.journalHost(line);
            host = host != null ? host : KubeletLogLine.ownNode(line);
            if (host != null && only != null && !only.equals(host)) {
                return null;
            }
            only = host != null ? host : only;
        }
        return only;
    }

    /**
     * When the region describes several pods by name, each one's command above its own table ({@code kubectl describe
     * pod catalog-web}, its events, then {@code kubectl describe pod catalog-cache | grep Failed}, its rows): the pod of
     * the nearest describe command above each row, by the row's line. Empty when fewer than two pods are described (the
     * one subject then speaks for every row) or a row has no such command above it.
     */
    private static Map<Long, PodCommand> commandedPods(List<String> region, int from, List<EventsTable.Row> rows) {
        Map<Integer, PodCommand> commands = new HashMap<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < region.size(); i++) {
            String bannerPod = ScriptBanner.pod(region.get(i));
            if (bannerPod != null) {
                // a script's title naming the pod whose events it prints next (--- pod/web-0 ---)
                commands.put(i, new PodCommand("describe", "Pod", bannerPod, null, false));
                names.add(bannerPod);
            } else if (ScriptBanner.is(region.get(i))) {
                commands.put(i, null);
            } else if (KubectlCommands.ANY_COMMAND.matcher(region.get(i)).find()) {
                PodCommand command = PodCommand.of(region.get(i));
                boolean describesPod = command != null && "describe".equals(command.verb()) && "Pod".equals(command.kind())
                        && command.name() != null;
                commands.put(i, describesPod ? command : null); // another command ends the one above
                if (describesPod) {
                    names.add(command.name());
                }
            }
        }
        Map<Long, PodCommand> commanded = new HashMap<>();
        if (names.size() < 2) {
            return commanded;
        }
        for (EventsTable.Row row : rows) {
            for (int i = (int) (row.line() - from - 1); i >= 0; i--) {
                if (commands.containsKey(i)) {
                    if (commands.get(i) != null) {
                        commanded.put(row.line(), commands.get(i));
                    }
                    break;
                }
            }
        }
        return commanded;
    }

    /**
     * The namespaces of pods the rows name: a {@code Successfully assigned ns/pod} message, a kubelet message naming
     * {@code pod_ns(uid)}, a get-events row's NAMESPACE beside its {@code pod/name} OBJECT.
     */
    private static Map<String, String> podNamespaces(List<EventsTable.Row> describeRows, List<EventsTable.Row> getRows) {
        Map<String, String> namespaces = new HashMap<>();
        for (List<EventsTable.Row> rows : List.of(describeRows, getRows)) {
            for (EventsTable.Row row : rows) {
                Matcher m = ASSIGNED.matcher(row.message());
                if (m.find() && m.group(1) != null) {
                    namespaces.putIfAbsent(m.group(2), m.group(1));
                }
                PodInMessage named = PodInMessage.in(row.message());
                if (named != null && named.namespace() != null) {
                    namespaces.putIfAbsent(named.name(), named.namespace());
                }
                String pod = podOf(row);
                if (row.namespace() != null && pod != null) {
                    namespaces.putIfAbsent(pod, row.namespace());
                }
            }
        }
        return namespaces;
    }

    /** The pod a get-events row's OBJECT names ({@code pod/x}, any case), null for another kind's or none. */
    private static String podOf(EventsTable.Row row) {
        String object = row.object();
        return object != null && object.toLowerCase(java.util.Locale.ROOT).startsWith("pod/") ? object.substring(4) : null;
    }

    /** The region's lines that are no row: the reporter's words and commands, not the messages the rows carry. */
    private static String prose(List<String> region, int from, List<EventsTable.Row> describeRows,
                                List<EventsTable.Row> getRows) {
        java.util.Set<Long> rowLines = new java.util.HashSet<>();
        describeRows.forEach(r -> rowLines.add(r.line()));
        getRows.forEach(r -> rowLines.add(r.line()));
        StringBuilder prose = new StringBuilder();
        for (int i = 0; i < region.size(); i++) {
            if (!rowLines.contains((long) from + i + 1)) {
                prose.append(region.get(i)).append('\n');
            }
        }
        return prose.toString();
    }

    /**
     * The object of an Events table pasted without its describe header: the pod a {@code Successfully assigned} row
     * or a {@code Pod:} line names, else the pod a kubelet message names ({@code ... in pod web-0_shop(uid)}), else
     * the node whose own events these are ({@code NodeNotReady} from {@code kubelet, node-1}), else a pod the paste
     * does not name: the rows still say what went wrong, and DESIGN section 6 wants a fragment to yield its
     * incident, so they are kept about {@link DescribePod#UNNAMED_POD} rather than rejected.
     */
    private static Subject fragmentSubject(String text, int firstRow, String prose, List<EventsTable.Row> rows,
                                           String contextNamespace, Map<String, String> listed) {
        for (EventsTable.Row row : rows) {
            Matcher m = ASSIGNED.matcher(row.message());
            if (m.find()) {
                return new Subject("Pod", m.group(1) != null ? m.group(1) : contextNamespace, m.group(2), m.group(3));
            }
        }
        Matcher node = CONTEXT_NODE.matcher(text);
        String contextNode = node.find() ? node.group(1) : null;
        Matcher pod = CONTEXT_POD.matcher(text);
        if (pod.find()) {
            Matcher ns = CONTEXT_NAMESPACE.matcher(text);
            return new Subject("Pod", ns.find() ? ns.group(1) : "default", pod.group(1), contextNode);
        }
        Matcher namespaced = NAMESPACED_POD_LINE.matcher(text);
        if (namespaced.find()) {
            return new Subject("Pod", namespaced.group(1), namespaced.group(2), contextNode);
        }
        String bannerPod = text.lines().map(ScriptBanner::pod).filter(java.util.Objects::nonNull).findFirst()
                .orElse(null);
        if (bannerPod != null) {
            return new Subject("Pod", listed.getOrDefault(bannerPod, contextNamespace), bannerPod, contextNode);
        }
        Subject described = describedPod(text, contextNamespace, contextNode);
        if (described != null) {
            return described;
        }
        Subject describedController = describedController(text, contextNamespace, contextNode);
        if (describedController != null) {
            // kubectl describe takes its name as a prefix (`describe rs web` describes web-7d4f9c and every other
            // web-*): a refused pod's controller whose name extends the command's is the one described
            Subject refusing = refusingController(describedController.kind(), rows, describedController.namespace(),
                    contextNode);
            return refusing != null && refusing.kind().equals(describedController.kind())
                    && refusing.name().startsWith(describedController.name() + "-") ? refusing : describedController;
        }
        Matcher events = KubectlCommands.EVENTS_COMMAND.matcher(text);
        while (events.find()) {
            Matcher selected = SELECTED_OBJECT.matcher(events.group());
            if (selected.find()) {
                Matcher kind = SELECTED_KIND.matcher(events.group());
                String selectedKind = kind.find() ? kind.group(1) : "Pod";
                return new Subject(selectedKind, "Node".equals(selectedKind) ? null : contextNamespace,
                        selected.group(1), "Node".equals(selectedKind) ? selected.group(1) : contextNode);
            }
        }
        for (EventsTable.Row row : rows) {
            Matcher slashed = POD_NAMESPACED.matcher(row.message());
            if (slashed.find()) {
                boolean quoted = slashed.group(1) != null;
                return new Subject("Pod", slashed.group(quoted ? 1 : 3), slashed.group(quoted ? 2 : 4), contextNode);
            }
            PodInMessage named = PodInMessage.in(row.message());
            if (named != null) {
                return new Subject("Pod", named.namespace() != null ? named.namespace() : contextNamespace, named.name(),
                        contextNode);
            }
        }
        String kind = EventsTable.kindOfRows(rows);
        Subject controller = refusingController(kind, rows, contextNamespace, contextNode);
        if (controller != null) {
            return controller;
        }
        if ("Node".equals(kind)) {
            // the From column's "kubelet, node2" (before 1.14), else the node the kubelet's own messages name
            String host = rows.stream().map(r -> EventsTable.host(r.from())).filter(h -> h != null).findFirst()
                    .or(() -> rows.stream().map(r -> NODE_IN_MESSAGE.matcher(r.message()))
                            .filter(Matcher::lookingAt).map(m -> m.group(1)).findFirst())
                    .orElse(contextNode);
            if (host == null) {
                // a describe cut above its Name: still names its node (its command, its Lease's holder, its Hostname)
                String holder = DescribeNode.describedName(List.of(text.split("\n")));
                host = DescribeNode.UNNAMED_NODE.equals(holder) ? null : holder;
            }
            if (host != null) {
                return new Subject("Node", null, host, host);
            }
            // a node's own events with nothing naming the node: about a node the paste does not name
            return new Subject("Node", null, DescribeNode.UNNAMED_NODE, null);
        }
        Subject toldPod = kind.isEmpty() || "Pod".equals(kind) ? namespacedPodIn(prose, contextNode) : null;
        if (toldPod != null) {
            // "Waiting for pod ci/runner-x-project-1-concurrent-0abc12 to be running": a tool's log of the one pod
            return toldPod;
        }
        String mentioned = kind.isEmpty() || "Pod".equals(kind) ? generatedPodName(prose) : null;
        if (mentioned != null) {
            // "nvidia-driver-daemonset-72jqc will report the error": the one pod the reporter's words name
            return new Subject("Pod", contextNamespace, mentioned, contextNode);
        }
        Subject manifest = kind.isEmpty() || "Pod".equals(kind) ? podManifest(text, firstRow, contextNamespace,
                contextNode) : null;
        if (manifest != null) {
            // "Suppose we have a pod created using following yaml ... we get the following error": the pod applied
            return manifest;
        }
        Subject inspected = kind.isEmpty() || "Pod".equals(kind)
                ? inspectedController(text, contextNamespace, contextNode) : null;
        if (inspected != null) {
            return inspected;
        }
        if (CUSTOM_SUBJECTS.contains(kind)) {
            // a scheduler's events about its own kind (Volcano PodGroup, Kueue Workload), a claim's (describe pvc),
            // the object not named
            return new Subject(kind, contextNamespace, Unnamed.of(kind), contextNode);
        }
        return new Subject("Pod", contextNamespace, DescribePod.UNNAMED_POD, contextNode);
    }

    /** Kinds whose controller creates pods and records the API server's refusal of one as its FailedCreate. */
    private static final java.util.Set<String> POD_CONTROLLERS = java.util.Set.of("ReplicaSet", "StatefulSet",
            "DaemonSet", "Job");
    /** {@link #POD_CONTROLLERS} and what owns their pods through them: the kinds the kubelet never records on. */
    private static final java.util.Set<String> POD_CONTROLLERS_AND_DEPLOYMENTS = java.util.Set.of("ReplicaSet",
            "StatefulSet", "DaemonSet", "Job", "Deployment", "CronJob");
    /** {@code Error creating: pods "web-7d4f9c-x2k4p" is forbidden: ...}: the pod the API server refused. */
    private static final Pattern REFUSED_POD = Pattern.compile("\\bpods \"([a-z0-9][-a-z0-9.]*)\" is forbidden");
    /** What a controller appends to its own name for its pods: {@code -x2k4p}, an ordinal, or nothing yet ({@code -}). */
    private static final Pattern POD_SUFFIX = Pattern.compile("-(?:[bcdfghjklmnpqrstvwxz2456789]{5}|\\d+)?$");

    /** {@code Created pod: web-7d4f9c-x2k4p}: a controller's SuccessfulCreate, naming a pod it made. */
    private static final Pattern CREATED_POD = Pattern.compile("^Created pod: ([a-z0-9][-a-z0-9.]*[a-z0-9])$");

    /**
     * The controller a {@code FailedCreate} row is about, when the rows name one of its pods: the refused pod
     * ({@code Error creating: pods "x-684c5db68-s74w8" is forbidden}) or one it made before ({@code Created pod: x}).
     * When the From column says which kind of controller it is ({@code replicaset-controller}), its name is the pod's
     * less what the controller appends ({@code ml-pipeline-ui-artifact-684c5db68-s74w8} of ReplicaSet
     * {@code ml-pipeline-ui-artifact-684c5db68}). When nothing says (a refusal quoted alone), only a name that tells
     * its controller without doubt does: a Deployment's pod ({@code <deploy>-<hash>-<5>}, of ReplicaSet
     * {@code <deploy>-<hash>}) or a StatefulSet's ({@code <name>-<ordinal>}); a {@code <name>-<5>} is a Job's, a
     * DaemonSet's or a bare ReplicaSet's alike and stays unnamed.
     */
    private static Subject refusingController(String kind, List<EventsTable.Row> rows, String namespace,
                                              String node) {
        boolean controllerKnown = POD_CONTROLLERS.contains(kind);
        if (!controllerKnown && !"Pod".equals(kind)) {
            return null;
        }
        if (rows.stream().noneMatch(r -> "FailedCreate".equals(r.reason()))) {
            return null;
        }
        for (EventsTable.Row row : rows) {
            Matcher refused = REFUSED_POD.matcher(row.message());
            Matcher created = CREATED_POD.matcher(row.message());
            String pod = "FailedCreate".equals(row.reason()) && refused.find() ? refused.group(1)
                    : controllerKnown && created.matches() ? created.group(1) : null;
            if (pod == null) {
                continue;
            }
            if (controllerKnown) {
                String name = controllerOf(pod);
                return name == null ? null : new Subject(kind, namespace, name, node);
            }
            WorkloadName owner = WorkloadName.fromPodName(pod);
            if (owner.ambiguous()) {
                return null;
            }
            return switch (owner.kind()) {
                case "Deployment" -> new Subject("ReplicaSet", namespace, owner.via(), node);
                case "StatefulSet" -> new Subject("StatefulSet", namespace, owner.name(), node);
                default -> null;
            };
        }
        return null;
    }

    /** {@code Scaled up replica set web-7d4f9c to 3}: a Deployment's ScalingReplicaSet, naming its ReplicaSet. */
    private static final Pattern SCALED_REPLICA_SET = Pattern.compile(
            "^Scaled (?:up|down) replica set ([a-z0-9][-a-z0-9.]*)-[bcdfghjklmnpqrstvwxz2456789]{6,10} ");

    /**
     * The {@code kind/name} object of a get-events row whose table printed the object's KIND but not its name (kubectl
     * 1.14's {@code LAST SEEN TYPE REASON KIND MESSAGE}), when the message names it: the controller whose pod the API
     * server refused ({@code pods "web-7d4f9c-" is forbidden}), the Deployment whose ReplicaSet was scaled; else null.
     */
    static String objectOfKindRow(String kind, String message) {
        if (kind == null || message == null) {
            return null;
        }
        Matcher refused = REFUSED_POD.matcher(message);
        if (POD_CONTROLLERS.contains(kind) && refused.find()) {
            String name = controllerOf(refused.group(1));
            return name == null ? null : kind.toLowerCase(java.util.Locale.ROOT) + "/" + name;
        }
        Matcher scaled = SCALED_REPLICA_SET.matcher(message);
        return "Deployment".equals(kind) && scaled.find() ? "deployment/" + scaled.group(1) : null;
    }

    /** The controller that made {@code pod}: its name less what the controller appends; null when nothing is left. */
    private static String controllerOf(String pod) {
        String name = POD_SUFFIX.matcher(pod).replaceFirst("");
        return name.isEmpty() ? null : name;
    }

    /** The kubelet's and node controller's node events: {@code Node node1 status is now: NodeHasDiskPressure}. */
    private static final Pattern NODE_IN_MESSAGE = Pattern.compile("Node (\\S+) (?:status is now|event):");

    /**
     * {@code pod "dso-gitlab/runner-x" is disrupted} (a CI runner's, a controller's words), and a CNI plugin's
     * {@code [kube-system/metrics-server-7968cd6ff4-t6sh2:k8s-pod-network]} (Multus, Calico): namespace and name.
     */
    private static final Pattern POD_NAMESPACED = Pattern.compile(
            "\\bpod \"([a-z0-9][-a-z0-9]*)/([a-z0-9][-a-z0-9.]*[a-z0-9])\"|\\[([a-z0-9][-a-z0-9]*)/([a-z0-9][-a-z0-9.]*[a-z0-9]):[-\\w]+\\]");

    /**
     * A name ending in the five characters a controller appends to its pods' names ({@code -72jqc}: Kubernetes draws
     * them from {@code bcdfghjklmnpqrstvwxz2456789}, no vowels, no 0, 1 or 3, so words rarely look like one).
     */
    private static final Pattern GENERATED_POD_NAME = Pattern.compile(
            "(?<![-./a-z0-9])([a-z0-9][-a-z0-9]*-[bcdfghjklmnpqrstvwxz2456789]{5})(?![-./a-z0-9])");

    /**
     * {@code pod ci/runner-x} in a tool's words (a CI runner's {@code Waiting for pod ns/name to be running}, an
     * operator's {@code Pod default/web-0 is not ready}, an alerting bot's {@code Error Occurred in Pod:
     * ci/runner-x in prod cluster}): namespace and name, whatever the name's suffix.
     */
    private static final Pattern TOLD_POD = Pattern.compile(
            "\\b(?i:pod):? ([a-z0-9][-a-z0-9]{0,62})/([a-z0-9][-a-z0-9.]*[a-z0-9])(?![-./:a-z0-9])");

    /** The one pod the text names with its namespace ({@link #TOLD_POD}), null when none or several. */
    private static Subject namespacedPodIn(String text, String node) {
        Matcher m = TOLD_POD.matcher(text);
        Subject found = null;
        while (m.find()) {
            if (found != null && !(found.namespace().equals(m.group(1)) && found.name().equals(m.group(2)))) {
                return null;
            }
            found = new Subject("Pod", m.group(1), m.group(2), node);
        }
        return found;
    }

    /** The one generated pod name the text mentions, null when none or several. */
    private static String generatedPodName(String text) {
        Matcher m = GENERATED_POD_NAME.matcher(text);
        String found = null;
        while (m.find()) {
            if (found != null && !found.equals(m.group(1))) {
                return null;
            }
            found = m.group(1);
        }
        return found;
    }

    /**
     * The pod a kubelet message names with its namespace ({@code back-off 5m0s restarting failed container=manager
     * pod=web-7d9c_shop(uid)}), null when it names none or names it without its namespace.
     */
    static Subject podNamedIn(String message) {
        if (message == null) {
            return null;
        }
        PodInMessage named = PodInMessage.in(message);
        return named != null && named.namespace() != null ? new Subject("Pod", named.namespace(), named.name(), null)
                : null;
    }


    /**
     * A reporter's placeholder inside a name, {@code pod/egg-<id here>}, with its spaces joined ({@code egg-<id-here>}):
     * left as it is, it splits the row's columns at the space and the name loses its end.
     */
    static String joinPlaceholders(String line) {
        if (line.indexOf('<') < 0) {
            return line;
        }
        Matcher m = PLACEHOLDER_IN_NAME.matcher(line);
        StringBuilder joined = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(joined, Matcher.quoteReplacement("<" + m.group(1).trim().replaceAll("\\s+", "-") + ">"));
        }
        return m.appendTail(joined).toString();
    }

    /**
     * A message quoted without a time beside rows that have one is a copy of what those rows show (the full text of a
     * row the table cut, the reporter's own copy): it is as old as the latest of them, not as new as the paste.
     */
    private void dateQuotes(java.util.Set<Long> undated, List<EventsTable.Row> describeRows,
                            List<EventsTable.Row> getRows) {
        if (undated.isEmpty()) {
            return;
        }
        java.time.Duration latest = null;
        for (EventsTable.Row row : concat(describeRows, getRows)) {
            if (!undated.contains(row.line())) {
                java.time.Duration seen = EventAge.parse(asAge(row.age())).map(EventAge::lastSeen).orElse(null);
                if (seen != null && (latest == null || seen.compareTo(latest) < 0)) {
                    latest = seen; // the smallest age: the latest row
                }
            }
        }
        if (latest == null) {
            return;
        }
        String age = latest.toSeconds() + "s";
        for (List<EventsTable.Row> rows : List.of(describeRows, getRows)) {
            rows.replaceAll(r -> undated.contains(r.line()) ? r.dated(age) : r);
        }
    }

    private static List<EventsTable.Row> concat(List<EventsTable.Row> a, List<EventsTable.Row> b) {
        List<EventsTable.Row> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }


    /**
     * The one pod a {@code kubectl describe pod NAME} command in the paste names (its {@code -n} flag, else the
     * paste's namespace), or null when none or several are described: the Events table below it is that pod's, even
     * when the reporter cut the describe output down to the table.
     */
    static Subject describedPod(String text, String contextNamespace, String contextNode) {
        Subject found = null;
        for (PodCommand command : PodCommand.allIn(text)) {
            if (!"Pod".equals(command.kind())) {
                continue;
            }
            if (command.name() == null && "get".equals(command.verb())) {
                continue; // kubectl get pods: a list, not one pod
            }
            if (command.name() == null || found != null && !found.name().equals(command.name())) {
                return null;
            }
            found = new Subject("Pod", command.namespace() != null ? command.namespace() : contextNamespace,
                    command.name(), contextNode);
        }
        return found;
    }

    /**
     * The namespace of {@code kubectl describe pod -n ns -l app=web}: pods chosen by a selector, not named, in the
     * command's namespace; null when no such command is pasted, or when the paste describes pods in several.
     */
    static String selectedPodsNamespace(String text) {
        String namespace = null;
        for (PodCommand command : PodCommand.allIn(text)) {
            if ("Pod".equals(command.kind()) && "describe".equals(command.verb()) && command.name() == null && command.selector()
                    && command.namespace() != null) {
                if (namespace != null && !namespace.equals(command.namespace())) {
                    return null;
                }
                namespace = command.namespace();
            }
        }
        return namespace;
    }

    /**
     * The one Pod manifest the paste shows above its first row ({@link PodManifests}): the pod the reporter applied,
     * whose rows follow without naming it; null when there is none, or several, or a manifest of another kind beside
     * it (a manifest below the rows is the fix's).
     */
    private static Subject podManifest(String text, int firstRow, String contextNamespace, String contextNode) {
        Subject found = null;
        for (PodManifests.Manifest m : PodManifests.in(text.lines().toList())) {
            if (m.line() >= firstRow) {
                break;
            }
            if (!"Pod".equals(m.kind()) || found != null && !found.name().equals(m.name())) {
                return null; // a Deployment's manifest beside it: its pods are named otherwise
            }
            found = new Subject("Pod", m.namespace() != null ? m.namespace() : contextNamespace, m.name(), contextNode);
        }
        return found;
    }

    /**
     * The one pod controller the paste's {@code kubectl get deploy|sts|ds|rs|job|cronjob NAME} commands name (the
     * reporter looking into why its pod is Pending: {@code get sts elastic-operator -o jsonpath='{.spec.template.spec
     * .nodeSelector}'}), or null when none or several are: the rows about a pod the paste does not name are about that
     * controller's pod. Asked last, when nothing else names the rows' pod.
     */
    private static Subject inspectedController(String text, String contextNamespace, String contextNode) {
        Subject found = null;
        for (PodCommand command : PodCommand.allIn(text)) {
            if (!"get".equals(command.verb()) || command.name() == null || !POD_OWNERS.contains(command.kind())) {
                continue;
            }
            Subject named = new Subject(command.kind(), command.namespace() != null ? command.namespace()
                    : contextNamespace, command.name(), contextNode);
            if (found != null && !found.equals(named)) {
                return null;
            }
            found = named;
        }
        return found;
    }

    /** The kinds that own pods, as a get command names them. */
    private static final java.util.Set<String> POD_OWNERS = java.util.Set.of("Deployment", "ReplicaSet",
            "StatefulSet", "DaemonSet", "Job", "CronJob");

    /**
     * The one pod controller a {@code kubectl describe rs|deploy|sts|ds|job|cronjob NAME} command in the paste names, or
     * null when none or several are: the Events table below it (a FailedCreate whose message names no pod) is that
     * controller's, even when the reporter cut the describe output down to the table.
     */
    static Subject describedController(String text, String contextNamespace, String contextNode) {
        Subject found = null;
        for (PodCommand command : PodCommand.allIn(text)) {
            if ("Pod".equals(command.kind()) || !"describe".equals(command.verb())) {
                continue;
            }
            if (command.name() == null || found != null && !(found.kind().equals(command.kind())
                    && found.name().equals(command.name()))) {
                return null;
            }
            found = new Subject(command.kind(), command.namespace() != null ? command.namespace() : contextNamespace,
                    command.name(), contextNode);
        }
        return found;
    }


    /**
     * The namespace of get-events rows printed without a NAMESPACE column ({@code kubectl get events -n ns}): the one
     * a {@code Successfully assigned ns/pod} row names, else a {@code namespace:} line around the table, else the one
     * namespace the rows name pods in, else default.
     */
    private static String contextNamespace(String text, List<EventsTable.Row> describeRows, List<EventsTable.Row> getRows,
                                           Map<String, String> podNamespaces) {
        for (List<EventsTable.Row> rows : List.of(getRows, describeRows)) {
            for (EventsTable.Row row : rows) {
                Matcher m = ASSIGNED.matcher(row.message());
                if (m.find() && m.group(1) != null) {
                    return m.group(1);
                }
            }
        }
        for (EventsTable.Row row : describeRows) {
            if (row.namespace() != null) {
                return row.namespace(); // a component's log line that names the namespace it worked in
            }
        }
        for (List<EventsTable.Row> rows : List.of(getRows, describeRows)) {
            for (EventsTable.Row row : rows) {
                Matcher account = SERVICE_ACCOUNT_LOOKUP.matcher(row.message());
                if (account.find()) {
                    return account.group(1);
                }
            }
        }
        Matcher command = KubectlCommands.EVENTS_COMMAND.matcher(text);
        while (command.find()) {
            String flag = PodsTable.namespaceFlag(command.group());
            if (flag != null) {
                return flag;
            }
        }
        Matcher ns = CONTEXT_NAMESPACE.matcher(text);
        if (ns.find()) {
            return ns.group(1);
        }
        // the one namespace the rows name their pods in (kubelet messages' pod_ns(uid), a log's ns/pod of a listed
        // pod): the reporter's namespace, before what kubectl commands' flags say (one may be another component's:
        // `kubectl logs deployment/cluster-autoscaler -n kube-system` beside a listing of the workload's pods)
        java.util.Set<String> named = new java.util.HashSet<>(podNamespaces.values());
        if (named.size() == 1) {
            return named.iterator().next();
        }
        String commands = KubectlCommands.commandsNamespace(text);
        return commands != null ? commands : "default";
    }

    /**
     * The ServiceAccount admission's refusal of a controller's pod, {@code error looking up service account
     * kube-system/x}: the account is looked up in the pod's own namespace, so it names where the controller is.
     */
    private static final Pattern SERVICE_ACCOUNT_LOOKUP = Pattern.compile(
            "\\berror looking up service account ([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)/");

    /**
     * A 1.2-1.8 scheduler's verdict ending its first line ({@code pod (x) failed to fit in any node}): its {@code fit
     * failure summary on nodes : Insufficient example.com/dongle (1)} or {@code fit failure on node (n): ...} lines follow.
     */
    private static final Pattern OLD_FIT_FAILURE = Pattern.compile("\\bfailed to fit in any node\\s*$");


    /** A row's age, and when its event was first seen (null: not printed) and last seen, at the paste's moment. */
    private record Seen(EventAge age, Instant first, Instant last) {
    }

    /** When the row's event was first and last seen; null when its age is unreadable. */
    private Seen seen(EventsTable.Row row) {
        EventAge age = EventAge.parse(asAge(row.age())).orElse(null);
        if (age == null) {
            return null;
        }
        Instant first = age.firstSeen() == null ? null : sink.now().minus(age.firstSeen());
        if (row.firstSeen() != null) {
            EventAge firstAge = EventAge.parse(asAge(row.firstSeen())).orElse(null);
            if (firstAge != null && firstAge.lastSeen() != null) {
                first = sink.now().minus(firstAge.lastSeen());
            }
        }
        // <unknown>: an event of the events.k8s.io API (its eventTime only) read by a kubectl of 1.18-1.19, which printed
        // no age for it; such events are recent, so the paste's moment, as for a row printed without an age
        Instant last = age.lastSeen() == null ? sink.now() : sink.now().minus(age.lastSeen());
        if (first != null && first.isAfter(last)) {
            // the two columns came the other way round (kubectl 1.9-1.13 get events: LAST SEEN, FIRST SEEN)
            return new Seen(age, last, first);
        }
        return new Seen(age, first, last);
    }

    /** When the earliest of {@code rows} was last seen (the time its event is recorded at), null when none says. */
    Instant earliest(List<EventsTable.Row> rows) {
        Instant earliest = null;
        for (EventsTable.Row row : rows) {
            Seen seen = seen(row);
            if (seen != null && (earliest == null || seen.last().isBefore(earliest))) {
                earliest = seen.last();
            }
        }
        return earliest;
    }

    /** The namespace a {@code Successfully assigned ns/pod to node} row of pod {@code name} names, else null. */
    static String assignedNamespace(List<EventsTable.Row> rows, String name) {
        for (EventsTable.Row row : rows) {
            Matcher m = ASSIGNED.matcher(row.message());
            if (m.find() && m.group(2).equals(name)) {
                return m.group(1);
            }
        }
        return null;
    }

    /** The node a {@code Successfully assigned ns/pod to node} row of pod {@code name} names, else {@code known}. */
    static String assignedNode(List<EventsTable.Row> rows, String name, String known) {
        String node = known;
        for (EventsTable.Row row : rows) {
            Matcher m = ASSIGNED.matcher(row.message());
            if (m.find() && m.group(2).equals(name)) {
                node = m.group(3);
            }
        }
        return node;
    }

    private void emitGetRow(EventsTable.Row row, String contextNamespace) {
        String object = row.object();
        int slash = object == null ? -1 : object.indexOf('/');
        if (slash <= 0 || slash == object.length() - 1) {
            sink.reject(row.line(), "event row without an OBJECT like pod/name");
            return;
        }
        String kind = EventsTable.kindOfResource(object.substring(0, slash));
        String name = object.substring(slash + 1);
        String node = null;
        Matcher m = ASSIGNED.matcher(row.message());
        if (m.find()) {
            node = m.group(3);
        }
        emit(row, kind, row.namespace() == null ? contextNamespace : row.namespace(), name, node);
    }

    /** One row as an Event about {@code kind/namespace/name}; kubelet rows get {@code node} as their host. */
    void emit(EventsTable.Row row, String kind, String namespace, String name, String node) {
        emit(row, kind, null, namespace, name, node);
    }

    /** The event a {@code kubectl describe event} starting at {@code lines[start]} prints ({@link EventFieldsCopy}). */
    void readPrinted(List<String> lines, int start) {
        ConsoleEventCopy.Copied printed = EventFieldsCopy.at(lines, start, start + 1);
        if (printed == null) {
            sink.reject(start + 1, "a described event without its reason, message or involved object");
        } else {
            emitGetRow(printed.row(), null);
        }
    }

    /**
     * One row as an Event about {@code apiVersion kind/namespace/name} ({@code apiVersion} null when the text does
     * not say; {@code namespace} null for a cluster-scoped object).
     */
    void emit(EventsTable.Row row, String kind, String apiVersion, String namespace, String name, String node) {
        Seen seen = seen(row);
        if (seen == null) {
            sink.reject(row.line(), "unreadable age '" + KubeTime.abbreviate(asAge(row.age())) + "'");
            return;
        }
        int count = seen.age().count();
        if (row.count() != null && row.count().matches("\\d{1,9}")) {
            count = Math.max(count, Integer.parseInt(row.count()));
        }
        if (count == 1 && row.message() != null && row.message().startsWith(QuotedEvent.COMBINED)) {
            // no count printed: the aggregator's prefix says more than ten came (a printed count is the combined event's)
            count = QuotedEvent.COMBINED_AT_LEAST;
        }
        Instant first = seen.first();
        Instant last = seen.last();
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
        boolean clusterScoped = namespace == null || "Node".equals(kind) || "PersistentVolume".equals(kind)
                || "Namespace".equals(kind);
        // the API server files events about cluster-scoped objects in "default"
        event.putObject("metadata").put("namespace", clusterScoped ? "default" : namespace);
        ObjectNode involved = event.putObject("involvedObject");
        if (apiVersion != null) {
            involved.put("apiVersion", apiVersion);
        }
        involved.put("kind", kind);
        involved.put("name", name);
        if (!clusterScoped) {
            involved.put("namespace", namespace);
        }
        if ("node-controller".equals(component) && "Pod".equals(kind) && node != null) {
            // the node controller's NodeNotReady on a pod ("Node is not ready") is about the node the pod is on: its
            // related object, as the events API has it
            event.putObject("related").put("kind", "Node").put("name", node);
        }
        event.put("reason", row.reason());
        Matcher field = FIELD_PATH_PREFIX.matcher(row.message());
        event.put("message", field.lookingAt() ? row.message().substring(field.end()) : row.message());
        if (field.lookingAt()) {
            involved.put("fieldPath", field.group(1));
        }
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
        sink.event(event, row.line());
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
        } else if (RFC_3339.matcher(text.trim()).matches()) {
            // a custom-columns table's .lastTimestamp
            at = java.time.OffsetDateTime.parse(text.trim()).toInstant();
        } else if (text.contains(",") && text.contains(":")) {
            String rfc1123 = DescribeDocuments.describeTime(text);
            at = rfc1123 == null ? null : Instant.parse(rfc1123);
        }
        if (at == null) {
            return text;
        }
        long seconds = Duration.between(at, sink.now()).getSeconds();
        return Math.max(0, seconds) + "s";
    }
}
