package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.PodObserved;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.schemas.Container;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code CreateContainerConfigError}: the kubelet cannot build the container's environment or volumes from a
 * Secret or ConfigMap ({@code Error: secret "x" not found}, {@code couldn't find key k in ConfigMap ns/x}).
 */
public final class ConfigErrorDetector implements Detector {

    private static final Pattern MISSING = Pattern.compile("(secret|configmap) \"([^\"]+)\" not found");
    private static final Pattern MISSING_KEY = Pattern.compile("couldn't find key \\S+ in (Secret|ConfigMap) [^/\\s]+/(\\S+)");

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
            for (Container c : Stream.concat(p.snapshot().getInitContainers().stream(),
                    p.snapshot().getContainers().stream()).toList()) {
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

    /** The missing object as facts, or null when the message is not a config error. */
    private static Facts facts(String message) {
        Matcher m = MISSING.matcher(message);
        if (m.find()) {
            return Facts.of(m.group(1).equals("secret") ? Fact.SECRET : Fact.CONFIG_MAP, m.group(2));
        }
        Matcher k = MISSING_KEY.matcher(message);
        if (k.find()) {
            return Facts.of(k.group(1).equals("Secret") ? Fact.SECRET : Fact.CONFIG_MAP, k.group(2));
        }
        return message.contains("CreateContainerConfigError") ? Facts.empty() : null;
    }

    /** The kubelet pulls and starts init containers on every retry: only the app container running is recovery. */
    @Override
    public Optional<Recovery> recovery(Signal signal, SubjectView subject) {
        return PhaseRecovery.running(signal);
    }
}
