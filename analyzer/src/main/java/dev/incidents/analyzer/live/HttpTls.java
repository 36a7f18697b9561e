package dev.incidents.analyzer.live;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for the HTTP surface from the PEM files Kubernetes hands out (a {@code kubernetes.io/tls} Secret's {@code tls.key}
 * and {@code tls.crt}, cert-manager's output): a PKCS#8 private key (RSA or EC) and the certificate chain, leaf first.
 * The same chain is what instances trust when they ask each other for {@code /incidents} (they share it).
 */
public final class HttpTls {
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    private final SSLContext server;
    private final SSLContext peers;

    private HttpTls(SSLContext server, SSLContext peers) {
        this.server = server;
        this.peers = peers;
    }

    /** Reads the key and certificate chain; a missing, unreadable or mismatched file is an error saying which. */
    public static HttpTls fromPem(Path keyFile, Path certificateFile) {
        try {
            List<Certificate> chain = certificates(certificateFile);
            PrivateKey key = privateKey(keyFile);
            char[] none = new char[0];
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("http", key, none, chain.toArray(Certificate[]::new));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, none);
            SSLContext server = SSLContext.getInstance("TLS");
            server.init(keyManagers.getKeyManagers(), null, null);

            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            for (int i = 0; i < chain.size(); i++) {
                trusted.setCertificateEntry("chain-" + i, chain.get(i));
            }
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trusted);
            SSLContext peers = SSLContext.getInstance("TLS");
            peers.init(null, trustManagers.getTrustManagers(), null);
            return new HttpTls(server, peers);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new UncheckedIOException("cannot use the HTTP TLS key " + keyFile + " with the certificate " + certificateFile
                    + ": " + e.getMessage(), new IOException(e));
        }
    }

    /** What the HTTPS server presents. */
    public SSLContext server() {
        return server;
    }

    /** What this instance trusts when it asks the others (the shared certificate chain). */
    public SSLContext peers() {
        return peers;
    }

    private static List<Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<Certificate> chain = new ArrayList<>();
        for (byte[] der : blocks(file, "CERTIFICATE")) {
            chain.add(factory.generateCertificate(new ByteArrayInputStream(der)));
        }
        if (chain.isEmpty()) {
            throw new IOException("no PEM certificate (-----BEGIN CERTIFICATE-----) in " + file);
        }
        return chain;
    }

    private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        List<byte[]> keys = blocks(file, "PRIVATE KEY");
        if (keys.isEmpty()) {
            throw new IOException("no PKCS#8 PEM key (-----BEGIN PRIVATE KEY-----) in " + file
                    + "; convert a PKCS#1 one with: openssl pkcs8 -topk8 -nocrypt -in KEY -out " + file.getFileName());
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(keys.get(0));
        GeneralSecurityException last = null;
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    private static List<byte[]> blocks(Path file, String type) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<byte[]> blocks = new ArrayList<>();
        Matcher matcher = PEM.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).equals(type)) {
                blocks.add(Base64.getMimeDecoder().decode(matcher.group(2)));
            }
        }
        return blocks;
    }
}
