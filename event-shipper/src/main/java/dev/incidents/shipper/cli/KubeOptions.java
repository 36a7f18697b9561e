package dev.incidents.shipper.cli;

import dev.incidents.shipper.WatchFilter;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The cluster-side options {@code ship} and {@code record} share. */
public final class KubeOptions {
    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "kubeconfig file (default: in-cluster service account, else $KUBECONFIG or ~/.kube/config)")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "kubeconfig context (default: the current one)")
    String context;

    @Option(names = "--cluster", paramLabel = "NAME", description = "cluster name stamped on every record and key (default: the context's name)")
    String cluster;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", split = ",", description = "watch only these namespaces (repeatable or comma-separated; default: all)")
    List<String> namespaces = new ArrayList<>();

    @Option(names = "--exclude-namespace", paramLabel = "NS", split = ",", description = "never ship objects of these namespaces")
    List<String> excludedNamespaces = new ArrayList<>();

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR", description = "label selector for Pods, e.g. app=triton or 'tier in (gpu)'")
    String selector;

    WatchFilter filter() {
        return new WatchFilter(Set.copyOf(namespaces), Set.copyOf(excludedNamespaces), selector);
    }
}
