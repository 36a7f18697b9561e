package dev.incidents.recordings;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A component's log line for an event it recorded or saw, in the shapes Kubernetes' own code prints them: the
 * recorder's klog {@code "Event occurred"} line, client-go's {@code Event(v1.ObjectReference{...})} line, and the e2e
 * framework's dump of a namespace's events. Each names the event's object, reason and message, so the line becomes that
 * event ({@link QuotedEvent} asks here first).
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
     * 'FailedCreatePod' Error creating: ...}): operators' and controllers' logs are full of them.
     */
    private static final Pattern RECORDED_EVENT = Pattern.compile(
            "Event\\(v1\\.ObjectReference\\{([^}]*)}\\): type: '(\\w+)' reason: '(\\w+)' (.*)");
    /**
     * The OpenShift e2e suite's event monitor ({@code openshift-tests}): {@code Nov 29 10:29:19.104 W
     * ns/openshift-service-catalog-apiserver daemonset/apiserver Error creating: pods "apiserver-" is forbidden: ...
     * (4 times)}: an event of the object it names, at the line's time (the year is the paste's), its type as a letter,
     * its count after; newer monitors print the reason ({@code reason/FailedCreate}) before the message, older ones
     * leave it to be read from the message.
     */
    private static final Pattern MONITOR_EVENT = Pattern.compile("^\\s*([A-Z][a-z]{2} +\\d{1,2} \\d\\d:\\d\\d:\\d\\d)"
            + "(?:\\.\\d+)? ([IWE]) ns/([a-z0-9][-a-z0-9]*) ([a-z]+)/([a-z0-9][-a-z0-9.]*)(?: node/\\S+)?"
            + "(?: reason/(\\w+))? (.+?)(?: \\((\\d+) times\\))?\\s*$");
    /**
     * The OpenShift e2e suite's later interval locators ({@code openshift-tests}, 4.x): {@code ns/x pod/y node/z - reason/
     * BackOff Back-off pulling image "..."}, its duplicated-events test's {@code event happened 45 times, something is
     * wrong: } before one, and a container's wait as an interval ({@code ns/x pod/y node/z container/c - reason/
     * ContainerWait cause/ErrImagePull duration/671.53s rpc error: ...}: the waiting reason is the cause). The
     * locator's keys after the object (node, container, uid) in any order, the {@code - } before the reason optional.
     */
    private static final Pattern INTERVAL_EVENT = Pattern.compile("(?:^|\\s)(?:event happened (\\d+) times, something is "
            + "wrong: )?ns/([a-z0-9][-a-z0-9]*) ([a-z]+)/([a-z0-9][-a-z0-9.]*)((?: [a-z]+/\\S+)*?) (?:- )?reason/(\\w+) "
            + "(?:cause/(\\w*) )?(?:duration/\\S+ )?(.+?)\\s*$");
    private static final Pattern LOCATOR_NODE = Pattern.compile(" node/(\\S+)");
    private static final java.time.format.DateTimeFormatter MONITOR_TIME = java.time.format.DateTimeFormatter.ofPattern(
            "MMM d HH:mm:ss uuuu", java.util.Locale.ENGLISH);

    /**
     * The Kubernetes e2e framework's dump of a namespace's events into a test log ({@code INFO: At 2023-11-30 23:10:47
     * +0000 UTC - event for pvc-tester-4khdp: {kubelet ip-172-31-25-49} FailedMount: MountVolume.SetUp failed ...}):
     * time, object name, {@code {component host}}, reason, message. Before 1.3 it printed no time of its own
     * ({@code Jan 21 06:55:28.262: INFO: event for liveness-http: {kubelet minion-muge} Unhealthy: ...}): the log line's.
     */
    private static final Pattern E2E_EVENT = Pattern.compile("(?:\\bAt (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)? "
            + "[+-]\\d{4})(?: [A-Z]{2,5})? - |\\bINFO: )event for ([a-z0-9][-a-z0-9.]*): \\{([^}]*)} (\\w+): (.*)$");
    private static final java.time.format.DateTimeFormatter E2E_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS] xx");
    /**
     * The e2e framework's pod and event watcher ({@code test/e2e/storage/podlogs}, storage and CSI drivers' suites):
     * {@code 01:40:50.218 event: v1/Pod injector: kubelet Warning: Error: ImagePullBackOff (2022-03-18 01:38:30 +0000
     * UTC - 2022-03-18 01:40:50 +0000 UTC)}: the object's apiVersion, kind and name, the source's component, the type
     * and the message, then the first and last time; no namespace, no reason (read from the message) and no count.
     */
    private static final Pattern WATCHED_EVENT = Pattern.compile("\\bevent: (?:[a-z0-9.-]+/)?v\\d\\w*/([A-Z]\\w*) "
            + "([a-z0-9][-a-z0-9.]*): (\\S*) (Normal|Warning): (.*?)(?: \\((\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d "
            + "[+-]\\d{4})(?: [A-Z]{2,5})? - (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d{4})(?: [A-Z]{2,5})?\\))?\\s*$");
    /**
     * The e2e framework's wait for ready nodes ({@code INFO: Condition Ready of node e2e-minion-11ke is false instead of
     * true. Reason: KubeletNotReady, message: container runtime is down}): the node's Ready condition as it found it.
     */
    private static final Pattern E2E_NODE_CONDITION = Pattern.compile("\\bCondition Ready of node ([a-z0-9][-a-z0-9.]*) "
            + "is (false|unknown) instead of true\\. Reason: (\\w*), message: (.*)$", Pattern.CASE_INSENSITIVE);
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
        Matcher monitored = MONITOR_EVENT.matcher(line);
        if (monitored.find()) {
            return monitored(monitored, lineNumber, now);
        }
        Matcher interval = INTERVAL_EVENT.matcher(line);
        if (interval.find()) {
            return interval(interval, line, lineNumber, now);
        }
        Matcher dumped = E2E_EVENT.matcher(line);
        if (dumped.find()) {
            return dumped(dumped, line, lineNumber, now);
        }
        Matcher watched = WATCHED_EVENT.matcher(line);
        if (watched.find()) {
            return watched(watched, lineNumber, now);
        }
        Matcher nodeCondition = E2E_NODE_CONDITION.matcher(line);
        if (nodeCondition.find()) {
            String node = nodeCondition.group(1);
            return new EventsTable.Row(lineNumber, null, "Normal", "NodeNotReady", e2eLineAge(line, now), null,
                    "node/" + node, DescribeNode.statusMessage(node, "NodeNotReady", "Ready", "False",
                            nodeCondition.group(3), nodeCondition.group(4).strip()), null, null);
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

    /** The event a monitor line prints ({@link #MONITOR_EVENT}); null when its message says no reason it knows. */
    private static EventsTable.Row monitored(Matcher m, long lineNumber, Instant now) {
        String message = m.group(7);
        String reason = m.group(6);
        String from = null;
        if (reason == null) {
            EventsTable.Row read = QuotedEvent.parse(message, lineNumber, now);
            if (read == null) {
                return null;
            }
            reason = read.reason();
            from = read.from();
            message = read.message();
        }
        String age = monitorAge(m.group(1), now);
        return new EventsTable.Row(lineNumber, m.group(3), "I".equals(m.group(2)) ? "Normal" : "Warning", reason, age,
                from, m.group(4) + "/" + m.group(5), message, null, m.group(8));
    }

    /**
     * The event an interval locator prints ({@link #INTERVAL_EVENT}); a container's wait is the event its cause stands
     * for (a pull or crash-loop back-off is the kubelet's {@code BackOff}, any other cause its own reason).
     */
    private static EventsTable.Row interval(Matcher m, String line, long lineNumber, Instant now) {
        String reason = m.group(6);
        String cause = m.group(7);
        if (cause != null && !cause.isEmpty()) {
            reason = cause.endsWith("BackOff") ? "BackOff" : cause;
        }
        Matcher node = LOCATOR_NODE.matcher(m.group(5));
        String from = node.find() ? "kubelet, " + node.group(1) : null;
        Matcher time = MONITOR_TIME_PREFIX.matcher(line);
        String age = time.lookingAt() ? monitorAge(time.group(1), now) : QuotedEvent.age(line, now);
        return new EventsTable.Row(lineNumber, m.group(2), EventsTable.typeOf(reason), reason, age, from,
                m.group(3) + "/" + m.group(4), m.group(8), null, m.group(1));
    }

    /**
     * The age of an e2e framework's log line by its own yearless prefix ({@code Apr 22 04:20:45.730: INFO: }); {@code
     * 0s} without one. Only for what the framework prints without a time of its own: an event's absolute time, when
     * it has one, is the event's.
     */
    private static String e2eLineAge(String line, Instant now) {
        Matcher prefix = E2E_LOG_PREFIX.matcher(line);
        return prefix.lookingAt() ? monitorAge(prefix.group(1), now) : "0s";
    }

    private static final Pattern E2E_LOG_PREFIX = Pattern.compile(
            "^\\s*(?:`{1,3})?([A-Z][a-z]{2} +\\d{1,2} \\d\\d:\\d\\d:\\d\\d)(?:\\.\\d+)?: [A-Z]+: ");
    private static final Pattern MONITOR_TIME_PREFIX = Pattern.compile("^\\s*([A-Z][a-z]{2} +\\d{1,2} \\d\\d:\\d\\d:\\d\\d)");

    /** The age at {@code now} of a monitor's yearless time ({@code Nov 29 10:29:19}), in the year of {@code now}. */
    private static String monitorAge(String time, Instant now) {
        try {
            int year = now.atZone(java.time.ZoneOffset.UTC).getYear();
            java.time.LocalDateTime at = java.time.LocalDateTime.parse(time.replaceAll(" +", " ") + " " + year,
                    MONITOR_TIME);
            if (at.toInstant(java.time.ZoneOffset.UTC).isAfter(now.plus(Duration.ofDays(1)))) {
                at = at.minusYears(1); // a paste of December's log read in January
            }
            return Math.max(0, Duration.between(at.toInstant(java.time.ZoneOffset.UTC), now).getSeconds()) + "s";
        } catch (java.time.format.DateTimeParseException e) {
            return "0s";
        }
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
     * time since boot as {@code dmesg} prints it): no wrapped line goes on so.
     */
    static boolean startsRecord(String line) {
        return JOURNAL_KUBELET.matcher(line).find() || klogHeader(line) || DMESG_TIME.matcher(line).lookingAt();
    }

    private static final Pattern DMESG_TIME = Pattern.compile("^\\s*\\[\\s*\\d+\\.\\d{6}\\] ");

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

    /** An event the e2e framework dumped; the kubelet's and the scheduler's are about a pod. */
    private static EventsTable.Row dumped(Matcher e2e, String line, long lineNumber, Instant now) {
        String[] source = e2e.group(3).trim().split("\\s+", 2);
        String component = source[0];
        String from = source.length > 1 ? component + ", " + source[1] : component;
        boolean podEvent = component.equals("kubelet") || component.endsWith("scheduler");
        Instant at = e2e.group(1) == null ? null : e2eTime(e2e.group(1));
        // an event the framework found without a time: the log line's own, when it has one
        String age = at != null ? Math.max(0, Duration.between(at, now).getSeconds()) + "s"
                : e2eLineAge(line, now);
        String reason = e2e.group(4);
        return new EventsTable.Row(lineNumber, null, EventsTable.typeOf(reason), reason, age, from,
                podEvent ? "pod/" + e2e.group(2) : null, e2e.group(5).strip(), null, null);
    }

    /** The event the e2e framework's watcher printed ({@link #WATCHED_EVENT}); null when its message says no reason. */
    private static EventsTable.Row watched(Matcher m, long lineNumber, Instant now) {
        EventsTable.Row read = QuotedEvent.parse(m.group(5), lineNumber, now);
        if (read == null) {
            return null;
        }
        Instant last = m.group(7) == null ? null : e2eTime(m.group(7));
        Instant first = m.group(6) == null ? null : e2eTime(m.group(6));
        String age = last == null ? "0s" : Math.max(0, Duration.between(last, now).getSeconds()) + "s";
        String firstSeen = first == null ? null : Math.max(0, Duration.between(first, now).getSeconds()) + "s";
        String from = m.group(3).isEmpty() ? read.from() : m.group(3);
        return new EventsTable.Row(lineNumber, null, m.group(4), read.reason(), age, from,
                m.group(1).toLowerCase(java.util.Locale.ROOT) + "/" + m.group(2), read.message(), firstSeen, null);
    }

    /**
     * A time as the e2e framework prints it ({@code 2022-03-18 01:38:30 +0000}); null when it is none, or Go's zero
     * time ({@code 0001-01-01 00:00:00 +0000}) that an event without its first or last timestamp prints.
     */
    private static Instant e2eTime(String text) {
        try {
            Instant at = java.time.OffsetDateTime.parse(text, E2E_TIME).toInstant();
            return at.isBefore(Instant.EPOCH) ? null : at;
        } catch (DateTimeParseException e) {
            return null;
        }
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
