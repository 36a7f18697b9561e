package dev.incidents.recordings;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * containerd's own log line about a CRI call that failed, as its journal keeps it ({@code containerd[12607]:
 * time="2025-07-20T22:31:54+08:00" level=error msg="PullImage \"docker.io/calico/cni:v3.27.0\" failed" error="rpc
 * error: code = DeadlineExceeded desc = failed to pull and unpack image ..."}): the error the kubelet then reports in
 * its {@code Failed} event, word for word after {@code Failed to pull image "x": }. The runtime names no pod.
 */
final class ContainerdLogLine {
    private static final Pattern PULL_FAILED = Pattern.compile(
            "\\bmsg=\"PullImage \\\\\"([^\"\\\\]+)\\\\\" failed\"\\s+error=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TIME = Pattern.compile("\\btime=\"([^\"]+)\"");

    private ContainerdLogLine() {
    }

    /** The pull failure {@code line} logs, at its {@code time}; null when it logs none. */
    static EventsTable.Row parse(String line, long lineNumber, Instant now) {
        if (!line.contains("PullImage")) {
            return null;
        }
        Matcher pull = PULL_FAILED.matcher(line);
        if (!pull.find()) {
            return null;
        }
        Matcher time = TIME.matcher(line);
        String error = pull.group(2).replace("\\\"", "\"").replace("\\\\", "\\");
        return new EventsTable.Row(lineNumber, null, "Warning", "Failed",
                QuotedEvent.age(time.find() ? time.group(1) : line, now), "containerd", null,
                "Failed to pull image \"" + pull.group(1) + "\": " + error, null, null);
    }
}
