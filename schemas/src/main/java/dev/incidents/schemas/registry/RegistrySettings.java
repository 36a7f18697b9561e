package dev.incidents.schemas.registry;

import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the schema registry is and how to talk to it, read from a Kafka client config map with the
 * property names Confluent's serdes use, so one {@code --kafka-config} file configures both.
 *
 * @param urls               base URLs, tried in order when one is unreachable
 * @param userInfo           {@code user:password} for HTTP basic auth, or null
 * @param truststore         a truststore for the registry's TLS certificate, or null for the JVM defaults
 * @param truststorePassword its password, or null
 * @param truststoreType     its type (PKCS12 unless told)
 */
public record RegistrySettings(List<URI> urls, String userInfo, Path truststore, String truststorePassword,
                               String truststoreType) {

    /** Comma-separated registry base URLs. Absent or blank: no registry (single-object encoding). */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** {@code user:password} for HTTP basic auth against the registry. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";

    public RegistrySettings {
        if (urls == null || urls.isEmpty()) {
            throw new IllegalArgumentException("a schema registry needs at least one URL");
        }
        urls = List.copyOf(urls);
        if (truststoreType == null || truststoreType.isBlank()) {
            truststoreType = KeyStore.getDefaultType();
        }
    }

    public static RegistrySettings of(URI url) {
        return new RegistrySettings(List.of(url), null, null, null, null);
    }

    /** The registry settings in a client config map; empty when {@value #SCHEMA_REGISTRY_URL} is absent or blank. */
    public static Optional<RegistrySettings> fromConfig(Map<String, ?> config) {
        String urls = text(config, SCHEMA_REGISTRY_URL);
        if (urls == null) {
            return Optional.empty();
        }
        List<URI> parsed = Arrays.stream(urls.split(","))
                .map(String::trim)
                .filter(url -> !url.isEmpty())
                .map(RegistrySettings::parseUrl)
                .toList();
        String truststore = text(config, TRUSTSTORE_LOCATION);
        return Optional.of(new RegistrySettings(parsed, text(config, BASIC_AUTH_USER_INFO),
                truststore == null ? null : Path.of(truststore), text(config, TRUSTSTORE_PASSWORD),
                text(config, TRUSTSTORE_TYPE)));
    }

    private static URI parseUrl(String url) {
        URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(SCHEMA_REGISTRY_URL + " must be http(s)://host:port, got " + url);
        }
        return uri;
    }

    /** Config values come as Strings from properties files, or as Kafka {@code Password}s from typed configs. */
    private static String text(Map<String, ?> config, String key) {
        Object value = config == null ? null : config.get(key);
        if (value == null) {
            return null;
        }
        String text = value instanceof org.apache.kafka.common.config.types.Password password
                ? password.value() : value.toString();
        return text.isBlank() ? null : text.trim();
    }

    @Override
    public String toString() {
        // Never print the password or the user info: these settings end up in error messages.
        return "RegistrySettings" + urls + (userInfo != null ? " with basic auth" : "")
                + (truststore != null ? " truststore " + truststore : "");
    }
}
