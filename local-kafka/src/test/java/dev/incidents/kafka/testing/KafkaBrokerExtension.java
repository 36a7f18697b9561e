package dev.incidents.kafka.testing;

import dev.incidents.kafka.BrokerSettings;
import dev.incidents.kafka.LocalBroker;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;
import java.util.UUID;

/**
 * One real Kafka broker per test JVM, for {@code *IT} classes: {@code @ExtendWith(KafkaBrokerExtension.class)},
 * then {@link #bootstrapServers()} or a {@code @BrokerBootstrap String} parameter. Started lazily by the first
 * class that needs it, on free ports, with its data under {@code target/it-kafka-<random>}; shared by every
 * IT class of the run and stopped when the run ends (or, failing that, when the JVM exits).
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, ParameterResolver {
    private static LocalBroker broker;

    /** The shared broker's bootstrap address, starting it if needed. */
    public static String bootstrapServers() {
        return broker().bootstrapServers();
    }

    /** The shared broker (to create topics with specific settings). */
    public static synchronized LocalBroker broker() {
        if (broker == null) {
            int[] ports = FreePorts.two();
            LocalBroker started = new LocalBroker(BrokerSettings.defaults()
                    .withHome(Path.of("target", "it-kafka-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath())
                    .withPorts(ports[0], ports[1]));
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop-test-kafka-broker"));
            started.start();
            broker = started;
        }
        return broker;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        broker();
        // The root store closes its resources when the whole test run of this JVM ends.
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KafkaBrokerExtension.class, key -> new StopAtEndOfRun(), StopAtEndOfRun.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.isAnnotated(BrokerBootstrap.class) && parameter.getParameter().getType() == String.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return bootstrapServers();
    }

    private static final class StopAtEndOfRun implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            synchronized (KafkaBrokerExtension.class) {
                if (broker != null) {
                    broker.stop();
                    broker = null;
                }
            }
        }
    }
}
