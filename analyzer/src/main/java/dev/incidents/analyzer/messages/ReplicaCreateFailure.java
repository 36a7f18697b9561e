package dev.incidents.analyzer.messages;

import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why the API server refused a Pod that a ReplicaSet/StatefulSet/Job controller tried to create: the
 * {@code FailedCreate} event message, e.g. {@code Error creating: pods "triton-5fc797b8f8-" is forbidden: exceeded quota:
 * gpu-quota, requested: requests.nvidia.com/gpu=1, used: requests.nvidia.com/gpu=4, limited: requests.nvidia.com/gpu=4}.
 * This is the "0 pods created" case of seed 000: no Pod exists, so no scheduler or kubelet event will follow.
 *
 * @param kind           which admission step refused
 * @param podPrefix      the generateName of the refused pod ({@code triton-5fc797b8f8-}), when printed
 * @param quota          the ResourceQuota name, for {@link Kind#QUOTA_EXCEEDED}
 * @param resource       the quota resource that ran out ({@code requests.nvidia.com/gpu}) or the LimitRange resource
 * @param webhook        the admission webhook name, for {@link Kind#ADMISSION_WEBHOOK}
 * @param serviceAccount the missing ServiceAccount name, for {@link Kind#SERVICE_ACCOUNT_MISSING}
 * @param cause          the human-readable refusal, the text after {@code is forbidden:} / {@code Error creating:}
 * @param raw            the message verbatim
 */
public record ReplicaCreateFailure(Kind kind, Optional<String> podPrefix, Optional<String> quota,
                                   Optional<String> resource, Optional<String> webhook,
                                   Optional<String> serviceAccount, String cause, String raw) {

    /** Each refusal proves the hint catalog's cause of the same name. */
    public enum Kind {
        QUOTA_EXCEEDED(Clue.QUOTA_EXCEEDED),
        LIMIT_RANGE(Clue.LIMIT_RANGE),
        ADMISSION_WEBHOOK(Clue.ADMISSION_WEBHOOK),
        POD_SECURITY(Clue.POD_SECURITY),
        SERVICE_ACCOUNT_MISSING(Clue.SERVICE_ACCOUNT_MISSING),
        NAMESPACE_TERMINATING(Clue.NAMESPACE_TERMINATING),
        SECURITY_POLICY(Clue.SECURITY_POLICY),
        RUNTIME_CLASS_MISSING(Clue.RUNTIME_CLASS_MISSING),
        PRIORITY_CLASS_MISSING(Clue.PRIORITY_CLASS_MISSING),
        INVALID_POD_SPEC(Clue.INVALID_POD_SPEC),
        OTHER(null);

        private final Clue clue;

        Kind(Clue clue) {
            this.clue = clue;
        }

        public Optional<Clue> clue() {
            return Optional.ofNullable(clue);
        }
    }

    private static final Pattern POD_PREFIX = Pattern.compile("pods? \"([^\"]*)\" is forbidden:\\s*");
    private static final Pattern QUOTA = Pattern.compile("exceeded quota: ([^,\\s]+)");
    private static final Pattern QUOTA_MUST_SPECIFY = Pattern.compile("failed quota: ([^:\\s]+): must specify ([^\\s,]+)");
    private static final Pattern QUOTA_REQUESTED = Pattern.compile("requested: ([^=,\\s]+)=");
    private static final Pattern WEBHOOK = Pattern.compile("(?:admission )?webhook \"([^\"]+)\"");
    private static final Pattern SERVICE_ACCOUNT = Pattern.compile("serviceaccount \"([^\"]+)\" not found");
    private static final Pattern SERVICE_ACCOUNT_LOOKUP = Pattern.compile("error looking up service account ([^/\\s]+)/([^:\\s]+)");
    /**
     * OpenShift's SecurityContextConstraints admission ({@code unable to validate against any security context
     * constraint: [...]}) and the PodSecurityPolicy admission before 1.25 ({@code unable to validate against any pod
     * security policy: [...]}, {@code PodSecurityPolicy: unable to admit pod: [...]}).
     */
    private static final Pattern SECURITY_POLICY = Pattern.compile("unable to validate against any (?:security context "
            + "constraint|pod security policy)|PodSecurityPolicy: unable to admit pod");
    /** The RuntimeClass admission: {@code pod rejected: RuntimeClass "nvidia" not found}. */
    private static final Pattern RUNTIME_CLASS = Pattern.compile("RuntimeClass \"[^\"]+\" not found");
    /** The Priority admission: {@code no PriorityClass with name high-priority was found}. */
    private static final Pattern PRIORITY_CLASS = Pattern.compile("no PriorityClass with name \\S+ was found");
    /** Validation: {@code Pod "x" is invalid: spec.containers[0].resources.requests: Invalid value: ...}. */
    private static final Pattern INVALID = Pattern.compile("^pods? \"[^\"]*\" is invalid: ", Pattern.CASE_INSENSITIVE);
    /** The admission steps that refuse what the template asks for, by their words, in the order they are tried. */
    private static final java.util.List<java.util.Map.Entry<Kind, Pattern>> REFUSALS = java.util.List.of(
            java.util.Map.entry(Kind.SECURITY_POLICY, SECURITY_POLICY),
            java.util.Map.entry(Kind.RUNTIME_CLASS_MISSING, RUNTIME_CLASS),
            java.util.Map.entry(Kind.PRIORITY_CLASS_MISSING, PRIORITY_CLASS),
            java.util.Map.entry(Kind.INVALID_POD_SPEC, INVALID));
    private static final Pattern LIMIT_RANGE = Pattern.compile(
            "(?:maximum|minimum) (\\S+) usage per (?:Container|Pod) is|(\\S+) max limit to request ratio per");

    /** Never throws; a message that is not an admission refusal becomes {@link Kind#OTHER}. */
    public static ReplicaCreateFailure parse(String message) {
        String raw = message == null ? "" : message;
        String text = raw.startsWith("Error creating:") ? raw.substring("Error creating:".length()).trim() : raw.trim();
        Optional<String> podPrefix = Optional.empty();
        Matcher prefix = POD_PREFIX.matcher(text);
        String cause = text;
        if (prefix.find()) {
            podPrefix = Optional.of(prefix.group(1));
            cause = text.substring(prefix.end()).trim();
        }
        String lower = cause.toLowerCase(Locale.ROOT);

        Matcher quota = QUOTA.matcher(cause);
        if (quota.find()) {
            Matcher requested = QUOTA_REQUESTED.matcher(cause);
            return new ReplicaCreateFailure(Kind.QUOTA_EXCEEDED, podPrefix, Optional.of(quota.group(1)),
                    requested.find() ? Optional.of(requested.group(1)) : Optional.empty(),
                    Optional.empty(), Optional.empty(), cause, raw);
        }
        Matcher mustSpecify = QUOTA_MUST_SPECIFY.matcher(cause);
        if (mustSpecify.find()) {
            return new ReplicaCreateFailure(Kind.QUOTA_EXCEEDED, podPrefix, Optional.of(mustSpecify.group(1)),
                    Optional.of(mustSpecify.group(2)), Optional.empty(), Optional.empty(), cause, raw);
        }
        Matcher sa = SERVICE_ACCOUNT.matcher(cause);
        Matcher saLookup = SERVICE_ACCOUNT_LOOKUP.matcher(cause);
        if (sa.find()) {
            return serviceAccount(podPrefix, sa.group(1), cause, raw);
        }
        if (saLookup.find()) {
            return serviceAccount(podPrefix, saLookup.group(2), cause, raw);
        }
        if (lower.contains("violates podsecurity")) {
            return new ReplicaCreateFailure(Kind.POD_SECURITY, podPrefix, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), cause, raw);
        }
        Matcher webhook = WEBHOOK.matcher(cause);
        if (webhook.find()) {
            return new ReplicaCreateFailure(Kind.ADMISSION_WEBHOOK, podPrefix, Optional.empty(), Optional.empty(),
                    Optional.of(webhook.group(1)), Optional.empty(), cause, raw);
        }
        Matcher limit = LIMIT_RANGE.matcher(cause);
        if (limit.find()) {
            String resource = limit.group(1) != null ? limit.group(1) : limit.group(2);
            return new ReplicaCreateFailure(Kind.LIMIT_RANGE, podPrefix, Optional.empty(), Optional.of(resource),
                    Optional.empty(), Optional.empty(), cause, raw);
        }
        for (var refusal : REFUSALS) {
            if (refusal.getValue().matcher(cause).find()) {
                return new ReplicaCreateFailure(refusal.getKey(), podPrefix, Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), cause, raw);
            }
        }
        if (lower.contains("because it is being terminated")) {
            return new ReplicaCreateFailure(Kind.NAMESPACE_TERMINATING, podPrefix, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), cause, raw);
        }
        return new ReplicaCreateFailure(Kind.OTHER, podPrefix, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), cause, raw);
    }

    private static ReplicaCreateFailure serviceAccount(Optional<String> podPrefix, String name, String cause,
                                                       String raw) {
        return new ReplicaCreateFailure(Kind.SERVICE_ACCOUNT_MISSING, podPrefix, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(name), cause, raw);
    }

    /** {@code {quota} {resource} {webhook} {serviceAccount}} for the hint catalog, those the message names. */
    public Facts facts() {
        return Facts.empty().with(Fact.QUOTA, quota).with(Fact.RESOURCE, resource).with(Fact.WEBHOOK, webhook)
                .with(Fact.SERVICE_ACCOUNT, serviceAccount).withClue(kind.clue());
    }
}
