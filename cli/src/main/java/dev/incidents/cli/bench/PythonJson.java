package dev.incidents.cli.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The outside baseline of issue #12: Python's {@code json} module merely parsing the same recording line by line
 * ({@code json.loads} per line, nothing kept), in a child process like {@code replay}. It prints the lines parsed.
 */
final class PythonJson {
    static final String SCRIPT = String.join("\n",
            "import json, sys",
            "n = 0",
            "for name in sys.argv[1:]:",
            "    with open(name, encoding='utf-8') as f:",
            "        for line in f:",
            "            if line.strip():",
            "                json.loads(line)",
            "                n += 1",
            "print(n)");

    private PythonJson() {
    }

    /** {@code python3 -c SCRIPT FILE...}, or empty when there is no working {@code python3} on PATH. */
    static Optional<List<String>> command(List<Path> recording) {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import json").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        List<String> command = new java.util.ArrayList<>(List.of("python3", "-c", SCRIPT));
        recording.forEach(file -> command.add(file.toString()));
        return Optional.of(command);
    }
}
