package dev.incidents.kafka.testing;

import dev.incidents.kafka.BrokerSettings;
import dev.incidents.kafka.LocalBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;

/**
 * A local broker as a company Kafka runs it, for the tests that must prove the clients work there: one
 * {@code SASL_SSL} listener (TLS with a certificate made at test time, {@link TestCertificates}; SASL with
 * SCRAM-SHA-512 and PLAIN), ACLs enforced by KRaft's {@code StandardAuthorizer} with nothing allowed unless granted,
 * and a super user {@code admin} (PLAIN) that the broker itself uses between its listeners and that the tests use
 * to create SCRAM users (Admin API, {@code alterUserScramCredentials}) and ACLs. A broker of its own: the shared
 * plaintext one of {@link KafkaBrokerExtension} is left alone.
 */
public final class SecuredBroker implements AutoCloseable {
    public static final String ADMIN = "admin";
    /** A PLAIN user (credentials in the broker's JAAS configuration): proves the second mechanism. */
    public static final String PLAIN_USER = "plain-client";

    private final LocalBroker broker;
    private final TestCertificates certificates;
    private final String adminPassword;
    private final String plainPassword;

    private SecuredBroker(LocalBroker broker, TestCertificates certificates, String adminPassword, String plainPassword) {
        this.broker = broker;
        this.certificates = certificates;
        this.adminPassword = adminPassword;
        this.plainPassword = plainPassword;
    }

    /** Starts a secured broker under {@code home} on free ports. */
    public static SecuredBroker start(Path home) {
        TestCertificates certificates = TestCertificates.create(home.resolve("tls"), "broker");
        String adminPassword = UUID.randomUUID().toString();
        String plainPassword = UUID.randomUUID().toString();
        int[] ports = FreePorts.two();
        String plainJaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN
                + "\" password=\"" + adminPassword + "\" user_" + ADMIN + "=\"" + adminPassword + "\" user_" + PLAIN_USER
                + "=\"" + plainPassword + "\";";
        Map<String, String> broker = new TreeMap<>();
        broker.put("listeners", "SASL_SSL://" + BrokerSettings.HOST + ":" + ports[0] + ",CONTROLLER://" + BrokerSettings.HOST + ":" + ports[1]);
        broker.put("advertised.listeners", "SASL_SSL://" + BrokerSettings.HOST + ":" + ports[0]);
        broker.put("listener.security.protocol.map", "CONTROLLER:SASL_PLAINTEXT,SASL_SSL:SASL_SSL");
        broker.put("inter.broker.listener.name", "SASL_SSL");
        broker.put("sasl.enabled.mechanisms", "SCRAM-SHA-512,PLAIN");
        // The broker's own connections use PLAIN: SCRAM credentials live in the metadata log, which a fresh
        // cluster cannot read before it is up.
        broker.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        broker.put("sasl.mechanism.controller.protocol", "PLAIN");
        broker.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        broker.put("listener.name.controller.plain.sasl.jaas.config", plainJaas);
        broker.put("listener.name.sasl_ssl.plain.sasl.jaas.config", plainJaas);
        broker.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        broker.put("ssl.keystore.type", "PKCS12");
        broker.put("ssl.keystore.location", certificates.keyStore().toString());
        broker.put("ssl.keystore.password", certificates.password());
        broker.put("ssl.key.password", certificates.password());
        broker.put("ssl.truststore.type", "PKCS12");
        broker.put("ssl.truststore.location", certificates.trustStore().toString());
        broker.put("ssl.truststore.password", certificates.password());
        broker.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        broker.put("super.users", "User:" + ADMIN);
        broker.put("allow.everyone.if.no.acl.found", "false");

        BrokerSettings settings = BrokerSettings.defaults().withHome(home.resolve("kafka")).withPorts(ports[0], ports[1]);
        for (Map.Entry<String, String> entry : broker.entrySet()) {
            settings = settings.withBrokerConfig(entry.getKey(), entry.getValue());
        }
        for (Map.Entry<String, String> entry : clientProperties(certificates, "PLAIN", ADMIN, adminPassword).entrySet()) {
            settings = settings.withClientConfig(entry.getKey(), entry.getValue());
        }
        LocalBroker local = new LocalBroker(settings);
        local.start();
        return new SecuredBroker(local, certificates, adminPassword, plainPassword);
    }

    public LocalBroker broker() {
        return broker;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public TestCertificates certificates() {
        return certificates;
    }

    public String plainPassword() {
        return plainPassword;
    }

    /** An Admin client as the super user; the caller closes it. */
    public Admin admin() {
        return broker.admin();
    }

    /** Creates (or resets) a SCRAM-SHA-512 user and waits until the broker lists its credential. */
    public void createScramUser(String user, String password) {
        try (Admin admin = admin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all().get(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!admin.describeUserScramCredentials(List.of(user)).all().get(30, TimeUnit.SECONDS).containsKey(user)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not list the SCRAM user " + user + " within 30 s");
                }
                Thread.sleep(100);
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot create the SCRAM user " + user + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Grants the ACLs (as the super user) and returns once the broker has them. */
    public void allow(List<AclBinding> acls) {
        try (Admin admin = admin()) {
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot create ACLs: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The client properties of {@code user} on this broker: what a {@code --kafka-config} file holds. */
    public Map<String, String> clientProperties(String mechanism, String user, String password) {
        return clientProperties(certificates, mechanism, user, password);
    }

    /** Writes {@link #clientProperties} as a properties file at {@code file}. */
    public static Path write(Path file, Map<String, String> properties) {
        List<String> lines = new ArrayList<>();
        properties.forEach((key, value) -> lines.add(key + "=" + value.replace("\\", "\\\\")));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> clientProperties(TestCertificates certificates, String mechanism, String user,
                                                        String password) {
        String module = mechanism.startsWith("SCRAM") ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                : "org.apache.kafka.common.security.plain.PlainLoginModule";
        Map<String, String> client = new TreeMap<>();
        client.put("security.protocol", "SASL_SSL");
        client.put("sasl.mechanism", mechanism);
        client.put("sasl.jaas.config", module + " required username=\"" + user + "\" password=\"" + password + "\";");
        client.put("ssl.truststore.type", "PKCS12");
        client.put("ssl.truststore.location", certificates.trustStore().toString());
        client.put("ssl.truststore.password", certificates.password());
        return client;
    }

    @Override
    public void close() {
        broker.stop();
    }
}
