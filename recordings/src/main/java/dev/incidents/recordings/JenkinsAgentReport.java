package dev.incidents.recordings;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Jenkins Kubernetes plugin's report, in a build's console, of the agent pod it ran the build in ending (its
 * {@code Reaper}): {@code osee/my-agent-pod-vd5d6-k7jlg Container jnlp was terminated (Exit Code: 137, Reason:
 * OOMKilled)} for a container that ended, {@code ci/agent-x Pod just failed (Reason: Evicted, Message: The node was low
 * on resource: memory. ...)} for the pod failed as a whole. Each is the pod's status at that moment, read from the
 * pod the plugin watches: the container terminated so, or the pod Failed with that reason and message. A timestamper's
 * time in front of the line is left to the reader of the time; the report itself is found anywhere in the line.
 */
final class JenkinsAgentReport {
    private static final String POD = "(?<![-\\w./])([a-z0-9][-a-z0-9]*)/([a-z0-9][-a-z0-9.]*[a-z0-9])";
    private static final Pattern CONTAINER_TERMINATED = Pattern.compile(POD
            + " Container ([a-z0-9][-a-z0-9]*) was terminated \\(Exit Code: (-?\\d{1,3}), Reason: ([A-Za-z]*)\\)");
    private static final Pattern POD_FAILED = Pattern.compile(POD
            + " Pod just failed \\(Reason: ([A-Za-z]*), Message: (.*)\\)\\s*$");

    private JenkinsAgentReport() {
    }

    /** Emits a Pod for each report in {@code lines}. */
    static void read(List<String> lines, DescribeSink sink) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher terminated = CONTAINER_TERMINATED.matcher(line);
            if (terminated.find()) {
                String reason = terminated.group(5).isEmpty() || "null".equals(terminated.group(5)) ? "Error"
                        : terminated.group(5);
                // an agent pod runs once (restart policy Never): the container that ended ends the pod
                sink.snapshot(DescribePod.terminatedPod(terminated.group(1), terminated.group(2), "Failed",
                        terminated.group(3), reason, null, Integer.valueOf(terminated.group(4))), i + 1);
                continue;
            }
            Matcher failed = POD_FAILED.matcher(line);
            if (failed.find() && !failed.group(3).isEmpty()) {
                sink.snapshot(failedPod(failed.group(1), failed.group(2), failed.group(3), failed.group(4)), i + 1);
            }
        }
    }

    private static ObjectNode failedPod(String namespace, String name, String reason, String message) {
        ObjectNode status = JsonLogReader.MAPPER.createObjectNode();
        status.put("phase", "Failed");
        status.put("reason", reason);
        if (!message.isBlank() && !"null".equals(message)) {
            status.put("message", message.strip());
        }
        return YamlObjects.object("Pod", name, namespace, status);
    }
}
