package dev.incidents.recordings;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * containerd's own log line about a CRI call that failed, as its journal keeps it: {@code containerd[12607]:
 * time="2025-07-20T22:31:54+08:00" level=error msg="<call> failed" error="<error>"}. The error is what the kubelet
 * then reports in its event, word for word after its own words:
 * <ul>
 *   <li>{@code msg="PullImage \"docker.io/calico/cni:v3.27.0\" failed"}: the {@code Failed} event, {@code Failed to pull
 *       image "x": <error>} (the runtime names no pod);</li>
 *   <li>{@code msg="RunPodSandbox for &PodSandboxMetadata{Name:coredns-757cc6c8f8-v2mgf,Uid:...,Namespace:kube-system,
 *       Attempt:0,} failed, error"}: the pod's {@code FailedCreatePodSandBox}, {@code Failed to create pod sandbox:
 *       <error>};</li>
 *   <li>{@code msg="StartContainer for \"4f1c...\" failed"} and {@code msg="CreateContainer within sandbox \"...\" for
 *       &ContainerMetadata{Name:x,Attempt:3,} failed"}: the container's {@code Failed} event, {@code Error: <error>}
 *       (the runtime names the container, not its pod).</li>
 * </ul>
 * containerd run in a terminal (k3s's own log, {@code containerd} in the foreground) prints the same with logrus's text
 * layout: {@code ERRO[2019-05-23T03:43:13.180331670Z] RunPodSandbox for &PodSandboxMetadata{...} failed, error
 * error="..."}, the level's four letters, the time in brackets and the message unquoted; read as the above. * Docker's daemon under dockershim logs the registry's own answer to a pull it gives up ({@code dockerd[1251]:
 * time="..." level=error msg="Not continuing with pull after error: denied: The security token included in the
 * request is invalid"}), which the kubelet's event may word as something else ({@code repository x not found: does
 * not exist or no pull access}): read as the pull's failure with the registry's words, its image not named.
 */
final class ContainerdLogLine {
    private static final String ERROR = "\\s+error=\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final Pattern PULL_FAILED = Pattern.compile(
            "\\bmsg=\"PullImage \\\\\"([^\"\\\\]+)\\\\\" failed\"" + ERROR);
    private static final Pattern SANDBOX_FAILED = Pattern.compile("\\bmsg=\"RunPodSandbox for &PodSandboxMetadata\\{"
            + "Name:([a-z0-9][-a-z0-9.]*),[^}]*?\\bNamespace:([a-z0-9][-a-z0-9]*),[^}]*\\} failed, error\"" + ERROR);
    private static final Pattern CONTAINER_FAILED = Pattern.compile("\\bmsg=\"(?:StartContainer for \\\\\"[0-9a-f]+\\\\\""
            + "|CreateContainer within sandbox \\\\\"[0-9a-f]+\\\\\" for &ContainerMetadata\\{[^}]*\\}) failed\"" + ERROR);
    private static final Pattern TIME = Pattern.compile("\\btime=\"([^\"]+)\"");
    private static final Pattern DAEMON_PULL_ABANDONED = Pattern.compile(
            "\\bmsg=\"Not continuing with pull after error: ((?:[^\"\\\\]|\\\\.)+)\"");
    /** logrus's text layout: the level's first four letters, the time in brackets, the message, then its fields. */
    private static final Pattern TEXT_LAYOUT = Pattern.compile(
            "\\b(?:ERRO|WARN|INFO)\\[([^\\]\\s]+)\\]\\s+(\\S.*?)\\s+(error=\"(?:[^\"\\\\]|\\\\.)*\")");

    private ContainerdLogLine() {
    }

    /** The event the failure {@code line} logs stands for, at the line's {@code time}; null when it logs none. */
    static EventsTable.Row parse(String line, long lineNumber, Instant now) {
        if (line.contains("Not continuing with pull")) {
            Matcher abandoned = DAEMON_PULL_ABANDONED.matcher(line);
            Matcher time = TIME.matcher(line);
            return !abandoned.find() ? null : new EventsTable.Row(lineNumber, null, "Warning", "ErrImagePull",
                    QuotedEvent.age(time.find() ? time.group(1) : line, now), "dockerd", null,
                    KubeletLogLine.unquote(abandoned.group(1)), null, null);
        }
        if (!line.contains(" failed")) {
            return null;
        }
        Matcher text = TEXT_LAYOUT.matcher(line);
        if (text.find()) {
            // the same line in logfmt: its message quoted, as the patterns below read it
            line = "time=\"" + text.group(1) + "\" level=error msg=\""
                    + text.group(2).replace("\\", "\\\\").replace("\"", "\\\"") + "\" " + text.group(3);
        }
        Matcher time = TIME.matcher(line);
        String age = QuotedEvent.age(time.find() ? time.group(1) : line, now);
        Matcher pull = PULL_FAILED.matcher(line);
        if (pull.find()) {
            return new EventsTable.Row(lineNumber, null, "Warning", "Failed", age, "containerd", null,
                    "Failed to pull image \"" + pull.group(1) + "\": " + KubeletLogLine.unquote(pull.group(2)), null, null);
        }
        Matcher sandbox = SANDBOX_FAILED.matcher(line);
        if (sandbox.find()) {
            return new EventsTable.Row(lineNumber, sandbox.group(2), "Warning", "FailedCreatePodSandBox", age,
                    "containerd", "pod/" + sandbox.group(1),
                    "Failed to create pod sandbox: " + KubeletLogLine.unquote(sandbox.group(3)), null, null);
        }
        Matcher container = CONTAINER_FAILED.matcher(line);
        if (container.find()) {
            return new EventsTable.Row(lineNumber, null, "Warning", "Failed", age, "containerd", null,
                    "Error: " + KubeletLogLine.unquote(container.group(1)), null, null);
        }
        return null;
    }
}
