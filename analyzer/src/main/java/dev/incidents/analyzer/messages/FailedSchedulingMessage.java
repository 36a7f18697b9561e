package dev.incidents.analyzer.messages;

import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.messages.SchedulingReason.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scheduler {@code FailedScheduling} message, parsed once at the edge, e.g.
 * {@code 0/4 nodes are available: 1 node(s) had untolerated taint {accelerator: gpu}, 3 Insufficient nvidia.com/gpu.
 * preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.}
 *
 * <h2>Which reason blocks ({@link #category()})</h2>
 * kube-scheduler runs its Filter plugins in a fixed order (NodeUnschedulable, TaintToleration, NodeAffinity, NodePorts,
 * NodeResourcesFit, VolumeBinding, PodTopologySpread, InterPodAffinity) and a node stops at the first filter it fails.
 * So a node counted under a later filter has passed every earlier one: it is a node the pod otherwise targets. The rule:
 * <ol>
 *   <li>Drop incidental reasons: cordoned or not-ready nodes and system taints ({@code node-role.kubernetes.io/*},
 *       {@code node.kubernetes.io/*}, cluster-autoscaler/Karpenter taints). No change to the workload places the pod
 *       there; {@code 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu}
 *       is INSUFFICIENT_RESOURCES.</li>
 *   <li>An unbound PVC is a pod-level PreFilter failure, it blocks every node: PVC_UNBOUND.</li>
 *   <li>An accelerator taint ({@code {accelerator: gpu}}, {@code {nvidia.com/gpu: NoSchedule}}) next to
 *       {@code Insufficient} of an accelerator means the only accelerator nodes are fenced off by the taint and the other
 *       nodes lack GPUs by design (seed 002, step 3): {@code 1 node(s) had untolerated taint {accelerator: gpu},
 *       3 Insufficient nvidia.com/gpu} is UNTOLERATED_TAINT. Same when the only other reason is a selector mismatch
 *       (the untainted nodes lack the accelerator label the selector asks for). And before 1.18, when taints were
 *       checked after the node selector, any taint next to a selector mismatch ({@code 1 node(s) had taints that the
 *       pod didn't tolerate, 22 node(s) didn't match node selector}: the one node selected is tainted).</li>
 *   <li>Otherwise the reason of the latest filter stage blocks (accelerator insufficiency first within the resource
 *       stage): {@code 1 node(s) didn't match Pod's node affinity/selector, 3 Insufficient nvidia.com/gpu} means the 3
 *       selected GPU nodes have no free GPU: INSUFFICIENT_GPU. A non-accelerator taint does not prove the tainted node
 *       has GPUs, so {@code 1 ... taint {dedicated: training}, 3 Insufficient nvidia.com/gpu} stays INSUFFICIENT_GPU.</li>
 *   <li>Except when the counts show an accelerator node short of something else ({@code 1 Insufficient cpu,
 *       3 Insufficient nvidia.com/gpu} of 4 nodes: the GPU node lacks CPU): INSUFFICIENT_RESOURCES.</li>
 *   <li>A node without the pod's host ports free is short of a per-node resource (INSUFFICIENT_RESOURCES, as a node
 *       out of pod slots is). A reason without a category (pod (anti-)affinity, topology spread) yields to the next-ranked reason that
 *       has one; when nothing is left (only cordoned/not-ready nodes) the category is empty: node detectors own that.</li>
 * </ol>
 *
 * @param available  nodes available, the {@code 0} of {@code 0/4 nodes are available}
 * @param total      nodes considered; 0 when the message has no {@code 0/N} prefix (then every reason counts 0 nodes)
 * @param reasons    the clauses in message order, node counts clamped to {@code total}
 * @param preemption the {@code preemption: ...} tail (Kubernetes 1.24+), verbatim without the {@code preemption: } word
 * @param truncated  the message was cut (the API server caps event messages at 1024 characters)
 * @param raw        the message verbatim, kept as evidence
 */
public record FailedSchedulingMessage(int available, int total, List<SchedulingReason> reasons,
                                      Optional<String> preemption, boolean truncated, String raw) {

    /** The API server truncates event messages longer than this (events.k8s.io {@code note} limit). */
    public static final int EVENT_MESSAGE_LIMIT = 1024;

    /**
     * What a pod asks for through dynamic resource allocation (its ResourceClaims' devices, API group
     * {@code resource.k8s.io}): the scheduler's {@code cannot allocate all claims} names no device class, and the
     * devices DRA drivers publish today are accelerators (NVIDIA's and Intel's GPUs, TPUs).
     */
    public static final String DRA_DEVICES = "resource.k8s.io/devices";

    /**
     * A word in an extended resource's name that makes it an accelerator (see {@link #isAccelerator}); a GPU's device
     * files by name too, as generic device plugins publish them ({@code squat.ai/dri} for {@code /dev/dri}, the render
     * nodes of Intel and AMD GPUs, {@code .../kfd} for AMD's compute device).
     */
    private static final Pattern ACCELERATOR_WORD = Pattern.compile(
            "gpu|vcuda|tpu|npu|neuron|fpga|mlu|ascend|dcu|gaudi|\\b(?:dri|kfd)\\b");
    /** The default scheduler's {@code 0/4 nodes are available:}; Volcano's says {@code unavailable}. */
    private static final Pattern PREFIX = Pattern.compile("^\\s*(\\d{1,9})/(\\d{1,9}) nodes are (?:un)?available:?\\s*");
    /** {@code Insufficient nvidia.com/gpu} after a predicate's name: the resource it found short. */
    private static final Pattern INSUFFICIENT_NAMED = Pattern.compile("\\bInsufficient ([a-z][-a-z0-9./]*[a-z0-9])");
    /**
     * GPU-sharing schedulers' own words for a node without enough of its cards: Volcano's {@code no enough gpu cards
     * on node}, HAMi's and others' {@code not enough gpu memory}, {@code insufficient vgpu}.
     */
    private static final Pattern NOT_ENOUGH_GPU = Pattern.compile("\\b(?:no|not) enough v?gpu|\\binsufficient v?gpu\\b");
    /**
     * Other schedulers' and scheduler plugins' words for a node short of what the pod asks, without naming the
     * resource the way kube-scheduler does ({@code Not enough resources for pod}, Neon's autoscale-scheduler; {@code not
     * enough cpu}, {@code insufficient memory}): the resource when one is named.
     */
    private static final Pattern NOT_ENOUGH_RESOURCES = Pattern.compile(
            "\\b(?:no|not) enough (resources?|cpu|memory)\\b|\\binsufficient (resources?|cpu|memory)\\b");
    /**
     * HAMi's per-node reasons (its standardised codes, and {@code node unregistered}: a node whose devices HAMi's
     * device plugin has not registered, its handshake annotation missing): a card short of memory or cores, a node
     * short of devices. HAMi's scheduler extender (GPU sharing: {@code nvidia.com/gpu} counts physical cards, with
     * {@code gpumem} and {@code gpucores} beside it) filters nodes by their devices only, so every one of them says no
     * node has the devices the pod asks for.
     */
    private static final String HAMI_REASONS = "Card[A-Z]\\w+|NodeInsufficientDevice|AllocatedCardsInsufficientRequest"
            + "|NumaNotFit|ExclusiveDeviceAllocateConflict";
    /** The resource HAMi's verdicts are about: HAMi counts physical cards under NVIDIA's name. */
    private static final String HAMI_RESOURCE = "nvidia.com/gpu";
    /**
     * HAMi's {@code FilteringFailed} verdict: {@code no available node, all node scores do not meet} (or {@code ...,
     * 3 nodes do not meet}), and its per-reason events ({@code 3 nodes CardInsufficientMemory(node-a,node-b,node-c)}).
     */
    private static final Pattern HAMI_VERDICT = Pattern.compile("^\\s*(?:no available node, (?:all node scores|\\d+ "
            + "nodes?) do not meet|\\d+ nodes? (?:" + HAMI_REASONS + ")\\()");
    /** A HAMi reason as the scheduler's verdict carries it through the extender ({@code 1 node unregistered}). */
    private static final Pattern HAMI_NODE_REASON = Pattern.compile("^(?:node unregistered|" + HAMI_REASONS + ")\\b");
    /**
     * NVIDIA KAI Scheduler's (Run:ai's) fit errors, on the pod's {@code Unschedulable} event: {@code no nodes with enough
     * resources were found: 3 node(s) didn't have enough resources: GPUs.}, per node {@code Node didn't have enough
     * resources: GPUs, requested: 1, used: 8, capacity: 8}; the resource is a word of its own ({@code GPUs},
     * {@code GPU memory}, {@code CPU cores}, {@code memory}).
     */
    private static final Pattern KAI_PREFIX = Pattern.compile("(?i)^\\s*no nodes with enough resources were found:?\\s*");
    /**
     * KAI's pre-filter verdict: {@code Scheduling conditions were not met for pod ns/name:}, then one
     * {@code Predicate: error} per line ({@link #KAI_PREDICATE}), e.g. {@code MaxNodePoolResources: The pod ns/name
     * requires GPU: 1, CPU: 0 (cores), memory: 0 (GB), pods: 1. No node in the default node-pool has GPU resources.}
     */
    private static final Pattern KAI_CONDITIONS = Pattern.compile(
            "(?i)^\\s*scheduling conditions were not met for pod \\S+?:\\s*");
    /** A predicate's key in {@link #KAI_CONDITIONS}: a CamelCase name ({@code VolumeBinding}), not {@code GPU:}. */
    private static final Pattern KAI_PREDICATE = Pattern.compile("(?:^|\\s)([A-Z][a-z]+(?:[A-Z][a-z]*)+):\\s+");
    /**
     * KAI's {@code MaxNodePoolResources}: no node of the pool has the resource at all, or none has as much as the pod
     * asks ({@code Max CPU resources available in a single node in the default node-pool is topped at 0.5 cores}).
     */
    private static final Pattern KAI_NODE_POOL = Pattern.compile("(?i)(?:no node in the \\S+ node-pool has (\\S+) "
            + "resources|max (\\S+) resources available in a single node)");
    private static final Pattern KAI_NOT_ENOUGH = Pattern.compile(
            "(?i)^(?:node(?:-group)?(?:\\(s\\))?\\s+)?(?:\\S+\\s+)?didn't have enough resources:\\s*([a-z][a-z ]*?)\\s*(?:,.*)?$");
    /**
     * cluster-autoscaler's {@code NotTriggerScaleUp} lists the same reasons per node group:
     * {@code pod didn't trigger scale-up: 1 Insufficient nvidia.com/gpu, 2 node(s) didn't match Pod's node
     * affinity/selector}. Its counts are node groups, not nodes, so they are read as "no node total" (0).
     */
    private static final Pattern SCALE_UP_PREFIX = Pattern.compile(
            "^\\s*pod didn't trigger scale-up(?: \\([^)]*\\))?:\\s*");
    /**
     * Schedulers before 1.10 named their predicates and put the node count after each:
     * {@code No nodes are available that match all of the predicates: Insufficient cpu (19), PodToleratesNodeTaints (10).}
     * (1.7 printed {@code ... all of the following predicates:: ...}). A node may fail several predicates there, so the
     * counts are kept but no total is known.
     */
    private static final Pattern PREDICATES_PREFIX = Pattern.compile(
            "^\\s*No nodes are available that match all of the (?:following )?predicates:+\\s*");
    /**
     * Schedulers 1.2 to 1.5 began with the pod and then named each node and the predicate it failed:
     * {@code pod (web-5205-d8n7i) failed to fit in any node fit failure on node (home-server): PodToleratesNodeTaints},
     * one {@code fit failure on node (n): X} per node (on lines of their own in the event, on one line once quoted), or
     * a summary with counts ({@code fit failure summary on nodes : Insufficient cpu (2), PodToleratesNodeTaints (1)}).
     */
    private static final Pattern FIT_FAILURE_PREFIX = Pattern.compile("^\\s*pod \\([^)]*\\) failed to fit in any node\\s*");
    private static final Pattern FIT_FAILURE_ON_NODE = Pattern.compile(
            "fit failure on node \\(([^)]*)\\):\\s*(.+?)(?=\\s*fit failure on node \\(|\\s*$)", Pattern.DOTALL);
    private static final Pattern FIT_FAILURE_SUMMARY = Pattern.compile("^fit failure summary on nodes\\s*:\\s*");
    /**
     * Karpenter's verdict, per node pool: {@code Failed to schedule pod, incompatible with nodepool "gpu", daemonset
     * overhead={...}, incompatible requirements, label "workload" does not have known values; incompatible with
     * nodepool "inf2", ..., did not tolerate aws.amazon.com/neuron=:NoSchedule}, or {@code no instance type satisfied
     * resources {"nvidia.com/gpu":"1",...}}. Pools, not nodes: no counts.
     */
    private static final Pattern PROVISIONER_PREFIX = Pattern.compile("^\\s*Failed to schedule pod,\\s*");
    /**
     * A pool's taint the pod does not tolerate: {@code did not tolerate aws.amazon.com/neuron=:NoSchedule}, or as
     * Karpenter v1 words it, {@code did not tolerate taint (taint=CriticalAddonsOnly=true:NoSchedule)}.
     */
    private static final Pattern POOL_TAINT = Pattern.compile("did not tolerate (?:taint \\(taint=([^)]+)\\)|([^;,\\s]+))");
    private static final Pattern REQUESTED_RESOURCE = Pattern.compile("\"([a-z0-9.-]+/[a-z0-9.-]+|cpu|memory)\"\\s*:");
    private static final Pattern PREDICATE_COUNTED = Pattern.compile("^(.*?)\\s*\\((\\d{1,9})\\)$", Pattern.DOTALL);
    private static final Pattern COUNTED = Pattern.compile("^(\\d{1,9})\\s+(.*)$", Pattern.DOTALL);
    /** A clause starts with a node count; {@code , that the pod didn't tolerate} (pre-1.26 taints) does not. */
    private static final Pattern CLAUSE_SPLIT = Pattern.compile(",\\s+(?=\\d+\\s)");
    private static final Pattern TAINT = Pattern.compile("\\{([^}]*)}");
    private static final Pattern VOLUME_COUNT_PREDICATE = Pattern.compile("\\bMax[A-Za-z]*VolumeCount");
    /** The taint a cordon puts on a node ({@code kubectl cordon}, a drain). */
    static final String CORDON_TAINT = "node.kubernetes.io/unschedulable";
    /** The resource a {@link Kind#VOLUME_LIMIT} reason stands for, as the hints name it. */
    static final String ATTACHABLE_VOLUMES = "attachable volumes";
    /**
     * Sentences after the reason list that are not reasons: Dynamic Resource Allocation (1.27+) appends
     * {@code no new claims to deallocate,} before the preemption tail.
     */
    private static final Pattern TRAILING_SENTENCE = Pattern.compile("\\.\\s+(?=[a-z])");
    private static final Pattern PVC_NAME = Pattern.compile("persistentvolumeclaim \"([^\"]+)\"");

    public FailedSchedulingMessage {
        reasons = List.copyOf(reasons);
    }

    private static final LastParse<FailedSchedulingMessage> LAST = new LastParse<>(FailedSchedulingMessage::read);

    /** Never throws: an unknown wording becomes one {@link Kind#OTHER} reason holding the text. */
    public static FailedSchedulingMessage parse(String message) {
        return LAST.parse(message);
    }

    private static FailedSchedulingMessage read(String message) {
        String raw = message == null ? "" : message;
        boolean truncated = raw.length() >= EVENT_MESSAGE_LIMIT || raw.endsWith("...") || raw.endsWith("…");
        String body = raw;
        Optional<String> preemption = Optional.empty();
        int preemptionAt = raw.indexOf("preemption:");
        if (preemptionAt >= 0) {
            body = raw.substring(0, preemptionAt);
            preemption = Optional.of(raw.substring(preemptionAt + "preemption:".length()).trim());
        }
        int available = 0;
        int total = 0;
        boolean prefixed = false;
        Matcher prefix = PREFIX.matcher(body);
        Matcher kai = KAI_PREFIX.matcher(body);
        Matcher conditions = KAI_CONDITIONS.matcher(body);
        if (conditions.find()) {
            return new FailedSchedulingMessage(0, 0, kaiPredicates(body.substring(conditions.end())), preemption,
                    truncated, raw);
        }
        if (HAMI_VERDICT.matcher(body).find()) {
            return new FailedSchedulingMessage(0, 0, List.of(new SchedulingReason(0, Kind.INSUFFICIENT_RESOURCE,
                    HAMI_RESOURCE, null, body.trim())), preemption, truncated, raw);
        }
        if (prefix.find()) {
            available = Integer.parseInt(prefix.group(1));
            total = Integer.parseInt(prefix.group(2));
            body = body.substring(prefix.end());
            prefixed = true;
            Matcher trailing = TRAILING_SENTENCE.matcher(body);
            if (trailing.find()) {
                body = body.substring(0, trailing.start());
            }
        } else if (PROVISIONER_PREFIX.matcher(body).find() || body.contains("incompatible with nodepool")) {
            return new FailedSchedulingMessage(0, 0, provisionerReasons(body), preemption, truncated, raw);
        } else if (kai.find()) {
            body = body.substring(kai.end());
            prefixed = true;
        } else if (FIT_FAILURE_PREFIX.matcher(body).find()) {
            return fitFailures(body, preemption, truncated, raw);
        } else if (FIT_FAILURE_SUMMARY.matcher(body.stripLeading()).find()) {
            // the summary line alone: a describe row or a log that kept the second line of the two-line message
            return fitFailures("pod () failed to fit in any node " + body.stripLeading(), preemption, truncated, raw);
        } else {
            Matcher predicates = PREDICATES_PREFIX.matcher(body);
            if (predicates.find()) {
                return new FailedSchedulingMessage(0, 0, countedPredicates(body.substring(predicates.end())),
                        preemption, truncated, raw);
            }
            Matcher scaleUp = SCALE_UP_PREFIX.matcher(body);
            if (scaleUp.find()) {
                body = body.substring(scaleUp.end());
            }
        }
        body = stripEnd(body);
        List<SchedulingReason> reasons = new ArrayList<>();
        if (!body.isEmpty()) {
            for (String clause : CLAUSE_SPLIT.split(body)) {
                reasons.add(reason(clause.trim(), prefixed ? total : 0));
            }
        }
        return new FailedSchedulingMessage(available, total, reasons, preemption, truncated, raw);
    }

    /**
     * A 1.2-1.5 verdict ({@link #FIT_FAILURE_PREFIX}): one reason per node it names, over as many nodes as it names, or
     * the summary's counted predicates (no total: a node may fail several).
     */
    private static FailedSchedulingMessage fitFailures(String body, Optional<String> preemption, boolean truncated,
                                                       String raw) {
        Matcher prefix = FIT_FAILURE_PREFIX.matcher(body);
        prefix.find();
        String rest = body.substring(prefix.end()).trim();
        Matcher summary = FIT_FAILURE_SUMMARY.matcher(rest);
        if (summary.find()) {
            return new FailedSchedulingMessage(0, 0, countedPredicates(rest.substring(summary.end())), preemption,
                    truncated, raw);
        }
        List<SchedulingReason> reasons = new ArrayList<>();
        Matcher node = FIT_FAILURE_ON_NODE.matcher(rest);
        while (node.find()) {
            reasons.add(reason(stripEnd(node.group(2)), 1));
        }
        return new FailedSchedulingMessage(0, reasons.size(), reasons, preemption, truncated, raw);
    }

    /**
     * Predicates named with the count of nodes that failed each ({@code Insufficient cpu (19), PodToleratesNodeTaints
     * (10)}), as schedulers before 1.10 listed them: a node may fail several, so no total.
     */
    private static List<SchedulingReason> countedPredicates(String clauses) {
        List<SchedulingReason> reasons = new ArrayList<>();
        for (String clause : stripEnd(clauses).split(",\\s+")) {
            Matcher counted = PREDICATE_COUNTED.matcher(clause.trim());
            SchedulingReason r = reason(counted.matches() ? counted.group(1) : clause.trim(), 0);
            int nodes = counted.matches() ? Integer.parseInt(counted.group(2)) : 0;
            reasons.add(new SchedulingReason(nodes, r.kind(), r.resource(), r.taint(), clause.trim()));
        }
        return reasons;
    }

    /** One reason per failed predicate of a KAI pre-filter verdict ({@link #KAI_CONDITIONS}). */
    private static List<SchedulingReason> kaiPredicates(String errors) {
        List<int[]> keys = new ArrayList<>();
        Matcher key = KAI_PREDICATE.matcher(errors);
        while (key.find()) {
            keys.add(new int[] {key.start(), key.end()});
        }
        List<SchedulingReason> reasons = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            int end = i + 1 < keys.size() ? keys.get(i + 1)[0] : errors.length();
            String error = stripEnd(errors.substring(keys.get(i)[1], end));
            Matcher pool = KAI_NODE_POOL.matcher(error);
            reasons.add(pool.find()
                    ? new SchedulingReason(0, Kind.INSUFFICIENT_RESOURCE,
                            kaiResource(pool.group(1) != null ? pool.group(1) : pool.group(2)), null, error)
                    : reason(error, 0));
        }
        if (reasons.isEmpty() && !errors.isBlank()) {
            reasons.add(reason(stripEnd(errors), 0));
        }
        return reasons;
    }

    /** One reason per node pool of a Karpenter verdict ({@link #PROVISIONER_PREFIX}). */
    private static List<SchedulingReason> provisionerReasons(String body) {
        List<SchedulingReason> reasons = new ArrayList<>();
        for (String pool : PROVISIONER_PREFIX.matcher(body).replaceFirst("").split(";\\s*")) {
            String lower = pool.toLowerCase(Locale.ROOT);
            Matcher taint = POOL_TAINT.matcher(pool);
            if (taint.find()) {
                String key = taint.group(1) != null ? taint.group(1) : taint.group(2);
                reasons.add(new SchedulingReason(0, taintKind(key), null, key, pool.trim()));
            } else if (lower.contains("does not have known values") || lower.contains("incompatible requirements")) {
                reasons.add(new SchedulingReason(0, Kind.NODE_SELECTOR_MISMATCH, null, null, pool.trim()));
            } else if (lower.contains("no instance type") || lower.contains("exceed limits")) {
                Matcher resource = REQUESTED_RESOURCE.matcher(pool);
                String named = null;
                while (resource.find() && (named == null || !isAccelerator(named))) {
                    named = resource.group(1);
                }
                reasons.add(new SchedulingReason(0, Kind.INSUFFICIENT_RESOURCE, named, null, pool.trim()));
            } else if (!pool.isBlank()) {
                reasons.add(new SchedulingReason(0, Kind.OTHER, null, null, pool.trim()));
            }
        }
        return reasons;
    }

    /** HAMi's {@code FilteringFailed} verdict: no node has the devices the pod asks for. */
    public static boolean isDeviceFilterVerdict(String message) {
        return message != null && HAMI_VERDICT.matcher(message).find();
    }

    /** KAI's resource words as the Kubernetes resources they stand for. */
    private static String kaiResource(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "gpus", "gpu", "gpu memory" -> "nvidia.com/gpu";
            case "cpu cores", "cpu" -> "cpu";
            default -> word.toLowerCase(Locale.ROOT);
        };
    }

    private static String stripEnd(String text) {
        String s = text.trim();
        while (s.endsWith(".") || s.endsWith(",") || s.endsWith("…")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        return s;
    }

    private static SchedulingReason reason(String clause, int total) {
        int nodes = total;
        String text = clause;
        Matcher counted = COUNTED.matcher(clause);
        if (counted.matches()) {
            nodes = Math.min(total, Integer.parseInt(counted.group(1)));
            text = counted.group(2);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher kai = KAI_NOT_ENOUGH.matcher(text);
        if (kai.matches()) {
            return new SchedulingReason(nodes, Kind.INSUFFICIENT_RESOURCE, kaiResource(kai.group(1)), null, clause);
        }
        if (lower.startsWith("cannot allocate all claims")) {
            // dynamic resource allocation: no node has devices left that the pod's ResourceClaims select
            return new SchedulingReason(nodes, Kind.INSUFFICIENT_RESOURCE, DRA_DEVICES, null, clause);
        }
        if (HAMI_NODE_REASON.matcher(text).find()) {
            return new SchedulingReason(nodes, Kind.INSUFFICIENT_RESOURCE, HAMI_RESOURCE, null, clause);
        }
        if (text.startsWith("Insufficient ")) {
            // a resource name ends with a letter or digit: the verdict's closing period or a quote around it is not its
            return new SchedulingReason(nodes, Kind.INSUFFICIENT_RESOURCE,
                    text.substring(13).trim().replaceFirst("[^A-Za-z0-9]+$", ""), null, clause);
        }
        if (NOT_ENOUGH_GPU.matcher(lower).find()) {
            return new SchedulingReason(nodes, Kind.INSUFFICIENT_RESOURCE, "nvidia.com/gpu", null, clause);
        }
        Matcher notEnough = NOT_ENOUGH_RESOURCES.matcher(lower);
        if (notEnough.find()) {
            String named = notEnough.group(1) != null ? notEnough.group(1) : notEnough.group(2);
            return new SchedulingReason(nodes, Kind.INSUFFICIENT_RESOURCE, named.startsWith("resource") ? null : named,
                    null, clause);
        }
        if (lower.contains("podfitsresources") || lower.contains("podexceedsfreecpu")
                || lower.contains("podexceedsfreememory")) {
            // the 1.0-1.5 scheduler's predicate names: "Failed for reason PodFitsResources and possibly others",
            // "pod (x) failed to fit in any node fit failure on node (n): PodExceedsFreeCPU"; the autoscaler's log
            // names the resource after it ("PodFitsResources predicate mismatch, ..., reason: Insufficient nvidia.com/gpu")
            Matcher named = INSUFFICIENT_NAMED.matcher(text);
            return new SchedulingReason(nodes, Kind.INSUFFICIENT_RESOURCE, named.find() ? named.group(1)
                    : lower.contains("memory") ? "memory" : lower.contains("cpu") ? "cpu" : null, null, clause);
        }
        if (lower.contains("podfitsports") || lower.contains("podfitshostports")) {
            return new SchedulingReason(nodes, Kind.NODE_PORTS, null, null, clause);
        }
        if (lower.startsWith("too many pods")) {
            return new SchedulingReason(nodes, Kind.TOO_MANY_PODS, null, null, clause);
        }
        if (lower.contains("taint")) {
            // 1.26+: "had untolerated taint {k: v}"; older: "had taint {k: v}, that the pod didn't tolerate"; before
            // 1.18 and again in recent releases: "had taints that the pod didn't tolerate" / "had untolerated
            // taint(s)" with no taint named, so the taint is null and only Node snapshots can tell which one it is.
            Matcher t = TAINT.matcher(text);
            String taint = t.find() ? t.group(1).trim() : null;
            return new SchedulingReason(nodes, taintKind(taint), null, taint, clause);
        }
        if (lower.contains("volume node affinity conflict") || lower.contains("persistentvolume's node affinity")) {
            // VolumeBinding's conflict: "had volume node affinity conflict" until 1.21, "didn't match
            // PersistentVolume's node affinity" since (not the pod's own node affinity)
            return new SchedulingReason(nodes, Kind.VOLUME_NODE_AFFINITY_CONFLICT, null, null, clause);
        }
        if (lower.contains("volumezoneconflict") || lower.contains("volumenodeconflict")
                || lower.contains("no available volume zone")) {
            // pre-1.10 predicates NoVolumeZoneConflict / NoVolumeNodeConflict, and the VolumeZone filter's words
            // ("node(s) had no available volume zone": the PV's zone labels), beside VolumeBinding's node affinity
            return new SchedulingReason(nodes, Kind.VOLUME_NODE_AFFINITY_CONFLICT, null, null, clause);
        }
        if (lower.contains("node affinity") || lower.contains("node selector") || lower.contains("matchnodeselector")) {
            // "didn't match Pod's node affinity/selector" (1.21+), "didn't match node selector" (older).
            return new SchedulingReason(nodes, Kind.NODE_SELECTOR_MISMATCH, null, null, clause);
        }
        // VolumeBinding's PreBind: the scheduler picked a node and waited for the claims' volumes to be provisioned
        // and bound there, and they were not ("binding volumes: timed out waiting for the condition", "binding
        // volumes: provisioning failed for PVC ..."; before 1.19 "Failed to bind volumes: ...")
        boolean bindingFailed = (lower.contains("binding volumes:") || lower.contains("bind volumes:"))
                && !lower.contains("pod does not exist");
        // VolumeBinding's storage capacity check for a WaitForFirstConsumer claim ("node(s) did not have enough free
        // storage"): the CSI driver reports no room for the claim's volume there, so it cannot be provisioned
        boolean noCapacity = lower.contains("did not have enough free storage");
        if (lower.contains("persistentvolumeclaim") || lower.contains("persistent volumes to bind") || bindingFailed
                || noCapacity) {
            Matcher pvc = PVC_NAME.matcher(text);
            return new SchedulingReason(nodes, Kind.UNBOUND_PVC, pvc.find() ? pvc.group(1) : null, null, clause);
        }
        if (lower.contains("unschedulable")) {
            return new SchedulingReason(nodes, Kind.NODE_UNSCHEDULABLE, null, null, clause);
        }
        if (lower.contains("max volume count") || VOLUME_COUNT_PREDICATE.matcher(text).find()) {
            // NodeVolumeLimits ("node(s) exceed max volume count"; before 1.10 the predicates MaxEBSVolumeCount,
            // MaxGCEPDVolumeCount, MaxAzureDiskVolumeCount, MaxCSIVolumeCountPred): as many volumes attached as the
            // node's attach limit (its allocatable attachable-volumes-*) allows, a per-node resource like its CPU
            return new SchedulingReason(nodes, Kind.VOLUME_LIMIT, ATTACHABLE_VOLUMES, null, clause);
        }
        if (lower.contains("not ready") || lower.contains("not-ready") || lower.contains("notready")
                || lower.contains("unreachable") || lower.contains("unknown condition")) {
            // "had unknown conditions": before 1.12, a node whose Ready condition was Unknown (its kubelet stopped
            // reporting), which is NotReady by another name
            return new SchedulingReason(nodes, Kind.NODE_NOT_READY, null, null, clause);
        }
        if (lower.contains("anti-affinity")) {
            return new SchedulingReason(nodes, Kind.POD_ANTI_AFFINITY, null, null, clause);
        }
        if (lower.contains("affinity")) {
            return new SchedulingReason(nodes, Kind.POD_AFFINITY, null, null, clause);
        }
        if (lower.contains("topology spread")) {
            return new SchedulingReason(nodes, Kind.TOPOLOGY_SPREAD, null, null, clause);
        }
        if (lower.contains("free ports") || lower.contains("hostports")) {
            return new SchedulingReason(nodes, Kind.NODE_PORTS, null, null, clause);
        }
        return new SchedulingReason(nodes, Kind.OTHER, null, null, clause);
    }

    private static Kind taintKind(String taint) {
        String t = taint == null ? "" : taint.toLowerCase(Locale.ROOT);
        if (t.startsWith("node.kubernetes.io/not-ready") || t.startsWith("node.kubernetes.io/unreachable")) {
            return Kind.NODE_NOT_READY;
        }
        if (t.startsWith("node.kubernetes.io/unschedulable")) {
            return Kind.NODE_UNSCHEDULABLE;
        }
        return Kind.UNTOLERATED_TAINT;
    }

    /**
     * Extended resources that are accelerators. Device plugins name them {@code vendor-domain/resource}; the list
     * follows the vendors' plugins (NVIDIA incl. MIG and shared/time-sliced names, AMD, Intel, AWS Neuron, Google TPU,
     * Habana Gaudi, Xilinx/AMD FPGAs), and any other domain's resource whose name is an accelerator's word: the
     * sharing and virtualisation plugins name their own (HAMi {@code nvidia.com/gpumem}, Alibaba
     * {@code aliyun.com/gpu-mem}, Tencent {@code tencent.com/vcuda-core}, Volcano {@code volcano.sh/vgpu-number},
     * Huawei {@code huawei.com/Ascend910}, Cambricon {@code cambricon.com/mlu}), and Kubernetes before 1.8 had
     * {@code alpha.kubernetes.io/nvidia-gpu}.
     */
    public static boolean isAccelerator(String resource) {
        if (resource == null) {
            return false;
        }
        // asked for every resource of every node and pod a record touches; a cluster names a few dozen resources
        Boolean known = ACCELERATOR_NAMES.get(resource);
        if (known != null) {
            return known;
        }
        boolean accelerator = acceleratorName(resource);
        if (ACCELERATOR_NAMES.size() < 4_096) {
            ACCELERATOR_NAMES.put(resource, accelerator);
        }
        return accelerator;
    }

    /** Resource names already told apart by {@link #isAccelerator}, bounded (a name is the user's, not a closed set). */
    private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> ACCELERATOR_NAMES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean acceleratorName(String resource) {
        String r = resource.trim().toLowerCase(Locale.ROOT);
        if (r.startsWith("nvidia.com/mig-") || r.startsWith("amd.com/gpu") || r.startsWith("gpu.intel.com/")
                || r.startsWith("aws.amazon.com/neuron") || r.startsWith("google.com/tpu") || r.startsWith("habana.ai/")
                || r.startsWith("xilinx.com/fpga") || r.startsWith("amd.com/xilinx")) {
            return true;
        }
        int slash = r.indexOf('/');
        return r.equals(DRA_DEVICES) || slash > 0 && ACCELERATOR_WORD.matcher(r.substring(slash + 1)).find();
    }

    /** A taint that fences an accelerator pool: its key or value names an accelerator. */
    static boolean isAcceleratorTaint(String taint) {
        if (taint == null) {
            return false;
        }
        String t = taint.toLowerCase(Locale.ROOT);
        return t.contains("gpu") || t.contains("accelerator") || t.contains("nvidia") || t.contains("neuron")
                || t.contains("tpu") || t.contains("gaudi") || t.contains("habana") || t.contains("amd.com");
    }

    /**
     * The taints a node is created with and that its provisioner or cloud controller removes once the node is
     * initialised: Karpenter's ({@code karpenter.sh/not-ready} before v1, {@code karpenter.sh/unregistered} since), the
     * cloud controller manager's {@code node.cloudprovider.kubernetes.io/uninitialized}, Cluster API's
     * {@code node.cluster.x-k8s.io/uninitialized}. Brief on a healthy node; a pod held by one past the grace waits for a
     * node that never finished starting.
     */
    static boolean isStartupTaint(String taint) {
        if (taint == null) {
            return false;
        }
        String t = taint.toLowerCase(Locale.ROOT);
        return t.startsWith("karpenter.sh/not-ready") || t.startsWith("karpenter.sh/unregistered")
                || t.startsWith("node.cloudprovider.kubernetes.io/uninitialized")
                || t.startsWith("node.cluster.x-k8s.io/uninitialized");
    }

    /**
     * The taints a node keeps until an agent on it or a controller says it is ready: the start-up taints ({@link
     * #isStartupTaint}), the network's ({@code node.kubernetes.io/network-unavailable}, set until the CNI's routes are
     * up) and a CNI agent's own ({@code node.cilium.io/agent-not-ready}, which Cilium's operator removes once its agent
     * runs there).
     */
    static boolean isAgentTaint(String taint) {
        if (taint == null) {
            return false;
        }
        String t = taint.toLowerCase(Locale.ROOT);
        return isStartupTaint(taint) || t.startsWith("node.kubernetes.io/network-unavailable")
                || t.startsWith("node.cilium.io/agent-not-ready");
    }

    /**
     * Taints that reserve a node for a role or wait for the cloud provider, not conditions of a broken node. {@code
     * CriticalAddonsOnly} reserves a managed cluster's system pool for the platform's own add-ons (AKS system node
     * pools, EKS Auto Mode's system pool) as the control-plane taint reserves a kubeadm cluster's masters.
     */
    static boolean isRoleTaint(String taint) {
        if (taint == null) {
            return false;
        }
        String t = taint.toLowerCase(Locale.ROOT);
        return t.startsWith("node-role.kubernetes.io/") || t.startsWith("node.cloudprovider.kubernetes.io/")
                || t.startsWith("criticaladdonsonly");
    }

    /**
     * The taints Kubernetes itself sets under {@code node.kubernetes.io/} (a node's conditions, a cordon, an
     * out-of-service node). Others under that prefix are an operator's own ({@code node.kubernetes.io/purpose: infra}
     * on a dedicated pool), as any custom taint is.
     */
    private static final List<String> NODE_CONDITION_TAINTS = List.of("node.kubernetes.io/not-ready",
            "node.kubernetes.io/unreachable", "node.kubernetes.io/unschedulable", "node.kubernetes.io/memory-pressure",
            "node.kubernetes.io/disk-pressure", "node.kubernetes.io/pid-pressure", "node.kubernetes.io/network-unavailable",
            "node.kubernetes.io/out-of-service");

    /** Taints that mark nodes out of service or reserved for the platform: not the workload's blocker next to others. */
    static boolean isSystemTaint(String taint) {
        if (taint == null) {
            return false; // pre-1.18 "node(s) had taints that the pod didn't tolerate" names none
        }
        String t = taint.toLowerCase(Locale.ROOT);
        return isRoleTaint(taint)
                || NODE_CONDITION_TAINTS.stream().anyMatch(t::startsWith)
                || t.startsWith("tobedeletedbyclusterautoscaler")
                || t.startsWith("deletioncandidateofclusterautoscaler")
                || t.startsWith("karpenter.sh/")
                || t.startsWith("node.cilium.io/");
    }

    /**
     * {@code 1 Insufficient cpu, 3 Insufficient nvidia.com/gpu} of 4 nodes: the node not counted as short of GPUs has
     * them, and lacks CPU; the other 3 lack GPUs by design. Then the other resource blocks, not the GPU. Each node
     * stops at one filter stage, so the nodes failing on resources are the total minus the available ones and those
     * counted at other stages; when accelerator shortage covers fewer of them and another resource is short, some
     * accelerator node is short of that resource. Not applied to truncated messages, whose counts are incomplete.
     */
    private boolean acceleratorNodesLackSomethingElse() {
        if (truncated || total == 0) {
            return false;
        }
        int accelerator = 0;
        boolean otherResource = false;
        int elsewhere = 0;
        for (SchedulingReason r : reasons) {
            if (r.isInsufficientAccelerator()) {
                accelerator = Math.max(accelerator, r.nodes());
            } else if (r.kind() == Kind.INSUFFICIENT_RESOURCE || r.kind() == Kind.TOO_MANY_PODS) {
                otherResource = true;
            } else {
                elsewhere += r.nodes();
            }
        }
        int failingOnResources = total - available - elsewhere;
        return otherResource && accelerator > 0 && accelerator < failingOnResources;
    }

    /** The blocking reason, by the rule in the class comment. */
    public Optional<SchedulingReason> blockingReason() {
        return ranked().stream().findFirst();
    }

    /**
     * The taint that holds a pod its node selector or affinity pins to one node by name ({@code kubernetes.io/hostname},
     * {@code metadata.name}): TaintToleration runs before NodeAffinity, so the nodes counted under the selector are the
     * others and the pinned node is the one counted under a taint ({@code 1 node(s) had untolerated taint(s), 3 node(s)
     * didn't match Pod's node affinity/selector}). Which of a pool's nodes a selector wants the counts do not say; a
     * name says it. Only an operator's taint (or one the scheduler does not name) counts: a role or condition taint
     * beside a pin to a node that is gone reads the same. Empty unless the selector and such taints are the only
     * blocking reasons.
     */
    public Optional<SchedulingReason> pinnedNodeTaint() {
        List<SchedulingReason> blocking = ranked();
        boolean selectorAndTaints = blocking.stream().anyMatch(r -> r.kind() == Kind.NODE_SELECTOR_MISMATCH)
                && blocking.stream().allMatch(r -> r.kind() == Kind.NODE_SELECTOR_MISMATCH
                        || r.kind() == Kind.UNTOLERATED_TAINT && !isSystemTaint(r.taint()));
        return selectorAndTaints ? blocking.stream().filter(r -> r.kind() == Kind.UNTOLERATED_TAINT).findFirst()
                : Optional.empty();
    }

    /** The reasons that can block, most likely blocker first; incidental reasons (see class comment) left out. */
    public List<SchedulingReason> ranked() {
        List<SchedulingReason> candidates = new ArrayList<>();
        for (SchedulingReason r : reasons) {
            if (!isIncidental(r)) {
                candidates.add(r);
            }
        }
        if (candidates.isEmpty()) {
            // Every node is out for a platform reason. Cordoned nodes, when none is down (a drain or an upgrade that
            // cordoned every worker, a single-node cluster being drained): uncordoning them is what lets the pod run.
            // Nodes out only for their role taint (the single control-plane node of a kubeadm or kind cluster,
            // masters while the workers are drained): that taint is what the workload can act on: tolerate it,
            // untaint the node, or add a worker.
            if (reasons.stream().noneMatch(r -> r.kind() == Kind.NODE_NOT_READY)) {
                reasons.stream().filter(r -> r.kind() == Kind.NODE_UNSCHEDULABLE).forEach(candidates::add);
            }
            boolean cordoned = !candidates.isEmpty();
            reasons.stream().filter(r -> r.kind() == Kind.UNTOLERATED_TAINT && isRoleTaint(r.taint()))
                    .forEach(candidates::add);
            // nodes out for a taint their network agent or provisioner removes once it is up: brief on a healthy
            // node (the grace), a pod held by it past that waits for an agent that is gone or never started
            reasons.stream().filter(r -> r.kind() == Kind.UNTOLERATED_TAINT && isAgentTaint(r.taint())
                    && !isRoleTaint(r.taint())).forEach(candidates::add);
            if (cordoned) {
                return candidates; // the cordons first: the workers were drained, the masters never took workloads
            }
        }
        if (!candidates.isEmpty() && candidates.stream().allMatch(r -> r.kind() == Kind.NODE_SELECTOR_MISMATCH)) {
            // the nodes the selector leaves out beside a node still carrying its provisioner's start-up taint: that
            // node is the one brought up for the pod's pool (Karpenter provisions for the pending pods), and the taint
            // it keeps is what holds the pod
            Optional<SchedulingReason> startup = reasons.stream()
                    .filter(r -> r.kind() == Kind.UNTOLERATED_TAINT && isStartupTaint(r.taint())).findFirst();
            if (startup.isPresent()) {
                candidates.add(0, startup.get());
                return candidates;
            }
        }
        Optional<SchedulingReason> acceleratorTaint = candidates.stream()
                .filter(r -> r.kind() == Kind.UNTOLERATED_TAINT && isAcceleratorTaint(r.taint()))
                .findFirst();
        boolean wantsAccelerator = candidates.stream().anyMatch(SchedulingReason::isInsufficientAccelerator);
        boolean onlySelectorBesides = candidates.stream()
                .allMatch(r -> r.kind() == Kind.UNTOLERATED_TAINT || r.kind() == Kind.NODE_SELECTOR_MISMATCH);
        boolean acceleratorTaintFences = acceleratorTaint.isPresent() && (wantsAccelerator || onlySelectorBesides);
        boolean selectorBesideTaint = onlySelectorBesides
                && candidates.stream().anyMatch(r -> r.kind() == Kind.NODE_SELECTOR_MISMATCH);
        boolean acceleratorNodesLackOther = acceleratorNodesLackSomethingElse();
        candidates.sort(Comparator.comparingInt((SchedulingReason r) -> rank(r,
                acceleratorTaintFences && isAcceleratorTaint(r.taint())
                        || selectorBesideTaint && isPredicateEraTaint(r),
                acceleratorNodesLackOther)));
        if (candidates.size() > 1 && candidates.stream().anyMatch(r -> r.kind() == Kind.VOLUME_NODE_AFFINITY_CONFLICT)
                && candidates.stream().allMatch(r -> r.kind() == Kind.VOLUME_NODE_AFFINITY_CONFLICT
                        && !isZoneConflict(r) || r.kind() == Kind.UNTOLERATED_TAINT)) {
            // a volume bound to a node (local storage) pins the pod to it, and the nodes counted under the conflict are
            // the others: the taint the pinned node is counted under (a pressure condition's, a cordon's) blocks. Short
            // of room there instead, the volume's placement stays the blocker (a zonal disk in a zone without room).
            // A zone's conflict pins no node: a volume provisioned in a zone without workers leaves the tainted
            // control-plane nodes counted beside them (kops' three masters), and its placement is the blocker.
            List<SchedulingReason> pinned = new ArrayList<>(candidates.stream()
                    .filter(r -> r.kind() != Kind.VOLUME_NODE_AFFINITY_CONFLICT).toList());
            candidates.stream().filter(r -> r.kind() == Kind.VOLUME_NODE_AFFINITY_CONFLICT).forEach(pinned::add);
            return pinned;
        }
        return candidates;
    }

    /**
     * Before 1.18 the scheduler ran GeneralPredicates (node selector, resources, host ports) before
     * PodToleratesNodeTaints, and a node stopped at its first failure: a node counted under {@code had taints that the
     * pod didn't tolerate} (that era's wording, no taint named) matched the selector, so beside nodes that only miss
     * the selector ({@code 1 node(s) had taints that the pod didn't tolerate, 22 node(s) didn't match node selector})
     * the nodes selected are the tainted ones. Since 1.18 TaintToleration runs first and the counts do not say whether
     * a tainted node matches: beside another pool's taint a pod pinned to a missing pool reads the same as a pod
     * pinned to a tainted pool (`2i2c-4165` and `kube-hetzner-417` of the real-world suite), and the selector ranks first.
     */
    private static boolean isPredicateEraTaint(SchedulingReason r) {
        return r.kind() == Kind.UNTOLERATED_TAINT && r.taint() == null
                && r.raw().contains("had taints that the pod didn't tolerate");
    }

    /** The volume's zone, not a node, is what the nodes miss (VolumeZone, NoVolumeZoneConflict). */
    private static boolean isZoneConflict(SchedulingReason r) {
        return r.raw() != null && r.raw().toLowerCase(Locale.ROOT).contains("zone");
    }

    /** Lower ranks block first. */
    private static int rank(SchedulingReason r, boolean fencesSelectedNodes, boolean acceleratorNodesLackOther) {
        if (r.kind() == Kind.UNBOUND_PVC) {
            return 0;
        }
        if (fencesSelectedNodes) {
            return 1;
        }
        int uncategorised = categoryOf(r).isPresent() ? 0 : 100;
        int stage = stage(r);
        if (acceleratorNodesLackOther && r.kind() == Kind.INSUFFICIENT_RESOURCE) {
            stage = r.isInsufficientAccelerator() ? 6 : 7;
        }
        return uncategorised + 100 - stage;
    }

    /** The kube-scheduler Filter plugin that reports the reason, as its position in the default filter order. */
    private static int stage(SchedulingReason r) {
        return switch (r.kind()) {
            case NODE_UNSCHEDULABLE, NODE_NOT_READY -> 1;
            case UNTOLERATED_TAINT -> 2;
            case NODE_SELECTOR_MISMATCH -> 3;
            // PodTopologySpread and InterPodAffinity filter last, but a spread or an anti-affinity is what the workload
            // asked for (one replica per node): beside nodes short of room, the room blocks (the rule is met elsewhere
            // once there is room); beside nodes fenced off by a selector or a taint, the nodes it may use are the ones
            // counted under the rule, and the rule blocks (3 replicas, one per node, 2 nodes in the pool)
            case TOPOLOGY_SPREAD, POD_AFFINITY, POD_ANTI_AFFINITY -> 4;
            case NODE_PORTS -> 5;
            case TOO_MANY_PODS -> 6;
            case INSUFFICIENT_RESOURCE -> r.isInsufficientAccelerator() ? 7 : 6;
            case VOLUME_NODE_AFFINITY_CONFLICT, UNBOUND_PVC, VOLUME_LIMIT -> 8;
            case OTHER -> 0;
        };
    }

    private static boolean isIncidental(SchedulingReason r) {
        return r.kind() == Kind.NODE_UNSCHEDULABLE
                || r.kind() == Kind.NODE_NOT_READY
                || (r.kind() == Kind.UNTOLERATED_TAINT && isSystemTaint(r.taint()));
    }

    private static Optional<Category> categoryOf(SchedulingReason r) {
        return switch (r.kind()) {
            case INSUFFICIENT_RESOURCE -> Optional.of(
                    r.isInsufficientAccelerator() ? Category.INSUFFICIENT_GPU : Category.INSUFFICIENT_RESOURCES);
            // a node's pod slots and its host ports are per-node resources as its CPU is: no node has the one free
            case TOO_MANY_PODS, NODE_PORTS, VOLUME_LIMIT -> Optional.of(Category.INSUFFICIENT_RESOURCES);
            // a cordon is the node.kubernetes.io/unschedulable taint; it blocks only when nothing else is left (ranked)
            case UNTOLERATED_TAINT, NODE_UNSCHEDULABLE -> Optional.of(Category.UNTOLERATED_TAINT);
            // the pod's own placement rules about other pods: as a node selector, a rule of its spec that every node
            // fails (one replica per node and every node has one; a skew no node keeps)
            case NODE_SELECTOR_MISMATCH, POD_AFFINITY, POD_ANTI_AFFINITY, TOPOLOGY_SPREAD ->
                    Optional.of(Category.NODE_SELECTOR_MISMATCH);
            case UNBOUND_PVC, VOLUME_NODE_AFFINITY_CONFLICT -> Optional.of(Category.PVC_UNBOUND);
            default -> Optional.empty();
        };
    }

    /** The category of the blocking reason; empty when nothing but incidental or uncategorised reasons remain. */
    public Optional<Category> category() {
        return blockingReason().flatMap(FailedSchedulingMessage::categoryOf);
    }

    /**
     * Every node the scheduler counted is out because it is not ready or unreachable ({@code 0/1 nodes are
     * available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }}, {@code 3 node(s) were not
     * ready}), the control-plane nodes aside: the nodes are down, whatever the pod asks for.
     */
    public boolean everyNodeNotReady() {
        return everyWorker(r -> r.kind() == Kind.NODE_NOT_READY);
    }

    /**
     * Every node the scheduler counted is out for {@code condition}, but the control-plane nodes out for their role's
     * taint ({@code 1 node(s) had taint {node-role.kubernetes.io/master: }}), which never take workloads: the workers'
     * condition is the cluster's, whatever the pod asks for.
     */
    private boolean everyWorker(java.util.function.Predicate<SchedulingReason> condition) {
        if (total == 0 || reasons.stream().noneMatch(condition)
                || !reasons.stream().allMatch(r -> condition.test(r) || r.kind() == Kind.UNTOLERATED_TAINT
                        && r.taint() != null && r.taint().toLowerCase(Locale.ROOT).startsWith("node-role.kubernetes.io/"))) {
            return false;
        }
        return reasons.stream().mapToInt(SchedulingReason::nodes).sum() >= total;
    }

    /**
     * Every node the scheduler counted is out because its disk is full: the node controller's condition taint
     * ({@code 1 node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }}) or, before taint-based conditions,
     * the predicate's words ({@code 3 node(s) had disk pressure}), the control-plane nodes aside. The nodes' disks are the
     * problem, whatever the pod asks for.
     */
    public boolean everyNodeUnderDiskPressure() {
        return everyWorker(FailedSchedulingMessage::diskPressure);
    }

    private static boolean diskPressure(SchedulingReason r) {
        if (r.kind() == Kind.UNTOLERATED_TAINT) {
            return r.taint() != null && r.taint().toLowerCase(Locale.ROOT).startsWith("node.kubernetes.io/disk-pressure");
        }
        String clause = r.raw() == null ? "" : r.raw().toLowerCase(Locale.ROOT);
        // "node(s) were out of disk space", the OutOfDisk condition of kubelets before 1.13
        return r.kind() == Kind.OTHER && (clause.contains("disk pressure") || clause.contains("diskpressure")
                || clause.contains("out of disk") || clause.contains("outofdisk"));
    }

    /** The accelerator resource named by an {@code Insufficient} clause, e.g. {@code nvidia.com/gpu}. */
    public Optional<String> acceleratorResource() {
        return reasons.stream().filter(SchedulingReason::isInsufficientAccelerator)
                .map(SchedulingReason::resource).findFirst();
    }

    /**
     * What the hint catalog can name from this message: {@code {resource}} (the accelerator, else the resource of the
     * blocking {@code Insufficient} clause), {@code {taint}} as {@code key=value} (kubectl's spelling) of the blocking
     * taint, {@code {pvc}} from {@code persistentvolumeclaim "x" not found}.
     */
    public Facts facts() {
        Facts facts = Facts.empty();
        List<SchedulingReason> ranked = ranked();
        Optional<SchedulingReason> blocking = ranked.stream().findFirst();
        Optional<String> resource = category().filter(c -> c == Category.INSUFFICIENT_GPU).isPresent()
                ? acceleratorResource()
                : blocking.filter(r -> r.kind() == Kind.INSUFFICIENT_RESOURCE).map(SchedulingReason::resource);
        if (blocking.filter(r -> r.kind() == Kind.NODE_PORTS).isPresent()) {
            resource = Optional.of("host ports");
            facts = facts.withClue(Clue.HOST_PORT_IN_USE);
        }
        if (blocking.filter(FailedSchedulingMessage::podLimit).isPresent() && ranked.stream()
                .allMatch(r -> podLimit(r) || r.kind() != Kind.INSUFFICIENT_RESOURCE)) {
            // a node's pod capacity (the kubelet's max-pods; on EKS the VPC CNI's addresses per instance type): no
            // request of the pod's, a number of pods per node; beside nodes short of cpu or memory, the pod's requests
            // are as much the matter
            resource = Optional.of("pod slots");
            facts = facts.withClue(Clue.NODE_POD_LIMIT);
        }
        Optional<Kind> blockingKind = blocking.map(SchedulingReason::kind);
        if (blockingKind.filter(k -> k == Kind.VOLUME_LIMIT).isPresent()) {
            resource = Optional.of(ATTACHABLE_VOLUMES);
            facts = facts.withClue(Clue.VOLUME_ATTACH_LIMIT);
        }
        facts = facts.with(Fact.RESOURCE, resource);
        Optional<Clue> placementRule = blockingKind.map(k -> switch (k) {
            case POD_ANTI_AFFINITY -> Clue.POD_ANTI_AFFINITY;
            case POD_AFFINITY -> Clue.POD_AFFINITY;
            case TOPOLOGY_SPREAD -> Clue.TOPOLOGY_SPREAD;
            default -> null;
        });
        if (placementRule.isPresent()) {
            facts = facts.withClue(placementRule.get());
        }
        if (blockingKind.filter(k -> k == Kind.NODE_UNSCHEDULABLE).isPresent()) {
            return facts.with(Fact.TAINT, Optional.of(CORDON_TAINT)).withClue(Clue.NODES_CORDONED);
        }
        Optional<SchedulingReason> taint = blocking.filter(r -> r.kind() == Kind.UNTOLERATED_TAINT)
                .or(() -> reasons.stream().filter(r -> r.kind() == Kind.UNTOLERATED_TAINT && r.taint() != null
                        && !isSystemTaint(r.taint())).findFirst());
        facts = facts.with(Fact.TAINT, taint.map(SchedulingReason::taint).map(FailedSchedulingMessage::kubectlTaint));
        if (taint.filter(r -> isStartupTaint(r.taint())).isPresent()) {
            facts = facts.withClue(Clue.STARTUP_TAINT_LEFT);
        }
        facts = facts.with(Fact.PVC, reasons.stream().filter(r -> r.kind() == Kind.UNBOUND_PVC)
                .map(SchedulingReason::resource).filter(java.util.Objects::nonNull).findFirst());
        return facts;
    }

    /** {@code Too many pods}, {@code Insufficient pods}: a node running as many pods as it allows. */
    private static boolean podLimit(SchedulingReason r) {
        return r.kind() == Kind.TOO_MANY_PODS || r.kind() == Kind.INSUFFICIENT_RESOURCE && "pods".equals(r.resource());
    }

    /** {@code accelerator: gpu} as the scheduler prints it becomes {@code accelerator=gpu}; an empty value drops. */
    public static String kubectlTaint(String schedulerTaint) {
        int colon = schedulerTaint.lastIndexOf(": ");
        if (colon < 0) {
            return schedulerTaint.endsWith(":") ? schedulerTaint.substring(0, schedulerTaint.length() - 1).trim()
                    : schedulerTaint.trim();
        }
        String key = schedulerTaint.substring(0, colon).trim();
        String value = schedulerTaint.substring(colon + 2).trim();
        return value.isEmpty() ? key : key + "=" + value;
    }
}
