package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.ConfigError;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.PodObserved;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.schemas.Container;
import java.util.Optional;

/**
 * {@code CreateContainerConfigError}: the kubelet cannot build the container's environment or volumes from a
 * Secret or ConfigMap ({@code Error: secret "x" not found}, {@code couldn't find key k in ConfigMap ns/x}).
 */
public final class ConfigErrorDetector implements Detector {

    @Override
    public Category category() {
        return Category.CONFIG_ERROR;
    }

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        if (signal instanceof EventSignal e && e.pod().isPresent() && "Failed".equals(e.reason())) {
            Facts facts = facts(e.message());
            if (facts != null) {
                return Optional.of(Findings.of(e, facts));
            }
        }
        if (signal instanceof PodObserved p) {
            // an init container is configured like any other: Init:CreateContainerConfigError is a config error
            for (Container c : p.everyContainer()) {
                if (c.getState() != null && "CreateContainerConfigError".equals(c.getState().getReason())) {
                    String message = c.getState().getMessage() == null ? "" : c.getState().getMessage();
                    Facts facts = facts(message);
                    return Optional.of(Findings.of(p, c, "CreateContainerConfigError", message,
                            facts == null ? Facts.empty() : facts));
                }
            }
        }
        return Optional.empty();
    }

    /** The missing object (and the runAsNonRoot clue) as facts, or null when the message is not a config error. */
    private static Facts facts(String message) {
        return ConfigError.parse(message).map(ConfigError::facts).orElse(null);
    }

    /** The kubelet pulls and starts init containers on every retry: only the app container running is recovery. */
    @Override
    public Optional<Recovery> recovery(Signal signal, SubjectView subject) {
        return PhaseRecovery.running(signal);
    }
}
