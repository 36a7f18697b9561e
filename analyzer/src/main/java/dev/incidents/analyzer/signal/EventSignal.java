package dev.incidents.analyzer.signal;

import dev.incidents.schemas.KubeEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes Event. {@code firstTime} is when the event was first seen: with {@code count: 12} over 30 minutes the
 * failure has lasted 30 minutes even if this is the only record of it.
 */
public record EventSignal(KubeEvent event, Instant time, Instant firstTime, Optional<String> pod, Optional<String> node)
        implements Signal {

    /** The scheduler's {@code Scheduled} message names the node: {@code Successfully assigned ns/pod to node}. */
    private static final Pattern ASSIGNED = Pattern.compile("Successfully assigned (\\S+)/(\\S+) to (\\S+)");

    public static EventSignal of(KubeEvent event) {
        Instant time = EventTime.of(event);
        Instant first = event.getFirstTimestamp() != null && event.getFirstTimestamp().isBefore(time)
                ? event.getFirstTimestamp() : time;
        String kind = event.getInvolvedObject().getKind();
        Optional<String> pod = "Pod".equals(kind) ? Optional.of(event.getInvolvedObject().getName()) : Optional.empty();
        return new EventSignal(event, time, first, pod, nodeOf(event));
    }

    static Optional<String> nodeOf(KubeEvent event) {
        if ("Node".equals(event.getInvolvedObject().getKind())) {
            return Optional.of(event.getInvolvedObject().getName());
        }
        String message = event.getMessage();
        if (message != null && "Scheduled".equals(event.getReason())) {
            Matcher m = ASSIGNED.matcher(message);
            if (m.find()) {
                return Optional.of(m.group(3));
            }
        }
        // Kubelet events carry the node as source.host / reportingInstance.
        String component = event.getReportingComponent();
        String instance = event.getReportingInstance();
        if (instance != null && !instance.isBlank() && component != null && component.contains("kubelet")) {
            return Optional.of(instance);
        }
        return Optional.empty();
    }

    /** {@code spec.containers{triton}}, {@code spec.initContainers{init}}: the container a kubelet event is about. */
    private static final Pattern CONTAINER_FIELD = Pattern.compile("spec\\.(?:init|ephemeral)?[cC]ontainers\\{([^}]+)}");

    /** The container the event is about, from the involved object's field path (kubelet events name it). */
    public Optional<String> container() {
        String path = event.getInvolvedObject().getFieldPath();
        if (path == null) {
            return Optional.empty();
        }
        Matcher m = CONTAINER_FIELD.matcher(path);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public String reason() {
        return event.getReason() == null ? "" : event.getReason();
    }

    public String message() {
        return event.getMessage() == null ? "" : event.getMessage();
    }

    public boolean isWarning() {
        return "Warning".equalsIgnoreCase(event.getType());
    }

    public String involvedKind() {
        return event.getInvolvedObject().getKind();
    }

    public String involvedName() {
        return event.getInvolvedObject().getName();
    }

    /** Identity of the event across count bumps: its uid, else namespace/name (which Kubernetes keeps on a bump). */
    public String uid() {
        if (event.getUid() != null && !event.getUid().isBlank()) {
            return event.getUid();
        }
        if (event.getName() != null && !event.getName().isBlank()) {
            return event.getNamespace() + "/" + event.getName();
        }
        return involvedKind() + "/" + involvedName() + "/" + reason() + "/" + message().hashCode();
    }
}
