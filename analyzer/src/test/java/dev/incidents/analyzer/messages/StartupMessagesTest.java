package dev.incidents.analyzer.messages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Config, mount, sandbox and volume claim failures: the STARTUP shapes of issue 7 and PVC events. */
class StartupMessagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Error: secret \"triton-creds\" not found|SECRET_MISSING|triton-creds|",
        "Error: secrets \"secrets-2.16.4-1\" not found|SECRET_MISSING|secrets-2.16.4-1|",
        "Error: configmap \"triton-config\" not found|CONFIG_MAP_MISSING|triton-config|",
        "Error: couldn't find key postgresql-password in Secret test/my-postgresql|SECRET_KEY_MISSING|my-postgresql|postgresql-password",
        "Error: Couldn't find key eventstreams-api-key in Secret streaming/es-iam-secret|SECRET_KEY_MISSING|es-iam-secret|eventstreams-api-key",
        "Error: couldn't find key MODEL_REPO in ConfigMap inference/triton-env|CONFIG_MAP_KEY_MISSING|triton-env|MODEL_REPO",
    })
    void configErrorsNameTheMissingObject(String message, ConfigError.Kind kind, String name, String key) {
        ConfigError e = ConfigError.parse(message).orElseThrow();

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.name()).contains(name);
        assertThat(e.key().orElse(null)).isEqualTo(key);
    }

    @Test
    void runAsNonRootIsAConfigErrorWithoutAMissingObject() {
        ConfigError e = ConfigError.parse("Error: container has runAsNonRoot and image will run as root (pod: "
                + "\"triton-5fc797b8f8-abcde_inference(0a1b)\", container: triton)").orElseThrow();

        assertThat(e.kind()).isEqualTo(ConfigError.Kind.RUN_AS_NON_ROOT);
        assertThat(e.name()).isEmpty();
        assertThat(ConfigError.parse("Error: ErrImagePull")).isEmpty();
        assertThat(ConfigError.parse("Error: container has runAsNonRoot and image has non-numeric user (nonroot), "
                + "cannot verify user is non-root (pod: \"x_ns(0a)\", container: x)").orElseThrow().kind())
                .isEqualTo(ConfigError.Kind.RUN_AS_NON_ROOT);
        assertThat(ConfigError.parse("Error: container's runAsUser breaks non-root policy (pod: \"x_ns(0a)\", "
                + "container: x)").orElseThrow().kind()).isEqualTo(ConfigError.Kind.RUN_AS_NON_ROOT);
    }

    @Test
    void aSubPathTheKubeletCannotPrepareIsAConfigError() {
        ConfigError e = ConfigError.parse("Error: failed to prepare subPath for volumeMount \"models\" of container "
                + "\"triton\"").orElseThrow();

        assertThat(e.kind()).isEqualTo(ConfigError.Kind.OTHER);
    }

    @Test
    void mountTimeoutListsTheVolumesThePodWaitsFor() {
        MountFailure m = MountFailure.parse("Unable to attach or mount volumes: unmounted volumes=[models], unattached "
                + "volumes=[models kube-api-access-8x2lq]: timed out waiting for the condition").orElseThrow();

        assertThat(m.kind()).isEqualTo(MountFailure.Kind.TIMEOUT);
        assertThat(m.unmounted()).containsExactly("models");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Multi-Attach error for volume \"pvc-0a1b2c3d\" Volume is already exclusively attached to one node and can't be attached to another|MULTI_ATTACH|pvc-0a1b2c3d",
        "AttachVolume.Attach failed for volume \"pvc-0a1b2c3d\" : rpc error: code = Internal desc = Could not attach volume \"vol-0abc\" to node \"i-0def\": attachment of disk \"vol-0abc\" failed, expected device to be attached but was attaching|ATTACH_FAILED|pvc-0a1b2c3d",
        "MountVolume.SetUp failed for volume \"efs-models\" : rpc error: code = DeadlineExceeded desc = context deadline exceeded|MOUNT_FAILED|efs-models",
        "MountVolume.MountDevice failed for volume \"pvc-9\" : kubernetes.io/csi: attacher.MountDevice failed to create newCsiDriverClient: driver name efs.csi.aws.com not found in the list of registered CSI drivers|CSI_DRIVER_MISSING|pvc-9",
        "MountVolume.SetUp failed for volume \"creds\" : secret \"triton-creds\" not found|SECRET_MISSING|creds",
        "MountVolume.SetUp failed for volume \"cf-secrets\" : secrets \"secrets-2.16.4-1\" not found|SECRET_MISSING|cf-secrets",
        "MountVolume.SetUp failed for volume \"config\" : configmap \"triton-config\" not found|CONFIG_MAP_MISSING|config",
    })
    void mountFailures(String message, MountFailure.Kind kind, String volume) {
        MountFailure m = MountFailure.parse(message).orElseThrow();

        assertThat(m.kind()).isEqualTo(kind);
        assertThat(m.volume()).contains(volume);
    }

    @Test
    void aMissingSecretVolumeNamesTheSecret() {
        MountFailure m = MountFailure.parse("MountVolume.SetUp failed for volume \"creds\" : secret \"triton-creds\" "
                + "not found").orElseThrow();

        assertThat(m.secret()).contains("triton-creds");
        assertThat(MountFailure.parse("Successfully assigned inference/triton to node")).isEmpty();
    }

    /** The cause a mount failure proves: a missing source object or host path, or the mount command itself failing. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "MountVolume.SetUp failed for volume \"creds\" : secret \"triton-creds\" not found|VOLUME_SOURCE_MISSING",
        "MountVolume.SetUp failed for volume \"config\" : configmap \"triton-config\" not found|VOLUME_SOURCE_MISSING",
        "MountVolume.SetUp failed for volume \"nfs\" : mount failed: exit status 32 Mounting command: mount Mounting arguments: -t nfs 10.0.0.5:/export /var/lib/kubelet/pods/x/volumes/kubernetes.io~nfs/nfs Output: mount.nfs: Connection timed out|MOUNT_COMMAND_FAILED",
        "MountVolume.MountDevice failed for volume \"pvc-123\" : rpc error: code = Internal desc = format of disk \"/dev/xvdba\" failed: type:(\"ext4\") target:(\"/var/lib/kubelet/plugins/kubernetes.io/csi/pv/pvc-123/globalmount\")|MOUNT_COMMAND_FAILED",
        // nothing of the volume's type at the node's path
        "MountVolume.SetUp failed for volume \"model-cache\" : hostPath type check failed: /mnt/models is not a directory|HOST_PATH_MISSING",
        "MountVolume.SetUp failed for volume \"nvidia0\" : hostPath type check failed: /dev/nvidia0 is not a character device|HOST_PATH_MISSING",
    })
    void aMountFailureProvesItsCause(String message, dev.incidents.analyzer.hints.Clue clue) {
        assertThat(MountFailure.parse(message).orElseThrow().facts().clues()).containsExactly(clue);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Failed to create pod sandbox: rpc error: code = Unknown desc = failed to get sandbox runtime: no runtime for \"nvidia\" is configured|RUNTIME_HANDLER",
        "Failed to create pod sandbox: rpc error: code = Unknown desc = unable to get OCI runtime for sandbox \"18073b77\": no runtime for \"nvidia\" is configured|RUNTIME_HANDLER",
        "Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox \"4f1c\": plugin type=\"aws-cni\" name=\"aws-cni\" failed (add): add cmd: failed to assign an IP address to container|IP_EXHAUSTED",
        "Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox \"9a2b\": plugin type=\"calico\" failed (add): error getting ClusterInformation: connection is unauthorized: Unauthorized|CNI",
        "Failed to create pod sandbox: rpc error: code = Unknown desc = [failed to set up sandbox container \"0a1b\" network for pod \"web-1\": networkPlugin cni failed to set up pod \"web-1_default\" network: open /run/flannel/subnet.env: no such file or directory]|CNI",
        "Failed to create pod sandbox: rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing dial unix /run/containerd/containerd.sock: connect: connection refused\"|OTHER",
        "Failed to create pod sandbox: rpc error: code = Unknown desc = failed to get sandbox image \"registry.k8s.io/pause:3.9\": failed to pull image \"registry.k8s.io/pause:3.9\": failed to pull and unpack image \"registry.k8s.io/pause:3.9\": failed to resolve reference \"registry.k8s.io/pause:3.9\": failed to do request: Head \"https://registry.k8s.io/v2/pause/manifests/3.9\": dial tcp: lookup registry.k8s.io: no such host|SANDBOX_IMAGE",
        "Failed to create pod sandbox: rpc error: code = Unknown desc = failed pulling image \"k8s.gcr.io/pause:3.2\": Error response from daemon: Get https://k8s.gcr.io/v2/: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)|SANDBOX_IMAGE",
    })
    void sandboxFailures(String message, SandboxFailure.Kind kind) {
        assertThat(SandboxFailure.parse(message).orElseThrow().kind()).isEqualTo(kind);
    }

    @Test
    void runtimeHandlerAndCniPluginAreNamed() {
        assertThat(SandboxFailure.parse("Failed to create pod sandbox: rpc error: code = Unknown desc = failed to get "
                + "sandbox runtime: no runtime for \"nvidia\" is configured").orElseThrow().runtimeHandler())
                .contains("nvidia");
        assertThat(SandboxFailure.parse("Failed to create pod sandbox: rpc error: code = Unknown desc = failed to "
                + "setup network for sandbox \"4f1c\": plugin type=\"aws-cni\" name=\"aws-cni\" failed (add): add cmd: "
                + "failed to assign an IP address to container").orElseThrow().cniPlugin()).contains("aws-cni");
        assertThat(SandboxFailure.parse("Started container triton")).isEmpty();
    }

    /**
     * A sandbox's other failures: containerd's CRI v1 wording of a missing runtime handler, the NVIDIA hook run for every
     * sandbox where nvidia is the default runtime, and the runtime failing on its own (a name still reserved, a
     * timeout, a cgroup it cannot write).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Failed to create pod sandbox: rpc error: code = Unknown desc = RuntimeHandler \"nvidia\" not supported|RUNTIME_HANDLER",
        "Failed to create pod sandbox: rpc error: code = Unknown desc = failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error running hook #0: error running hook: exit status 1, stdout: , stderr: Auto-detected mode as 'legacy' nvidia-container-cli: initialization error: nvml error: driver not loaded: unknown|NVIDIA_TOOLKIT",
        "Failed to create pod sandbox: rpc error: code = Unknown desc = failed to reserve sandbox name \"web-0_default_uid_0\": name \"web-0_default_uid_0\" is reserved for \"4f1c\"|RUNTIME",
        "Failed to create pod sandbox: rpc error: code = DeadlineExceeded desc = context deadline exceeded|RUNTIME",
        "Failed to create pod sandbox: rpc error: code = Unknown desc = failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error setting cgroup config for procHooks process: failed to write \"400000\": write /sys/fs/cgroup/cpu,cpuacct/kubepods/burstable/pod123/cpu.cfs_quota_us: invalid argument: unknown|RUNTIME",
    })
    void sandboxFailuresOfTheRuntime(String message, SandboxFailure.Kind kind) {
        assertThat(SandboxFailure.parse(message).orElseThrow().kind()).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "storageclass.storage.k8s.io \"fast-ssd\" not found|STORAGE_CLASS_MISSING|fast-ssd",
        "failed to provision volume with StorageClass \"gp3\": rpc error: code = Internal desc = Could not create volume \"pvc-0a1b\": UnauthorizedOperation|PROVISIONING_FAILED|gp3",
        "no persistent volumes available for this claim and no storage class is set|NO_STORAGE_CLASS|",
        "waiting for a volume to be created, either by external provisioner \"ebs.csi.aws.com\" or manually created by system administrator|WAITING_FOR_PROVISIONER|",
        "waiting for first consumer to be created before binding|WAITING_FOR_FIRST_CONSUMER|",
        // kserve#4462: a claim naming a volume created without the claim's class
        "Cannot bind to requested volume \"meta-llama3-8b-instruct-hf-workers-download\": storageClassName does not match|VOLUME_MISMATCH|",
        "Cannot bind to requested volume \"pv-data-0\": requested PV is too small|VOLUME_MISMATCH|",
        // the claim's volumeName is another claim's
        "volume \"pv-01\" already bound to a different claim.|VOLUME_MISMATCH|",
        // since 1.24 the wait is worded with a capital and single quotes; the in-tree provisioner's failure with a capital
        "Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.|WAITING_FOR_PROVISIONER|",
        "Failed to provision volume with StorageClass \"standard\": claim.Spec.Selector is not supported for dynamic provisioning|PROVISIONING_FAILED|standard",
    })
    void volumeClaimEvents(String message, VolumeClaimMessage.Kind kind, String storageClass) {
        VolumeClaimMessage m = VolumeClaimMessage.parse(message).orElseThrow();

        assertThat(m.kind()).isEqualTo(kind);
        assertThat(m.storageClass().orElse(null)).isEqualTo(storageClass);
    }

    @Test
    void provisionerIsNamed() {
        assertThat(VolumeClaimMessage.parse("waiting for a volume to be created, either by external provisioner "
                + "\"efs.csi.aws.com\" or manually created by system administrator").orElseThrow().provisioner())
                .contains("efs.csi.aws.com");
        assertThat(VolumeClaimMessage.parse("Waiting for a volume to be created either by the external provisioner "
                + "'rancher.io/local-path' or manually by the system administrator.").orElseThrow().provisioner())
                .contains("rancher.io/local-path");
        assertThat(VolumeClaimMessage.parse("Successfully provisioned volume pvc-0a1b")).isEmpty();
    }
}
