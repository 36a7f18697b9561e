package dev.incidents.recordings;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An event's message quoted in a line no table reader reads. The scheduler's verdict anywhere in the line: a tool's
 * log of the pod's progress (JupyterHub's spawner: {@code 2024-05-02T13:52:58Z [Warning] 0/36 nodes are available:
 * 33 Insufficient nvidia.com/gpu. ...}), a Go template's print of the pod's conditions ({@code [map[type:PodScheduled
 * lastTransitionTime:2018-02-26T21:58:32Z message:0/2 nodes are available: 2 Insufficient nvidia.com/gpu.
 * reason:Unschedulable status:False]]}), a controller's log. The kubelet's and other components' messages
 * ({@link KnownMessage}) when a line starts with one, as a reporter copies the message alone above or instead of the
 * rows ({@code Failed to pull image "ghcr.io/...": ... unauthorized}), or after columns no table reader knows. The words are the component's own, whatever carries them, so the line becomes the row it was
 * first printed as, at the line's timestamp when it has one, else at the paste's moment. A tool's print of an event
 * ({@link #TOOL_PREFIX}: a time or time range, {@code [Warning]}, the reason as a label, the event recorder's own
 * {@code (combined from similar events): }, a {@code (x8)} count after)
 * is the same message. A component's log of an event is read by {@link LoggedEvent}, a JSON log line by its message
 * ({@link StructuredLogLine}). Lines that are describe fields ({@code Message: ...}) are left to the describe readers.
 */
final class QuotedEvent {
    /**
     * {@code 0/36 nodes are available:} (1.9 on), {@code No nodes are available that match all of the predicates}, and
     * one of its clauses quoted without the count in front ({@code due to `1 node(s) had untolerated taint
     * {node-role.kubernetes.io/etcd: }`}).
     */
    private static final Pattern VERDICT = Pattern.compile(
            "\\b\\d+/\\d+ nodes are (?:un)?available:|\\bNo nodes are available that match all of the (?:following )?predicates"
            + "|^\\s*(?:>\\s*)*cannot allocate all claims\\b|(?<![/\\d])\\b\\d+ node\\(s\\) (?:had|didn't|were)\\b"
            + "|\\b(?:error while )?running \"\\w+\" (?:pre)?filter plugin for pod\\b"
            + "|\\bpod \\([a-z0-9][-a-z0-9.]*\\) failed to fit in any node\\b");
    /**
     * A Knative Revision that failed to resolve its image, as its Service or Configuration reports it: {@code Revision
     * "helloworld-v4" failed with message: Unable to fetch image "docker.io/x:2": failed to resolve image to digest:
     * ... MANIFEST_UNKNOWN: manifest unknown}.
     */
    private static final Pattern REVISION_FAILED = Pattern.compile(
            "\\bRevision \"([a-z0-9](?:[-a-z0-9.]*[a-z0-9])?)\" failed with message: (Unable to fetch image \".+)$");
    /**
     * The Google Cloud console's account of an unschedulable pod ({@code PodUnschedulable: Cannot schedule pods: node(s)
     * didn't match node selector.}, {@code Cannot schedule pods: Insufficient cpu.}): the scheduler's reasons without its
     * node counts.
     */
    private static final Pattern CONSOLE_VERDICT = Pattern.compile("\\bCannot schedule pods?: (.+)");
    /**
     * cluster-autoscaler's {@code NotTriggerScaleUp} message quoted alone ({@code pod didn't trigger scale-up: 1
     * Insufficient nvidia.com/gpu, 1 max node group size reached}): its reasons are per node group, not the scheduler's.
     */
    private static final Pattern SCALE_UP_VERDICT = Pattern.compile(
            "\\bpod didn't trigger scale-up(?: \\([^)]*\\))?:.*");
    /**
     * The pod kube-scheduler's log names before the verdict it failed: {@code "Unable to schedule pod; no fit; waiting"
     * pod="default/web-0" err="0/2 nodes are available: ..."} (klog's structured form, 1.19 on; a retry's
     * {@code "Error scheduling pod; retrying"} alike), {@code Unable to schedule default/web-0: no fit: 0/2 nodes are
     * available: ...; waiting} before it.
     */
    private static final Pattern SCHEDULER_LOG_POD = Pattern.compile("\\bpod=\"([a-z0-9][-a-z0-9]*)/([a-z0-9][-a-z0-9.]*)\""
            + "|\\bUnable to schedule ([a-z0-9][-a-z0-9]*)/([a-z0-9][-a-z0-9.]*): ");
    /** What the scheduler's log puts after the verdict: the structured value's closing quote, {@code ; waiting}. */
    private static final Pattern SCHEDULER_LOG_TAIL = Pattern.compile("(?:\"|;\\s*waiting)\\s*$");
    /** The pod a 1.2-1.5 verdict names first: {@code pod (web-5205-d8n7i) failed to fit in any node}. */
    private static final Pattern FIT_FAILURE_POD = Pattern.compile("^pod \\(([a-z0-9][-a-z0-9.]*)\\) failed to fit");
    /**
     * HAMi's scheduler extender's verdict, its {@code FilteringFailed} event: {@code no available node, all node scores
     * do not meet} (before 2.6), {@code no available node, 3 nodes do not meet} (the reasons in sibling events).
     */
    private static final Pattern HAMI_VERDICT = Pattern.compile(
            "\\bno available node, (?:all node scores|\\d+ nodes?) do not meet\\b.*");

    /**
     * client-go's event aggregator puts {@code (combined from similar events): } before a message once more than ten
     * events alike came within ten minutes: at least eleven, then, where the paste prints no count (a printed count is
     * the combined event's own).
     */
    static final int COMBINED_AT_LEAST = 11;
    static final String COMBINED = "(combined from similar events): ";
    /** {@link #COMBINED} as a pattern, its space any run of blanks. */
    private static final String COMBINED_PREFIX = "\\(combined from similar events\\):\\s*";
    private static final Pattern QUOTE_MARKER = Pattern.compile("^\\s*(?:>\\s*)*");
    /**
     * What a tool prints before an event's message: a time (Go's log package's {@code 2020/08/10 19:09:42} too, or the
     * clock time alone, {@code 08:08:58}, the paste's day) or a
     * bracketed time range ({@code [2020-04-02T15:21:43Z -
     * 2020-04-02T15:22:47Z]}, SLATE's client), the event's type in brackets ({@code [Warning]}, JupyterHub's spawn
     * progress), the reason as a label ({@code FailedMount: }, {@code Failed: } as an e2e log prints it, or in parentheses as Testkube's workflow log prints it:
     * {@code (Failed) Failed to pull image ...}), or the reason as a console words it before a tab (OpenShift's web
     * console: {@code Failed sync<TAB>Error syncing pod, skipping: ...}).
     */
    private static final Pattern TOOL_PREFIX = Pattern.compile("^(?:\\[[^\\]]*\\d\\d:\\d\\d[^\\]]*\\]\\s*|"
            + "(?:\\d{4}[-/]\\d\\d[-/]\\d\\d[T ])?\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d)?\\s+)?"
            + "(?:\\[(Normal|Warning)\\]\\s*)?(?:([A-Z][a-z]+(?:[A-Z][A-Za-z]*)+|Failed|Unhealthy|Evicted|Killing):\\s+|\\(([A-Z][a-z]+(?:[A-Z][A-Za-z]*)*)\\)\\s+"
            + "|[A-Z][a-z]+(?:[ -][A-Za-z][a-z]+){0,3} *\\t\\s*)?"
            + "(?<combined>" + COMBINED_PREFIX + ")?");
    /** {@code pods "my-cluster-head-9xmvs" is forbidden: exceeded quota: ...}, the API server's refusal of a pod. */
    private static final Pattern POD_FORBIDDEN = Pattern.compile("\\bpods \"[^\"]+\" is forbidden: .+");

    /**
     * The StatefulSet controller's FailedCreate message, which names its StatefulSet: {@code create Pod web-0 in
     * StatefulSet web failed error: pods "web-0" is forbidden: ...} (and a claim it could not make for the pod).
     */
    private static final Pattern STATEFUL_SET_CREATE = Pattern.compile(
            "\\bcreate (?:Pod \\S+|Claim \\S+ for Pod \\S+) in StatefulSet ([a-z0-9][-a-z0-9.]*) failed error: .+");

    /**
     * {@code pod/operator-init-lng8l    Failed to pull image ...}: the event's object, then its message; kubectl's
     * OBJECT column, or a Go template's {@code {{.involvedObject.kind}}/{{.involvedObject.name}}} and a tab
     * ({@code Pod/web-0<TAB>0/1 nodes are available: ...}).
     */
    private static final Pattern OBJECT_COLUMN = Pattern.compile(
            "(?:[Pp]od|po|pods)/([a-z0-9][-a-z0-9.]*)(?:\\s{2,}|\\t\\s*)");
    /** {@code couldn't find key network in Secret kube-system/hcloud}: the pod's namespace. */
    private static final Pattern REFERENCED_NAMESPACE = Pattern.compile(" in (?:ConfigMap|Secret) ([a-z0-9][-a-z0-9]*)/");

    /** logfmt keys ending a line ({@code  namespace=examples redisfailover=redis src="controller.go:154"}). */
    private static final Pattern LOGFMT_TAIL = Pattern.compile(
            "(?:\\s+[A-Za-z_][\\w.-]*=(?:\"[^\"]*\"|[^\\s\"=]+))+\\s*$");
    private static final Pattern LOGFMT_NAMESPACE = Pattern.compile("\\s(?:namespace|ns)=\"?([a-z0-9][-a-z0-9]*)");

    /**
     * {@code Error from server (Forbidden): error when creating "pod.yml": admission webhook "x" denied the request: ...}:
     * a refusal a controller meets as well (a policy, a quota, an invalid spec, a webhook down). Not a namespace that
     * does not exist yet or an object that exists already (NotFound, AlreadyExists): the user's own order of commands,
     * which no controller creating in its own namespace records.
     */
    private static final Pattern CREATE_REFUSED = Pattern.compile(
            "Error from server \\((?!NotFound\\)|AlreadyExists\\))\\w+\\): error when creating \"[^\"]*\": (.+)");
    /** Container waiting reasons of a failed pull, whose message is the runtime's answer. */
    private static final java.util.Set<String> PULL_STATE_REASONS = java.util.Set.of("ErrImagePull", "ErrImageNeverPull",
            "InvalidImageName");
    /**
     * Waiting reasons whose message is the kubelet's {@code Error: } of its {@code Failed} event: the container's config
     * or the runtime's container it could not make or start.
     */
    private static final java.util.Set<String> START_STATE_REASONS = java.util.Set.of("CreateContainerConfigError",
            "CreateContainerError", "RunContainerError");
    /**
     * A container's waiting reason with its message in parentheses, as dashboards and pod lists show a state
     * ({@code CreateContainerConfigError (configmap "gatus" not found)}): the same as {@code Reason: message}.
     */
    private static final Pattern STATE_WITH_MESSAGE = Pattern.compile("^((?:CreateContainerConfig|CreateContainer|RunContainer)"
            + "Error|ErrImagePull|ErrImageNeverPull|InvalidImageName)\\s+\\((.+)\\)\\s*$");
    /**
     * The runtime's answer to a pull quoted alone, the error the kubelet's {@code Failed to pull image "x": } goes on
     * with, with the waiting reason a status print puts before or after it ({@code rpc error: code = NotFound desc =
     * failed to pull and unpack image "docker.io/x:1": ... not found: ErrImagePull}); the image it names is the pull's.
     */
    private static final Pattern RUNTIME_PULL_ERROR = Pattern.compile("^(?:(?:ErrImagePull|ImagePullBackOff)\\s+)?"
            + "(rpc error: code = \\w+ desc = .*?\\b(?:image|reference) \"([^\"\\s]+)\".*?)"
            + "(?::\\s*(?:ErrImagePull|ImagePullBackOff))?\\s*$");
    /**
     * Docker's answer to a pull of an image, as {@code docker pull} prints it when a reporter tries the pod's image by
     * hand ({@code Error response from daemon: manifest for x:7.0 not found: manifest unknown: manifest unknown},
     * {@code pull access denied for x, repository does not exist or may require 'docker login'}): the registry's answer
     * the kubelet's pull gets through dockershim, word for word, after {@code Failed to pull image "x": rpc error: code =
     * Unknown desc = }.
     */
    private static final Pattern DAEMON_PULL_ERROR = Pattern.compile("^(Error response from daemon: (?:manifest for "
            + "([^\\s:]+(?::[^\\s:]+)?) not found\\b.*|pull access denied for ([^\\s,]+), repository does not exist.*))$");
    /**
     * The kubelet of Kubernetes 1.0 and 1.1 wrapping every failed pull of its Docker client alike ({@code image pull
     * failed for docker.io/x:1, this may be because there are no credentials on this request.  details: (<Docker's
     * error>)}): the words about credentials are its guess, the details are what failed. The pod's waiting reason then
     * held the whole message, so {@code get pods} printed it as the pod's STATUS ({@code x-269wt 0/1 image pull failed
     * for ...}).
     */
    private static final Pattern EARLY_KUBELET_PULL_ERROR = Pattern.compile("(?:^|\\s)(?:([a-z0-9][-a-z0-9.]*)\\s+\\d+/\\d+"
            + "\\s+)?(image pull failed for ([^\\s,]+), this may be because there\\b.*)$");
    /** {@code message: 'Usage of EmptyDir volume ...'}: a status's message line of an object's YAML, quoted or not. */
    private static final Pattern YAML_MESSAGE = Pattern.compile("message:\\s+['\"]?(.*?)['\"]?\\s*");
    /** The kubelet's CrashLoopBackOff waiting message, {@code back-off 5m0s restarting failed container=}. */
    private static final Pattern WAITING_BACK_OFF = Pattern.compile("[Bb]ack-off \\d+[smh]\\w* restarting failed container=");
    /** A tool's repeat count after the message ({@code  (x8)}). */
    private static final Pattern REPEATS = Pattern.compile("\\s+\\(x(\\d{1,9})\\)\\s*$");
    /**
     * The gap between a row's columns before a message ({@code Normal  Failed binding  no persistent volumes ...}, a
     * web console's row, {@code Unhealthy<TAB><TAB>Readiness probe failed: ...}), and the aggregator's prefix after it.
     */
    private static final Pattern COLUMN_GAP = Pattern.compile("(?: {2,}|\\t)\\s*(" + COMBINED_PREFIX + ")?");
    /** Columns before a message that a row may have: type, reason, age, source, object. */
    private static final int MAX_LEADING_COLUMNS = 6;
    /** A pod describe's status field ({@code Message:  0/3 nodes ...}): its own reader reads it. */
    private static final Pattern DESCRIBE_FIELD = Pattern.compile("^\\s*(?:Message|Reason|Status):\\s");
    /**
     * An RFC 3339 time in a line ({@code 2024-03-14T18:05:46Z}, {@code 2024-03-14 18:05:46.123+01:00}), or ISO 8601's
     * offset without its colon as {@code journalctl -o short-iso} prints it ({@code 2024-11-26T16:37:56+0800}).
     */
    private static final Pattern COLONLESS_OFFSET = Pattern.compile("[+-]\\d{4}$");
    static final Pattern TIMESTAMP = Pattern.compile(
            "\\b(\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d))");
    /** The next key of a Go map print after the message ({@code  reason:Unschedulable}): a word, a colon, no space. */
    private static final Pattern GO_MAP_KEY = Pattern.compile("\\s[a-z][A-Za-z]*:(?=\\S)|\\]");

    private QuotedEvent() {
    }

    /**
     * The row {@code line} quotes, its age at {@code now}; null when it quotes none. A message copied out of a JSON
     * string (an API server's audit log, a {@code -o json} status: {@code "pods \"web-0\" is forbidden: ...}) is read
     * with its quotes unescaped when it reads as nothing as it stands, and first when every quote in it is escaped: a
     * message's own escaped quotes (Go's {@code %q} of a command, {@code exec: "echo \"up\""}) stay as they are.
     */
    static EventsTable.Row parse(String line, long lineNumber, Instant now) {
        if (!line.contains("\\\"")) {
            return quoted(line, lineNumber, now);
        }
        String unescaped = line.replace("\\\"", "\"");
        // every quote escaped (a trailing one of the copied field aside): a JSON string's copy, read unescaped first
        boolean jsonCopy = UNESCAPED_QUOTE.matcher(line).results().count() <= 1;
        EventsTable.Row row = jsonCopy ? quoted(unescaped, lineNumber, now) : null;
        if (row == null) {
            row = quoted(line, lineNumber, now);
        }
        return row != null || jsonCopy ? row : quoted(unescaped, lineNumber, now);
    }

    /** A double quote no backslash escapes. */
    private static final Pattern UNESCAPED_QUOTE = Pattern.compile("(?<!\\\\)\"");

    private static EventsTable.Row quoted(String line, long lineNumber, Instant now) {
        if (DESCRIBE_FIELD.matcher(line).find()) {
            return null;
        }
        String trimmed = line.strip();
        if (trimmed.startsWith("{\"")) {
            return StructuredLogLine.parse(trimmed, lineNumber, now);
        }
        EventsTable.Row exported = CsvEventRow.parse(trimmed, lineNumber, now);
        if (exported != null) {
            return exported;
        }
        EventsTable.Row logged = LoggedEvent.parse(line, lineNumber, now);
        if (logged != null) {
            return logged;
        }
        EventsTable.Row oomKill = KernelOomKill.parse(line, lineNumber, now);
        if (oomKill != null) {
            return oomKill;
        }
        EventsTable.Row xid = KernelGpuXid.parse(line, lineNumber, now);
        if (xid != null) {
            return xid;
        }
        Matcher revision = REVISION_FAILED.matcher(line);
        if (revision.find()) {
            // Knative's Revision condition, wherever a listing prints it (kn service list's REASON column, a
            // Configuration's or a KServe InferenceService's status): the revision reconciler's own event
            return new EventsTable.Row(lineNumber, null, "Warning", "InternalError", age(line, now),
                    "revision-controller", "revision/" + revision.group(1), revision.group(2).strip(), null, null);
        }
        Matcher scaleUp = SCALE_UP_VERDICT.matcher(line);
        if (scaleUp.find()) {
            return new EventsTable.Row(lineNumber, null, "Normal", "NotTriggerScaleUp", age(line, now),
                    "cluster-autoscaler", null, verdictText(scaleUp.group()), null, null);
        }
        Matcher console = CONSOLE_VERDICT.matcher(line);
        if (console.find()) {
            return new EventsTable.Row(lineNumber, null, "Warning", "FailedScheduling", age(line, now),
                    "default-scheduler", null, verdictText(console.group(1)), null, null);
        }
        Matcher verdict = VERDICT.matcher(line);
        if (verdict.find()) {
            String message = line.substring(verdict.start());
            if (line.contains("map[")) {
                Matcher key = GO_MAP_KEY.matcher(message);
                if (key.find()) {
                    message = message.substring(0, key.start());
                }
            }
            Matcher fitPod = FIT_FAILURE_POD.matcher(message);
            // the pod an OBJECT column before the verdict names (get events -o custom-columns, a Go template)
            Matcher object = OBJECT_COLUMN.matcher(QUOTE_MARKER.matcher(line.substring(0, verdict.start())).replaceFirst(""));
            String pod = fitPod.find() ? "pod/" + fitPod.group(1) : object.matches() ? "pod/" + object.group(1) : null;
            // the scheduler's own log of the pod it could not place names it with its namespace
            Matcher schedulerLog = SCHEDULER_LOG_POD.matcher(line.substring(0, verdict.start()));
            String namespace = null;
            if (pod == null && schedulerLog.find()) {
                namespace = schedulerLog.group(1) != null ? schedulerLog.group(1) : schedulerLog.group(3);
                pod = "pod/" + (schedulerLog.group(1) != null ? schedulerLog.group(2) : schedulerLog.group(4));
                message = SCHEDULER_LOG_TAIL.matcher(message).replaceFirst("");
            }
            return new EventsTable.Row(lineNumber, namespace, "Warning", "FailedScheduling", age(line, now),
                    "default-scheduler", pod, message.strip(), null, null);
        }
        String quoted = unwrapped(QUOTE_MARKER.matcher(line).replaceFirst(""));
        // kubectl's OBJECT column before the message, the other columns cut (get events -o custom-columns, awk)
        Matcher object = OBJECT_COLUMN.matcher(quoted);
        String pod = null;
        if (object.lookingAt()) {
            pod = "pod/" + object.group(1);
            quoted = quoted.substring(object.end());
        }
        // an operator's log line with logfmt keys after its message (logrus: namespace=examples src="x.go:154"): the
        // keys are not the message, and the namespace key says where
        String namespace = null;
        Matcher keys = LOGFMT_TAIL.matcher(quoted);
        // the tail is looked for only where a namespace key can be in it
        if ((quoted.contains("namespace=") || quoted.contains("ns=")) && keys.find()) {
            Matcher key = LOGFMT_NAMESPACE.matcher(keys.group());
            if (key.find()) {
                namespace = key.group(1);
                quoted = quoted.substring(0, keys.start());
            }
        }
        Matcher statefulSet = STATEFUL_SET_CREATE.matcher(quoted);
        if (statefulSet.find()) {
            return new EventsTable.Row(lineNumber, namespace, "Warning", "FailedCreate", age(line, now),
                    "statefulset-controller", "statefulset/" + objectName(statefulSet.group(1)),
                    statefulSet.group().strip(), null, null);
        }
        Matcher forbidden = POD_FORBIDDEN.matcher(quoted);
        if (forbidden.find()) {
            // a controller's status quoting the API server's refusal of its pod (a RayCluster's, a Job's reason)
            return new EventsTable.Row(lineNumber, namespace, "Warning", "FailedCreate", age(line, now), null, null,
                    "Error creating: " + forbidden.group().replaceAll("['\"]\\s*$", "").strip(), null, null);
        }
        Matcher refused = CREATE_REFUSED.matcher(quoted);
        if (refused.lookingAt()) {
            // kubectl's own report of the API server refusing an object it creates (a webhook, a quota, a policy):
            // what a controller records as FailedCreate when it is the one creating
            return new EventsTable.Row(lineNumber, null, "Warning", "FailedCreate", age(line, now), "kubectl", null,
                    "Error creating: " + refused.group(1).strip(), null, null);
        }
        Matcher hami = HAMI_VERDICT.matcher(quoted);
        if (hami.find()) {
            return new EventsTable.Row(lineNumber, null, "Warning", "FilteringFailed", age(line, now), "hami-scheduler",
                    null, REPEATS.matcher(hami.group()).replaceFirst("").strip(), null, null);
        }
        Matcher yaml = YAML_MESSAGE.matcher(quoted);
        if (yaml.matches()) {
            quoted = yaml.group(1); // a pod's status.message kept from its -o yaml
        }
        Matcher daemonPull = DAEMON_PULL_ERROR.matcher(quoted.strip());
        if (daemonPull.matches()) {
            String image = daemonPull.group(2) != null ? daemonPull.group(2) : daemonPull.group(3);
            return new EventsTable.Row(lineNumber, namespace, "Warning", "Failed", age(line, now), "kubelet", pod,
                    "Failed to pull image \"" + image + "\": rpc error: code = Unknown desc = " + daemonPull.group(1),
                    null, null);
        }
        Matcher earlyPull = EARLY_KUBELET_PULL_ERROR.matcher(quoted);
        if (earlyPull.find()) {
            return new EventsTable.Row(lineNumber, namespace, "Warning", "Failed", age(line, now), "kubelet",
                    earlyPull.group(1) != null ? "pod/" + earlyPull.group(1) : pod,
                    "Failed to pull image \"" + earlyPull.group(3) + "\": " + earlyPull.group(2).strip(), null, null);
        }
        Matcher runtimePull = RUNTIME_PULL_ERROR.matcher(quoted);
        if (runtimePull.matches()) {
            return new EventsTable.Row(lineNumber, namespace, "Warning", "Failed", age(line, now), "kubelet", pod,
                    "Failed to pull image \"" + runtimePull.group(2) + "\": " + runtimePull.group(1).strip(), null, null);
        }
        Matcher state = STATE_WITH_MESSAGE.matcher(quoted);
        if (state.matches()) {
            quoted = state.group(1) + ": " + state.group(2);
        }
        Matcher prefix = TOOL_PREFIX.matcher(quoted);
        boolean prefixed = prefix.lookingAt() && prefix.end() > 0;
        String message = prefixed ? quoted.substring(prefix.end()) : quoted;
        Matcher repeats = REPEATS.matcher(message);
        String count = null;
        if (repeats.find()) {
            count = repeats.group(1);
            message = message.substring(0, repeats.start());
        }
        message = message.strip();
        if (prefixed && prefix.group("combined") != null && count == null) {
            count = Integer.toString(COMBINED_AT_LEAST);
        }
        // a time range's end is when the event was last seen
        String time = prefixed ? lastTimestamp(prefix.group()) : line;
        String rejection = DescribePod.rejectionReason(message);
        if (rejection != null && !"Evicted".equals(rejection)) {
            // the kubelet's admission rejection quoted alone ("Pod was rejected: Allocate failed due to ..."): the
            // event the kubelet records with it carries the pod's status reason
            return new EventsTable.Row(lineNumber, null, "Warning", rejection, age(time, now), "kubelet", null, message,
                    null, null);
        }
        String label = !prefixed ? null : prefix.group(2) != null ? prefix.group(2) : prefix.group(3);
        if (label != null && PULL_STATE_REASONS.contains(label) && !message.isEmpty()) {
            // a container's waiting reason and message ("ErrImagePull: rpc error: ... manifest unknown"), as a UI or
            // a jsonpath prints the state: the pull failure the kubelet reported under that reason
            return new EventsTable.Row(lineNumber, null, "Warning", "InvalidImageName".equals(label) ? "InspectFailed"
                    : label, age(time, now), "kubelet", null, message, null, null);
        }
        if ("CrashLoopBackOff".equals(label) && WAITING_BACK_OFF.matcher(message).lookingAt()) {
            // a container's waiting reason and message as a status print shows them, the kubelet's wording since 1.2x
            // in lower case ("CrashLoopBackOff: back-off 5m0s restarting failed container=x pod=y_ns(uid)"): its back-off
            return new EventsTable.Row(lineNumber, null, "Warning", "BackOff", age(time, now), "kubelet", null, message,
                    null, null);
        }
        if ("FailedCreate".equals(label) && !message.isEmpty()) {
            // a controller's FailedCreate as its reason and message ("FailedCreate: insufficient quota to match these
            // scopes: ..."), the "Error creating: " the controllers put before the API server's refusal dropped or kept
            return new EventsTable.Row(lineNumber, namespace, "Warning", "FailedCreate", age(time, now), null, null,
                    message.startsWith("Error creating") ? message : "Error creating: " + message, null, null);
        }
        if (label != null && START_STATE_REASONS.contains(label) && !message.isEmpty() && !message.startsWith("Error: ")) {
            message = "Error: " + message; // the waiting message without the Failed event's own lead
        }
        // kubectl 1.34 prints the event's field path before its message; the row keeps it for the event's fieldPath
        Matcher field = DescribeEvents.FIELD_PATH_PREFIX.matcher(message);
        Matcher lead = EVENT_LEAD.matcher(message);
        // a tool's log record that says it found or got an event before the message (a test harness's "INFO|<time>|
        // <file>|50| Found event Error: failed to start container ..."): the message is the rest
        KnownMessage kubelet = !field.lookingAt() && lead.lookingAt() ? KnownMessage.at(message, lead.end()) : null;
        if (kubelet != null) {
            message = message.substring(lead.end());
        } else {
            kubelet = KnownMessage.at(message, field.lookingAt() ? field.end() : 0);
        }
        if (kubelet == null && !field.lookingAt()) {
            // the event's reason and its message on one line, one space apart (FailedAttachVolume Multi-Attach error
            // for volume ...), or the message after an opening quote the reporter closed lines later or never
            Matcher reason = REASON_LEAD.matcher(message);
            int from = reason.lookingAt() ? reason.end() : OPENING_QUOTE.matcher(message).lookingAt() ? 1 : -1;
            kubelet = from < 0 ? null : KnownMessage.at(message, from);
            if (kubelet != null) {
                message = message.substring(from);
            }
        }
        if (kubelet == null && !field.lookingAt()) {
            // a row whose columns before the message are not kubectl's (a console's type and reason words, a reason
            // and tabs): the message after a column gap, when it is one the kubelet or a controller writes
            Matcher gap = COLUMN_GAP.matcher(message);
            for (int columns = 0; columns < MAX_LEADING_COLUMNS && kubelet == null && gap.find(); columns++) {
                kubelet = KnownMessage.at(message, gap.end());
                if (kubelet != null) {
                    count = gap.group(1) != null && count == null ? Integer.toString(COMBINED_AT_LEAST) : count;
                    message = message.substring(gap.end());
                }
            }
        }
        if (kubelet != null) {
            // a pod reads only its own namespace's ConfigMaps and Secrets: one named with its namespace says where
            Matcher referenced = REFERENCED_NAMESPACE.matcher(message);
            return new EventsTable.Row(lineNumber, referenced.find() ? referenced.group(1) : null, kubelet.type(),
                    kubelet.reason(), age(time, now), kubelet.component(), pod, message.strip(), null, count);
        }
        Matcher eviction = DescribePod.EVICTION.matcher(message);
        if (eviction.find()) {
            // the kubelet's eviction message after a tool's lead (Spark's "The API gave the following message: "): its
            // wording is the kubelet's own wherever it is quoted
            return new EventsTable.Row(lineNumber, null, "Warning", "Evicted", age(time, now), "kubelet", null,
                    message.substring(eviction.start()).strip(), null, null);
        }
        Matcher whole = WRAPPING_QUOTES.matcher(QUOTE_MARKER.matcher(line).replaceFirst(""));
        if (whole.matches() && whole.group(2).indexOf(whole.group(1).charAt(0)) >= 0) {
            // a whole message between quotes that holds quotes of its own (a command's, an exec probe's): read inside
            EventsTable.Row inside = quoted(whole.group(2), lineNumber, now);
            if (inside != null) {
                return inside;
            }
        }
        return inProse(line, lineNumber, now);
    }

    /**
     * A message quoted inside the reporter's sentence ({@code We see in the events of pod "Allocate failed due to
     * requested number of devices unavailable for nvidia.com/gpu. Requested: 1, Available: 0, which is unexpected"}):
     * the quoted words, read as if quoted alone, when they are a message this reader knows. Short quotes (a pod's
     * name, a reason) are the sentence's own.
     */
    private static EventsTable.Row inProse(String line, long lineNumber, Instant now) {
        if (line.indexOf('"') < 0) {
            return null;
        }
        Matcher quote = PROSE_QUOTE.matcher(line);
        while (quote.find()) {
            String span = quote.group(1);
            if (span.length() >= MIN_PROSE_QUOTE && quote.start() > 0) {
                EventsTable.Row row = parse(span, lineNumber, now);
                if (row != null) {
                    return row;
                }
            }
        }
        return null;
    }

    /** A span between double quotes, with no quote inside (a paste's typographic quotes are straight by now). */
    private static final Pattern PROSE_QUOTE = Pattern.compile("\"([^\"]+)\"");
    /** Shorter quoted words are names or reasons, not a component's message. */
    private static final int MIN_PROSE_QUOTE = 30;

    /**
     * An event's type and reason before its message, one space apart ({@code FailedAttachVolume Multi-Attach error ...}):
     * a reason of two words or more, which prose does not start with.
     */
    private static final Pattern REASON_LEAD = Pattern.compile("^(?:(?:Normal|Warning) )?[A-Z][a-z]+(?:[A-Z][A-Za-z]*)+ ");
    /** A quote or backtick a reporter opened before a message (its closing one on a later line, or none). */
    private static final Pattern OPENING_QUOTE = Pattern.compile("^[`'\"]");

    /** What a log record says before an event's message it quotes: {@code ... Found event }, {@code event: }. */
    private static final Pattern EVENT_LEAD = Pattern.compile("^.{0,240}?\\b(?:[Ee]vent|EVENT):?\\s+");

    /**
     * A message between the quotes or backticks a reporter put around it ({@code 'Error: configmap "x" not found'}):
     * Kubernetes starts no message with them. A quote of the same kind inside means the two are not one pair.
     */
    static String unwrapped(String text) {
        Matcher m = WRAPPING_QUOTES.matcher(text);
        return m.matches() && m.group(2).indexOf(m.group(1).charAt(0)) < 0 ? m.group(2).strip() : text;
    }

    /** A verdict's end as a reporter quoted it: the closing quote or backtick of a quote that opened before it. */
    private static String verdictText(String text) {
        return unwrapped(text).replaceFirst("[`']\\s*$", "").strip();
    }

    /** One quote, backtick or a Markdown inline code span's three backticks around the whole text. */
    private static final Pattern WRAPPING_QUOTES = Pattern.compile("^\\s*(```|[`'\"])(.*)\\1\\s*$");

    /**
     * A name as an object can have it: a Kubernetes name ends with a letter or digit, so a {@code -} or {@code .} a copy
     * left at its end ({@code in StatefulSet database-db-2- failed}, kubegres#100) is not part of it.
     */
    private static String objectName(String printed) {
        return printed.replaceAll("[-.]+$", "");
    }

    private static String lastTimestamp(String text) {
        Matcher m = TIMESTAMP.matcher(text);
        String last = text;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    /** Whether a line quoting a message carries no date of its own (then it is dated by what it is pasted beside). */
    static boolean undated(String line) {
        return !ANY_DATE.matcher(line).find();
    }

    /** A date and time in any of the shapes logs print ({@code 2024-05-02T13:52:58Z}, {@code 2020/08/10 19:09:42}). */
    private static final Pattern ANY_DATE = Pattern.compile("\\b\\d{4}[-/]\\d\\d[-/]\\d\\d[T ]\\d\\d:\\d\\d");

    /**
     * A line that is a date and time and nothing else, zone or not ({@code 2023-04-11 23:29:58}): a UI's event list
     * (TrueNAS SCALE's application events) prints each event's time on the line above its message, newest first.
     */
    private static final Pattern DATE_LINE = Pattern.compile(
            "^\\s*(\\d{4}-\\d\\d-\\d\\d)[T ](\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?)(Z|[+-]\\d\\d:\\d\\d)?\\s*$");

    /** The time a {@link #DATE_LINE} says (taken as UTC without a zone: only the order of a paste's times matters), else null. */
    static Instant dateLine(String line) {
        Matcher m = DATE_LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(m.group(1) + "T" + m.group(2) + (m.group(3) == null ? "Z" : m.group(3)))
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The age of the line's first timestamp at {@code now} ({@code 0s} when it has none or is later). */
    static String age(String line, Instant now) {
        Matcher m = TIMESTAMP.matcher(line);
        Instant at = m.find() ? timestamp(m) : null;
        if (at == null) {
            at = YearlessTime.of(line, now); // a node log's own prefix
        }
        return at == null ? "0s" : EventAge.secondsSince(at, now);
    }

    /** The time a {@link #TIMESTAMP} match holds, null when it is no time after all (a version, an id). */
    static Instant timestamp(Matcher match) {
        try {
            String time = match.group(1).replace(' ', 'T');
            // an offset without its colon (+0800), which OffsetDateTime does not parse
            time = COLONLESS_OFFSET.matcher(time).find() ? time.substring(0, time.length() - 2) + ":"
                    + time.substring(time.length() - 2) : time;
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
