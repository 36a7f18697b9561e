package dev.incidents.shipper;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.nio.file.Files;
import java.nio.file.Path;

/** The fabric8 client from {@code --kubeconfig} / {@code --context}, or the in-cluster service account. */
final class KubeConnection {
    private KubeConnection() {
    }

    static Config config(Path kubeconfig, String context) {
        if (kubeconfig != null) {
            if (!Files.isReadable(kubeconfig)) {
                throw new IllegalArgumentException("cannot read --kubeconfig " + kubeconfig);
            }
            return Config.fromKubeconfig(context, kubeconfig.toFile());
        }
        return Config.autoConfigure(context);
    }

    static KubernetesClient client(Config config, ShipperMetrics metrics) {
        return new KubernetesClientBuilder().withConfig(config)
                .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor("shipper-watch-restarts", new WatchRequests(metrics)))
                .build();
    }

    /** {@code --cluster}, else the kubeconfig context's name, else "default". */
    static String clusterName(String flag, Config config) {
        if (flag != null && !flag.isBlank()) {
            return flag;
        }
        if (config.getCurrentContext() != null && config.getCurrentContext().getName() != null) {
            return config.getCurrentContext().getName();
        }
        return "default";
    }
}
