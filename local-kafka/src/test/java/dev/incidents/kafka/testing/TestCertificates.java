package dev.incidents.kafka.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code 127.0.0.1}/{@code localhost}, made at test time with the JDK's {@code keytool}
 * (nothing checked in that could expire or leak): a PKCS12 key store for a server, a PKCS12 trust store holding the
 * certificate for its clients, and the same key and certificate as PEM files (what {@code analyze --http-tls-*} reads).
 *
 * @param keyStore   PKCS12 with the private key and certificate, alias {@code server}
 * @param trustStore PKCS12 with the certificate only, alias {@code server}
 * @param password   of both stores and of the key (a random one per set)
 * @param keyPem     the private key, PKCS#8 PEM
 * @param certPem    the certificate, PEM
 */
public record TestCertificates(Path keyStore, Path trustStore, String password, Path keyPem, Path certPem) {

    /** A new key and certificate in {@code dir} (created if needed), files named after {@code name}. */
    public static TestCertificates create(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            String password = UUID.randomUUID().toString();
            Path keyStore = dir.resolve(name + "-keystore.p12");
            Path trustStore = dir.resolve(name + "-truststore.p12");
            Path certPem = dir.resolve(name + "-cert.pem");
            Path keyPem = dir.resolve(name + "-key.pem");
            for (Path stale : List.of(keyStore, trustStore, certPem, keyPem)) {
                Files.deleteIfExists(stale);
            }
            keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=localhost, O=incidents tests", "-ext", "SAN=IP:127.0.0.1,DNS:localhost",
                    "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", password, "-keypass", password);
            keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keyStore.toString(), "-storepass", password,
                    "-file", certPem.toString());
            keytool("-importcert", "-noprompt", "-alias", "server", "-file", certPem.toString(), "-storetype", "PKCS12",
                    "-keystore", trustStore.toString(), "-storepass", password);
            Files.writeString(keyPem, privateKeyPem(keyStore, password));
            return new TestCertificates(keyStore, trustStore, password, keyPem, certPem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** keytool cannot export a private key: read it from the store and write PKCS#8 PEM. */
    private static String privateKeyPem(Path keyStore, String password) throws IOException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            Key key = store.getKey("server", password.toCharArray());
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the key from " + keyStore + ": " + e.getMessage(), e);
        }
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }
}
