package dev.incidents.recordings;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kubectl's report of an attached pod that ended ({@code kubectl run --rm -it}, {@code kubectl attach}): {@code pod
 * default/dvtest terminated (ContainerCannotRun)} (after {@code error: } when it is kubectl's error), followed by the
 * container's termination message on the lines after it. It is the pod's container state at the paste's moment:
 * terminated with that reason and message, the pod Failed.
 */
final class AttachedPodEnd {
    private static final Pattern ENDED = Pattern.compile(
            "^\\s*(?:error: )?pod ([a-z0-9][-a-z0-9]*)/([a-z0-9][-a-z0-9.]*[a-z0-9]) terminated \\(([A-Za-z]+)\\)\\s*$");

    private AttachedPodEnd() {
    }

    /** Emits a Pod for each report in {@code lines}. */
    static void read(List<String> lines, DescribeSink sink) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher ended = ENDED.matcher(lines.get(i));
            if (!ended.matches()) {
                continue;
            }
            StringBuilder message = new StringBuilder();
            for (int k = i + 1; k < lines.size() && !lines.get(k).isBlank() && !lines.get(k).trim().startsWith("```"); k++) {
                message.append(message.isEmpty() ? "" : "\n").append(lines.get(k).strip());
            }
            sink.snapshot(pod(ended.group(1), ended.group(2), ended.group(3), message.toString()), i + 1);
        }
    }

    private static ObjectNode pod(String namespace, String name, String reason, String message) {
        ObjectNode pod = JsonLogReader.MAPPER.createObjectNode();
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        pod.putObject("metadata").put("name", name).put("namespace", namespace);
        ObjectNode status = pod.putObject("status");
        status.put("phase", "Failed");
        // kubectl run names the container after the pod
        ObjectNode container = status.putArray("containerStatuses").addObject();
        container.put("name", name).put("ready", false).put("restartCount", 0);
        ObjectNode terminated = container.putObject("state").putObject("terminated").put("reason", reason);
        if (!message.isEmpty()) {
            terminated.put("message", message);
        }
        return pod;
    }
}
