package dev.incidents.shipper.kubeapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code kubectl} binary against a {@link MockApiServer}. Missing kubectl fails the test with the way to
 * install it: a test that silently skips would prove nothing.
 */
public final class Kubectl {
    public static final Path BINARY = Path.of(System.getProperty("kubectl", "/usr/bin/kubectl"));
    static final String INSTALL_HINT = "The shipper ITs drive the real kubectl (client >= 1.27) against fabric8's mock API server, "
            + "and kubectl was not found at " + BINARY + ". Install it: "
            + "curl -LO https://dl.k8s.io/release/v1.32.4/bin/linux/amd64/kubectl && sudo install -m 0755 kubectl /usr/bin/kubectl "
            + "(or pass -Dkubectl=/path/to/kubectl).";

    private final Path kubeconfig;
    private final Path workDir;

    public Kubectl(MockApiServer api, Path workDir) {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError(INSTALL_HINT);
        }
        this.workDir = workDir;
        this.kubeconfig = api.writeKubeconfig(workDir.resolve("kubeconfig"));
    }

    /** {@code kubectl create -f} of one object or a List given as JSON or YAML text. */
    public String create(String manifest) {
        Path file = write(manifest);
        return run("create", "--validate=false", "-f", file.toString());
    }

    /**
     * {@code kubectl patch --type=merge}; strategic merge patches are not understood by the mock, and its merge
     * patch appends to arrays instead of replacing them: use {@link #jsonPatch} to replace a list.
     */
    public String patch(String resource, String namespace, String name, String mergePatch) {
        return patch(resource, namespace, name, "merge", mergePatch);
    }

    /** {@code kubectl patch --type=json} (RFC 6902 operations). */
    public String jsonPatch(String resource, String namespace, String name, String operations) {
        return patch(resource, namespace, name, "json", operations);
    }

    private String patch(String resource, String namespace, String name, String type, String patch) {
        List<String> args = new ArrayList<>(List.of("patch", resource, name, "--type=" + type, "-p", patch));
        if (namespace != null) {
            args.addAll(List.of("-n", namespace));
        }
        return run(args.toArray(String[]::new));
    }

    public String delete(String resource, String namespace, String name) {
        List<String> args = new ArrayList<>(List.of("delete", resource, name, "--wait=false"));
        if (namespace != null) {
            args.addAll(List.of("-n", namespace));
        }
        return run(args.toArray(String[]::new));
    }

    public String getJson(String resource, String namespace, String name) {
        return run("get", resource, name, "-n", namespace, "-o", "json");
    }

    /** Runs kubectl with the given arguments; a non-zero exit fails with kubectl's own output. */
    public String run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.add("--kubeconfig=" + kubeconfig);
        command.add("--request-timeout=20s");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).directory(workDir.toFile()).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl timed out: " + command);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl failed (" + process.exitValue() + "): " + String.join(" ", args) + "\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running kubectl", e);
        }
    }

    private Path write(String manifest) {
        try {
            Path file = Files.createTempFile(workDir, "manifest-", manifest.stripLeading().startsWith("{") ? ".json" : ".yaml");
            Files.writeString(file, manifest);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
