package dev.incidents.recordings;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A component's log line for an event it recorded or saw, in the shapes Kubernetes' own code prints them: the
 * recorder's klog {@code "Event occurred"} line, client-go's {@code Event(v1.ObjectReference{...})} line, the kubelet's
 * and other components' own lines, and the test suites' prints of events ({@link OpenShiftTestsLine}, {@link
 * E2eFrameworkLine}). Each names the event's object, reason and message, so the line becomes that event ({@link
 * QuotedEvent} asks here first).
 */
final class LoggedEvent {
    /**
     * A component's klog line for an event it recorded ({@code I0129 05:42:59.060605 3736781 event.go:294] "Event
     * occurred" object="ns/pod" kind="Pod" apiVersion="v1" type="Warning" reason="UnexpectedAdmissionError"
     * message="..."}): the kubelet's and the controllers' logs print every event so.
     */
    private static final Pattern LOGGED_EVENT = Pattern.compile("\"Event occurred\" object=\"([^\"]*)\"");
    private static final Pattern LOGGED_FIELD = Pattern.compile("\\b(kind|type|reason|message)=\"((?:[^\"\\\\]|\\\\.)*)\"?");
    /**
     * client-go's event recorder logs every event it records ({@code I0221 02:33:18.78 1 event.go:221]
     * Event(v1.ObjectReference{Kind:"TFJob", Namespace:"aios", Name:"train-task-27", ...}): type: 'Warning' reason:
     * 'FailedCreatePod' Error creating: ...}): operators' and controllers' logs are full of them. Before client-go
     * moved to the versioned API (1.6) the reference was the internal type's ({@code Event(api.ObjectReference{Kind:"Pod",
     * ...})}), as the kubelet and the controllers of 1.2-1.5 log it.
     */
    private static final Pattern RECORDED_EVENT = Pattern.compile(
            "Event\\((?:v1|api|core)\\.ObjectReference\\{([^}]*)}\\): type: '(\\w+)' reason: '(\\w+)' (.*)");
    /**
     * The cluster autoscaler's log of why a pending pod fits none of a node group's template nodes ({@code Scale-up
     * predicate failed: PodFitsResources predicate mismatch, cannot put default/x on template-node-for-gpus-5829,
     * reason: Insufficient nvidia.com/gpu}): the reason its {@code NotTriggerScaleUp} event of the time left out, so
     * the line is read as that event, in the log's words.
     */
    private static final Pattern SCALE_UP_PREDICATE = Pattern.compile("Scale-up predicate failed: .*?\\bcannot put "
            + "([a-z0-9][-a-z0-9]*)/([a-z0-9][-a-z0-9.]*) on \\S+,? reason: .+$");
    /**
     * The kubelet's eviction manager refusing a pod while the node is under pressure, as its log says it: before 1.20
     * {@code Failed to admit pod kindnet-x_kube-system(uid) - node has conditions: [DiskPressure]}, since then
     * {@code "Failed to admit pod to node" pod="kube-system/kindnet-x" nodeCondition=[DiskPressure]}. The pod is
     * rejected with the event the kubelet records for it ({@code Evicted}, {@code The node had condition: [x].}).
     */
    private static final Pattern ADMISSION_REFUSED = Pattern.compile("Failed to admit pod (?:([a-z0-9][-a-z0-9.]*)_"
            + "([a-z0-9][-a-z0-9]*)\\([-0-9a-f]*\\) - node has conditions: |to node\" pod=\"([a-z0-9][-a-z0-9]*)/"
            + "([a-z0-9][-a-z0-9.]*)\" nodeConditions?=)(\\[[A-Za-z, ]+])");
    /**
     * The kubelet's eviction manager having evicted a pod, as its log says it: before 1.20 {@code eviction manager: pod
     * milvus-e2e-x_kube-ops(1d81...) is evicted successfully}, since then {@code "Eviction manager: pod is evicted
     * successfully" pod="kube-ops/milvus-e2e-x"}. The pod's {@code Evicted} event, its message (which resource) not in the
     * line; the manager's next line ({@code pods ... evicted, waiting for pod to be cleaned up}) is the same eviction.
     */
    private static final Pattern POD_EVICTED = Pattern.compile("(?i:eviction manager): pod (?:([a-z0-9][-a-z0-9.]*)_"
            + "([a-z0-9][-a-z0-9]*)\\([-0-9a-f]*\\) is evicted successfully|is evicted successfully\" pod=\""
            + "([a-z0-9][-a-z0-9]*)/([a-z0-9][-a-z0-9.]*)\")");
    /**
     * The last line of a mount's failure as Kubernetes' mount utility reports it (the kubelet's or a CSI node plugin's
     * {@code mount failed: exit status 32}, then {@code Mounting command: ...}, {@code Mounting arguments: ...} and
     * {@code Output: mount.nfs: Protocol not supported for ...}), a journal splitting it into lines: the output is why
     * the volume did not mount, the {@code FailedMount} the kubelet records for the pod (not named in these lines).
     */
    private static final Pattern MOUNT_OUTPUT = Pattern.compile("\\bOutput: mount(?:\\.\\w+)?: .+$");
    /**
     * A journal line's {@code Mar 17 12:45:50 minikube kubelet[2278]:}: the host the kubelet runs on. The month as the
     * host's locale prints it ({@code janv. 06 12:43:37}, a number under a Chinese, Japanese or Korean locale:
     * {@code 11月 26 16:37:46}), and the kubelet under whatever process runs it ({@code k3s},
     * {@code hyperkube}, OpenShift 3's {@code dockerd-current} or {@code atomic-openshift-node}): the kubelet's own
     * messages are what the line is read by. Syslog's copy in {@code /var/log/messages} has no process id
     * ({@code Apr 30 22:19:38 master kubelet: E0430 ...}). The same line with an RFC 3339 time, as rsyslog writes
     * {@code /var/log/syslog} on current Ubuntu and Debian ({@code 2024-11-26T16:37:56.123456+08:00 node01
     * kubelet[123]:}) and {@code journalctl -o short-iso} prints it ({@code +0800}), or with {@code -o short-full}'s
     * weekday, date and zone ({@code Tue 2024-11-26 16:37:56 CST node01 kubelet[123]:}).
     */
    private static final Pattern JOURNAL_KUBELET = Pattern.compile("^\\s*(?:(?:\\p{L}{3,5}\\.?|\\d{1,2} ?[月월])"
            + " +\\d{1,2} [\\d:]{8}"
            + "|(?:\\p{L}{3} )?\\d{4}-\\d\\d-\\d\\d[T ][\\d:]{8}(?:[.,]\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d| [A-Z]{2,5})?)"
            + " (\\S+) [\\w.@-]+(?:\\[\\d+])?:");
    /** A klog line's header ({@code W1010 09:15:45.265944       1 eviction_manager.go:333] }), without a journal's. */
    private static final Pattern KLOG_HEADER = Pattern.compile("^\\s*[IWEF]\\d{4} [\\d:]{8}\\.\\d+\\s+\\d+ [\\w.-]+:\\d+] ");
    /**
     * A klog header cut down by whoever pasted it: the journal's date and host trimmed off the left
     * ({@code kubelet[27516]: W0216 eviction_manager.go:329] }), the time and thread id left out; its source file and
     * line ({@code eviction_manager.go:329]}) still say it is the component's own log. No node is named.
     */
    private static final Pattern CUT_KLOG_HEADER = Pattern.compile(
            "^\\s*(?:[\\w.-]+(?:\\[\\d+])?:\\s+)?[IWEF]\\d{4}(?: [\\d:]{8}(?:\\.\\d+)?)?(?:\\s+\\d+)? [\\w.-]+\\.go:\\d+] ");

    /**
     * The eviction manager's {@code eviction manager: attempting to reclaim ephemeral-storage} in the kubelet's journal:
     * the threshold met, which the kubelet records on its node as {@code EvictionThresholdMet}, {@code Attempting to
     * reclaim ephemeral-storage}; since 1.20 in klog's structured form ({@code "Eviction manager: attempting to
     * reclaim" resourceName="ephemeral-storage"}), and its next step alike ({@code must evict pod(s) to reclaim}). Read
     * from a journal line, which names the node, or from a klog line alone (a kubelet's own log file, k3s's output),
     * whose node is not named.
     */
    private static final Pattern RECLAIMING = Pattern.compile("(?i:eviction manager): (?:attempting to|must evict "
            + "pod\\(s\\) to) reclaim\"?\\s+(?:resourceName=)?\"?([a-zA-Z][-.a-zA-Z]*)");
    /**
     * The kubelet's log of an event it records on its node: {@code "Recording event message for node"
     * node="ip-10-128-18-28..." event="NodeHasDiskPressure"} (klog's structured form), {@code Recording NodeHasDiskPressure
     * event message for node ip-10-0-1-5} before it. The event is the node's condition change, {@code Node x status is
     * now: NodeHasDiskPressure}.
     */
    private static final Pattern NODE_EVENT = Pattern.compile("\"Recording event message for node\" node=\"([^\"]+)\" "
            + "event=\"(\\w+)\"|\\bRecording (\\w+) event message for node (\\S+)");
    /**
     * The kubelet's image garbage collection failing again, which it records on its node as {@code ImageGCFailed} with
     * the error: {@code Image garbage collection failed multiple times in a row: failed to garbage collect required amount
     * of images. Wanted to free ... bytes, but freed 0 bytes} (klog's structured form: the error as {@code err="..."}).
     */
    private static final Pattern IMAGE_GC_FAILED = Pattern.compile(
            "Image garbage collection failed multiple times in a row(?::\\s*|\" err=\")(.+?)\"?\\s*$");
    private static final Pattern REFERENCE_FIELD = Pattern.compile("(\\w+):\"([^\"]*)\"");

    private LoggedEvent() {
    }

    /** The event {@code line} logs, at its own time; null when it logs none. */
    static EventsTable.Row parse(String line, long lineNumber, Instant now) {
        EventsTable.Row tests = OpenShiftTestsLine.parse(line, lineNumber, now);
        if (tests != null) {
            return tests;
        }
        EventsTable.Row e2e = E2eFrameworkLine.parse(line, lineNumber, now);
        if (e2e != null) {
            return e2e;
        }
        Matcher recorded = RECORDED_EVENT.matcher(line);
        if (recorded.find()) {
            return recorded(recorded, lineNumber, line, now);
        }
        Matcher predicate = SCALE_UP_PREDICATE.matcher(line);
        if (predicate.find()) {
            return new EventsTable.Row(lineNumber, predicate.group(1), "Normal", "NotTriggerScaleUp",
                    QuotedEvent.age(line, now), "cluster-autoscaler", "pod/" + predicate.group(2),
                    predicate.group().strip(), null, null);
        }
        Matcher refused = ADMISSION_REFUSED.matcher(line);
        if (refused.find()) {
            boolean structured = refused.group(1) == null;
            return new EventsTable.Row(lineNumber, refused.group(structured ? 3 : 2), "Warning", "Evicted",
                    QuotedEvent.age(line, now), KubeletLogLine.source(journalHost(line)),
                    "pod/" + refused.group(structured ? 4 : 1), "The node had condition: " + refused.group(5) + ". ",
                    null, null);
        }
        Matcher evicted = POD_EVICTED.matcher(line);
        if (evicted.find()) {
            boolean structured = evicted.group(1) == null;
            String namespace = evicted.group(structured ? 3 : 2);
            String pod = evicted.group(structured ? 4 : 1);
            return new EventsTable.Row(lineNumber, namespace, "Warning", "Evicted", QuotedEvent.age(line, now),
                    KubeletLogLine.source(journalHost(line)), "pod/" + pod,
                    "Eviction manager: pod " + namespace + "/" + pod + " is evicted successfully", null, null);
        }
        Matcher mountOutput = MOUNT_OUTPUT.matcher(line);
        String mountHost = mountOutput.find() ? loggingNode(line) : null;
        if (mountHost != null) {
            return new EventsTable.Row(lineNumber, null, "Warning", "FailedMount", QuotedEvent.age(line, now),
                    "kubelet, " + mountHost, null, "mount failed: " + mountOutput.group().strip(), null, null);
        }
        Matcher reclaiming = RECLAIMING.matcher(line);
        String host = reclaiming.find() ? loggingNode(line) : null;
        if (host != null) {
            return new EventsTable.Row(lineNumber, null, "Warning", "EvictionThresholdMet", QuotedEvent.age(line, now),
                    "kubelet, " + host, "node/" + host, "Attempting to reclaim " + reclaiming.group(1), null, null);
        }
        Matcher nodeEvent = NODE_EVENT.matcher(line);
        if (nodeEvent.find()) {
            String node = nodeEvent.group(1) != null ? nodeEvent.group(1) : nodeEvent.group(4);
            String reason = nodeEvent.group(1) != null ? nodeEvent.group(2) : nodeEvent.group(3);
            return new EventsTable.Row(lineNumber, null, "Normal", reason, QuotedEvent.age(line, now), "kubelet, " + node,
                    "node/" + node, "Node " + node + " status is now: " + reason, null, null);
        }
        Matcher imageGc = IMAGE_GC_FAILED.matcher(line);
        String gcHost = imageGc.find() ? loggingNode(line) : null;
        if (gcHost != null) {
            return new EventsTable.Row(lineNumber, null, "Warning", "ImageGCFailed", QuotedEvent.age(line, now),
                    "kubelet, " + gcHost, "node/" + gcHost, imageGc.group(1).strip(), null, null);
        }
        Matcher occurred = LOGGED_EVENT.matcher(line);
        if (occurred.find()) {
            return occurred(occurred, lineNumber, line, now);
        }
        EventsTable.Row kubelet = KubeletLogLine.parse(line, lineNumber, now, journalHost(line));
        if (kubelet != null) {
            return kubelet;
        }
        EventsTable.Row runtime = ContainerdLogLine.parse(line, lineNumber, now);
        return runtime != null ? runtime : LogfmtEvent.parse(line, lineNumber, now);
    }

    /**
     * The node whose kubelet logged {@code line}: the journal's host, an unnamed node for a klog line alone (a kubelet's
     * own log file, k3s's output), null for a line that is neither (prose quoting the message).
     */
    private static String loggingNode(String line) {
        String host = journalHost(line);
        return host != null ? host : klogHeader(line) ? Unnamed.NODE : null;
    }

    /** Whether {@code line} starts with a klog header, whole ({@link #KLOG_HEADER}) or cut ({@link #CUT_KLOG_HEADER}). */
    private static boolean klogHeader(String line) {
        return KLOG_HEADER.matcher(line).lookingAt() || CUT_KLOG_HEADER.matcher(line).lookingAt();
    }

    /**
     * Whether {@code line} starts a log record of its own (a journal's or klog's header, the kernel's {@code [44930.378157]}
     * time since boot as {@code dmesg} prints it, logrus's {@code time="2022-08-15T06:07:53Z" level=debug}): no wrapped
     * line goes on so.
     */
    static boolean startsRecord(String line) {
        return JOURNAL_KUBELET.matcher(line).find() || klogHeader(line) || DMESG_TIME.matcher(line).lookingAt()
                || LOGRUS_TIME.matcher(line).lookingAt();
    }

    private static final Pattern DMESG_TIME = Pattern.compile("^\\s*\\[\\s*\\d+\\.\\d{6}\\] ");
    private static final Pattern LOGRUS_TIME = Pattern.compile("^\\s*time=\"\\d{4}-\\d\\d-\\d\\dT[^\"]*\" level=\\w+ ");

    /**
     * The host a kubelet's journal line was written on ({@link #JOURNAL_KUBELET}), null for any other line. An
     * application's log line has its level where a journal has its host ({@code 2026-09-28 20:32:48,799 INFO
     * gpu-node-1: drained}, Python's logging): no host.
     */
    static String journalHost(String line) {
        Matcher journal = JOURNAL_KUBELET.matcher(line);
        return journal.find() && !LOG_LEVEL.matcher(journal.group(1)).matches() ? journal.group(1) : null;
    }

    /** A log level as loggers print it in capitals, never a host's name (hosts are lower case). */
    private static final Pattern LOG_LEVEL = Pattern.compile(
            "\\[?(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|CRITICAL|CRIT|FATAL|PANIC)]?");

    /** The event a klog line says was recorded; a redacted object ({@code <namespace>/<podname>}) is unnamed. */
    private static EventsTable.Row occurred(Matcher logged, long lineNumber, String line, Instant now) {
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        Matcher field = LOGGED_FIELD.matcher(line.substring(logged.end()));
        while (field.find()) {
            fields.putIfAbsent(field.group(1), field.group(2).replace("\\\"", "\"").strip());
        }
        String object = logged.group(1);
        String kind = fields.getOrDefault("kind", "Pod");
        String named = object.contains("<") ? null : kind.toLowerCase(java.util.Locale.ROOT) + "/"
                + object.substring(object.indexOf('/') + 1);
        String namespace = object.contains("<") || object.indexOf('/') < 0 ? null : object.substring(0, object.indexOf('/'));
        return new EventsTable.Row(lineNumber, namespace, fields.getOrDefault("type", "Warning"),
                fields.getOrDefault("reason", "Unknown"), QuotedEvent.age(line, now), null, named,
                fields.getOrDefault("message", ""), null, null);
    }

    /** The event client-go's recorder logged; its object's kind and name as a get-events row's OBJECT. */
    private static EventsTable.Row recorded(Matcher recorded, long lineNumber, String line, Instant now) {
        java.util.Map<String, String> reference = new java.util.HashMap<>();
        Matcher field = REFERENCE_FIELD.matcher(recorded.group(1));
        while (field.find()) {
            reference.put(field.group(1), field.group(2));
        }
        String name = reference.get("Name");
        if (name == null || name.isEmpty()) {
            return null;
        }
        String kind = reference.getOrDefault("Kind", "Pod");
        String namespace = reference.get("Namespace");
        return new EventsTable.Row(lineNumber, namespace == null || namespace.isEmpty() ? null : namespace,
                recorded.group(2), recorded.group(3), QuotedEvent.age(line, now), null,
                kind.toLowerCase(java.util.Locale.ROOT) + "/" + name, recorded.group(4).strip(), null, null);
    }
}
