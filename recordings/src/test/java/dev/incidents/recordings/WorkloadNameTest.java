package dev.incidents.recordings;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadNameTest {
    @ParameterizedTest(name = "{0} -> {1}/{2}")
    @CsvSource(nullValues = "-", value = {
            // pod name,                               kind,        name,                    via,                      ambiguous
            "triton-79569cfbbc-m2wcc,                  Deployment,  triton,                  triton-79569cfbbc,        false",
            // a reporter's placeholder for the generated part: the rest is the workload, its kind a guess
            "egg-<id-here>,                            Deployment,  egg,                     -,                        true",
            "coredns-7f8897b78c-gvfh7,                 Deployment,  coredns,                 coredns-7f8897b78c,       false",
            "vllm-llama-3-8b-6d4b9c7f58-x2kzq,         Deployment,  vllm-llama-3-8b,         vllm-llama-3-8b-6d4b9c7f58, false",
            "nightly-eval-28947360-7xk2p,              CronJob,     nightly-eval,            nightly-eval-28947360,    false",
            "hivemp-svc-2796558020-akaib,              Deployment,  hivemp-svc,              hivemp-svc-2796558020,    true",
            // before 1.21 the CronJob controller named Jobs by the scheduled second (kubeapps#933): a whole minute
            "apprepo-sync-stable-1547906400-k8xb7,     CronJob,     apprepo-sync-stable,     apprepo-sync-stable-1547906400, false",
            "alpine-368057524-bgt0m,                   Deployment,  alpine,                  alpine-368057524,         true",
            "ray-worker-0,                             StatefulSet, ray-worker,              -,                        false",
            "kafka-12,                                 StatefulSet, kafka,                   -,                        false",
            "nvidia-device-plugin-daemonset-x7k2p,     DaemonSet,   nvidia-device-plugin-daemonset, -,                 true",
            "train-resnet-3-b8m4q,                     Job,         train-resnet,            -,                        true",
            // Argo Workflows' step pods (kind#1002, argo-workflows#1788), before and since 3.4's template in the name
            "coinflip-c29nz-981967317,                 Workflow,    coinflip-c29nz,          -,                        true",
            "train-pipeline-x7k2p-preprocess-1234567890, Workflow,  train-pipeline-x7k2p,    -,                        true",
            // a generated name of a generated name (openshift/os#935's Jenkins agent): no DaemonSet is named so
            "rhcos-art-cosa-5zxpd-6wbtc,               Pod,         rhcos-art-cosa-5zxpd-6wbtc, -,                     true",
            "debug,                                    Pod,         debug,                   -,                        false",
            "my-pod,                                   Pod,         my-pod,                  -,                        false",
            // five letters with a vowel are a word someone chose, not a generated suffix (a homework's catalog-cache)
            "catalog-cache,                            Pod,         catalog-cache,           -,                        false",
            "redis-proxy,                              Pod,         redis-proxy,             -,                        false",
            // before 1.6 the suffix took any letters and digits (fabric8's gogs-5-8exat, an old DaemonSet's pod)
            "fluentd-es-8exat,                         DaemonSet,   fluentd-es,              -,                        true",
            // a ReplicaSet's name past the 58 characters of a generateName: cut there, the five appended without a
            // hyphen (KServe's debug guide: a 63-character pod name)
            "sklearn-iris-predictor-default-rvhmk-deployment-867c6444647tz7n, Deployment, sklearn-iris-predictor-default-rvhmk-deployment, sklearn-iris-predictor-default-rvhmk-deployment-867c644464, false",
    })
    void guessesTheWorkloadFromThePodName(String pod, String kind, String name, String via, boolean ambiguous) {
        assertThat(WorkloadName.fromPodName(pod)).isEqualTo(new WorkloadName(kind, name, via, ambiguous));
    }

    @ParameterizedTest
    @CsvSource({"triton-79569cfbbc, 79569cfbbc, triton", "triton-79569cfbbc, 5fc797b8f8, ''", "abc, abc, ''"})
    void replicaSetBelongsToDeploymentOnlyWhenTheHashMatches(String rs, String hash, String deployment) {
        assertThat(WorkloadName.deploymentOfReplicaSet(rs, hash)).isEqualTo(deployment.isEmpty() ? null : deployment);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "Pod,         triton-ensemble-6c8d9b7f5d-x2kzq, triton-ensemble",
            "ReplicaSet,  triton-ensemble-6c8d9b7f5d,       triton-ensemble",
            "Deployment,  triton-ensemble,                  triton-ensemble",
            "Pod,         nacos-0,                          nacos",
            "StatefulSet, nacos,                            nacos",
            "Pod,         nightly-eval-28947360-7xk2p,      nightly-eval",
            "Job,         nightly-eval-28947360,            nightly-eval",
            "ReplicaSet,  web-12345678,                     web-12345678",
            "Node,        ip-10-0-1-149.ec2.internal,       ip-10-0-1-149.ec2.internal",
    })
    void aPodItsOwnersAndTheirWorkloadShareOneWorkloadName(String kind, String name, String workload) {
        assertThat(WorkloadName.workloadOf(kind, name)).isEqualTo(workload);
    }
}
