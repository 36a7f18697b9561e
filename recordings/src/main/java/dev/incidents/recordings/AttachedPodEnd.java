package dev.incidents.recordings;

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
            // kubectl run names the container after the pod
            sink.snapshot(DescribePod.terminatedPod(ended.group(1), ended.group(2), "Failed", ended.group(2),
                    ended.group(3), message.toString(), null), i + 1);
        }
    }
}
