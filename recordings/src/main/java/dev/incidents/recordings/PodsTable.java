package dev.incidents.recordings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code kubectl get pods} tables as people paste them beside a describe or an Events table: the header
 * ({@code [NAMESPACE] NAME READY STATUS RESTARTS AGE}, then {@code -o wide}'s {@code IP NODE NOMINATED NODE READINESS
 * GATES} or any other column), its rows, and the Pod each row becomes.
 * <p>
 * kubectl prints one word per pod in STATUS ({@code printPod} in kubectl's printers.go): the phase, replaced by
 * {@code status.reason} when there is one ({@code Evicted}, {@code UnexpectedAdmissionError}, {@code OutOfnvidia.com/gpu}),
 * by the first failing init container's reason ({@code Init:CrashLoopBackOff}) or {@code Init:i/n} while init containers
 * run, else by the first container's waiting or terminated reason, and by {@code Terminating} while it is deleted.
 * Each row is turned back into a Pod that prints so: the phase the kubelet sets for that state, READY's {@code n/m} as m
 * container statuses of which n are ready and running, the STATUS reason on the first one that is not ready (as
 * {@code state.waiting.reason}, or {@code state.terminated.reason} for the reasons a runtime gives a finished container:
 * kubectl reads a restarting container's OOMKilled or Error from its current state), RESTARTS as its restart count and
 * {@code (2m ago)} as its {@code lastState.terminated.finishedAt}, AGE as the creation time, NODE as {@code spec.nodeName}.
 * A STATUS this does not know keeps the phase guess (Running once restarted, else Pending) and becomes the waiting reason.
 * <p>
 * The table does not name containers: they are {@link DescribePod#UNNAMED_CONTAINER} (and {@link #UNNAMED_INIT_CONTAINER}),
 * numbered {@code -1}, {@code -2}, ... when there are more than one, as a describe's {@code State:} block pasted without its
 * container is.
 * <p>
 * Each row is a snapshot at {@link ReadOptions#now()}, except the earlier rows of {@code kubectl get pods -w}: a pod's
 * row printed again is as much later as the pod got older (its AGE), so a watch pasted whole is the pods' history in
 * order ({@link #printTimes}). A row whose cells do not fit the header is rejected with its line.
 */
final class PodsTable {
    /** The init containers of a row's pod; the table does not name them either. */
    static final String UNNAMED_INIT_CONTAINER = Unnamed.INIT_CONTAINER;
    /** The header; AGE may be missing (a reporter who cut the column off the right of the listing). */
    static final Pattern HEADER = Pattern.compile("^\\s*(?:NAMESPACE\\s+)?NAME\\s+READY\\s+STATUS\\s+RESTARTS(?:\\s+AGE)?(?:\\s.*)?$");
    private static final String NAME = "(?:pod/)?[a-z0-9](?:[-a-z0-9.]*[a-z0-9])?";
    private static final String AGE = "(?:<unknown>|<invalid>|(?=\\d)" + EventAge.AGE + ")";
    private static final Pattern NAME_CELL = Pattern.compile("^" + NAME + "$");
    private static final Pattern NAMESPACE_CELL = Pattern.compile("^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$");
    private static final Pattern READY_CELL = Pattern.compile("^(\\d{1,3})/(\\d{1,3})$");
    /**
     * {@code 5}, or since kubectl 1.22 {@code 5 (2m ago)}: how long ago the last restart's container finished ({@code 5
     * (2m)} condensed by hand).
     */
    private static final Pattern RESTARTS_CELL = Pattern.compile("^(\\d{1,9})(?:\\s+" + lastRestart("(", ")") + ")?$");
    /** The restarts' {@code (2m ago)}, or {@code (2m)} as some condense it: a cell of its own after the count. */
    private static final Pattern LAST_RESTART_CELL = Pattern.compile("^" + lastRestart("", "") + "$");
    private static final Pattern STATUS_CELL = Pattern.compile("^[A-Za-z][\\w:./<>-]*$");
    private static final Pattern AGE_CELL = Pattern.compile("^" + AGE + "$");
    /** {@code (2m ago)} or {@code (2m)}, the age between {@code open} and {@code close} (a group, or nothing). */
    private static String lastRestart(String open, String close) {
        return "\\(" + open + "(?=\\d)" + EventAge.AGE + close + "(?: ago)?\\)";
    }

    /** A cell; the restarts' {@code (2m ago)} is one cell of its own, joined to the count before it. */
    private static final Pattern CELL = Pattern.compile("\\([^()]*\\)|\\S+");
    /**
     * A row pasted without its header (one line quoted in a ticket, rows grepped out of {@code get pods -A -o wide}):
     * only the shape kubectl prints, READY's {@code n/m} after the name (and namespace), RESTARTS and AGE after STATUS,
     * {@code -o wide}'s IP and NODE (and NOMINATED NODE, READINESS GATES) after it. A row cut by its reporter after
     * STATUS ({@code kubeflow  training-operator-8569f97489-zkxbt  0/1  OOMKilled}) says no restarts and no age; one
     * condensed to NAME READY STATUS AGE ({@code ollama-7f7b8747b9-pz27p  0/1  UnexpectedAdmissionError  8d}) no restarts.
     */
    private static final Pattern BARE_ROW = Pattern.compile("^\\s*(?:([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)\\s+)??(" + NAME
            + ")\\s+(\\d{1,3}/\\d{1,3})\\s+([A-Za-z][\\w:./<>-]*)(?:(?:\\s+(\\d{1,9}(?:\\s+\\((?=\\d)" + EventAge.AGE
            + " ago\\))?))?\\s+(" + AGE + ")(?:\\s+(<none>|[0-9a-fA-F.:]+)\\s+(<none>|[a-z0-9][-a-z0-9.]*)"
            + "(?:\\s+(<none>|[a-z0-9][-a-z0-9.]*)(?:\\s+(<none>|\\d+/\\d+))?)?)?)?\\s*$");
    private static final List<String> BARE_COLUMNS = List.of("NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE",
            "IP", "NODE", "NOMINATED NODE", "READINESS GATES");
    /** Header words kubectl prints with a space inside. */
    private static final Map<String, String> TWO_WORD_COLUMNS = Map.of("NOMINATED", "NODE", "READINESS", "GATES");
    /** The command of the table ({@code $ kubectl get pods -n inference -o wide}), for its namespace. */
    private static final Pattern GET_PODS = Pattern.compile("\\bget\\s+(?:po|pod|pods)\\b");
    /** {@code -n ns}, {@code --namespace=ns}, and {@code -nns} (a shorthand flag takes its value attached). */
    private static final Pattern NAMESPACE_FLAG = Pattern.compile(
            "(?:^|\\s)(?:-n(?:=|\\s+)?|--namespace(?:=|\\s+))([a-z0-9][-a-z0-9]*)\\b");

    /**
     * The namespace flag of a kubectl command line, or null: only before the first pipe, whose commands have flags of
     * their own ({@code kubectl logs web-0 | tail -n1}).
     */
    static String namespaceFlag(String command) {
        int pipe = command.indexOf('|');
        Matcher flag = NAMESPACE_FLAG.matcher(pipe < 0 ? command : command.substring(0, pipe));
        return flag.find() ? flag.group(1) : null;
    }
    /** Reasons a container runtime gives a container that ended; kubectl shows them from {@code state.terminated}. */
    private static final Set<String> TERMINATED_REASONS = Set.of("Completed", "Error", "OOMKilled", "StartError",
            "ContainerCannotRun", "ContainerStatusUnknown", "DeadlineExceeded");
    /** {@code Init:ExitCode:1}, {@code Signal:9}: a terminated container without a reason. */
    private static final Pattern EXIT_OR_SIGNAL = Pattern.compile("^(ExitCode|Signal):(-?\\d{1,9})$");
    private static final Pattern INIT_PROGRESS = Pattern.compile("^Init:(\\d{1,3})/(\\d{1,3})$");

    /** One row, cells as printed; {@code namespace} null without a NAMESPACE column, {@code node} null for {@code <none>}. */
    record Row(long line, String namespace, String name, int ready, int containers, String status, int restarts,
               Duration lastRestart, Duration age, String node) {
    }

    private final DescribeSink sink;

    PodsTable(DescribeSink sink) {
        this.sink = sink;
    }

    /**
     * The pod of the tables when they list only one ({@code kubectl get pod x}, one row quoted): what a State block or
     * an Events table pasted with it and naming nothing is about. Its namespace is null when the rows do not say.
     */
    static DescribeEvents.Subject onlyPod(List<List<Row>> tables) {
        Row only = onlyPodsLastRow(tables);
        java.util.function.Predicate<Row> failingByStatus = row -> row.status() != null && !FINE.contains(row.status());
        if (only == null) {
            only = onlyFailingPodsLastRow(tables, failingByStatus);
        }
        if (only == null && tables.stream().flatMap(List::stream).noneMatch(failingByStatus)) {
            // none failing by its status: the unready ones (`0/1 Running`) are what a pasted probe failure is about;
            // beside pods of several workloads failing by their status (Pending, CrashLoopBackOff), they are one more
            only = onlyFailingPodsLastRow(tables, row -> "Running".equals(row.status()) && row.ready() < row.containers());
        }
        return only == null ? null : new DescribeEvents.Subject("Pod", only.namespace(), only.name(), only.node());
    }

    /** The namespace of each listed pod whose row names one (a {@code get pods -A} listing), by pod name. */
    static Map<String, String> namespaces(List<List<Row>> tables) {
        Map<String, String> namespaces = new java.util.HashMap<>();
        for (List<Row> table : tables) {
            for (Row row : table) {
                if (row.namespace() != null) {
                    namespaces.putIfAbsent(row.name(), row.namespace());
                }
            }
        }
        return namespaces;
    }

    /**
     * The namespaces other lines of the paste give listed pods printed without one: {@code namespace/name} of a pod the
     * tables list ({@code scale_up.go:263] Pod default/hello-6d4fbd5d76-hbf8h is unschedulable}, a tool's or a
     * component's log naming it so) or kubectl's report of its deletion ({@code pod "x" deleted from ns namespace}),
     * added to {@code namespaces} for the pods it has none for. A kind before the slash ({@code pod/x},
     * {@code deployment/x}) is no namespace.
     */
    static void namedNamespaces(List<String> lines, List<List<Row>> tables, Map<String, String> namespaces) {
        for (List<Row> table : tables) {
            for (Row row : table) {
                if (row.namespace() != null || namespaces.containsKey(row.name())) {
                    continue;
                }
                String deleted = deletedFrom(lines, row.name());
                if (deleted != null) {
                    namespaces.put(row.name(), deleted);
                    continue;
                }
                String slashName = "/" + row.name();
                for (String line : lines) {
                    int at = line.indexOf(slashName);
                    if (at <= 0) {
                        continue;
                    }
                    Matcher named = NAMESPACED_NAME.matcher(line.substring(0, at + slashName.length()));
                    int end = at + slashName.length();
                    boolean whole = end == line.length() || !isNameChar(line.charAt(end));
                    if (whole && named.find() && !KIND_WORDS.contains(named.group(1))) {
                        namespaces.put(row.name(), named.group(1));
                        break;
                    }
                }
            }
        }
    }

    /** kubectl's word for a deletion since 1.33: {@code pod "crash-demo" deleted from homework-s14 namespace}. */
    private static final Pattern DELETED_FROM = Pattern.compile(
            "\\bpods? \"([a-z0-9](?:[-a-z0-9.]*[a-z0-9])?)\" deleted from ([a-z0-9](?:[-a-z0-9]*[a-z0-9])?) namespace\\b");

    /** The namespace a kubectl delete of pod {@code name} in the paste says it was deleted from, null when none. */
    private static String deletedFrom(List<String> lines, String name) {
        for (String line : lines) {
            Matcher deleted = DELETED_FROM.matcher(line);
            while (deleted.find()) {
                if (deleted.group(1).equals(name)) {
                    return deleted.group(2);
                }
            }
        }
        return null;
    }

    /** A namespace and a slash ending the text: the name follows the slash. */
    private static final Pattern NAMESPACED_NAME = Pattern.compile("(?<![-\\w./])([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)/[^/]+$");
    /** Resource words kubectl prints before a slash ({@code pod/x}, {@code deploy/x}): kinds, not namespaces. */
    private static final Set<String> KIND_WORDS = Set.of("pod", "pods", "po", "deployment", "deployments", "deploy",
            "replicaset", "replicasets", "rs", "statefulset", "statefulsets", "sts", "daemonset", "daemonsets", "ds", "job",
            "jobs", "cronjob", "cronjobs", "node", "nodes", "service", "services", "svc", "pvc", "event", "events");

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '.';
    }

    /** Statuses of a pod that is fine, or was: the listing's other pods, not the one a pasted error is about. */
    private static final Set<String> FINE = Set.of("Running", "Completed", "Succeeded", "Terminating");

    /**
     * The last row of the one pod whose row is {@code failing}, when the tables list several ({@code kubectl get pods -A
     * | grep nvidia}: the toolkit pod in {@code Init:ImagePullBackOff} among Running ones): the error pasted beside
     * the listing is that pod's; when the failing ones are replicas of one workload, the first of them. Null when none
     * fails, or pods of several workloads do.
     */
    private static Row onlyFailingPodsLastRow(List<List<Row>> tables, java.util.function.Predicate<Row> failing) {
        Row first = null;
        Row last = null;
        boolean onePod = true;
        boolean oneWorkload = true;
        for (List<Row> table : tables) {
            for (Row row : table) {
                if (!failing.test(row)) {
                    continue;
                }
                if (first == null) {
                    first = row;
                } else {
                    onePod &= first.name().equals(row.name());
                    oneWorkload &= WorkloadName.fromPodName(first.name()).equals(WorkloadName.fromPodName(row.name()))
                            && failure(first.status()).equals(failure(row.status()));
                }
                last = onePod ? row : last;
            }
        }
        // several failing replicas of one workload (evicted one after another): the error is the workload's, told by
        // its first failing pod
        return first == null ? null : onePod ? last : oneWorkload ? first : null;
    }

    /**
     * The one listed pod whose status is the failure an event row about an unnamed pod tells ({@code Failed to pull
     * image ...} beside the one pod in {@code ErrImagePull} of a listing of several broken ones; a {@code
     * FailedScheduling} beside the one {@code Pending}); null when the row tells none of these or several pods (or
     * several workloads' pods) show it.
     */
    static DescribeEvents.Subject onlyPodFailingAs(List<List<Row>> tables, String reason, String message) {
        Set<String> statuses = statusesOf(reason, message == null ? "" : message);
        if (statuses.isEmpty()) {
            return null;
        }
        Row only = onlyFailingPodsLastRow(tables, row -> row.status() != null && statuses.contains(row.status()));
        return only == null ? null : new DescribeEvents.Subject("Pod", only.namespace(), only.name(), only.node());
    }

    /**
     * What a STATUS cell says went wrong, one word for the statuses of one failure: replicas of one workload failing
     * alike (evicted one after another, crash-looping) share it; a Pending one beside a crash-looping one (bare pods
     * {@code memory-demo-2} and {@code memory-demo-3} named like one StatefulSet's) does not.
     */
    private static String failure(String status) {
        if (status == null) {
            return "";
        }
        return PULLING.contains(status) ? "pulling" : RESTARTING.contains(status) ? "restarting" : status;
    }

    private static final Set<String> PULLING = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "Init:ErrImagePull", "Init:ImagePullBackOff");
    private static final Set<String> RESTARTING = Set.of("CrashLoopBackOff", "Error", "OOMKilled",
            "Init:CrashLoopBackOff", "Init:Error");

    /** The STATUS cells of a pod the event's failure leaves it in (none when the event tells no such failure). */
    private static Set<String> statusesOf(String reason, String message) {
        String m = message.toLowerCase(java.util.Locale.ROOT);
        if (("Failed".equals(reason) || "BackOff".equals(reason))
                && (m.contains("pull") || m.contains("invalidimagename"))) {
            return PULLING;
        }
        if ("BackOff".equals(reason) && m.contains("restarting failed container")) {
            return RESTARTING;
        }
        return switch (reason) {
            case "FailedScheduling" -> Set.of("Pending");
            case "Evicted" -> Set.of("Evicted");
            case "FailedMount", "FailedAttachVolume", "FailedCreatePodSandBox" -> Set.of("ContainerCreating");
            default -> Set.of();
        };
    }

    /**
     * The Jobs the tables show by their pods: a {@code <prefix>-<5>} row Completed with no restart (a DaemonSet's, a
     * ReplicaSet's pods run for good; one of theirs exiting 0 is restarted and counted), or several rows of one prefix,
     * created at different moments, each ended ({@code Error}, {@code ContainerCannotRun}) without a restart: a
     * DaemonSet's pods restart in place (restart policy Always, one pod per node, restarted within the kubelet's first
     * ten-second back-off), while a Job with restart policy Never replaces each pod that failed with a new one.
     */
    static Set<String> jobs(List<List<Row>> tables) {
        Set<String> jobs = new java.util.HashSet<>();
        // per prefix, each pod that ended without a restart and how old it was: a watch prints one pod many times
        Map<String, Map<String, Duration>> endedAges = new java.util.HashMap<>();
        for (List<Row> table : tables) {
            for (Row row : table) {
                String prefix = WorkloadName.generatedPrefix(row.name());
                if (prefix == null || row.restarts() != 0) {
                    continue;
                }
                if ("Completed".equals(row.status())) {
                    jobs.add(prefix);
                } else if (ENDED_WITHOUT_SUCCESS.contains(row.status()) && row.age() != null
                        && REPLACED_BY_A_JOB.contains(WorkloadName.fromPodName(row.name()).kind())) {
                    endedAges.computeIfAbsent(prefix, p -> new HashMap<>()).putIfAbsent(row.name(), row.age());
                }
            }
        }
        endedAges.forEach((prefix, pods) -> {
            Collection<Duration> ages = pods.values();
            if (pods.size() >= 2 && Collections.max(ages).minus(Collections.min(ages)).compareTo(REPLACED_APART) >= 0) {
                jobs.add(prefix);
            }
        });
        return jobs;
    }

    /** The reasons kubectl prints for a pod whose containers ended, not in success. */
    private static final Set<String> ENDED_WITHOUT_SUCCESS = Set.of("Error", "ContainerCannotRun", "StartError",
            "OOMKilled", "DeadlineExceeded");
    /**
     * The kinds a {@code <prefix>-<5>} pod's name may be guessed as that a Job's pods share: a DaemonSet's, or a pod of
     * a name generated twice ({@code <x>-<5>-<5>}, a Job itself named with generateName); a ReplicaSet's pods carry its
     * hash and are never a Job's.
     */
    private static final Set<String> REPLACED_BY_A_JOB = Set.of("DaemonSet", "Pod");
    /** Pods created this far apart were not made by one rollout. */
    private static final Duration REPLACED_APART = Duration.ofSeconds(5);

    /** The last row of the one pod the tables list, null when they list none or several. */
    static Row onlyPodsLastRow(List<List<Row>> tables) {
        Row only = null;
        for (List<Row> table : tables) {
            for (Row row : table) {
                if (only != null && !only.name().equals(row.name())) {
                    return null;
                }
                only = row;
            }
        }
        return only;
    }

    /**
     * Adds to {@code pod}, rebuilt from describe lines pasted under this pod's row (a {@code Last State} block without
     * its {@code Restart Count}), what only the row says: the restarts, the creation time, and the phase.
     */
    static void fill(ObjectNode pod, Row row, Instant at) {
        ObjectNode metadata = (ObjectNode) pod.path("metadata");
        if (!metadata.has("creationTimestamp") && row.age() != null) {
            metadata.put("creationTimestamp", at.minus(row.age()).toString());
        }
        JsonNode statuses = pod.path("status").path("containerStatuses");
        if (statuses.size() == 1 && !statuses.get(0).has("restartCount")) {
            ((ObjectNode) statuses.get(0)).put("restartCount", row.restarts());
        }
        if (pod.path("status").isObject() && !pod.path("status").has("phase") && PHASES.contains(row.status())) {
            // container blocks cut from a describe say no phase; a STATUS that is one does
            ((ObjectNode) pod.path("status")).put("phase", row.status());
        }
    }

    /** The STATUS values that are the pod's phase itself, not a container's reason. */
    private static final Set<String> PHASES = Set.of("Running", "Pending", "Succeeded", "Failed");

    /** The last row listing the pod {@code name}, or null. */
    static Row lastRowOf(List<List<Row>> tables, String name) {
        Row last = null;
        for (List<Row> table : tables) {
            for (Row row : table) {
                if (row.name().equals(name)) {
                    last = row;
                }
            }
        }
        return last;
    }

    /**
     * Adds to {@code pod}, described by a {@code kubectl describe} cut before its {@code Containers:} section, what
     * the pod's own row printed beside it says of its containers ({@code CrashLoopBackOff}, the restarts) and its age:
     * the two show the same moment, and the row is all that is left of the containers.
     */
    static void fillCutDescribe(ObjectNode pod, Row row, Instant at) {
        JsonNode status = pod.path("status");
        if (pod.path("spec").path("containers").size() > 0 || status.path("containerStatuses").size() > 0
                || status.path("initContainerStatuses").size() > 0 || !(status instanceof ObjectNode described)) {
            return;
        }
        ObjectNode listed = pod(row, JsonFields.text(pod, "metadata", "namespace"), at);
        for (String statuses : List.of("initContainerStatuses", "containerStatuses")) {
            if (listed.path("status").has(statuses)) {
                described.set(statuses, listed.path("status").get(statuses));
            }
        }
        fill(pod, row, at);
    }

    /**
     * Each row's Pod, in the table's order, except those of pods in {@code described}: a describe in the same paste
     * shows the same moment in more detail. {@code namespaceOf} names the namespace of a pod whose row has none, when
     * the table's command does not ({@code -n}).
     */
    void emit(List<List<Row>> tables, Set<String> described, Function<String, String> namespaceOf) {
        for (List<Row> table : tables) {
            List<Instant> times = printTimes(table, sink.now());
            for (int k = 0; k < table.size(); k++) {
                Row row = table.get(k);
                if (described.contains(row.name())) {
                    continue;
                }
                String namespace = row.namespace() != null ? row.namespace() : namespaceOf.apply(row.name());
                sink.snapshot(pod(row, namespace, times.get(k)), row.line(), times.get(k));
            }
        }
    }

    /**
     * When each row of a table was printed, the last at {@code now}. kubectl prints a table at once, so without more
     * every row is at {@code now}; but {@code get pods -w} prints a row each time a pod changes, in order, after the
     * first listing, and AGE counts from the pod's creation: a pod's later row is later by the difference of its two
     * ages. So each row is at the earliest time that keeps the rows in order and each pod's rows that far apart (a
     * younger age than the pod's row before is a pod recreated under its name, which says nothing).
     */
    static List<Instant> printTimes(List<Row> table, Instant now) {
        long[] offsets = new long[table.size()];
        Map<String, Integer> previousOfPod = new HashMap<>();
        for (int k = 0; k < table.size(); k++) {
            Row row = table.get(k);
            offsets[k] = k == 0 ? 0 : offsets[k - 1];
            Integer previous = previousOfPod.put(row.namespace() + "/" + row.name(), k);
            if (previous != null) {
                Duration before = table.get(previous).age();
                if (before != null && row.age() != null && before.compareTo(row.age()) <= 0) {
                    offsets[k] = Math.max(offsets[k], offsets[previous] + row.age().minus(before).toMillis());
                }
            }
        }
        List<Instant> times = new ArrayList<>();
        for (long offset : offsets) {
            times.add(now.minusMillis(offsets[offsets.length - 1] - offset));
        }
        return times;
    }

    /**
     * Every table in {@code lines} (a describe never prints this header, and people paste {@code get pods} before or
     * after their describes) and the rows pasted without a header in {@code [0, proseEnd)}, the text outside describe
     * documents (consecutive ones make a table); each table's rows in order. Rows that do not fit are rejected here.
     */
    List<List<Row>> read(List<String> lines, int proseEnd) {
        List<List<Row>> tables = new ArrayList<>();
        List<Row> bare = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (HEADER.matcher(line).matches()) {
                int[] end = {i + 1};
                tables.add(rows(lines, i, end));
                i = end[0] - 1;
            } else if (i < proseEnd) {
                // rows pasted under their command without the header: the command's namespace is theirs
                String namespace = bare.isEmpty() ? commandNamespace(lines, i) : bare.get(0).namespace();
                Row row = bareRow(line, i + 1, namespace);
                if (row == null && screenWrapped(lines, i)) {
                    row = bareRow(line + lines.get(i + 1), i + 1, namespace);
                    if (row != null) {
                        i++;
                    }
                }
                if (row != null) {
                    bare.add(row);
                    continue;
                }
            }
            if (!bare.isEmpty()) {
                tables.add(bare);
                bare = new ArrayList<>();
            }
        }
        if (!bare.isEmpty()) {
            tables.add(bare);
        }
        return tables;
    }

    /**
     * The rows under the header at {@code header}, to the first line that is no row: a blank line, a code fence, the
     * next command or table. A line with READY's {@code n/m} where kubectl prints it is a row, and rejected when its
     * cells do not fit the header. Sets {@code end[0]} to the index after the table.
     */
    private List<Row> rows(List<String> lines, int header, int[] end) {
        List<String> columns = columns(lines.get(header));
        String commandNamespace = commandNamespace(lines, header);
        int readyAt = columns.indexOf("READY");
        List<Row> rows = new ArrayList<>();
        int i = header + 1;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || HEADER.matcher(line).matches()) {
                break;
            }
            List<String> cells = cells(line);
            if (cells.size() <= readyAt || !looksLikeReady(cells, readyAt)) {
                break;
            }
            if (cells.size() < columns.size() && screenWrapped(lines, i)) {
                List<String> joined = cells(line + lines.get(i + 1));
                if (joined.size() == columns.size()) {
                    cells = joined; // its last cells on the next line
                    i++;
                }
            }
            Row row = row(columns, cells, i + 1, commandNamespace);
            if (row != null) {
                rows.add(row);
            }
        }
        end[0] = i;
        return rows;
    }

    /**
     * Whether the line at {@code i} is as long as a terminal's screen and goes on in the next: a copy that broke a row at
     * the screen's width, its last cells (AGE, NODE) at the start of the next line. Joined as they were, without a
     * separator (the break falls anywhere, inside a cell's padding or a word).
     */
    private static boolean screenWrapped(List<String> lines, int i) {
        return lines.get(i).length() >= SCREEN_WIDTH && i + 1 < lines.size() && !lines.get(i + 1).isBlank()
                && !HEADER.matcher(lines.get(i + 1)).matches();
    }

    /** The narrowest screen a copy is broken at (a terminal's 80 columns). */
    private static final int SCREEN_WIDTH = 80;

    /** READY's cell where kubectl puts it, allowing for a NAMESPACE column missing from the header or the row. */
    private static boolean looksLikeReady(List<String> cells, int readyAt) {
        for (int k = Math.max(1, readyAt - 1); k <= readyAt + 1 && k < cells.size(); k++) {
            if (READY_CELL.matcher(cells.get(k)).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The header's column names; {@code NOMINATED NODE} and {@code READINESS GATES} are one column each. */
    static List<String> columns(String header) {
        String[] words = header.trim().split("\\s+");
        List<String> columns = new ArrayList<>();
        for (int k = 0; k < words.length; k++) {
            String second = TWO_WORD_COLUMNS.get(words[k]);
            if (second != null && k + 1 < words.length && words[k + 1].equals(second)) {
                columns.add(words[k] + " " + second);
                k++;
            } else {
                columns.add(words[k]);
            }
        }
        return columns;
    }

    /** A row's cells, split at any run of spaces or tabs ({@code -w} rows are not aligned with the header). */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        Matcher m = CELL.matcher(line);
        while (m.find()) {
            String cell = m.group();
            if (LAST_RESTART_CELL.matcher(cell).matches() && !cells.isEmpty()
                    && cells.get(cells.size() - 1).chars().allMatch(Character::isDigit)) {
                cells.set(cells.size() - 1, cells.get(cells.size() - 1) + " " + cell);
            } else {
                cells.add(cell);
            }
        }
        return cells;
    }

    private Row row(List<String> columns, List<String> cells, long line, String commandNamespace) {
        if (cells.size() != columns.size()) {
            sink.reject(line, "kubectl get pods row with " + cells.size() + " cells under a header of " + columns.size()
                    + " columns (" + String.join(", ", columns) + ")");
            return null;
        }
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (int k = 0; k < columns.size(); k++) {
            byColumn.putIfAbsent(columns.get(k), cells.get(k));
        }
        return row(byColumn, line, commandNamespace);
    }

    /** A row pasted alone, or null when {@code line} is not one. */
    private Row bareRow(String line, long lineNumber, String commandNamespace) {
        Matcher m = BARE_ROW.matcher(line);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (int k = 0; k < BARE_COLUMNS.size(); k++) {
            if (m.group(k + 1) != null) {
                byColumn.put(BARE_COLUMNS.get(k), m.group(k + 1));
            }
        }
        return row(byColumn, lineNumber, commandNamespace);
    }

    /** The row's cells checked against what kubectl prints in each column; null (rejected) when one is not. */
    private Row row(Map<String, String> cells, long line, String commandNamespace) {
        String name = cells.get("NAME");
        String namespace = cells.getOrDefault("NAMESPACE", commandNamespace);
        Matcher ready = READY_CELL.matcher(cells.get("READY"));
        Matcher restarts = RESTARTS_CELL.matcher(cells.getOrDefault("RESTARTS", "0"));
        String problem = !NAME_CELL.matcher(name).matches() ? "NAME '" + name + "' is not a pod name"
                : namespace != null && !NAMESPACE_CELL.matcher(namespace).matches() ? "NAMESPACE '" + namespace + "' is not a namespace"
                : !ready.matches() ? "READY '" + cells.get("READY") + "' is not ready/total"
                : !STATUS_CELL.matcher(cells.get("STATUS")).matches() ? "STATUS '" + cells.get("STATUS") + "' is not one word"
                : !restarts.matches() ? "RESTARTS '" + cells.get("RESTARTS") + "' is not a count"
                : cells.containsKey("AGE") && !AGE_CELL.matcher(cells.get("AGE")).matches()
                ? "AGE '" + cells.get("AGE") + "' is not an age"
                : null;
        if (problem == null && Integer.parseInt(ready.group(1)) > Integer.parseInt(ready.group(2))) {
            problem = "READY '" + cells.get("READY") + "' has more ready than containers";
        }
        if (problem != null) {
            sink.reject(line, "unreadable kubectl get pods row: " + KubeTime.abbreviate(problem));
            return null;
        }
        String node = cells.get("NODE");
        return new Row(line, namespace, name.startsWith("pod/") ? name.substring(4) : name,
                Integer.parseInt(ready.group(1)), Integer.parseInt(ready.group(2)), cells.get("STATUS"),
                Integer.parseInt(restarts.group(1)), restarts.group(2) == null ? null : EventAge.duration(restarts.group(2)),
                cells.containsKey("AGE") ? EventAge.duration(cells.get("AGE")) : null,
                node == null || node.startsWith("<") ? null : node);
    }

    /** The {@code -n} of the {@code get pods} command on the lines just above the header, else null. */
    private static String commandNamespace(List<String> lines, int header) {
        for (int k = header - 1; k >= 0 && k >= header - 3; k--) {
            String line = lines.get(k);
            if (GET_PODS.matcher(line).find()) {
                return namespaceFlag(line);
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ the Pod a row becomes

    /** The Pod of {@code row} in {@code namespace}, as printed at {@code at}. */
    static ObjectNode pod(Row row, String namespace, Instant at) {
        ObjectNode pod = JsonLogReader.MAPPER.createObjectNode();
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        ObjectNode metadata = pod.putObject("metadata");
        metadata.put("name", row.name());
        metadata.put("namespace", namespace);
        if (row.age() != null) {
            metadata.put("creationTimestamp", at.minus(row.age()).toString());
        }
        ObjectNode spec = pod.putObject("spec");
        if (row.node() != null) {
            spec.put("nodeName", row.node());
        }
        ObjectNode status = pod.putObject("status");
        String reading = row.status();
        Matcher progress = INIT_PROGRESS.matcher(reading);
        if (progress.matches()) {
            // Init:i/n: i init containers done, the next one running, the app containers waiting for them
            int total = Math.max(1, Integer.parseInt(progress.group(2)));
            int done = Math.min(Integer.parseInt(progress.group(1)), total - 1);
            ArrayNode init = status.putArray("initContainerStatuses");
            for (int k = 0; k < total; k++) {
                ObjectNode c = container(init, UNNAMED_INIT_CONTAINER, k, total, false);
                if (k < done) {
                    c.putObject("state").putObject("terminated").put("reason", "Completed").put("exitCode", 0);
                } else if (k == done) {
                    c.putObject("state").putObject("running");
                    restarted(c, row, at);
                } else {
                    c.putObject("state").putObject("waiting").put("reason", "PodInitializing");
                }
            }
            appContainersWaitingForInit(status, row);
            status.put("phase", "Pending");
            return pod;
        }
        if (reading.startsWith("Init:")) {
            // an init container failing (Init:CrashLoopBackOff, Init:Error, Init:OOMKilled, Init:ExitCode:1): which
            // of how many the table does not say
            ObjectNode c = container(status.putArray("initContainerStatuses"), UNNAMED_INIT_CONTAINER, 0, 1, false);
            c.set("state", state(reading.substring("Init:".length())));
            restarted(c, row, at);
            appContainersWaitingForInit(status, row);
            status.put("phase", "Pending");
            return pod;
        }
        ArrayNode statuses = status.putArray("containerStatuses");
        if (DescribePod.FAILED_REASON.matcher(reading).matches()) {
            // the kubelet's rejections at admission and its evictions: the pod failed as a whole, its reason in
            // status.reason (kubectl prints it in place of the phase)
            status.put("phase", "Failed");
            status.put("reason", reading);
            containers(statuses, row, null, at);
            return pod;
        }
        switch (reading) {
            case "Pending", "Running", "Succeeded", "Failed", "Unknown" -> {
                status.put("phase", reading);
                containers(statuses, row, null, at);
            }
            case "NodeLost" -> {
                // the node controller's mark on the pods of a node gone silent (before taints replaced it)
                status.put("phase", "Unknown");
                status.put("reason", reading);
                containers(statuses, row, null, at);
            }
            case "Terminating" -> {
                // kubectl prints it for a pod with a deletion timestamp that has not finished
                metadata.put("deletionTimestamp", at.toString());
                status.put("phase", "Running");
                containers(statuses, row, null, at);
            }
            case "NotReady" -> {
                // kubectl's word for a pod with a container finished and one still running, not Ready
                status.put("phase", "Running");
                containers(statuses, row, null, at);
            }
            case "SchedulingGated" -> {
                status.put("phase", "Pending");
                status.putArray("conditions").addObject().put("type", "PodScheduled").put("status", "False")
                        .put("reason", "SchedulingGated");
                containers(statuses, row, null, at);
            }
            default -> {
                ObjectNode state = state(reading);
                status.put("phase", phase(state, row));
                containers(statuses, row, state, at);
            }
        }
        return pod;
    }

    /**
     * The phase the kubelet sets beside a container in {@code state}: a container that has not started yet keeps the
     * pod Pending; once one has run (it restarts, or another one runs) the pod is Running, and a pod whose containers
     * all ended without a restart has finished (Succeeded when they completed, else Failed); one that shows Completed
     * with none ready has succeeded, restarts or not.
     */
    private static String phase(ObjectNode state, Row row) {
        boolean started = row.restarts() > 0 || row.ready() > 0;
        if (state.has("waiting")) {
            return started || "CrashLoopBackOff".equals(state.path("waiting").path("reason").asText()) ? "Running" : "Pending";
        }
        boolean completed = "Completed".equals(state.path("terminated").path("reason").asText());
        if (completed && row.ready() == 0) {
            // exit 0 with restarts: a restartPolicy OnFailure pod that succeeded after retries (a validation Job's
            // pod); under Always an exit-0 container spends its loop waiting in CrashLoopBackOff, which is what a
            // listing shows then, not the moment between its end and the kubelet's next sync
            return "Succeeded";
        }
        if (started) {
            return "Running";
        }
        return completed ? "Succeeded" : "Failed";
    }

    /** A STATUS word as a container state: terminated for the runtime's end reasons and exit codes, else waiting. */
    private static ObjectNode state(String reason) {
        ObjectNode state = JsonLogReader.MAPPER.createObjectNode();
        Matcher exit = EXIT_OR_SIGNAL.matcher(reason);
        if (exit.matches()) {
            state.putObject("terminated").put(exit.group(1).equals("Signal") ? "signal" : "exitCode",
                    Integer.parseInt(exit.group(2)));
        } else if (TERMINATED_REASONS.contains(reason)) {
            ObjectNode terminated = state.putObject("terminated").put("reason", reason);
            if ("Completed".equals(reason)) {
                // the runtime says Completed only for exit code 0
                terminated.put("exitCode", 0);
            }
        } else {
            state.putObject("waiting").put("reason", reason);
        }
        return state;
    }

    /**
     * READY's containers: the ready ones running, {@code reasonState} (null when STATUS names none) and the restarts on
     * the first one that is not, the others not ready without a state the table shows.
     */
    private static void containers(ArrayNode statuses, Row row, ObjectNode reasonState, Instant at) {
        int total = Math.max(1, row.containers());
        int notReady = total - row.ready();
        boolean running = "Running".equals(row.status()) || "NotReady".equals(row.status())
                || "Terminating".equals(row.status());
        for (int k = 0; k < total; k++) {
            boolean ready = k >= notReady;
            ObjectNode c = container(statuses, DescribePod.UNNAMED_CONTAINER, k, total, ready);
            if (ready || running) {
                c.putObject("state").putObject("running");
            }
            if (k == 0 && reasonState != null) {
                c.set("state", reasonState);
            }
            if (k == 0) {
                restarted(c, row, at);
            }
        }
        if ("Succeeded".equals(row.status())) {
            for (int k = 0; k < statuses.size(); k++) {
                ((ObjectNode) statuses.get(k)).putObject("state").putObject("terminated").put("reason", "Completed")
                        .put("exitCode", 0);
            }
        }
    }

    /** App containers of a pod still initializing: none ready, waiting for the init containers. */
    private static void appContainersWaitingForInit(ObjectNode status, Row row) {
        ArrayNode statuses = status.putArray("containerStatuses");
        int total = Math.max(1, row.containers());
        for (int k = 0; k < total; k++) {
            container(statuses, DescribePod.UNNAMED_CONTAINER, k, total, false)
                    .putObject("state").putObject("waiting").put("reason", "PodInitializing");
        }
    }

    private static ObjectNode container(ArrayNode statuses, String name, int index, int total, boolean ready) {
        ObjectNode c = statuses.addObject();
        c.put("name", total == 1 ? name : name + "-" + (index + 1));
        c.put("ready", ready);
        c.put("restartCount", 0);
        return c;
    }

    /** RESTARTS on the container they are shown for; {@code (2m ago)} is when its last run ended. */
    private static void restarted(ObjectNode container, Row row, Instant at) {
        container.put("restartCount", row.restarts());
        if (row.lastRestart() != null && row.restarts() > 0) {
            container.putObject("lastState").putObject("terminated")
                    .put("finishedAt", at.minus(row.lastRestart()).toString());
        }
    }
}
