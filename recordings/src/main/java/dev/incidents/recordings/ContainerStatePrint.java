package dev.incidents.recordings;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tool's own print of a container's terminated state as {@code key: value} pairs, in its log or its UI: Airflow's
 * KubernetesExecutor ({@code Pod phase: Failed, ..., container_state: terminated, container_reason: OOMKilled,
 * exit_code: 137}), a worker's status line ({@code status: terminated,exitCode: 0,reason: OOMKilled,startedAt: ...}).
 * The reason is the runtime's, whatever prints it, so the paragraph becomes the pod with that container state: the pod
 * a {@code pod ns/name} in it names, else one the paste does not name. A container state's YAML cut above its
 * {@code terminated:} key ({@code reason: OOMKilled} under a termination message's log tail) is one too, and so is a
 * custom-columns row printed without its header ({@link #TERMINATION_ROW}).
 */
final class ContainerStatePrint {
    /** {@code state: terminated} as a value, not YAML's {@code state:} / {@code terminated:} keys of a pod's status. */
    private static final Pattern TERMINATED = Pattern.compile(
            "\\b(?:container_state|state|status):\\s*terminated\\b(?!:)");
    private static final Pattern REASON = Pattern.compile("\\b(?:container_)?reason:\\s*([A-Z][A-Za-z]+)\\b");
    private static final Pattern EXIT_CODE = Pattern.compile("\\b(?:exitCode|exit_code):\\s*(\\d{1,3})\\b");
    private static final Pattern PHASE = Pattern.compile("\\b[Pp]od phase:\\s*(Pending|Running|Succeeded|Failed)\\b");
    private static final Pattern CONTAINER = Pattern.compile("\\bcontainer_name:\\s*([a-z0-9][-a-z0-9]*)");
    private static final Pattern POD = Pattern.compile("\\bpod ([a-z0-9][-a-z0-9]*)/([a-z0-9][-a-z0-9.]*[a-z0-9])");
    /** Reasons a runtime gives a container that ended ({@code None} and the like are no reason). */
    private static final java.util.Set<String> ENDED = java.util.Set.of("OOMKilled", "Error", "ContainerCannotRun",
            "StartError", "DeadlineExceeded");

    private ContainerStatePrint() {
    }

    /**
     * A row of a {@code get pods -o custom-columns} listing printed without its header ({@code --no-headers}, or cut):
     * the pod's name, its restarts, the last termination's reason and exit code ({@code oom-limit-75cc47b647-c4nv8   1
     * OOMKilled   137}). The two numbers around a runtime's reason for an ended container say what the columns are.
     */
    private static final Pattern TERMINATION_ROW = Pattern.compile("^\\s*([a-z0-9](?:[-a-z0-9.]*[a-z0-9])?)\\s+(\\d{1,5})\\s+"
            + "(OOMKilled|Error|ContainerCannotRun|StartError|DeadlineExceeded)\\s+(\\d{1,3})\\s*$");

    /** Emits a Pod for each paragraph of {@code lines} that prints a terminated container with its reason. */
    static void read(List<String> lines, DescribeSink sink) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher row = TERMINATION_ROW.matcher(lines.get(i));
            if (row.matches() && !underHeader(lines, i)) {
                sink.snapshot(restartedPod(row.group(1), Integer.parseInt(row.group(2)), row.group(3),
                        Integer.valueOf(row.group(4))), i + 1);
            }
        }
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            boolean end = i == lines.size() || lines.get(i).isBlank() || lines.get(i).trim().startsWith("```");
            if (end) {
                if (i > start) {
                    read(String.join(" ", lines.subList(start, i)), start + 1, sink);
                }
                start = i + 1;
            }
        }
    }

    /** Whether a header heads the block of rows {@code row} is in: the listing's own reader reads those. */
    private static boolean underHeader(List<String> lines, int row) {
        for (int k = row - 1; k >= 0 && !lines.get(k).isBlank(); k--) {
            if (HEADER.matcher(lines.get(k)).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern HEADER = Pattern.compile("^\\s*(?:NAMESPACE\\s+)?NAME\\s+[A-Z]");

    /** A pod whose container ended so: its last state after {@code restarts} restarts, else its state. */
    private static ObjectNode restartedPod(String name, int restarts, String reason, Integer exitCode) {
        ObjectNode pod = DescribePod.terminatedPod("default", name, "Running", Unnamed.CONTAINER, reason, null,
                exitCode);
        if (restarts > 0) {
            ObjectNode container = (ObjectNode) pod.path("status").path("containerStatuses").get(0);
            container.put("restartCount", restarts);
            container.set("lastState", container.remove("state"));
            container.putObject("state").putObject("running");
        }
        return pod;
    }

    private static void read(String paragraph, long line, DescribeSink sink) {
        Matcher reason = REASON.matcher(paragraph);
        String ended = null;
        while (reason.find()) {
            if (ENDED.contains(reason.group(1))) {
                ended = reason.group(1);
            }
        }
        // OOMKilled is only ever a terminated container's reason: a YAML state cut above its terminated: key (a
        // termination message's log tail, then reason: OOMKilled) says as much without it
        boolean terminated = TERMINATED.matcher(paragraph).find()
                || "OOMKilled".equals(ended) && !paragraph.contains("terminated:"); // a whole state block is YAML's
        if (ended == null || !terminated || paragraph.contains("lastState")) {
            return; // YAML and JSON of a pod are read as objects, with their own state blocks
        }
        Matcher pod = POD.matcher(paragraph);
        boolean named = pod.find();
        String name = named ? pod.group(2) : DescribePod.UNNAMED_POD;
        Matcher phase = PHASE.matcher(paragraph);
        Matcher container = CONTAINER.matcher(paragraph);
        Matcher exit = EXIT_CODE.matcher(paragraph);
        ObjectNode object = DescribePod.terminatedPod(named ? pod.group(1) : "default", name,
                phase.find() ? phase.group(1) : "Running", container.find() ? container.group(1) : "unnamed-container",
                ended, null, exit.find() ? Integer.valueOf(exit.group(1)) : null);
        sink.snapshot(object, line);
    }
}
