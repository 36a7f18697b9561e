package dev.incidents.cli.bench;

import dev.incidents.cli.Main;
import dev.incidents.kafka.BrokerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Command lines for a child JVM started the way {@code bin/incidents} starts one: this JVM's {@code java}, the
 * launcher's heap, the JVM options a user gives in {@code INCIDENTS_JAVA_OPTS} (split on blanks, as the launcher's shell does), the home
 * property, and this JVM's classpath (the launcher's jar and {@code lib/}, or the test classpath in the smoke test).
 *
 * @param jvmOptions the options every child gets
 */
record JavaCommand(List<String> jvmOptions) {

    /** The launcher's heap ({@code INCIDENTS_HEAP}, default 1g), then {@code javaOpts}: an {@code -Xmx} there wins. */
    static JavaCommand withOptions(String javaOpts) {
        List<String> options = new ArrayList<>();
        String heap = System.getenv("INCIDENTS_HEAP");
        options.add("-Xmx" + (heap == null || heap.isBlank() ? LAUNCHER_HEAP : heap.strip()));
        if (javaOpts != null && !javaOpts.isBlank()) {
            options.addAll(Arrays.asList(javaOpts.strip().split("\\s+")));
        }
        return new JavaCommand(List.copyOf(options));
    }

    /** The maximum heap {@code bin/incidents} gives a JVM unless {@code INCIDENTS_HEAP} says otherwise. */
    static final String LAUNCHER_HEAP = "1g";

    /**
     * The collector {@code bin/incidents} gives {@code replay} unless {@code INCIDENTS_JAVA_OPTS} names one: replay is
     * one thread of batch work, and G1's concurrent bookkeeping over its large in-memory state cost it more CPU and
     * half again the memory (see the launcher).
     */
    static final String REPLAY_COLLECTOR = "-XX:+UseSerialGC";

    /**
     * The initial heap {@code bin/incidents} gives {@code replay} unless {@code INCIDENTS_JAVA_OPTS} names one: the
     * heap then grows from what the replay holds, not from 1/64 of the machine's RAM (see the launcher).
     */
    static final String REPLAY_INITIAL_HEAP = "-Xms128m";

    /**
     * How much free heap {@code bin/incidents} lets {@code replay} keep after a collection unless
     * {@code INCIDENTS_JAVA_OPTS} says: 20-40 %, not the JVM's 40-70 % (see the launcher).
     */
    static final List<String> REPLAY_HEAP_FREE = List.of("-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40");

    /** {@code bin/incidents ARGS}: the CLI's main class, with the launcher's collector and heap sizing for {@code replay}. */
    List<String> incidents(String... args) {
        return command(Main.class.getName(), args.length > 0 && "replay".equals(args[0]), args);
    }

    /** A bench class in a JVM set up as {@code bin/incidents replay} sets one up (the baselines replay is compared with). */
    List<String> replayLike(String mainClass, String... args) {
        return command(mainClass, true, args);
    }

    List<String> main(String mainClass, String... args) {
        return command(mainClass, false, args);
    }

    private List<String> command(String mainClass, boolean replay, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.add(jvmOptions.get(0));
        if (replay && jvmOptions.stream().noneMatch(JavaCommand::namesCollector)) {
            command.add(REPLAY_COLLECTOR);
        }
        if (replay && jvmOptions.stream().noneMatch(o -> o.startsWith("-Xms"))) {
            command.add(REPLAY_INITIAL_HEAP);
        }
        if (replay && jvmOptions.stream().noneMatch(o -> o.contains("HeapFreeRatio="))) {
            command.addAll(REPLAY_HEAP_FREE);
        }
        command.addAll(jvmOptions.subList(1, jvmOptions.size()));
        String home = System.getProperty(BrokerSettings.INCIDENTS_HOME_PROPERTY);
        if (home != null) {
            command.add("-D" + BrokerSettings.INCIDENTS_HOME_PROPERTY + "=" + home);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    /**
     * The heap a child gets with these options, as the JVM states it ({@code -XX:+PrintFlagsFinal}).
     */
    String heapSetting() {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String flags = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            Matcher m = Pattern.compile("size_t MaxHeapSize\\s+=\\s+(\\d+)").matcher(flags);
            String max = m.find() ? String.format("max heap %,d MiB", Long.parseLong(m.group(1)) >> 20) : "max heap unknown";
            String collector = jvmOptions.stream().filter(JavaCommand::namesCollector).findFirst()
                    .orElse(REPLAY_COLLECTOR);
            String initial = jvmOptions.stream().filter(o -> o.startsWith("-Xms")).findFirst()
                    .orElse(REPLAY_INITIAL_HEAP);
            String free = jvmOptions.stream().anyMatch(o -> o.contains("HeapFreeRatio="))
                    ? "" : " " + String.join(" ", REPLAY_HEAP_FREE);
            return max + " (" + String.join(" ", jvmOptions) + "; replay and parse-only with " + collector + " "
                    + initial + free + ")";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static boolean namesCollector(String option) {
        return option.startsWith("-XX:+Use") && option.endsWith("GC");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
