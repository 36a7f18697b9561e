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

    /**
     * Controllers that copy their pods' events onto their own resource (Kubeflow's notebook controller) prefix them
     * with {@code Reissued from pod/<name>: }: such an event is about that pod, in the pod's own words after the prefix.
     */
    private static final String REISSUED = "Reissued from ";
    private static final Pattern REISSUED_FROM_POD = Pattern.compile("^Reissued from [pP]od/([a-z0-9][-a-z0-9.]*): ");

    public static EventSignal of(KubeEvent event) {
        Instant time = EventTime.of(event);
        Instant first = event.getFirstTimestamp() != null && event.getFirstTimestamp().isBefore(time)
                ? event.getFirstTimestamp() : time;
        String kind = event.getInvolvedObject().getKind();
        Optional<String> pod = "Pod".equals(kind) ? Optional.of(event.getInvolvedObject().getName()) : reissuedFrom(event);
        return new EventSignal(event, time, first, pod, nodeOf(event));
    }

    private static Optional<String> reissuedFrom(KubeEvent event) {
        String message = event.getMessage();
        if (message == null || !message.startsWith(REISSUED)) {
            return Optional.empty();
        }
        Matcher m = REISSUED_FROM_POD.matcher(message);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
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
        // An event whose related object is a node is about that node too (the node controller's NodeNotReady on a pod).
        if (event.getRelated() != null && "Node".equals(event.getRelated().getKind())) {
            return Optional.of(event.getRelated().getName());
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

    /** Whether the event is about an init container: its field path is {@code spec.initContainers{x}}. */
    public boolean aboutInitContainer() {
        String path = event.getInvolvedObject().getFieldPath();
        return path != null && path.startsWith("spec.initContainers{");
    }

    /** The container the event is about, from the involved object's field path (kubelet events name it). */
    public Optional<String> container() {
        String path = event.getInvolvedObject().getFieldPath();
        if (path == null) {
            return Optional.empty();
        }
        Matcher m = CONTAINER_FIELD.matcher(path);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * Kubelets before Kubernetes 1.10 reported a container that could not start as {@code FailedSync}: {@code Error
     * syncing pod, skipping: failed to "StartContainer" for "app" with RunContainerError: "..."}. Such an event is read
     * as the {@code Failed} event later kubelets write, with {@code Error: <reason>: <message>}. Pull failures keep
     * their {@code FailedSync} form: {@link dev.incidents.analyzer.messages.ImagePullFailure} reads it. Before the
     * container runtime interface (1.6) the pod's sandbox was its infra container, named {@code POD}: a failure to start
     * that one is the sandbox's ({@code FailedCreatePodSandBox} since).
     */
    private static final Pattern SYNC_FAILURE = Pattern.compile(
            "failed to \"StartContainer\" for \"([^\"]+)\" with (RunContainerError|CreateContainerError|CreateContainerConfigError|StartError): \"(.*?)\"?\\s*$",
            Pattern.DOTALL);
    private static final String INFRA_CONTAINER = "POD";

    /**
     * The same kubelets reported a container in back-off as {@code FailedSync}: {@code Error syncing pod, skipping:
     * failed to "StartContainer" for "app" with CrashLoopBackOff: "Back-off 5m0s restarting failed container=app
     * pod=..."} (one clause per container, in brackets, when several back off). Read as the {@code BackOff} event later
     * kubelets write, with the back-off message.
     */
    private static final Pattern SYNC_BACK_OFF = Pattern.compile(
            "failed to \"StartContainer\" for \"[^\"]+\" with CrashLoopBackOff: \"([^\"]*)\"");

    /**
     * And a pod sandbox or its network that could not be set up, before the {@code FailedCreatePodSandBox} event
     * (1.8): {@code failed to "CreatePodSandbox" for "x_ns(uid)" with CreatePodSandboxError: "CreatePodSandbox for pod
     * \"x\" failed: rpc error: ..."}, {@code failed to "SetupNetwork" for "x_ns" with SetupNetworkError: "..."}.
     */
    private static final Pattern SYNC_SANDBOX = Pattern.compile(
            "failed to \"(?:CreatePodSandbox|SetupNetwork)\" for \"[^\"]+\" with "
                    + "(?:CreatePodSandboxError|SetupNetworkError): \"(.*?)\"?\\s*\\]?\\s*$", Pattern.DOTALL);

    /**
     * Those kubelets named an init container that failed in the same {@code FailedSync}: {@code failed to
     * "InitContainer" for "remove-lost-found" with RunInitContainerError: "init container ... exited with 1"}, beside
     * its back-off (written {@code "StartContainer"} for init containers too).
     */
    private static final Pattern SYNC_INIT_CONTAINER = Pattern.compile(
            "failed to \"InitContainer\" for \"([^\"]+)\" with RunInitContainerError");

    /** Whether this is a pre-1.10 {@code FailedSync} naming {@code container} as a failed init container. */
    public boolean failedInitContainer(String container) {
        Optional<String> sync = syncMessage();
        if (sync.isEmpty()) {
            return false;
        }
        Matcher m = SYNC_INIT_CONTAINER.matcher(sync.get());
        while (m.find()) {
            if (m.group(1).equals(container)) {
                return true;
            }
        }
        return false;
    }

    public String reason() {
        String reason = event.getReason() == null ? "" : event.getReason();
        return syncRewrite().map(SyncRewrite::reason).orElse(reason);
    }

    /** The message of a pre-1.10 {@code FailedSync}; empty for any other event. */
    private Optional<String> syncMessage() {
        String message = event.getMessage();
        return message == null || !"FailedSync".equals(event.getReason()) ? Optional.empty() : Optional.of(message);
    }

    /** A {@code FailedSync} as the event later kubelets write for the same failure (its reason and message). */
    private record SyncRewrite(String reason, String message) {
    }

    /**
     * The {@code Failed}, {@code BackOff} or {@code FailedCreatePodSandBox} event a {@code FailedSync} stands for;
     * empty for any other event, and for a sync failure about a pull, which keeps its form.
     */
    private Optional<SyncRewrite> syncRewrite() {
        Optional<String> sync = syncMessage();
        if (sync.isEmpty()) {
            return Optional.empty();
        }
        String message = sync.get();
        Matcher m = SYNC_FAILURE.matcher(message);
        if (m.find()) {
            String answer = m.group(3).replace("\\\"", "\"");
            return Optional.of(INFRA_CONTAINER.equals(m.group(1))
                    ? new SyncRewrite("FailedCreatePodSandBox", "Failed to create pod sandbox: " + answer)
                    : new SyncRewrite("Failed", "Error: " + m.group(2) + ": " + answer));
        }
        m = SYNC_BACK_OFF.matcher(message);
        if (m.find()) {
            return Optional.of(new SyncRewrite("BackOff", m.group(1)));
        }
        m = SYNC_SANDBOX.matcher(message);
        if (m.find()) {
            return Optional.of(new SyncRewrite("FailedCreatePodSandBox",
                    "Failed to create pod sandbox: " + m.group(1).replace("\\\"", "\"")));
        }
        return Optional.empty();
    }

    /**
     * client-go's event aggregator: when more than ten events alike (same object, reason and component, messages
     * differing) come within ten minutes, it records one with this before the latest message.
     */
    private static final String COMBINED = "(combined from similar events): ";

    /**
     * The message; without the aggregator's {@link #COMBINED} prefix; for an event reissued from a pod, the pod's own
     * message after the controller's prefix.
     */
    public String message() {
        String message = event.getMessage();
        if (message == null) {
            return "";
        }
        if (message.startsWith(COMBINED)) {
            message = message.substring(COMBINED.length());
        }
        Optional<SyncRewrite> sync = syncRewrite();
        if (sync.isPresent()) {
            return sync.get().message();
        }
        if (message.startsWith(REISSUED)) {
            Matcher m = REISSUED_FROM_POD.matcher(message);
            if (m.find()) {
                return message.substring(m.end());
            }
        }
        return message;
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
