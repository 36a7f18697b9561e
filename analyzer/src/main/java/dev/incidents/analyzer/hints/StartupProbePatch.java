package dev.incidents.analyzer.hints;

import dev.incidents.schemas.Probe;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ready {@code kubectl patch} body that adds a startupProbe to a container, sized by {@link ProbeBudget} and checking
 * what its liveness probe checks (same handler, port and path): while the startupProbe runs, the kubelet holds the
 * liveness probe back, so a slow model load is no longer killed and a hang after start still is (seed 003,
 * question 16). A strategic merge patch, which matches the container by name; only for httpGet, tcpSocket and grpc
 * handlers (an exec probe's command is not kept in the snapshot in a form that can be quoted back safely).
 */
public final class StartupProbePatch {

    private static final Pattern HTTP = Pattern.compile("^httpGet (https )?:([A-Za-z0-9-]+)(/\\S*)?$");
    private static final Pattern TCP = Pattern.compile("^(tcpSocket|grpc) :([A-Za-z0-9-]+)$");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private StartupProbePatch() {
    }

    /** The patch for {@code container}, or empty when the probe's handler cannot be carried over. */
    public static Optional<String> of(String container, Probe liveness, Optional<Duration> observedLoadTime) {
        Optional<String> handler = handler(liveness.getHandler());
        if (handler.isEmpty() || container == null || !container.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
            return Optional.empty();
        }
        long threshold = ProbeBudget.of(liveness).startupFailureThreshold(observedLoadTime);
        return Optional.of("{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"" + container
                + "\",\"startupProbe\":{" + handler.get() + ",\"periodSeconds\":" + ProbeBudget.SUGGESTED_PERIOD_SECONDS
                + ",\"failureThreshold\":" + threshold + "}}]}}}}");
    }

    private static Optional<String> handler(String described) {
        if (described == null) {
            return Optional.empty();
        }
        Matcher http = HTTP.matcher(described.trim());
        if (http.matches()) {
            String path = http.group(3) == null ? "/" : http.group(3);
            if (!path.matches("[A-Za-z0-9/._~%!$&()*+,;=:@?-]*")) {
                return Optional.empty();
            }
            return Optional.of("\"httpGet\":{\"path\":\"" + path + "\",\"port\":" + port(http.group(2))
                    + (http.group(1) == null ? "" : ",\"scheme\":\"HTTPS\"") + "}");
        }
        Matcher tcp = TCP.matcher(described.trim());
        if (tcp.matches()) {
            return Optional.of("\"" + tcp.group(1) + "\":{\"port\":" + port(tcp.group(2)) + "}");
        }
        return Optional.empty();
    }

    /** A number stays a number; a named port is a string, as the API wants it. */
    private static String port(String port) {
        return NUMBER.matcher(port).matches() ? port : "\"" + port + "\"";
    }
}
