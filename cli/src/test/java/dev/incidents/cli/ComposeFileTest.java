package dev.incidents.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml and the Dockerfile cannot run here (no Docker engine), so they are read as data and checked
 * against the CLI they launch: the verbs exist, every INCIDENTS_* variable is a long option of its service's verb
 * (a typo would otherwise be ignored silently and the option left at its default), and the addresses the services
 * give each other are the ones the broker and the registry listen on.
 */
class ComposeFileTest {
    static final Path ROOT = Path.of(System.getProperty("basedir", "."), "..").toAbsolutePath().normalize();
    static final Set<String> OUR_SERVICES = Set.of("shipper", "analyzer", "notifier");
    /** INCIDENTS_* variables the CLI reads itself rather than as an option (ErrorReporter's stack traces). */
    static final Set<String> NOT_OPTIONS = Set.of("INCIDENTS_DEBUG");
    static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");

    static JsonNode compose;
    static JsonNode services;
    static List<String> dockerfile;

    @BeforeAll
    static void load() throws IOException {
        compose = new YAMLMapper().readTree(ROOT.resolve("docker-compose.yml").toFile());
        services = compose.path("services");
        dockerfile = instructions(Files.readString(ROOT.resolve("Dockerfile")));
    }

    @Test
    void theServices() {
        assertThat(names(services)).containsExactlyInAnyOrder("kafka", "schema-registry", "shipper", "analyzer",
                "alertmanager", "notifier");
    }

    @Test
    void hostPorts() {
        assertThat(strings(services.path("kafka").path("ports"))).containsExactly("9092:9092");
        assertThat(strings(services.path("schema-registry").path("ports"))).containsExactly("8081:8081");
        assertThat(strings(services.path("analyzer").path("ports"))).containsExactly("8080:8080");
        // The shipper's /healthz, /readyz, /metrics move to 8090 on the host: 8080 is the analyzer's.
        assertThat(strings(services.path("shipper").path("ports"))).containsExactly("8090:8080");
        assertThat(strings(services.path("alertmanager").path("ports"))).containsExactly("9093:9093");
        assertThat(strings(services.path("notifier").path("ports"))).containsExactly("8091:8080");
    }

    @Test
    void kafkaIsASingleKraftNodeThatExactlyOnceCanUse() {
        Map<String, String> env = environment("kafka");
        assertThat(services.path("kafka").path("image").asText()).startsWith("apache/kafka:4.");
        assertThat(env).containsKeys("CLUSTER_ID", "KAFKA_NODE_ID", "KAFKA_PROCESS_ROLES", "KAFKA_LISTENERS",
                "KAFKA_ADVERTISED_LISTENERS", "KAFKA_CONTROLLER_LISTENER_NAMES", "KAFKA_CONTROLLER_QUORUM_VOTERS",
                "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP");
        assertThat(env.get("KAFKA_PROCESS_ROLES").split(",")).containsExactlyInAnyOrder("broker", "controller");
        assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
                .isEqualTo(env.get("KAFKA_NODE_ID") + "@kafka:" + listenerPort(env.get("KAFKA_LISTENERS"),
                        env.get("KAFKA_CONTROLLER_LISTENER_NAMES")));
        // A KRaft cluster id is a base64url UUID: 22 characters.
        assertThat(env.get("CLUSTER_ID")).matches("[A-Za-z0-9_-]{22}");
        // Every listener has a security protocol, and the controller is not advertised to clients.
        Set<String> mapped = new TreeSet<>();
        for (String entry : env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
            mapped.add(entry.split(":")[0]);
        }
        assertThat(listenerNames(env.get("KAFKA_LISTENERS"))).isSubsetOf(mapped);
        assertThat(listenerNames(env.get("KAFKA_ADVERTISED_LISTENERS")))
                .doesNotContain(env.get("KAFKA_CONTROLLER_LISTENER_NAMES"));
        // One broker: exactly_once_v2 needs the transaction log creatable with replication factor and min ISR 1.
        assertThat(env).containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");
    }

    @Test
    void schemaRegistryStoresInTheBrokerAndListensOn8081() {
        Map<String, String> env = environment("schema-registry");
        assertThat(services.path("schema-registry").path("image").asText()).startsWith("confluentinc/cp-schema-registry:");
        assertThat(env).containsKeys("SCHEMA_REGISTRY_HOST_NAME", "SCHEMA_REGISTRY_LISTENERS",
                "SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS");
        assertThat(env.get("SCHEMA_REGISTRY_LISTENERS")).endsWith(":8081");
        assertThat(env.get("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS").replaceFirst("^[A-Z_]+://", ""))
                .isIn(advertisedAddresses());
    }

    @Test
    void ourServicesRunVerbsOfTheCli() {
        Set<String> verbs = Main.commandLine().getSubcommands().keySet();
        assertThat(verb("shipper")).isEqualTo("ship");
        assertThat(verb("analyzer")).isEqualTo("analyze");
        assertThat(verb("notifier")).isEqualTo("notify");
        assertThat(verbs).contains(verb("shipper"), verb("analyzer"), verb("notifier"));
        for (String service : OUR_SERVICES) {
            assertThat(services.path(service).path("build").asText()).as(service + " build context").isEqualTo(".");
        }
        assertThat(services.path("shipper").path("image")).isEqualTo(services.path("analyzer").path("image"));
        assertThat(services.path("notifier").path("image")).isEqualTo(services.path("analyzer").path("image"));
    }

    @Test
    void everyIncidentsVariableIsALongOptionOfTheServicesVerb() {
        for (String service : OUR_SERVICES) {
            Map<String, String> byVariable = new TreeMap<>();
            CommandSpec verb = Main.commandLine().getSubcommands().get(verb(service)).getCommandSpec();
            for (OptionSpec option : verb.options()) {
                // EnvironmentDefaults looks options up by their longest name: so does this test.
                byVariable.put(EnvironmentDefaults.variable(option.longestName()), option.longestName());
            }
            Set<String> ours = new TreeSet<>(environment(service).keySet());
            ours.removeIf(name -> !name.startsWith(EnvironmentDefaults.PREFIX));
            assertThat(ours).as(service + " sets INCIDENTS_* variables").isNotEmpty();
            Set<String> unknown = new TreeSet<>(ours);
            unknown.removeAll(byVariable.keySet());
            unknown.removeAll(NOT_OPTIONS);
            assertThat(unknown).as(service + ": variables that are no long option of '" + verb(service)
                    + "' (it understands " + byVariable.keySet() + ")").isEmpty();
        }
    }

    @Test
    void variablesConvertToTheOptionsTypesAndPointAtEachOther() {
        CommandSpec analyze = parsedWithEnvironment("analyzer");
        CommandSpec ship = parsedWithEnvironment("shipper");
        for (CommandSpec verb : List.of(analyze, ship)) {
            assertThat(verb.findOption("--bootstrap-server").<String>getValue()).isIn(advertisedAddresses());
            assertThat(verb.findOption("--schema-registry").<String>getValue())
                    .isEqualTo("http://schema-registry:" + listenerPort(environment("schema-registry")
                            .get("SCHEMA_REGISTRY_LISTENERS"), "http"));
            assertThat(verb.findOption("--http-port").<Integer>getValue()).isEqualTo(8080);
        }
        // application.server must be this service's own name and HTTP port on the compose network.
        assertThat(analyze.findOption("--application-server").<String>getValue())
                .isEqualTo("analyzer:" + analyze.findOption("--http-port").getValue());
        // The state directory is the named volume, and the image creates it for its user (a fresh named volume
        // copies the ownership of the directory it is mounted over).
        String stateDir = analyze.findOption("--state-dir").getValue().toString();
        assertThat(strings(services.path("analyzer").path("volumes"))).anySatisfy(volume -> {
            assertThat(volume).endsWith(":" + stateDir);
            assertThat(volume.split(":")[0]).isIn(names(compose.path("volumes")));
        });
        assertThat(String.join("\n", dockerfile)).contains("mkdir -p " + stateDir);
        // The notifier reads the broker the others use and posts to the compose Alertmanager, whose image is 0.25 like
        // the binary its IT runs.
        CommandSpec notify = parsedWithEnvironment("notifier");
        assertThat(notify.findOption("--bootstrap-server").<String>getValue()).isIn(advertisedAddresses());
        assertThat(notify.findOption("--alertmanager").<List<?>>getValue()).extracting(Object::toString)
                .containsExactly("http://alertmanager:" + strings(services.path("alertmanager").path("ports")).get(0).split(":")[1]);
        assertThat(services.path("alertmanager").path("image").asText()).isEqualTo("prom/alertmanager:v0.25.0");
        // The kubeconfig the shipper reads is the file mounted read-only.
        String kubeconfig = ship.findOption("--kubeconfig").getValue().toString();
        JsonNode mount = services.path("shipper").path("volumes").get(0);
        assertThat(mount.path("target").asText()).isEqualTo(kubeconfig);
        assertThat(mount.path("read_only").asBoolean()).isTrue();
        assertThat(mount.path("source").asText()).isEqualTo("${KUBECONFIG:-~/.kube/config}");
    }

    @Test
    void commandsInTheHeaderCommentParse() throws IOException {
        // The usage lines at the top of docker-compose.yml: `bin/incidents VERB ...`, and `docker run ... IMAGE VERB ...`
        // (continued with backslashes). A renamed option there would send users into a usage error.
        String image = services.path("shipper").path("image").asText();
        List<List<String>> commands = new ArrayList<>();
        StringBuilder continued = new StringBuilder();
        for (String line : Files.readAllLines(ROOT.resolve("docker-compose.yml"))) {
            if (!line.startsWith("#")) {
                continue;
            }
            String text = line.substring(1).trim();
            if (text.endsWith("\\")) {
                continued.append(text, 0, text.length() - 1).append(' ');
                continue;
            }
            text = continued.append(text).toString();
            continued.setLength(0);
            int launcher = text.indexOf("bin/incidents ");
            int run = text.startsWith("docker run ") ? text.indexOf(" " + image + " ") : -1;
            String args = launcher >= 0 ? text.substring(launcher + "bin/incidents ".length())
                    : run >= 0 ? text.substring(run + image.length() + 2) : null;
            if (args != null) {
                commands.add(List.of(args.replaceFirst("\\s+#.*$", "").trim().split("\\s+")));
            }
        }
        assertThat(commands).hasSizeGreaterThanOrEqualTo(2);
        for (List<String> command : commands) {
            CommandLine cli = Main.commandLine();
            cli.setDefaultValueProvider(new EnvironmentDefaults(Map.of()));
            assertThat(cli.parseArgs(command.toArray(String[]::new)).hasSubcommand()).as(command.toString()).isTrue();
        }
    }

    @Test
    void healthchecksAndStartOrder() {
        for (String service : names(services)) {
            assertThat(services.path(service).path("healthcheck").path("test").isArray()).as(service + " healthcheck").isTrue();
        }
        for (String service : OUR_SERVICES) {
            String check = services.path(service).path("healthcheck").path("test").get(1).asText();
            Object port = parsedWithEnvironment(service).findOption("--http-port").getValue();
            assertThat(check).contains("http://localhost:" + port + "/readyz");
            assertThat(strings(services.path(service).path("ports"))).anySatisfy(p -> assertThat(p).endsWith(":" + port));
        }
        assertThat(condition("schema-registry", "kafka")).isEqualTo("service_healthy");
        assertThat(condition("analyzer", "kafka")).isEqualTo("service_healthy");
        assertThat(condition("analyzer", "schema-registry")).isEqualTo("service_healthy");
        // Topic auto-creation is off and the analyzer creates the topics: the shipper starts after it is ready.
        assertThat(environment("kafka")).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        assertThat(condition("shipper", "analyzer")).isEqualTo("service_healthy");
        // The analyzer creates k8s.incidents.json, which the notifier reads.
        assertThat(condition("notifier", "analyzer")).isEqualTo("service_healthy");
        assertThat(condition("notifier", "alertmanager")).isEqualTo("service_healthy");
        // Closing Streams commits the open transaction: compose's default 10 s stop timeout is too short.
        assertThat(services.path("analyzer").path("stop_grace_period").asText()).isEqualTo("60s");
    }

    @Test
    void dockerfileBuildsOneNonRootImageWhoseEntrypointIsTheCli() throws Exception {
        List<String> from = starting("FROM");
        assertThat(from).hasSize(2);
        assertThat(from.get(0)).startsWith("eclipse-temurin:17-jdk").endsWith(" AS build");
        assertThat(from.get(1)).isEqualTo("eclipse-temurin:17-jre");
        assertThat(starting("RUN")).anySatisfy(run -> assertThat(run).contains("./mvnw -B -DskipTests package"));
        assertThat(starting("COPY")).contains("--from=build /out/lib/ /app/lib/", "--from=build /out/cli.jar /app/cli.jar");
        assertThat(starting("USER")).containsExactly("10001:10001");
        assertThat(starting("EXPOSE")).containsExactly("8080");

        List<String> entrypoint = List.of(new ObjectMapper().readValue(
                starting("ENTRYPOINT").get(0), String[].class));
        assertThat(entrypoint).containsExactly("java", "-cp", "/app/cli.jar:/app/lib/*", "dev.incidents.cli.Main");
        Method main = Class.forName(entrypoint.get(3)).getMethod("main", String[].class);
        assertThat(Modifier.isStatic(main.getModifiers())).isTrue();

        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(ignored).contains("**/target/", ".git");
        // The build stage runs the wrapper: it and the poms must reach the build context.
        assertThat(ignored).noneMatch(line -> line.contains(".mvn") || line.contains("mvnw") || line.contains("pom"));
    }

    // ---- compose file helpers -----------------------------------------------------------------------------------

    /** The service's environment with ${VAR:-default} resolved as compose does when VAR is unset. */
    static Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        services.path(service).path("environment").fields()
                .forEachRemaining(e -> env.put(e.getKey(), unsetDefaults(e.getValue().asText())));
        return env;
    }

    static String unsetDefaults(String value) {
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
        }
        return m.appendTail(out).toString();
    }

    /** The verb with its options taken from the service's environment only, as the container would run it. */
    static CommandSpec parsedWithEnvironment(String service) {
        CommandLine cli = Main.commandLine();
        cli.setDefaultValueProvider(new EnvironmentDefaults(environment(service)));
        CommandLine.ParseResult parsed = cli.parseArgs(verb(service));
        return parsed.subcommand().commandSpec();
    }

    static String verb(String service) {
        JsonNode command = services.path(service).path("command");
        assertThat(command.isArray()).as(service + " command is an exec-form list").isTrue();
        return command.get(0).asText();
    }

    static String condition(String service, String dependency) {
        return services.path(service).path("depends_on").path(dependency).path("condition").asText();
    }

    /** host:port of every advertised listener of the broker. */
    static List<String> advertisedAddresses() {
        List<String> addresses = new ArrayList<>();
        for (String listener : environment("kafka").get("KAFKA_ADVERTISED_LISTENERS").split(",")) {
            addresses.add(listener.substring(listener.indexOf("://") + 3));
        }
        return addresses;
    }

    static Set<String> listenerNames(String listeners) {
        Set<String> names = new TreeSet<>();
        for (String listener : listeners.split(",")) {
            names.add(listener.substring(0, listener.indexOf("://")));
        }
        return names;
    }

    static String listenerPort(String listeners, String name) {
        for (String listener : listeners.split(",")) {
            if (listener.startsWith(name + "://")) {
                return listener.substring(listener.lastIndexOf(':') + 1);
            }
        }
        throw new AssertionError("no listener " + name + " in " + listeners);
    }

    static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    // ---- Dockerfile helpers -------------------------------------------------------------------------------------

    /** The Dockerfile's instructions, one per entry, with continuation lines joined and comments dropped. */
    static List<String> instructions(String text) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            if (!current.isEmpty()) {
                result.add(current.toString().replaceAll("\\s+", " ").trim());
            }
            current.setLength(0);
        }
        return result;
    }

    /** The arguments of every instruction with this keyword, in order. */
    static List<String> starting(String keyword) {
        return dockerfile.stream()
                .filter(i -> i.regionMatches(true, 0, keyword + " ", 0, keyword.length() + 1))
                .map(i -> i.substring(keyword.length() + 1).trim())
                .toList();
    }
}
