package dev.incidents.recordings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.recordings.DescribeDocuments.Field;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Format 5 of DESIGN.md section 6: {@code kubectl describe pod|node|replicaset|deployment} text as pasted into
 * tickets, or only its {@code Events:} table, or {@code kubectl get events} lines. Each described object is rebuilt
 * into its API shape (so {@link KubeObjects} maps it like any other): a Pod or Node snapshot at
 * {@link ReadOptions#now()}, owner references from {@code Controlled By:}, and one core/v1 Event per table row,
 * its relative ages anchored at {@code now}.
 * <p>
 * A fragment (an Events table with no describe header) is about the pod named by its
 * {@code Successfully assigned ns/pod to node} row, else by {@code Pod:}/{@code Node:}/{@code namespace:} lines in
 * the surrounding text, else by what its rows say (a kubelet message naming the pod, a node's own events, a
 * scheduler's events about its PodGroup or Workload); without any of these it is about a pod the paste does not
 * name. kubelet events get the pod's node as reportingInstance when it is known. {@code kubectl get pods} tables
 * pasted beside them become Pod snapshots too ({@link PodsTable}).
 * <p>
 * This class tells what each part of the text is; what a part holds is read by {@link DescribeDocuments} (the field
 * tree shared by every kind), {@link DescribePod}, {@link DescribeNode}, {@link DescribeController} and
 * {@link DescribeEvents} (event tables, with {@link EventsTable} for their rows) and {@link PodsTable}.
 */
final class DescribeTextReader {
    private final DescribeSink sink;
    private final DescribeEvents events;
    private final PodsTable pods;
    private final NodesTable nodes;
    private final ClaimsTable claims;
    private final RolloutDeadline rollouts;

    /** Pods the paste shows written by hand ({@link PodManifests#barePods}): owned by nothing, whatever their names. */
    private final java.util.Set<String> barePods = new java.util.HashSet<>();
    /** Jobs the paste's listings show by their pods ({@link PodsTable#jobs}). */
    private final java.util.Set<String> jobs = new java.util.HashSet<>();

    DescribeTextReader(String file, ReadOptions options, Consumer<RawObject> out, Consumer<Rejection> rejected) {
        this.sink = new DescribeSink(file, options, raw -> out.accept(withPastedOwner(raw)), rejected);
        this.events = new DescribeEvents(sink);
        this.pods = new PodsTable(sink);
        this.nodes = new NodesTable(sink);
        this.claims = new ClaimsTable(events);
        this.rollouts = new RolloutDeadline(events);
    }

    void read(List<String> pasted) {
        List<String> lines = FlatDescribe.reindent(PastedText.unwrap(pasted));
        barePods.addAll(PodManifests.barePods(lines));
        String text = String.join("\n", lines);
        ObjectNode statusTail = YamlObjects.statusFragment(text);
        if (statusTail != null) {
            emit(statusTail, 1);
            if ("Node".equals(statusTail.path("kind").asText())) {
                // a node's bad conditions as the events the node controller and the kubelet record for them
                DescribeNode.conditionEvents(statusTail, List.of(), sink.now()).forEach(e -> emit(e, 1));
            }
            return;
        }
        ObjectNode printed = RelaxedObject.parse(text);
        if (printed != null && (printed.has("kind") || printed.has("involvedObject"))) {
            // an object rendered with unquoted keys (a CI artifact viewer's events.json): an event without its kind
            // is told by the object it is about
            if (!printed.has("kind")) {
                printed.put("kind", "Event");
            }
            if ("Event".equals(printed.path("kind").asText())) {
                sink.event(printed, 1);
            } else {
                emit(printed, 1);
            }
            return;
        }
        ObjectNode printedStatus = printed == null ? null : YamlObjects.statusObject(printed);
        if (printedStatus != null) {
            // a pod's status or its container statuses printed so (containerStatuses: [ {name: "virt-operator",
            // ...), read as the same status pasted in YAML is
            emit(printedStatus, 1);
            return;
        }
        AttachedPodEnd.read(lines, sink);
        JenkinsAgentReport.read(lines, sink);
        E2eKubeletPods.read(lines, sink);
        ContainerStatePrint.read(lines, sink);
        JsonPathPrint.read(lines, sink);
        PodYamlExcerpt.read(lines, sink);
        PodJsonExcerpt.read(lines, sink);
        lines = LoggedJsonEvents.read(lines, sink);
        List<Integer> starts = DescribeDocuments.starts(lines);
        int proseEnd = starts.isEmpty() ? lines.size() : starts.get(0);
        List<Document> documents = new ArrayList<>(starts.size());
        for (int k = 0; k < starts.size(); k++) {
            int[] header = new int[1];
            int start = starts.get(k);
            int next = k + 1 < starts.size() ? starts.get(k + 1) : lines.size();
            // a describe's output ends where the next command's starts (`$ kubectl describe node ...` cut to a few
            // fields, without its own Name: line, is not the pod's above it), or the next listing's when its command
            // line was not pasted
            int command = nextOutput(lines, start + 1, next);
            int end = command >= 0 ? command : next;
            Field root = DescribeDocuments.fields(lines, start, end, header);
            List<EventsTable.Row> rows = header[0] < 0 ? DescribeDocuments.headerlessEvents(root.child("Events"))
                    : EventsTable.describeRows(lines.subList(0, end), header[0], new int[1]);
            documents.add(new Document(start, root, end, next, rows));
        }
        List<List<PodsTable.Row>> podRows = pods.read(lines, proseEnd);
        jobs.addAll(PodsTable.jobs(podRows));
        DescribeEvents.Subject listed = PodsTable.onlyPod(podRows);
        if (listed == null) {
            listed = claimUser(documents);
        }
        Map<String, String> listedNamespaces = PodsTable.namespaces(podRows);
        java.util.Set<String> rowsNamespaces = new java.util.HashSet<>(listedNamespaces.values());
        // asked only for rows no listed or described object claims (readFragments' subject unnamed)
        java.util.function.BiFunction<String, String, DescribeEvents.Subject> failingAs =
                (reason, message) -> PodsTable.onlyPodFailingAs(podRows, reason, message);
        PodsTable.namedNamespaces(lines, podRows, listedNamespaces);
        // a described pod's namespace is known as a listed one's: get events rows naming it (no NAMESPACE column); so
        // is the namespace of the pods a described claim says use it (a claim is used in its own namespace only)
        java.util.Set<String> listedNames = listedNames(podRows);
        for (Document document : documents) {
            Field root = document.root();
            if ("Pod".equals(kindOf(root)) && root.text("Name") != null) {
                listedNamespaces.putIfAbsent(root.text("Name"), document.namespace(lines));
            } else if ("PersistentVolumeClaim".equals(kindOf(root))) {
                claimUsers(root).forEach(user -> listedNamespaces.putIfAbsent(user, namespaceOf(root)));
            } else if (kindOf(root).isEmpty() && root.text("Name") != null && root.text("Namespace") != null
                    && listedNames.contains(root.text("Name"))) {
                // a describe cut after its head (Name, Namespace) of a pod the listing shows: where that pod is
                listedNamespaces.putIfAbsent(root.text("Name"), root.text("Namespace"));
            }
        }
        DescribeEvents.Subject described = onlyDescribed(documents);
        DescribeEvents.Fragments fragments = events.readFragments(lines, 0, proseEnd, listed, described,
                listedNamespaces, failingAs);
        // kubectl get pods rows before any other snapshot: a headless describe fragment of the same pod, at the same
        // moment, comes after them and wins; a pod described as one leaves its rows out (a describe cut to a few fields,
        // whose kind its fields do not tell, leaves the pod's listing row its snapshot)
        pods.emit(podRows, describedNames(documents, root -> "Pod".equals(kindOf(root))), fragments::namespaceOf);
        nodes.read(lines);
        claims.read(lines, describedNames(documents, root -> true));
        rollouts.read(lines);
        DescribeEvents.Subject subject = fragments.subject();
        if (subject == null && listed != null) {
            // a State block or status lines pasted under the one pod's row, with no Events table: that pod's
            subject = new DescribeEvents.Subject("Pod", listed.namespace() != null ? listed.namespace()
                    : fragments.namespaceOf(listed.name()), listed.name(), listed.node());
        }
        String selected = null;
        if (subject == null) {
            // status lines under a `describe pod x` command whose output the reporter cut to them ("..."), or under
            // `kubectl describe pod -n ns -l app=x`: a pod of that namespace, its name not pasted
            String prose = String.join("\n", lines.subList(0, proseEnd));
            subject = DescribeEvents.describedPod(prose, fragments.contextNamespace(), null);
            selected = subject == null ? DescribeEvents.selectedPodsNamespace(prose) : null;
            if (subject == null && selected == null && rowsNamespaces.size() == 1) {
                // a container's State block below a listing of several pods of one namespace (`get pods -A | grep
                // coredns`, then one of them described): a pod of that namespace, which one not said
                selected = rowsNamespaces.iterator().next();
            }
        }
        DescribeEvents.Subject headless = subject != null && subject.named() ? subject
                : selected != null ? new DescribeEvents.Subject("Pod", selected, DescribePod.UNNAMED_POD, null) : null;
        readHeadless(lines, 0, proseEnd, headless, PodsTable.onlyPodsLastRow(podRows));
        for (Document document : documents) {
            readDocument(lines, document, podRows);
            if (document.end() < document.next()) {
                // what the next commands printed below a describe (get events rows, a node's journal, dmesg) is read
                // as the lines above the first describe are
                events.readFragments(lines, document.end(), document.next(), listed, described, listedNamespaces,
                        failingAs);
            }
        }
    }

    /**
     * The first line in {@code [from, to)} that no describe prints ({@link EventsTable#endsOutput}: a command typed
     * at a shell, a listing's header), -1 when there is none.
     */
    private static int nextOutput(List<String> lines, int from, int to) {
        for (int i = from; i < to; i++) {
            if (EventsTable.endsOutput(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A Pod rebuilt from the text, with the owner the paste shows beside it: none when its manifest is shown without
     * owners (as {@code kubectl run}'s label says), so the analyzer does not guess a controller from its name; a Job
     * when a listing shows a pod of that name's prefix Completed ({@code azakban-initschema-kg75t}: a DaemonSet's or a
     * ReplicaSet's pods never complete), or its pods replaced one after another ({@link PodsTable#jobs}).
     */
    private RawObject withPastedOwner(RawObject raw) {
        if ((barePods.isEmpty() && jobs.isEmpty()) || !(raw.object() instanceof ObjectNode pod)
                || !"Pod".equals(pod.path("kind").asText()) || !(pod.path("metadata") instanceof ObjectNode metadata)
                || metadata.has("ownerReferences")) {
            return raw;
        }
        String name = metadata.path("name").asText();
        String job = WorkloadName.generatedPrefix(name);
        if (barePods.contains(name)) {
            metadata.putArray("ownerReferences");
        } else if (job != null && jobs.contains(job)) {
            metadata.putArray("ownerReferences").addObject().put("apiVersion", "batch/v1").put("kind", "Job")
                    .put("name", job).put("controller", true);
        }
        return raw;
    }

    /**
     * A describe document: the line its {@code Name:} is on, its fields, where its output ends (the next command's line,
     * else the next document's start), where the next document starts, and its Events table's rows.
     */
    private record Document(int start, Field root, int end, int next, List<EventsTable.Row> rows) {

        /**
         * The namespace the describe names; a pod's describe cut below its {@code Name:} line is in the one its own
         * {@code Successfully assigned ns/pod to node} row names, else in the {@code -n} of the command that printed
         * it, on the line above ({@code k describe po -n cka4974 nginx-frontend-64f67d769f-rw5jr}); else
         * {@code default}.
         */
        String namespace(List<String> lines) {
            if (root.child("Namespace") == null && root.text("Name") != null) {
                String assigned = DescribeEvents.assignedNamespace(rows, root.text("Name"));
                if (assigned != null) {
                    return assigned;
                }
                PodCommand command = start > 0 ? PodCommand.of(lines.get(start - 1)) : null;
                if (command != null && "describe".equals(command.verb()) && command.namespace() != null
                        && root.text("Name").equals(command.name())) {
                    return command.namespace();
                }
            }
            return namespaceOf(root);
        }
    }

    /** The names of the pods the listings show. */
    private static java.util.Set<String> listedNames(List<List<PodsTable.Row>> podRows) {
        java.util.Set<String> names = new java.util.HashSet<>();
        podRows.forEach(table -> table.forEach(row -> names.add(row.name())));
        return names;
    }

    /** The namespace a describe names, {@code default} when it names none. */
    private static String namespaceOf(Field root) {
        return root.text("Namespace") == null ? "default" : root.text("Namespace");
    }

    /**
     * The one pod a claim's describe says uses it ({@code Mounted By:}, {@code Used By:} from kubectl 1.21), in the
     * claim's namespace: a Pending pod's events pasted above the describe of its unbound claim are that pod's. Null
     * unless exactly one claim names exactly one pod.
     */
    private static DescribeEvents.Subject claimUser(List<Document> documents) {
        DescribeEvents.Subject user = null;
        for (Document document : documents) {
            Field root = document.root();
            if (!"PersistentVolumeClaim".equals(kindOf(root))) {
                continue;
            }
            List<String> pods = claimUsers(root);
            if (pods.size() != 1 || user != null) {
                return null;
            }
            user = new DescribeEvents.Subject("Pod", namespaceOf(root), pods.get(0), null);
        }
        return user;
    }

    /** The pods a claim's describe says use it: {@code Used By:} from kubectl 1.21, {@code Mounted By:} before. */
    private static List<String> claimUsers(Field claim) {
        Field users = claim.child("Used By") != null ? claim.child("Used By") : claim.child("Mounted By");
        return users == null ? List.of() : users.values().stream().map(String::trim).toList();
    }

    /** The object of the paste's only describe document, by the kind its fields tell; null when none or several. */
    private static DescribeEvents.Subject onlyDescribed(List<Document> documents) {
        if (documents.size() != 1) {
            return null;
        }
        Field root = documents.get(0).root();
        String kind = kindOf(root);
        String name = root.text("Name");
        if (kind.isEmpty() || name == null) {
            return null;
        }
        boolean clusterScoped = "Node".equals(kind);
        return new DescribeEvents.Subject(kind, clusterScoped ? null : namespaceOf(root), name,
                clusterScoped ? name : null);
    }

    /** The names the describe documents give the objects whose fields {@code kept} accepts. */
    private static Set<String> describedNames(List<Document> documents, java.util.function.Predicate<Field> kept) {
        Set<String> names = new HashSet<>();
        for (Document document : documents) {
            if (document.root().text("Name") != null && kept.test(document.root())) {
                names.add(document.root().text("Name"));
            }
        }
        return names;
    }

    private void emit(ObjectNode object, long line) {
        sink.snapshot(object, line);
    }

    /** A node described by {@code root}'s fields, and its bad conditions as the events recorded for them. */
    private void emitNode(Field root, String name, long line) {
        ObjectNode node = DescribeNode.node(root, name);
        emit(node, line);
        DescribeNode.conditionEvents(node, List.of(), sink.now()).forEach(e -> emit(e, line));
    }

    /** The node a headless node fragment is about: the one the paste names, else its describe command's. */
    private static String nodeName(DescribeEvents.Subject named, List<String> lines) {
        return named != null && "Node".equals(named.kind()) ? named.name() : DescribeNode.describedName(lines);
    }

    /**
     * Describe fields pasted without their {@code Name:} line: a container's {@code State:}/{@code Last State:} block,
     * a pod's {@code Status:}/{@code Reason:}/{@code Message:} lines, a node's Conditions table. DESIGN section 6 wants
     * a fragment to yield its incident, so they describe a pod or node the paste does not name
     * ({@link DescribePod#UNNAMED_POD}, {@link DescribeNode#UNNAMED_NODE}) unless an Events table around them (read by
     * {@link DescribeEvents#readFragments}) names it: {@code named}, else null. {@code listedRow} is the row of the
     * one pod a {@code kubectl get pods} table in the paste lists: what the fragment leaves out is taken from it.
     */
    private void readHeadless(List<String> lines, int start, int end, DescribeEvents.Subject named,
                              PodsTable.Row listedRow) {
        List<int[]> parts = DescribeNode.grepParts(lines.subList(start, end));
        if (!parts.isEmpty()) {
            // several nodes' Conditions cut by grep: each part is its own node, named by what the part says
            for (int[] part : parts) {
                Field node = DescribeDocuments.fields(lines, start + part[0], start + part[1], new int[1]);
                if (DescribeNode.isNodeConditions(DescribeDocuments.conditionsOf(node))) {
                    emitNode(node, DescribeNode.describedName(lines.subList(start + part[0], start + part[1])),
                            start + part[0] + 1);
                }
            }
            return;
        }
        Field root = DescribeDocuments.fields(lines, start, end, new int[1]);
        long line = start + 1;
        try {
            if (DescribeNode.isNodeConditions(DescribeDocuments.conditionsOf(root)) || root.child("Taints") != null) {
                // the node whose own events are pasted beside its Conditions (NodeNotReady from kubelet, node-1), or
                // its Taints line alone (only nodes have taints: the node controller's stand for their conditions)
                emitNode(root, nodeName(named, lines.subList(start, end)), line);
                return;
            }
            if (root.child("Capacity") != null && root.child("Allocatable") != null && root.child("Containers") == null) {
                // a node describe's resource blocks pasted without its Name: (allocatable GPUs below capacity)
                emit(DescribeNode.node(root, nodeName(named, lines.subList(start, end))), line);
                return;
            }
            DescribePod.lastStateOfLoneReason(root);
            if (root.child("State") == null && root.child("Last State") == null) {
                DescribePod.adoptStateUnderHead(root, start); // a fragment cut above a state, under its Status: line
            }
            boolean containerState = root.child("State") != null || root.child("Last State") != null;
            boolean podStatus = DescribePod.isPodStatus(root);
            boolean containerSections = root.child("Containers") != null || root.child("Init Containers") != null;
            List<Field> containerBlocks = containerState || containerSections ? List.of() : DescribePod.containerBlocks(root);
            if (!containerState && !podStatus && !containerSections && containerBlocks.isEmpty()) {
                return;
            }
            if (containerState && root.child("Containers") == null) {
                DescribePod.adoptHeadlessContainer(root, start);
            } else if (!containerBlocks.isEmpty()) {
                DescribePod.adoptContainerBlocks(root, containerBlocks, start);
            }
            // a fragment's Name: and Namespace: lines cut, a container's environment may still say them
            String ownNamespace = DescribePod.downwardMetadata(root, "namespace");
            String namespace = root.text("Namespace") == null && ownNamespace != null ? ownNamespace : namespaceOf(root);
            String name = Objects.requireNonNullElse(DescribePod.downwardMetadata(root, "name"), DescribePod.UNNAMED_POD);
            if (named != null && "Pod".equals(named.kind())) {
                // the pod its Events table names (Successfully assigned ns/pod to node, a Pod: line)
                name = named.name();
                namespace = root.text("Namespace") == null ? named.namespace() : namespace;
            }
            DescribePod.inferReason(root, start);
            ObjectNode pod = DescribePod.pod(root, name, namespace);
            if (named != null && "Pod".equals(named.kind()) && named.node() != null && !pod.path("spec").has("nodeName")) {
                ((ObjectNode) pod.path("spec")).put("nodeName", named.node());
            }
            if (listedRow != null && listedRow.name().equals(name)) {
                PodsTable.fill(pod, listedRow, sink.now());
            }
            emit(pod, line);
        } catch (RuntimeException e) {
            sink.reject(line, "unreadable describe fragment: " + e.getMessage());
        }
    }

    private void readDocument(List<String> lines, Document document, List<List<PodsTable.Row>> podRows) {
        Field root = document.root();
        int start = document.start();
        String name = root.text("Name");
        if (name == null) {
            return; // "Name:" with no value: nothing to name the object by
        }
        if ("Event".equals(root.text("Kind"))) {
            events.readPrinted(lines, start); // kubectl describe event: the event itself
            return;
        }
        String namespace = document.namespace(lines);
        List<EventsTable.Row> rows = document.rows();
        String apiVersion = root.text("API Version");
        if (isCustomResource(root.text("Kind"), apiVersion)) {
            // kubectl's generic describer (custom resources: InferenceService, RayCluster, PodGroup, ...) prints
            // Kind and API Version, and Namespace empty for a cluster-scoped kind. Its controller re-issues the
            // scheduling and pod-creation events of its pods on it: they stay about it (the analyzer maps the
            // resource to its workload), not guessed to be a Pod's. No snapshot: the schemas have none for it.
            boolean clusterScoped = root.child("Namespace") != null && root.text("Namespace") == null;
            for (EventsTable.Row row : rows) {
                events.emit(row, root.text("Kind"), apiVersion, clusterScoped ? null : namespace, name, null);
            }
            return;
        }
        DescribePod.adoptStateUnderHead(root, start);
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
                    ObjectNode pod = DescribePod.pod(root, name, namespace);
                    PodsTable.Row listedRow = PodsTable.lastRowOf(podRows, name);
                    if (listedRow != null) {
                        PodsTable.fillCutDescribe(pod, listedRow, sink.now());
                    }
                    node = JsonFields.text(pod, "spec", "nodeName");
                    Instant firstEvent = events.earliest(rows);
                    if (firstEvent != null && DescribePod.ownerUnlikeItsName(pod)) {
                        Instant created = firstEvent.minusSeconds(1);
                        sink.snapshot(DescribePod.created(pod, created), line, created);
                    }
                    emit(pod, line);
                }
                case "Node" -> {
                    ObjectNode described = DescribeNode.node(root, name);
                    emit(described, line);
                    DescribeNode.conditionEvents(described, rows.stream().map(EventsTable.Row::reason).toList(),
                            sink.now()).forEach(e -> emit(e, line));
                }
                case "ReplicaSet", "StatefulSet", "DaemonSet", "Job" ->
                        emit(DescribeController.ownedBy(root, kind, name, namespace), line);
                case "Deployment" -> DescribeController.deployment(root, name, namespace, sink.now())
                        .forEach(o -> emit(o, line));
                case "PersistentVolumeClaim" -> DescribeClaim.bindingFailure(root, lines, line)
                        .ifPresent(row -> events.emit(row, "PersistentVolumeClaim", namespace, name, null));
                default -> {
                }
            }
        } catch (RuntimeException e) {
            sink.reject(line, "unreadable describe of " + name + ": " + e.getMessage());
        }
        if ("Pod".equals(kind) && node == null) {
            node = DescribeEvents.assignedNode(rows, name, null);
        }
        for (EventsTable.Row row : rows) {
            if (kind.isEmpty()) {
                sink.reject(row.line(), "cannot tell what kind of object '" + name + "' the describe text is about");
            } else {
                events.emit(row, kind, namespace, name, "Node".equals(kind) ? name : node);
            }
        }
    }

    /**
     * A {@code Kind:} line in a describe is the generic describer's, which kubectl uses for kinds it has no describer
     * for; an API group with a dot outside {@code *.k8s.io} ({@code serving.kserve.io/v1beta1},
     * {@code batch.volcano.sh/v1alpha1}: Volcano's {@code Job} is not batch/v1's) is an extension's.
     */
    static boolean isCustomResource(String kind, String apiVersion) {
        if (kind == null) {
            return false;
        }
        if (apiVersion == null) {
            return true;
        }
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        return group.contains(".") && !group.endsWith(".k8s.io");
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
                || DescribeNode.isNodeConditions(DescribeDocuments.conditionsOf(root))) {
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
                || DescribePod.POD_PHASES.contains(String.valueOf(root.text("Status")))) {
            return "Pod";
        }
        return "";
    }
}
