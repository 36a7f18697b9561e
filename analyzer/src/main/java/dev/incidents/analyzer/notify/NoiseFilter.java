package dev.incidents.analyzer.notify;

import dev.incidents.schemas.Incident;
import dev.incidents.schemas.Severity;
import java.util.List;

/**
 * Which transitions are not sent at all: below {@code --min-severity}, or matched by a {@code --mute} rule. Decided
 * per incident, before any destination; the loop counts what this holds back ({@code incidents_notify_muted_total}).
 * An incident already delivered is let through when it resolves, so a mute set while it was open does not leave a
 * page firing or a thread saying OPEN.
 */
public record NoiseFilter(Severity minSeverity, List<MuteRule> mutes) {

    public static final NoiseFilter NONE = new NoiseFilter(Severity.INFO, List.of());

    /** Why the incident is held back ({@code min-severity} or the mute rule's text), or null to send it. */
    public String holdsBack(Incident i) {
        if (i.getSeverity().ordinal() < minSeverity.ordinal()) {
            return "min-severity";
        }
        for (MuteRule rule : mutes) {
            if (rule.matches(i)) {
                return "mute " + rule.text();
            }
        }
        return null;
    }
}
