package dev.incidents.recordings;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kubelet's own log line for a pod's failure, as its journal or log file holds it, read as the event the kubelet
 * records for the same failure. Since Kubernetes 1.20 the kubelet logs in klog's structured form: a message in quotes,
 * then {@code key="value"} pairs quoted as Go quotes strings:
 * <ul>
 *   <li>{@code E1109 23:25:13.213543 2155 kuberuntime_image.go:53] "Failed to pull image" err="rpc error: ..."
 *       image="quay.io/cilium/cilium:v1.12.5"}: the {@code Failed} event {@code Failed to pull image "x": <err>};</li>
 *   <li>{@code pod_workers.go:951] "Error syncing pod, skipping" err="failed to \"StartContainer\" for \"app\" with
 *       CrashLoopBackOff: ..." pod="default/app-x"}: what kubelets before 1.10 recorded as {@code FailedSync} with
 *       {@code Error syncing pod, skipping: <err>}, which the analyzer reads by the reason inside;</li>
 *   <li>{@code "CreatePodSandbox for pod failed" err="..." pod="ns/x"}: {@code FailedCreatePodSandBox};</li>
 *   <li>{@code kuberuntime_manager.go:1027] "Message for Container of pod" containerName="liveness" pod="default/x"
 *       containerMessage="Container liveness failed liveness probe, will be restarted"}: the {@code Killing} event's
 *       message, logged as the kubelet decides the restart;</li>
 *   <li>{@code prober.go:116] "Probe failed" probeType="Readiness" pod="dev/x" containerName="queue-proxy"
 *       probeResult=failure output="HTTP probe failed with statuscode: 503"}: {@code Unhealthy}, {@code Readiness probe
 *       failed: <output>} on the container.</li>
 * </ul>
 * A structured line copied without its klog header starts at its quoted message. Before 1.20 the same failures read
 * {@code Error syncing pod <uid> ("name_ns(uid)"), skipping: <err>}, {@code StartContainer "<id>" from runtime service
 * failed: <err>},
 * {@code createPodSandbox for pod "name_ns(uid)" failed: <err>}, {@code PullImage "x" from image service failed: <err>}
 * and {@code Unable to mount volumes for pod "name_ns(uid)": <err>}. The volume manager's retry line in every version,
 * {@code nestedpendingoperations.go] Operation for "..." failed. No retries permitted until ... Error: "MountVolume.SetUp
 * failed for volume \"x\" (UniqueName: ...) pod \"name\" (UID: ...) : <err>"}, is the pod's {@code FailedMount}.
 */
final class KubeletLogLine {
    private static final Pattern STRUCTURED = Pattern.compile(
            "(?:\\] |^\\s*)\"(Failed to pull image|PullImage from image service failed|Error syncing pod, skipping|"
            + "CreatePodSandbox for pod failed|Failed to create sandbox for pod|Probe failed|Pod admission denied|"
            + "Predicate failed on Pod|Message for Container of pod|StartContainer from runtime service failed)\" ");
    /** Before 1.20: {@code Predicate failed on Pod: name_ns(uid), for reason: <message>}, the kubelet's admission. */
    private static final Pattern LEGACY_PREDICATE = Pattern.compile("Predicate failed on Pod: ([a-z0-9][-a-z0-9.]*)_"
            + "([a-z0-9][-a-z0-9]*)\\([-0-9a-f]*\\), for reason: (.+)$");
    /** One {@code key="quoted"} or {@code key=bare} pair of a structured line. */
    private static final Pattern PAIR = Pattern.compile("(\\w+)=(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+))");
    /** Before 1.20: {@code createPodSandbox for pod "name_ns(uid)" failed: <err>}. */
    private static final Pattern LEGACY_SANDBOX = Pattern.compile("createPodSandbox for pod \"([a-z0-9][-a-z0-9.]*)_"
            + "([a-z0-9][-a-z0-9]*)\\([-0-9a-f]*\\)\" failed: (.+)$");
    /**
     * Before 1.20: {@code Unable to mount volumes for pod "name_ns(uid)": <err>}, what the kubelet also recorded as the
     * pod's {@code FailedMount} event, word for word.
     */
    private static final Pattern LEGACY_MOUNT = Pattern.compile("Unable to (?:attach or )?mount volumes for pod "
            + "\"([a-z0-9][-a-z0-9.]*)_([a-z0-9][-a-z0-9]*)\\([-0-9a-f]*\\)\": .+$");
    /**
     * Before 1.20: {@code StartContainer "<container id>" from runtime service failed: <err>} (no pod named), what the
     * kubelet records on the pod as {@code Failed} with {@code Error: <err>}.
     */
    private static final Pattern LEGACY_START = Pattern.compile("StartContainer \"[0-9a-f]+\" from runtime service "
            + "failed: (.+)$");
    /**
     * The volume manager's failed operation and its back-off ({@code nestedpendingoperations.go}), its error quoted
     * (Go's {@code %q}) in some versions and bare in others: a mount or block-device map failure of a pod's volume.
     * Tear-downs are not: they fail after the pod is gone.
     */
    private static final Pattern VOLUME_OPERATION = Pattern.compile("Operation for \".*\" failed\\. No retries "
            + "permitted until .*?\\(durationBeforeRetry [^)]*\\)\\. Error: (\"?)((?:MountVolume|MapVolume)\\.\\w+ failed .*)$");
    /**
     * The detailed error the kubelet logs ({@code <op> failed for volume "v" (UniqueName: "...") pod "name" (UID:
     * "...") : <err>}); the event it records drops the unique name and the pod ({@code <op> failed for volume "v" :
     * <err>}).
     */
    private static final Pattern VOLUME_ERROR = Pattern.compile("^(\\S+ failed for volume \"[^\"]*\")"
            + "(?: \\(UniqueName: \"[^\"]*\"\\))?(?: pod \"([a-z0-9][-a-z0-9.]*)\" \\(UID: \"[^\"]*\"\\))?(.*)$");
    /**
     * Before 1.20 the prober's line: {@code prober.go:106] Readiness probe for "hello-pod_default(<uid>):hello" failed
     * (failure): <output>} ({@code (unknown)} when the probe itself erred), the {@code Unhealthy} event's message.
     */
    private static final Pattern LEGACY_PROBE = Pattern.compile("\\b(Readiness|Liveness|Startup) probe for \"([a-z0-9]"
            + "[-a-z0-9.]*)_([a-z0-9][-a-z0-9]*)\\([-0-9a-f]*\\):([a-z0-9][-a-z0-9]*)\" failed \\((?:failure|unknown)\\): "
            + "(.+)$");
    /**
     * The kubelet rejecting its CNI network config because a plugin the config list chains is not installed
     * ({@code cni.go:237] Error validating CNI config list {...}: [failed to find plugin "bridge" in path [/opt/cni/bin]
     * ...]}, the list printed over many journal lines, the error on the last): with no valid config the runtime's network
     * is never ready ({@code cni config uninitialized}) and the node stays NotReady. Inside a pod's sandbox error the same
     * words are the sandbox's failure instead.
     */
    private static final Pattern MISSING_CNI_PLUGIN = Pattern.compile("\\[?(failed to find plugin \"[^\"]+\" in path "
            + "\\[[^\\]]*\\](?:,? ?failed to find plugin \"[^\"]+\" in path \\[[^\\]]*\\])*)");
    private static final Pattern SANDBOX_WORDS = Pattern.compile("(?i)sandbox|\\bpod\\b|set ?up|tear ?down|error (?:adding|deleting)");
    /** The gRPC status the runtime's answer is wrapped in; the kubelet's event gives the description alone. */
    private static final Pattern RPC_STATUS = Pattern.compile("^rpc error: code = \\w+ desc = ");
    /** Before 1.20: {@code PullImage "x" from image service failed: <err>} (no pod named). */
    private static final Pattern LEGACY_PULL = Pattern.compile("PullImage \"([^\"]+)\" from image service failed: (.+)$");
    private static final Pattern LEGACY_SYNC = Pattern.compile("Error syncing pod [-0-9a-f]+ \\(\"([a-z0-9][-a-z0-9.]*)_"
            + "([a-z0-9][-a-z0-9]*)\\([-0-9a-f]*\\)\"\\), skipping: (.+)$");
    /** The pod a structured line names ({@code pod="ns/name"}, {@code pod="name_ns(uid)"} in some versions). */
    private static final Pattern NAMESPACED = Pattern.compile("^([a-z0-9][-a-z0-9]*)/([a-z0-9][-a-z0-9.]*)$");
    private static final Pattern UNDERSCORED = Pattern.compile("^([a-z0-9][-a-z0-9.]*)_([a-z0-9][-a-z0-9]*)(?:\\(.*\\))?$");

    private KubeletLogLine() {
    }

    /**
     * The kubelet's log of why its node is not Ready, the message it sets on the node's Ready condition
     * ({@code KubeletNotReady}): the runtime's network not ready ({@code Container runtime network not ready:
     * NetworkReady=false reason:NetworkPluginNotReady message:... cni config uninitialized}, structured since 1.20 as
     * {@code "Container runtime network not ready" networkReady="..."}) and the pod lifecycle event generator stalled
     * ({@code Skipping pod synchronization - [PLEG is not healthy: pleg was last seen active 3m0s ago ...]}, structured
     * {@code "Skipping pod synchronization" err="PLEG is not healthy: ..."}). And the kubelet's own report of the change,
     * {@code "Node became not ready" node="worker-1" condition={Type:Ready Status:False ... Reason:KubeletNotReady
     * Message:container runtime is down}} (before 1.20 {@code Node became not ready: {Type:Ready ...}}), which names the
     * node itself.
     */
    private static final Pattern BECAME_NOT_READY = Pattern.compile("\\] \"?Node became not ready\"?:?"
            + "(?: node=\"(?<node>[a-z0-9][-a-z0-9.]*)\")?.*?\\bReason:(?<reason>\\w+) Message:(?<message>.*?)\\}?\\s*$");
    /** How the kubelet's Ready condition message opens when the runtime's network is not ready. */
    private static final String NETWORK_NOT_READY = "container runtime network not ready: ";
    private static final Pattern NOT_READY = Pattern.compile("(?:\\] \"?Container runtime network not ready\"?"
            + "(?::\\s*| networkReady=\"(?<network>(?:[^\"\\\\]|\\\\.)*)\")(?<legacy>.*)"
            + "|\\] \"?Skipping pod synchronization\"?(?: - \\[| err=\")(?<pleg>PLEG is not healthy: [^\\]\"]*))");

    /**
     * The kubelet giving up at start ({@code "Failed to run kubelet" err="failed to run Kubelet: running with swap on is
     * not supported, please disable swap! ..."}, before 1.20 {@code F0129 ... server.go:269] failed to run Kubelet:
     * misconfiguration: kubelet cgroup driver: "cgroupfs" is different from docker cgroup driver: "systemd"}): with no
     * kubelet the node posts no status, and the node controller marks it {@code Unknown} ({@code NodeStatusUnknown})
     * while systemd restarts the kubelet into the same error. The why is the kubelet's own. So is the kubelet exiting
     * on a module it starts once the runtime is up ({@code "Failed to start ContainerManager" err="failed to get rootfs
     * info: ..."}, before 1.20 {@code Failed to start ContainerManager failed to initialize top level QOS containers:
     * ...}; {@code "Failed to start cAdvisor"}).
     */
    private static final String GIVING_UP = "(?i:failed to run kubelet|failed to start containermanager|failed to start "
            + "cadvisor)";
    private static final Pattern NOT_RUNNING = Pattern.compile("(?:\"(?<what>" + GIVING_UP + ")\"\\s+)?err=\"(?<inner>"
            + "(?i:failed to run kubelet): )?(?<quoted>(?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern NOT_RUNNING_BARE = Pattern.compile("\\b(?<what>" + GIVING_UP
            + "):?\\s+(?<bare>[^\\s\"].*?)\\s*$");

    /**
     * systemd's word on the kubelet's unit failing ({@code kubelet.service: Main process exited, code=exited,
     * status=1/FAILURE}, {@code kubelet.service: Failed with result 'exit-code'}, a missing binary's {@code 203/EXEC}):
     * the kubelet is not running on the journal's host, which then posts no status. A clean exit (a stop) is none.
     */
    private static final Pattern UNIT_FAILED = Pattern.compile("\\bkubelet\\.service: (?:Main process exited, "
            + "code=\\w+, status=(?!0/SUCCESS)(?<status>[^\\s.]+)|Failed with result '(?<result>[^']+)')");

    /**
     * klog's fatal line from the kubelet's own code ({@code F0530 16:59:16.877788 7 kubelet.go:1339] failed to start
     * Plugin Watcher. err: ... too many open files}): klog exits the process after a fatal line, so whatever the module
     * it could not start (a watcher, the OOM watcher, the runtime-dependent modules), the kubelet is gone and its node
     * posts no status. The kubelet's files in {@code pkg/kubelet} are named {@code kubelet*.go}; other components' fatal
     * lines ({@code server.go} is kube-proxy's too) are not the kubelet's.
     */
    private static final Pattern FATAL = Pattern.compile("(?:^|\\s)F\\d{4} \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?\\s+\\d+ "
            + "kubelet(?:_\\w+)?\\.go:\\d+\\] \"?(?<why>[^\"].*?)\"?\\s*$");

    /**
     * The kubelet whose credentials the API server no longer takes: its client certificate expired and it cannot get a
     * new one ({@code transport.go:113] The currently active client certificate has expired, but the server is not
     * responsive. A restart may be necessary to retrieve new initial credentials.}), or its registration or status
     * update refused ({@code Unable to register node "x" with API server: Unauthorized}, {@code Error updating node
     * status, will retry: ... x509: certificate has expired or is not yet valid}). It posts no status, so the node
     * controller marks the node {@code Unknown}.
     */
    private static final Pattern CREDENTIALS_REFUSED = Pattern.compile("\\b(?:The currently active client certificate "
            + "has expired\\b|(?:Unable to register node|Error updating node status)\\b.*?(?:\\bUnauthorized\\b|x509: "
            + "certificate has expired or is not yet valid)).*?(?=\"?\\s*$)");

    /** How the kubelet words giving up at start, {@code failed to run Kubelet} when the line does not say. */
    private static String givingUp(String what) {
        String lower = what == null ? "" : what.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("containermanager") ? "Failed to start ContainerManager"
                : lower.contains("cadvisor") ? "Failed to start cAdvisor" : "failed to run Kubelet";
    }

    /**
     * The node a kubelet's own status lines name as theirs ({@code kubelet_node_status.go:106] Unable to register node
     * "ip-10-40-175-122.ec2.internal" with API server: Unauthorized}, {@code Attempting to register node x},
     * {@code Error updating node status, will retry: error getting node "x": ...}).
     */
    private static final Pattern OWN_NODE = Pattern.compile("\\b(?:(?:Unable to register|Attempting to register|"
            + "Successfully registered) node|[Ee]rror getting node) \\\\?\"?([a-z0-9][a-z0-9.-]*[a-z0-9])\\b");

    /** The node this kubelet line says it runs on, or null. */
    static String ownNode(String line) {
        Matcher own = OWN_NODE.matcher(line);
        return own.find() ? own.group(1) : null;
    }

    /** The From cell of an event the kubelet on {@code host} records ({@code kubelet, host}), or {@code kubelet}. */
    static String source(String host) {
        return host != null ? "kubelet, " + host : "kubelet";
    }

    /** The event {@code line} stands for; null when it is no such kubelet line. */
    static EventsTable.Row parse(String line, long lineNumber, Instant now, String host) {
        String from = source(host);
        Matcher mount = LEGACY_MOUNT.matcher(line);
        if (mount.find()) {
            return new EventsTable.Row(lineNumber, mount.group(2), "Warning", "FailedMount", QuotedEvent.age(line, now),
                    from, "pod/" + mount.group(1), mount.group().strip(), null, null);
        }
        Matcher volume = VOLUME_OPERATION.matcher(line);
        if (volume.find()) {
            return volumeFailure(lineNumber, volume.group(1).isEmpty() ? volume.group(2) : quoted(volume.group(2)),
                    QuotedEvent.age(line, now), from);
        }
        Matcher legacy = LEGACY_SYNC.matcher(line);
        if (legacy.find()) {
            return new EventsTable.Row(lineNumber, legacy.group(2), "Warning", "FailedSync", QuotedEvent.age(line, now),
                    from, "pod/" + legacy.group(1), "Error syncing pod, skipping: " + legacy.group(3).strip(), null,
                    null);
        }
        Matcher sandbox = LEGACY_SANDBOX.matcher(line);
        if (sandbox.find()) {
            return new EventsTable.Row(lineNumber, sandbox.group(2), "Warning", "FailedCreatePodSandBox",
                    QuotedEvent.age(line, now), from, "pod/" + sandbox.group(1),
                    "Failed to create pod sandbox: " + sandbox.group(3).strip(), null, null);
        }
        Matcher pull = LEGACY_PULL.matcher(line);
        if (pull.find()) {
            return new EventsTable.Row(lineNumber, null, "Warning", "Failed", QuotedEvent.age(line, now), from, null,
                    "Failed to pull image \"" + pull.group(1) + "\": " + pull.group(2).strip(), null, null);
        }
        Matcher start = LEGACY_START.matcher(line);
        if (start.find()) {
            return new EventsTable.Row(lineNumber, null, "Warning", "Failed", QuotedEvent.age(line, now), from, null,
                    startFailure(start.group(1)), null, null);
        }
        Matcher prober = LEGACY_PROBE.matcher(line);
        if (prober.find()) {
            return new EventsTable.Row(lineNumber, prober.group(3), "Warning", "Unhealthy", QuotedEvent.age(line, now),
                    from, "pod/" + prober.group(2), "spec.containers{" + prober.group(4) + "}: " + prober.group(1)
                            + " probe failed: " + prober.group(5).strip(), null, null);
        }
        // a node's own log without a journal's host is about an unnamed node (the command that printed it may name it)
        String logging = host != null ? host : Unnamed.NODE;
        Matcher missingPlugin = MISSING_CNI_PLUGIN.matcher(line);
        if ((host != null || line.contains("cni.go:")) && missingPlugin.find() && !SANDBOX_WORDS.matcher(line).find()) {
            return notReady(lineNumber, line, now, from, logging, "KubeletNotReady", NETWORK_NOT_READY
                    + "NetworkReady=false reason:NetworkPluginNotReady message:cni config uninitialized: "
                    + missingPlugin.group(1));
        }
        Matcher became = BECAME_NOT_READY.matcher(line);
        String node = !became.find() ? null : became.group("node") != null ? became.group("node") : logging;
        if (node != null) {
            return notReady(lineNumber, line, now, source(node), node, became.group("reason"), became.group("message"));
        }
        Matcher notReady = NOT_READY.matcher(line);
        if (notReady.find()) {
            String why = notReady.group("pleg") != null ? notReady.group("pleg")
                    : NETWORK_NOT_READY + (notReady.group("network") != null
                            ? unquote(notReady.group("network")) : notReady.group("legacy").strip());
            return notReady(lineNumber, line, now, from, logging, "KubeletNotReady", why);
        }
        Matcher notRunning = NOT_RUNNING.matcher(line);
        if (notRunning.find() && (notRunning.group("what") != null || notRunning.group("inner") != null)) {
            return notPosting(lineNumber, line, now, from, logging, givingUp(notRunning.group("what")) + ": "
                    + unquote(notRunning.group("quoted")));
        }
        Matcher bare = NOT_RUNNING_BARE.matcher(line);
        if (bare.find()) {
            return notPosting(lineNumber, line, now, from, logging, givingUp(bare.group("what")) + ": "
                    + bare.group("bare"));
        }
        Matcher fatal = FATAL.matcher(line);
        if (fatal.find()) {
            return notPosting(lineNumber, line, now, from, logging, fatal.group("why"));
        }
        Matcher refused = CREDENTIALS_REFUSED.matcher(line);
        // the kubelet's own line (its journal's, or klog's from its transport or node status code), not prose quoting it
        if ((host != null || line.contains("transport.go:") || line.contains("kubelet_node_status.go:")) && refused.find()) {
            String own = ownNode(line);
            return notPosting(lineNumber, line, now, from, own != null ? own : logging, refused.group().strip());
        }
        Matcher unit = UNIT_FAILED.matcher(line);
        if (unit.find()) {
            return notPosting(lineNumber, line, now, from, logging, "kubelet.service " + (unit.group("status") != null
                    ? "exited with status " + unit.group("status") : "failed: " + unit.group("result")));
        }
        Matcher predicate = LEGACY_PREDICATE.matcher(line);
        if (predicate.find()) {
            return admission(lineNumber, predicate.group(2), "pod/" + predicate.group(1), null,
                    predicate.group(3).strip(), QuotedEvent.age(line, now), from);
        }
        Matcher structured = STRUCTURED.matcher(line);
        if (!structured.find()) {
            return null;
        }
        Map<String, String> pairs = pairs(line.substring(structured.end()));
        boolean probe = "Probe failed".equals(structured.group(1));
        String err = pairs.get(switch (structured.group(1)) {
            case "Probe failed" -> "output";
            case "Pod admission denied" -> "message";
            case "Message for Container of pod" -> "containerMessage";
            default -> "err";
        });
        if (err == null || err.isBlank() || probe && pairs.get("probeType") == null) {
            return null;
        }
        String namespace = null;
        String pod = null;
        String named = pairs.get("pod");
        if (named != null) {
            Matcher m = NAMESPACED.matcher(named);
            Matcher u = UNDERSCORED.matcher(named);
            if (m.matches()) {
                namespace = m.group(1);
                pod = "pod/" + m.group(2);
            } else if (u.matches()) {
                namespace = u.group(2);
                pod = "pod/" + u.group(1);
            }
        }
        String age = QuotedEvent.age(line, now);
        return switch (structured.group(1)) {
            case "Failed to pull image", "PullImage from image service failed" -> {
                String image = pairs.get("image");
                yield new EventsTable.Row(lineNumber, namespace, "Warning", "Failed", age, from, pod,
                        image == null ? "Failed to pull image: " + err : "Failed to pull image \"" + image + "\": " + err,
                        null, null);
            }
            case "Probe failed" -> {
                String container = pairs.get("containerName");
                yield new EventsTable.Row(lineNumber, namespace, "Warning", "Unhealthy", age, from, pod,
                        (container == null ? "" : "spec.containers{" + container + "}: ") + pairs.get("probeType")
                                + " probe failed: " + err, null, null);
            }
            // the message the kubelet records on the Killing event of a container it restarts (a failed probe's)
            case "Message for Container of pod" -> new EventsTable.Row(lineNumber, namespace, "Normal", "Killing", age,
                    from, pod, err, null, null);
            case "Pod admission denied", "Predicate failed on Pod" -> admission(lineNumber, namespace, pod,
                    pairs.get("reason"), err, age, from);
            case "StartContainer from runtime service failed" -> new EventsTable.Row(lineNumber, namespace, "Warning",
                    "Failed", age, from, pod, startFailure(err), null, null);
            case "CreatePodSandbox for pod failed", "Failed to create sandbox for pod" -> new EventsTable.Row(lineNumber,
                    namespace, "Warning", "FailedCreatePodSandBox", age, from, pod, "Failed to create pod sandbox: " + err,
                    null, null);
            default -> new EventsTable.Row(lineNumber, namespace, "Warning", "FailedSync", age, from, pod,
                    "Error syncing pod, skipping: " + err, null, null);
        };
    }

    /**
     * The event of a failed volume operation ({@link #VOLUME_ERROR}): {@code FailedMount}, {@code FailedMapVolume} for
     * a block device; on the pod the error names, its namespace unknown (the line does not print it).
     */
    private static EventsTable.Row volumeFailure(long lineNumber, String err, String age, String from) {
        Matcher m = VOLUME_ERROR.matcher(err.strip());
        String message = m.matches() ? m.group(1) + m.group(3) : err.strip();
        String pod = m.matches() && m.group(2) != null ? "pod/" + m.group(2) : null;
        return new EventsTable.Row(lineNumber, null, "Warning", err.startsWith("MapVolume") ? "FailedMapVolume"
                : "FailedMount", age, from, pod, message, null, null);
    }

    /** A {@code %q}-quoted value with its closing quote, unquoted; cut lines (no closing quote) unquoted as far as they go. */
    private static String quoted(String value) {
        String v = value.endsWith("\"") && !value.endsWith("\\\"") ? value.substring(0, value.length() - 1) : value;
        return unquote(v);
    }

    /** The {@code Failed} event's message for a container the runtime could not start. */
    private static String startFailure(String err) {
        return "Error: " + RPC_STATUS.matcher(err.strip()).replaceFirst("");
    }

    /**
     * The node's Ready condition the kubelet sets with what {@code line} logs, as the NodeNotReady event a described
     * node's condition becomes ({@link DescribeNode#statusMessage}).
     */
    /**
     * A node whose kubelet is not running: no status posted, so the node controller marks its Ready condition
     * {@code Unknown} ({@code NodeStatusUnknown}); {@code why} is what the kubelet or systemd said.
     */
    private static EventsTable.Row notPosting(long lineNumber, String line, Instant now, String from, String node,
                                              String why) {
        return new EventsTable.Row(lineNumber, null, "Normal", "NodeNotReady", QuotedEvent.age(line, now), from,
                "node/" + node, DescribeNode.statusMessage(node, "NodeNotReady", "Ready", "Unknown", "NodeStatusUnknown",
                        "Kubelet stopped posting node status: " + why), null, null);
    }

    private static EventsTable.Row notReady(long lineNumber, String line, Instant now, String from, String node,
                                            String reason, String why) {
        return new EventsTable.Row(lineNumber, null, "Normal", "NodeNotReady", QuotedEvent.age(line, now), from,
                "node/" + node, DescribeNode.statusMessage(node, "NodeNotReady", "Ready", "False", reason, why.strip()),
                null, null);
    }

    /**
     * The kubelet's refusal of a pod it was given ({@code "Pod admission denied" ... reason="UnexpectedAdmissionError"
     * message="Allocate failed due to ..."}, {@code "Predicate failed on Pod" ... err="Node didn't have enough
     * resource: nvidia.com/gpu, requested: 1, used: 4, capacity: 4"}): the event it records with the pod's status
     * reason, its own when the line names none.
     */
    private static EventsTable.Row admission(long lineNumber, String namespace, String pod, String reason,
                                             String message, String age, String from) {
        String told = DescribePod.rejectionReason(message.startsWith("Pod was rejected:") ? message
                : "Pod was rejected: " + message);
        return new EventsTable.Row(lineNumber, namespace, "Warning", reason != null ? reason : told, age, from, pod,
                message, null, null);
    }

    /** The pairs after a structured line's message, values unquoted one level (as Go's strconv.Quote wrote them). */
    private static Map<String, String> pairs(String tail) {
        Map<String, String> pairs = new HashMap<>();
        Matcher pair = PAIR.matcher(tail);
        while (pair.find()) {
            pairs.putIfAbsent(pair.group(1), pair.group(2) != null ? unquote(pair.group(2)) : pair.group(3));
        }
        return pairs;
    }

    /** A value as Go's strconv.Quote wrote it (klog's structured pairs, containerd's logfmt), one level unquoted. */
    static String unquote(String quoted) {
        StringBuilder out = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length()) {
                char next = quoted.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
