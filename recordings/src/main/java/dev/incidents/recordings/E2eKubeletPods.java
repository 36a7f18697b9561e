package dev.incidents.recordings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kubernetes e2e framework's dump of the pods on a node when a test fails ({@code Logging pods the kubelet thinks
 * is on node bootstrap-e2e-minion-group-3k82}, then per pod {@code nvidia-driver-installer-ctjmf started at 2020-07-17
 * 17:42:58 +0000 UTC (1+1 container statuses recorded)} and a line per container, {@code Init container
 * nvidia-driver-installer ready: false, restart count 6}, {@code Container pause ready: false, restart count 0}), and
 * the older print that names the namespace ({@code x from kube-system started at ... (2 container statuses
 * recorded)}). Each pod is its status at the dump, as far as the lines say: on that node, its containers' readiness
 * and restarts. An init container is restarted only when it fails, so one not ready with restarts is failing; the app
 * containers wait for the init containers before they start.
 */
final class E2eKubeletPods {
    private static final Pattern NODE = Pattern.compile("\\bLogging pods the kubelet thinks is on node ([a-z0-9][-a-z0-9.]*)");
    private static final Pattern POD = Pattern.compile("(?:^|\\s)([a-z0-9][-a-z0-9.]*[a-z0-9]) (?:from ([a-z0-9][-a-z0-9]*) )?"
            + "started at (.+?) \\((\\d+)(?:\\+(\\d+))? container statuses recorded\\)\\s*$");
    private static final Pattern CONTAINER = Pattern.compile(
            "(?:^|\\s)(Init container|Container) ([a-z0-9][-a-z0-9]*) ready: (true|false), restart count (\\d+)\\s*$");
    private static final Pattern GO_TIME = Pattern.compile("(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)(?:\\.\\d+)? ([+-]\\d{4})");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");

    private E2eKubeletPods() {
    }

    /** Emits a Pod for each pod the dumps in {@code lines} print. */
    static void read(List<String> lines, DescribeSink sink) {
        String node = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher onNode = NODE.matcher(lines.get(i));
            if (onNode.find()) {
                node = onNode.group(1);
                continue;
            }
            Matcher pod = POD.matcher(lines.get(i));
            if (!pod.find()) {
                continue;
            }
            ObjectNode object = pod(pod, node);
            ObjectNode status = (ObjectNode) object.path("status");
            ArrayNode init = status.putArray("initContainerStatuses");
            ArrayNode app = status.putArray("containerStatuses");
            int k = i + 1;
            for (; k < lines.size(); k++) {
                Matcher container = CONTAINER.matcher(lines.get(k));
                if (!container.find()) {
                    break;
                }
                (container.group(1).startsWith("Init") ? init : app).addObject()
                        .put("name", container.group(2))
                        .put("ready", Boolean.parseBoolean(container.group(3)))
                        .put("restartCount", Integer.parseInt(container.group(4)));
            }
            sink.snapshot(withStates(object), i + 1);
            i = k - 1;
        }
    }

    private static ObjectNode pod(Matcher pod, String node) {
        ObjectNode status = JsonLogReader.MAPPER.createObjectNode();
        ObjectNode object = YamlObjects.object("Pod", pod.group(1), pod.group(2) != null ? pod.group(2) : "default",
                status);
        ObjectNode spec = object.putObject("spec");
        if (node != null && pod.group(2) == null) {
            spec.put("nodeName", node); // the namespaced print lists a test's pods, wherever they run
        }
        Matcher started = GO_TIME.matcher(pod.group(3));
        if (started.find()) {
            try {
                status.put("startTime", OffsetDateTime.parse(started.group(1) + " " + started.group(2), TIME)
                        .toInstant().toString());
            } catch (DateTimeParseException e) {
                // <nil> and the like: not started
            }
        }
        return object;
    }

    /**
     * The states the readiness and restarts imply: init containers ready have completed, the first one not ready runs
     * (or is retried), those after it and the app containers wait for it; an app container ready runs.
     */
    private static ObjectNode withStates(ObjectNode pod) {
        ObjectNode status = (ObjectNode) pod.path("status");
        boolean initializing = false;
        for (var c : status.path("initContainerStatuses")) {
            ObjectNode state = ((ObjectNode) c).putObject("state");
            if (initializing) {
                state.putObject("waiting").put("reason", "PodInitializing");
            } else if (c.path("ready").asBoolean()) {
                state.putObject("terminated").put("reason", "Completed").put("exitCode", 0);
            } else {
                state.putObject("running");
                initializing = true;
            }
        }
        for (var c : status.path("containerStatuses")) {
            ObjectNode state = ((ObjectNode) c).putObject("state");
            if (initializing) {
                state.putObject("waiting").put("reason", "PodInitializing");
            } else {
                state.putObject("running");
            }
        }
        boolean started = status.has("startTime");
        status.put("phase", initializing || !started ? "Pending" : "Running");
        if (status.path("initContainerStatuses").isEmpty()) {
            status.remove("initContainerStatuses");
        }
        return pod;
    }
}
