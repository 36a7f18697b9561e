package dev.incidents.recordings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The directory {@code kubectl cluster-info dump --output-directory=DIR} writes: {@code nodes.json}, then per namespace
 * {@code <namespace>/events.json}, {@code pods.json} and the controllers' lists, each a typed List. Each pod's
 * {@code <namespace>/<pod>/logs.txt} (its containers' own output) and the Services are left alone. The printed form of
 * the same dump is read as a stream of Lists ({@link JsonLogReader}).
 */
final class ClusterInfoDump {
    private ClusterInfoDump() {
    }

    /** The files the analyzer reads, owners first; empty when the directory is not laid out so. */
    static List<BundleFile> files(Path directory) throws IOException {
        Path nodes = directory.resolve("nodes.json");
        if (!Files.isRegularFile(nodes)) {
            return List.of();
        }
        List<BundleFile> files = new ArrayList<>();
        try (Stream<Path> namespaces = Files.list(directory)) {
            for (Path namespace : namespaces.filter(Files::isDirectory).toList()) {
                for (Map.Entry<String, String> kind : SupportBundle.KINDS.entrySet()) {
                    Path file = namespace.resolve(kind.getKey() + ".json");
                    if (Files.isRegularFile(file)) {
                        files.add(new BundleFile(kind.getValue(), namespace.getFileName() + "/" + kind.getKey() + ".json",
                                file.toString(), file));
                    }
                }
            }
        }
        if (files.isEmpty()) {
            return List.of();
        }
        files.add(new BundleFile("Node", "nodes.json", nodes.toString(), nodes));
        files.sort(BundleFile.ORDER);
        return files;
    }
}
