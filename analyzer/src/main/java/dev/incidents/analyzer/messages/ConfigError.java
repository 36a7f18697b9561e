package dev.incidents.analyzer.messages;

import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why the kubelet cannot build a container's configuration: the {@code Failed} event that comes with
 * {@code CreateContainerConfigError}, e.g. {@code Error: secret "triton-creds" not found} or
 * {@code Error: couldn't find key password in Secret inference/db-creds}. The container never starts, so the fix is
 * a missing object or key, never the image or the code. Kubelets before 1.19 print the plural resource
 * ({@code secrets "x" not found}) and {@code Couldn't find key}.
 *
 * @param kind      what is missing
 * @param name      the Secret or ConfigMap name
 * @param key       the missing key, for the {@code couldn't find key} wording
 * @param namespace the namespace printed with the key wording
 * @param raw       the message verbatim
 */
public record ConfigError(Kind kind, Optional<String> name, Optional<String> key, Optional<String> namespace,
                          String raw) {

    public enum Kind {
        SECRET_MISSING,
        CONFIG_MAP_MISSING,
        SECRET_KEY_MISSING,
        CONFIG_MAP_KEY_MISSING,
        /**
         * {@code container has runAsNonRoot and image will run as root}, {@code ... has non-numeric user}, {@code
         * container's runAsUser breaks non-root policy}: the image or the pod's user, not a missing object.
         */
        RUN_AS_NON_ROOT,
        OTHER
    }

    private static final Pattern MISSING = Pattern.compile("\\b(secrets?|configmaps?) \"([^\"]+)\" not found",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY = Pattern.compile(
            "couldn't find key (\\S+) in (Secret|ConfigMap) ([^/\\s]+)/(\\S+)", Pattern.CASE_INSENSITIVE);

    /** {@code failed to prepare subPath for volumeMount "x" of container "y"}: the kubelet cannot make the mount. */
    private static final Pattern SUB_PATH = Pattern.compile("failed to (?:prepare|create) subPath (?:directory )?for "
            + "volumeMount");

    /** Never throws; empty for messages that are not a container configuration error. */
    public static Optional<ConfigError> parse(String message) {
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        Matcher key = KEY.matcher(message);
        if (key.find()) {
            Kind kind = key.group(2).equalsIgnoreCase("Secret") ? Kind.SECRET_KEY_MISSING : Kind.CONFIG_MAP_KEY_MISSING;
            return Optional.of(new ConfigError(kind, Optional.of(key.group(4)), Optional.of(key.group(1)),
                    Optional.of(key.group(3)), message));
        }
        Matcher missing = MISSING.matcher(message);
        if (missing.find()) {
            Kind kind = missing.group(1).toLowerCase(java.util.Locale.ROOT).startsWith("secret") ? Kind.SECRET_MISSING : Kind.CONFIG_MAP_MISSING;
            return Optional.of(new ConfigError(kind, Optional.of(missing.group(2)), Optional.empty(), Optional.empty(),
                    message));
        }
        if (message.contains("runAsNonRoot and image will run as root")
                || message.contains("runAsNonRoot and image has non-numeric user")
                || message.contains("runAsUser breaks non-root policy")) {
            return Optional.of(new ConfigError(Kind.RUN_AS_NON_ROOT, Optional.empty(), Optional.empty(),
                    Optional.empty(), message));
        }
        if (message.contains("CreateContainerConfigError") || SUB_PATH.matcher(message).find()) {
            return Optional.of(new ConfigError(Kind.OTHER, Optional.empty(), Optional.empty(), Optional.empty(),
                    message));
        }
        return Optional.empty();
    }

    public boolean isSecret() {
        return kind == Kind.SECRET_MISSING || kind == Kind.SECRET_KEY_MISSING;
    }

    public boolean isConfigMap() {
        return kind == Kind.CONFIG_MAP_MISSING || kind == Kind.CONFIG_MAP_KEY_MISSING;
    }

    /** {@code {secret}} or {@code {configMap}} for the hint catalog. */
    public Facts facts() {
        Facts facts = Facts.empty().with(isSecret() ? Fact.SECRET : Fact.CONFIG_MAP, name);
        return kind == Kind.RUN_AS_NON_ROOT ? facts.withClue(Clue.RUN_AS_NON_ROOT) : facts;
    }
}
