package dev.incidents.recordings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * OpenShift's {@code oc adm must-gather} (and {@code oc adm inspect}) output, as a directory or the {@code .tar.gz} it is
 * handed over in: below one directory per gather image, {@code namespaces/<ns>/core/events.yaml} and {@code pods.yaml},
 * the controllers' lists in {@code namespaces/<ns>/apps/} and {@code batch/}, each Node in
 * {@code cluster-scoped-resources/core/nodes/<node>.yaml}. A namespace gathered without its {@code pods.yaml} has each
 * pod in {@code namespaces/<ns>/pods/<pod>/<pod>.yaml}. Logs, ConfigMaps and the operators' resources are left alone.
 */
final class MustGather {
    private static final Pattern NAMESPACED = Pattern.compile(
            "(?:^|.*/)namespaces/([^/]+)/(?:core/(events|pods)|apps/(deployments|replicasets|statefulsets|daemonsets)"
            + "|batch/(jobs))\\.yaml$");
    private static final Pattern POD = Pattern.compile("(?:^|.*/)namespaces/([^/]+)/pods/([^/]+)/\\2\\.yaml$");
    private static final Pattern NODE = Pattern.compile("(?:^|.*/)cluster-scoped-resources/core/nodes/[^/]+\\.yaml$");

    private MustGather() {
    }

    /**
     * The kind of the objects in a must-gather file, from its path ({@code .../namespaces/llm/core/events.yaml}); empty
     * for files this reader leaves alone.
     */
    static Optional<String> kindOf(String path) {
        String normalized = path.replace('\\', '/');
        if (NODE.matcher(normalized).matches()) {
            return Optional.of("Node");
        }
        if (POD.matcher(normalized).matches()) {
            return Optional.of("Pod");
        }
        Matcher m = NAMESPACED.matcher(normalized);
        if (!m.matches()) {
            return Optional.empty();
        }
        String list = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
        return Optional.ofNullable(SupportBundle.KINDS.get(list));
    }

    /**
     * The files of a must-gather's directory the analyzer reads, owners first; each pod's own file only where its
     * namespace's {@code pods.yaml} is missing (they hold the same Pods). Empty when the directory is no must-gather.
     */
    static List<BundleFile> files(Path directory) throws IOException {
        List<BundleFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory, 8)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                String relative = directory.relativize(file).toString().replace('\\', '/');
                kindOf(relative).ifPresent(kind -> files.add(new BundleFile(kind, relative, file.toString(), file)));
            });
        }
        List<BundleFile> kept = withoutListedPods(files);
        kept.sort(BundleFile.ORDER);
        return kept;
    }

    /** Drops each pod's own file of a namespace whose {@code pods.yaml} is there too. */
    static List<BundleFile> withoutListedPods(List<BundleFile> files) {
        Set<String> listed = new HashSet<>();
        for (BundleFile f : files) {
            Matcher m = NAMESPACED.matcher(f.relative());
            if (m.matches() && "pods".equals(m.group(2))) {
                listed.add(f.relative().substring(0, m.start(1)) + m.group(1));
            }
        }
        List<BundleFile> kept = new ArrayList<>();
        for (BundleFile f : files) {
            Matcher pod = POD.matcher(f.relative());
            if (!pod.matches() || !listed.contains(f.relative().substring(0, pod.start(1)) + pod.group(1))) {
                kept.add(f);
            }
        }
        return kept;
    }
}
