package dev.incidents.recordings;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code kubectl rollout status}'s end when a Deployment stopped progressing: {@code error: deployment "booking-api"
 * exceeded its progress deadline}. kubectl prints it when the Deployment's {@code Progressing} condition turns False
 * with reason {@code ProgressDeadlineExceeded} ({@code spec.progressDeadlineSeconds}, 600 s unless set, without a new
 * pod becoming available), so it is read as that condition's event about the Deployment, at the paste's moment, in the
 * namespace of the paste's {@code rollout status} command. Read after the paste's listings: the command prints it at
 * the end of its wait, when the pods listed were already as they are.
 */
final class RolloutDeadline {
    private static final Pattern DEADLINE = Pattern.compile(
            "^\\s*(?:error: )?deployment \"([a-z0-9](?:[-a-z0-9.]*[a-z0-9])?)\" exceeded its progress deadline\\s*$");
    private static final Pattern ROLLOUT_COMMAND = Pattern.compile(
            KubectlCommands.KUBECTL + "[^\\n]*\\brollout\\s+status\\b");

    private final DescribeEvents events;

    RolloutDeadline(DescribeEvents events) {
        this.events = events;
    }

    /** The Deployments {@code lines} say exceeded their progress deadline, emitted as the controller's events. */
    void read(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.indexOf("exceeded its progress deadline") < 0) {
                continue;
            }
            Matcher deadline = DEADLINE.matcher(line);
            if (deadline.matches()) {
                String name = deadline.group(1);
                String namespace = KubectlCommands.namespaceAbove(lines, i, ROLLOUT_COMMAND, i);
                events.emit(new EventsTable.Row(i + 1, null, "Warning", "ProgressDeadlineExceeded", "0s",
                        "deployment-controller", null, "deployment \"" + name + "\" exceeded its progress deadline",
                        null, null), "Deployment", namespace, name, null);
            }
        }
    }
}
