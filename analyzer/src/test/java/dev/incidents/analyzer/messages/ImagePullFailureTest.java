package dev.incidents.analyzer.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImagePullFailureTest {

    private static final String TRITON = "478253497479.dkr.ecr.us-east-1.amazonaws.com/triton:resnet50";

    /** Verbatim from seed 001 (containerd, kubelet >= 1.27: no rpc error wrapper). */
    private static final String SEED_001 = "Failed to pull image \"" + TRITON + "\": failed to pull and unpack image \""
            + TRITON + "\": failed to extract layer (application/vnd.oci.image.layer.v1.tar+gzip sha256:573e602e6564cb4"
            + "5ecb9743e909c510eec7a78e6db1a3a1a7c343c091705bce1) to overlayfs as \"extract-871885561-oknc sha256:85b8e8"
            + "78ad28f1bea36973f8a98ff4df41b8cf62db7583f9edce5fca0b9e582f\": write /var/lib/containerd/io.containerd.snap"
            + "shotter.v1.overlayfs/snapshots/360/fs/opt/nvidia/nsight-compute/2023.3.1/docs/pdf/NsightCompute.pdf: no "
            + "space left on device";

    @Test
    void seed001DiskFull() {
        ImagePullFailure f = ImagePullFailure.parse(SEED_001).orElseThrow();

        assertThat(f.category()).isEqualTo(Category.IMAGE_PULL_DISK_FULL);
        assertThat(f.causeKnown()).isTrue();
        assertThat(f.image()).contains(TRITON);
        assertThat(f.path()).contains("/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/360/fs/opt/"
                + "nvidia/nsight-compute/2023.3.1/docs/pdf/NsightCompute.pdf");
        assertThat(f.storageRoot()).contains("/var/lib/containerd");
        assertThat(f.detail()).startsWith("failed to pull and unpack image").endsWith("no space left on device");
        assertThat(f.raw()).isEqualTo(SEED_001);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // containerd behind kubelet < 1.27
        "Failed to pull image \"nginx:1.2.3.4\": rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/library/nginx:1.2.3.4\": failed to resolve reference \"docker.io/library/nginx:1.2.3.4\": docker.io/library/nginx:1.2.3.4: not found|IMAGE_NOT_FOUND",
        // CRI-O
        "Failed to pull image \"quay.io/org/app:v9\": rpc error: code = Unknown desc = reading manifest v9 in quay.io/org/app: manifest unknown: manifest unknown|IMAGE_NOT_FOUND",
        "Back-off pulling image \"quay.io/org/operator@sha256:826cb403\": ErrImagePull: unable to pull image or OCI artifact: pull image err: initializing source docker://quay.io/org/operator@sha256:826cb403: reading manifest sha256:826cb403 in quay.io/org/operator: manifest unknown|IMAGE_NOT_FOUND",
        "Back-off pulling image \"registry.local:5000/app:v1\": ErrImagePull: failed to pull and unpack image \"registry.local:5000/app:v1\": failed to resolve reference: dial tcp 10.0.0.9:5000: i/o timeout|IMAGE_PULL_FAILED",
        "Failed to pull image \"quay.io/org/operator:1.2.0-ab12cd3\": rpc error: code = Unknown desc = Error reading manifest 1.2.0-ab12cd3 in quay.io/org/operator: unknown: Tag 1.2.0-ab12cd3 was deleted or has expired. To pull, revive via time machine|IMAGE_NOT_FOUND",
        // containerd 1.2 (kind in 2019): every registry host answered that the tag does not exist
        "Failed to pull image \"docker.io/library/app:missing\": rpc error: code = Unknown desc = failed to resolve image \"docker.io/library/app:missing\": no available registry endpoint: docker.io/library/app:missing not found|IMAGE_NOT_FOUND",
        // the same words before a network failure are no answer about the image
        "Failed to pull image \"docker.io/library/app:1.0\": rpc error: code = Unknown desc = failed to resolve image \"docker.io/library/app:1.0\": no available registry endpoint: failed to do request: Head https://registry-1.docker.io/v2/library/app/manifests/1.0: dial tcp: i/o timeout|IMAGE_PULL_FAILED",
        "Failed to pull image \"registry.svc.ci.openshift.org/origin/4.3@sha256:8184\": rpc error: code = Unknown desc = Error reading manifest sha256:8184 in registry.svc.ci.openshift.org/origin/4.3: manifest unknown: manifest unknown|IMAGE_NOT_FOUND",
        // dockershim
        "Failed to pull image \"lachlanevenson/k8s-kubectl:v1.18.20\": rpc error: code = Unknown desc = Error response from daemon: manifest for lachlanevenson/k8s-kubectl:v1.18.20 not found: manifest unknown: manifest unknown|IMAGE_NOT_FOUND",
        "Failed to pull image \"private/app:1\": rpc error: code = Unknown desc = Error response from daemon: pull access denied for private/app, repository does not exist or may require 'docker login': denied: requested access to the resource is denied|IMAGE_NOT_FOUND",
        "Failed to pull image \"ghcr.io/org/app:1\": rpc error: code = Unknown desc = failed to pull and unpack image \"ghcr.io/org/app:1\": failed to resolve reference \"ghcr.io/org/app:1\": failed to authorize: failed to fetch anonymous token: unexpected status: 401 Unauthorized|IMAGE_PULL_AUTH",
        "Failed to pull image \"123.dkr.ecr.us-east-1.amazonaws.com/app:1\": failed to pull and unpack image \"123.dkr.ecr.us-east-1.amazonaws.com/app:1\": failed to resolve reference \"123.dkr.ecr.us-east-1.amazonaws.com/app:1\": unexpected status from HEAD request to https://123.dkr.ecr.us-east-1.amazonaws.com/v2/app/manifests/1: 403 Forbidden|IMAGE_PULL_AUTH",
        "Failed to pull image \"myregistry.azurecr.io/app:1\": rpc error: code = Unknown desc = Error response from daemon: Get https://myregistry.azurecr.io/v2/app/manifests/1: unauthorized: authentication required|IMAGE_PULL_AUTH",
        // Harbor names the project that does not exist behind its "unauthorized:" (a k8s course's coredns in harbor.od.com)
        "Failed to pull image \"harbor.od.com/k8s/coredns:1.6.1\": rpc error: code = Unknown desc = Error response from daemon: unauthorized: project not found, name: k8s: project not found, name: k8s|IMAGE_NOT_FOUND",
        "Failed to pull image \"gcr.io/p/app:1\": rpc error: code = Unknown desc = Error response from daemon: no basic auth credentials|IMAGE_PULL_AUTH",
        "Failed to pull image \"nginx:latest\": failed to pull and unpack image \"docker.io/library/nginx:latest\": failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/nginx/manifests/sha256:aa: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit.|IMAGE_PULL_FAILED",
        "Failed to pull image \"r.example.com/app:1\": rpc error: code = Unknown desc = failed to pull and unpack image \"r.example.com/app:1\": failed to resolve reference \"r.example.com/app:1\": failed to do request: Head \"https://r.example.com/v2/app/manifests/1\": dial tcp 10.0.0.9:443: i/o timeout|IMAGE_PULL_FAILED",
        "Failed to pull image \"r.example.com/app:1\": failed to pull and unpack image \"r.example.com/app:1\": failed to resolve reference \"r.example.com/app:1\": failed to do request: Head \"https://r.example.com/v2/app/manifests/1\": tls: failed to verify certificate: x509: certificate signed by unknown authority|IMAGE_PULL_FAILED",
        "Failed to pull image \"nvcr.io/nvidia/tritonserver:24.01-py3\": rpc error: code = Canceled desc = copying system image from manifest list: writing blob: storing blob to file \"/var/tmp/storage123/1\": write /var/tmp/storage123/1: no space left on device|IMAGE_PULL_DISK_FULL",
        "Container image \"app:local\" is not present with pull policy of Never|IMAGE_NOT_FOUND",
        "Failed to apply default image tag \"App:Latest\": couldn't parse image reference \"App:Latest\": invalid reference format: repository name must be lowercase|IMAGE_NOT_FOUND",
    })
    void categories(String message, Category expected) {
        ImagePullFailure f = ImagePullFailure.parse(message).orElseThrow();

        assertThat(f.category()).isEqualTo(expected);
        assertThat(f.causeKnown()).isTrue();
        assertThat(f.image()).isPresent();
    }

    /** coreos-kubernetes#461 and kubernetes#32542: kubelets before 1.6 wrapped pull errors in FailedSync. */
    @Test
    void preOneSixFailedSyncWrapsThePullError() {
        ImagePullFailure auth = ImagePullFailure.parse("Error syncing pod, skipping: failed to \"StartContainer\" for "
                + "\"zre\" with ErrImagePull: \"API error (500): Get https://1234.dkr.ecr.eu-west-1.amazonaws.com/v2/zre/"
                + "manifests/latest: no basic auth credentials\\n\"").orElseThrow();
        assertThat(auth.category()).isEqualTo(Category.IMAGE_PULL_AUTH);
        assertThat(auth.causeKnown()).isTrue();

        ImagePullFailure disk = ImagePullFailure.parse("Error syncing pod, skipping: failed to \"StartContainer\" for "
                + "\"svc\" with ErrImagePull: \"failed to register layer: Untar re-exec error: exit status 1: output: "
                + "open /srv/node_modules/x: no space left on device\"").orElseThrow();
        assertThat(disk.category()).isEqualTo(Category.IMAGE_PULL_DISK_FULL);
        assertThat(disk.path()).contains("/srv/node_modules/x");

        ImagePullFailure backOff = ImagePullFailure.parse("Error syncing pod, skipping: failed to \"StartContainer\" "
                + "for \"web\" with ImagePullBackOff: \"Back-off pulling image \\\"nginx:nope\\\"\"").orElseThrow();
        assertThat(backOff.causeKnown()).isFalse();
        assertThat(backOff.image()).contains("nginx:nope");

        assertThat(ImagePullFailure.parse("Error syncing pod, skipping: failed to \"StartContainer\" for \"web\" with "
                + "CrashLoopBackOff: \"Back-off 5m0s restarting failed container=web pod=web-1_default(uid)\"")).isEmpty();

        // a kind node's journal still prints the kubelet's refusals so (kudo#1258), the line's wrap joined unspaced
        ImagePullFailure never = ImagePullFailure.parse("Error syncing pod, skipping: failed to \"StartContainer\" for "
                + "\"manager\" with ErrImageNeverPull: \"Container image \\\"kudobuilder/controller:test.9.0\\\"is not "
                + "present with pull policy of Never\"").orElseThrow();
        assertThat(never.category()).isEqualTo(Category.IMAGE_NOT_FOUND);
        assertThat(never.image()).contains("kudobuilder/controller:test.9.0");
    }

    /**
     * Docker Hub's answer to an anonymous pull of a library repository that does not exist, in CRI-O's words
     * (openshift/release#22672): denied and "authentication required" alike; credentials it refused stay credentials.
     */
    @Test
    void aLibraryRepositoryDeniedDoesNotExist() {
        ImagePullFailure missing = ImagePullFailure.parse("Failed to pull image \"kvm-device-plugin:latest\": rpc error: "
                + "code = Unknown desc = reading manifest latest in docker.io/library/kvm-device-plugin: errors: denied: "
                + "requested access to the resource is denied unauthorized: authentication required").orElseThrow();
        assertThat(missing.category()).isEqualTo(Category.IMAGE_NOT_FOUND);
        ImagePullFailure spelled = ImagePullFailure.parse("Failed to pull image \"docker.io/library/kvm-plugin:1\": "
                + "rpc error: code = Unknown desc = reading manifest 1 in docker.io/library/kvm-plugin: errors: denied: "
                + "requested access to the resource is denied unauthorized: authentication required").orElseThrow();
        assertThat(spelled.category()).isEqualTo(Category.IMAGE_NOT_FOUND);
        ImagePullFailure refused = ImagePullFailure.parse("Failed to pull image \"redis:7\": rpc error: code = Unknown "
                + "desc = failed to authorize: failed to fetch oauth token: unexpected status: 401 Unauthorized: incorrect "
                + "username or password").orElseThrow();
        assertThat(refused.category()).isEqualTo(Category.IMAGE_PULL_AUTH);
        ImagePullFailure privateRepo = ImagePullFailure.parse("Failed to pull image \"acme/api:1\": rpc error: code = "
                + "Unknown desc = reading manifest 1 in docker.io/acme/api: errors: denied: requested access to the "
                + "resource is denied unauthorized: authentication required").orElseThrow();
        assertThat(privateRepo.category()).isEqualTo(Category.IMAGE_PULL_AUTH);
    }

    /**
     * A container waiting in ErrImagePull carries the runtime's own answer (replicatedhq/troubleshoot's test data): read
     * for its cause even in no wording of the kubelet's; a blank one says nothing.
     */
    @Test
    void theRuntimesAnswerBehindErrImagePull() {
        ImagePullFailure tls = ImagePullFailure.runtimeAnswer("noimage.com/no-such-image", "rpc error: code = Unknown desc "
                + "= Error response from daemon: Get \"https://noimage.com/v2/\": x509: certificate is not valid for any "
                + "names, but wanted to match noimage.com").orElseThrow();
        assertThat(tls.category()).isEqualTo(Category.IMAGE_PULL_FAILED);
        assertThat(tls.causeKnown()).isTrue();
        assertThat(tls.image()).contains("noimage.com/no-such-image");
        assertThat(ImagePullFailure.runtimeAnswer("nginx", " ")).isEmpty();
    }

    @Test
    void aPullStartedOfANameNoOfficialImageHasIsDoomed() {
        assertThat(ImagePullFailure.doomedPull("Pulling image \"ninx:1.15.9\"")).hasValueSatisfying(f -> {
            assertThat(f.category()).isEqualTo(Category.IMAGE_NOT_FOUND);
            assertThat(f.image()).contains("ninx:1.15.9");
        });
        assertThat(ImagePullFailure.doomedPull("pulling image \"terriajs/web-example-flask\"")).isEmpty();
        assertThat(ImagePullFailure.doomedPull("Pulling image \"nginx:1.27\"")).isEmpty();
        assertThat(ImagePullFailure.doomedPull("Started container web")).isEmpty();
    }

    /** svt-case-doc (OpenShift 3.7, dockershim): Docker before 1.10 answered a missing tag "Error: image x not found". */
    @Test
    void oldDockersImageNotFound() {
        ImagePullFailure f = ImagePullFailure.parse("Failed to pull image \"registry.reg-aws.openshift.com:443/openshift3/"
                + "ose-deployer:v3.7.9\": rpc error: code = 2 desc = Error: image openshift3/ose-deployer:v3.7.9 not found")
                .orElseThrow();
        assertThat(f.category()).isEqualTo(Category.IMAGE_NOT_FOUND);
        assertThat(ImagePullFailure.parse("Failed to pull image \"r.example/app:1\": Error: image pull cancelled")
                .orElseThrow().category()).isEqualTo(Category.IMAGE_PULL_FAILED);
    }

    @Test
    void aLayerDigestContaining401IsNotAnAuthError() {
        ImagePullFailure f = ImagePullFailure.parse("Failed to pull image \"app:1\": failed to pull and unpack image "
                + "\"docker.io/library/app:1\": failed to copy: read tcp 10.0.0.1:4000->1.2.3.4:443: read: connection "
                + "reset by peer sha256:ab401cd").orElseThrow();

        assertThat(f.category()).isEqualTo(Category.IMAGE_PULL_FAILED);
    }

    @Test
    void diskFullOnCriOKeepsThePath() {
        ImagePullFailure f = ImagePullFailure.parse("Failed to pull image \"quay.io/a/b:1\": rpc error: code = Unknown "
                + "desc = writing blob: storing blob to file \"/var/lib/containers/storage/overlay/l/x\": write "
                + "/var/lib/containers/storage/overlay/l/x: no space left on device").orElseThrow();

        assertThat(f.path()).contains("/var/lib/containers/storage/overlay/l/x");
        assertThat(f.storageRoot()).contains("/var/lib/containers");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/library/nginx:9.9\": failed to resolve reference \"docker.io/library/nginx:9.9\": docker.io/library/nginx:9.9: not found|IMAGE_NOT_FOUND|docker.io/library/nginx:9.9",
        "failed to pull and unpack image \"nvcr.io/nvidia/tritonserver:24.01-py3\": failed to extract layer: write /var/lib/containerd/tmp/x: no space left on device|IMAGE_PULL_DISK_FULL|nvcr.io/nvidia/tritonserver:24.01-py3",
        "rpc error: code = Unknown desc = Error response from daemon: pull access denied for private/app, repository does not exist or may require 'docker login'|IMAGE_NOT_FOUND|private/app",
        "rpc error: code = Unknown desc = Error response from daemon: manifest for quay.io/org/op:0.23.0 not found: manifest unknown: manifest unknown|IMAGE_NOT_FOUND|quay.io/org/op:0.23.0",
        // a reporter's elision, containerd's last words kept
        "Failed to pull image \"nginx:does-not-exist-123\": ... not found|IMAGE_NOT_FOUND|nginx:does-not-exist-123",
        "Failed to pull image \"nginx:1.27\": … i/o timeout|IMAGE_PULL_FAILED|nginx:1.27",
    })
    void podStatusMessagesWithoutTheKubeletPrefix(String message, Category expected, String image) {
        ImagePullFailure f = ImagePullFailure.parse(message).orElseThrow();

        assertThat(f.category()).isEqualTo(expected);
        assertThat(f.image()).contains(image);
    }

    @Test
    void backOffNamesTheImageButNotTheCause() {
        ImagePullFailure f = ImagePullFailure.parse("Back-off pulling image \"" + TRITON + "\"").orElseThrow();

        assertThat(f.image()).contains(TRITON);
        assertThat(f.causeKnown()).isFalse();
        assertThat(f.category()).isEqualTo(Category.IMAGE_PULL_FAILED);
    }

    /**
     * A CKAD lab's {@code ninx:1.15.9}: a bare name is Docker Hub's curated library namespace, which has no ninx, so
     * the back-off alone says the image does not exist. An official image's back-off, and any registry's or account's,
     * says only that the pull fails.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ninx:1.15.9|IMAGE_NOT_FOUND",
        "docker.io/library/yatri-backend:non-existent-tag-v999|IMAGE_NOT_FOUND",
        "some-nonexistent-image|IMAGE_NOT_FOUND",
        "nginx:1.99|IMAGE_PULL_FAILED",
        "docker.io/library/redis:7|IMAGE_PULL_FAILED",
        "bitnami/redis:7.2|IMAGE_PULL_FAILED",
        "localhost:5000/increment_model:1|IMAGE_PULL_FAILED",
        "184.73.131.126:5000/nginx:latest|IMAGE_PULL_FAILED"})
    void aBackOffOfANameNoOfficialImageHasIsAMissingImage(String image, Category expected) {
        ImagePullFailure f = ImagePullFailure.parse("Back-off pulling image \"" + image + "\"").orElseThrow();

        assertThat(f.category()).isEqualTo(expected);
        assertThat(f.causeKnown()).isEqualTo(expected == Category.IMAGE_NOT_FOUND);
        assertThat(f.facts().clues().contains(dev.incidents.analyzer.hints.Clue.NOT_AN_OFFICIAL_IMAGE))
                .isEqualTo(expected == Category.IMAGE_NOT_FOUND);
        assertThat(ImagePullFailure.unexplained(image, "ImagePullBackOff").category()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Error: ErrImagePull", "Error: ImagePullBackOff"})
    void errorSummariesCarryNeitherImageNorCause(String message) {
        ImagePullFailure f = ImagePullFailure.parse(message).orElseThrow();

        assertThat(f.image()).isEmpty();
        assertThat(f.causeKnown()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Pulling image \"nginx\"", "Successfully pulled image \"nginx\" in 5.4s",
        "Error: CreateContainerConfigError", "Back-off restarting failed container", ""})
    void otherMessagesAreNotPullFailures(String message) {
        assertThat(ImagePullFailure.parse(message)).isEmpty();
    }

    /** Knative's controller resolves tags to digests itself and reports the registry's answer on the Revision. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // knative/serving#7464 (Revision status, Knative 0.13)
        "serving.knative.dev/v1|failed to resolve image to digest: failed to fetch image information: GET https://index.docker.io/v2/pizzaplanetv1/manifests/latest: UNAUTHORIZED: authentication required; [map[Action:pull Class: Name:pizzaplanetv1 Type:repository]]|IMAGE_PULL_AUTH",
        // knative/serving#6895
        "serving.knative.dev/v1|Unable to fetch image \"gcr.io/p/rest-api-go\": failed to resolve image to digest: failed to fetch image information: UNAUTHORIZED: You don't have the needed permissions to perform this operation, and you may have invalid credentials.|IMAGE_PULL_AUTH",
        // kserve#1022's debug guide
        "serving.knative.dev/v1|failed to resolve image to digest: failed to fetch image information: unsupported status code 401; body: Not Authorized|IMAGE_PULL_AUTH",
        // kserve#576: Knative before 0.10 passed the registry client's error through bare
        "serving.knative.dev/v1alpha1|unsupported status code 401; body:|IMAGE_PULL_AUTH",
        "serving.knative.dev/v1|unsupported status code 404; body: 404 page not found|IMAGE_NOT_FOUND",
        "serving.knative.dev/v1|MANIFEST_UNKNOWN: manifest unknown; map[Tag:v9]|IMAGE_NOT_FOUND",
        // knative/serving#11809, knative/docs#5339
        "serving.knative.dev/v1|Unable to fetch image \"gcr.io/knative-samples/helloworld-go:latest\": failed to resolve image to digest: Get \"https://gcr.io/v2/\": context deadline exceeded.|IMAGE_PULL_FAILED",
        "serving.knative.dev/v1|Unable to fetch image \"docker.io/u/helloworld-python\": failed to resolve image to digest: Get \"https://index.docker.io/v2/\": x509: certificate signed by unknown authority.|IMAGE_PULL_FAILED",
    })
    void a_controller_resolving_the_tag_reports_the_registry_answer(String apiVersion, String message,
                                                                   Category expected) {
        assertThat(ImagePullFailure.resolvingTag(apiVersion, message)).map(ImagePullFailure::category)
                .contains(expected);
    }

    @Test
    void a_bare_status_code_counts_only_on_knative_objects() {
        assertThat(ImagePullFailure.resolvingTag("example.com/v1", "unsupported status code 401; body:")).isEmpty();
        assertThat(ImagePullFailure.resolvingTag("serving.knative.dev/v1",
                "Failed to update status for Route \"x\": the object has been modified")).isEmpty();
        assertThat(ImagePullFailure.resolvingTag("serving.knative.dev/v1",
                "Unable to fetch image \"gcr.io/p/app:1\": failed to resolve image to digest: x")
                .flatMap(ImagePullFailure::image)).contains("gcr.io/p/app:1");
    }

    /**
     * headscale-operator#123, keda-example#6, kubernetes-in-action#37: Docker Hub denies a repository that does not
     * exist exactly as it denies a private one; read alone it is a missing image (clue REPOSITORY_DENIED, whose cause
     * names both readings). When the registry asked for credentials it stays an authorisation failure (octarine#15), but
     * not for an official image's name, which needs none; a pod whose credentials were refused keeps that reading (see
     * {@code PodStates}).
     */
    @Test
    void aDenialWordedAlikeForMissingAndPrivateIsAMissingImage() {
        String denied = "Failed to pull image \"%s\": Error response from daemon: pull access denied for %s, repository "
                + "does not exist or may require 'docker login': denied: requested access to the resource is denied";
        ImagePullFailure official = ImagePullFailure.parse(denied.formatted("headscale-api-key", "headscale-api-key"))
                .orElseThrow();
        assertThat(official.category()).isEqualTo(Category.IMAGE_NOT_FOUND);
        assertThat(official.deniedAlike()).isTrue();
        // a bare name no official image has: that says more than the denial
        assertThat(official.facts().clues()).contains(dev.incidents.analyzer.hints.Clue.NOT_AN_OFFICIAL_IMAGE);
        ImagePullFailure account = ImagePullFailure.parse(denied.formatted("local/dummy", "local/dummy")).orElseThrow();
        assertThat(account.category()).isEqualTo(Category.IMAGE_NOT_FOUND);
        assertThat(account.facts().clues()).contains(dev.incidents.analyzer.hints.Clue.REPOSITORY_DENIED);
        assertThat(ImagePullFailure.parse(denied.formatted("acme/web:1", "acme/web") + " unauthorized: authentication "
                + "required").orElseThrow().category()).isEqualTo(Category.IMAGE_PULL_AUTH);
        // a library repository is public: asked for credentials there, it does not exist (openshift/release#22672)
        assertThat(ImagePullFailure.parse(denied.formatted("web:1", "web") + " unauthorized: authentication required")
                .orElseThrow().category()).isEqualTo(Category.IMAGE_NOT_FOUND);
        assertThat(ImagePullFailure.parse("Failed to pull image \"r.example/app:1\": manifest unknown").orElseThrow()
                .deniedAlike()).isFalse();
    }
    /**
     * huangyisan's notes: the same denial from a private registry (a cloud's container registry, which refuses every
     * pull without credentials) is the missing credentials first; from a public mirror it stays a missing image.
     */
    @Test
    void aDenialFromAPrivateRegistryIsTheMissingCredentials() {
        String denied = "Failed to pull image \"%1$s\": rpc error: code = Unknown desc = failed to pull and unpack image "
                + "\"%1$s\": failed to resolve reference \"%1$s\": pull access denied, repository does not exist or may "
                + "require authorization: server message: insufficient_scope: authorization failed";
        assertThat(ImagePullFailure.parse(denied.formatted("registry.cn-shanghai.aliyuncs.com/team/nginx:latest"))
                .orElseThrow().category()).isEqualTo(Category.IMAGE_PULL_AUTH);
        assertThat(ImagePullFailure.parse(denied.formatted("myregistry.azurecr.io/app:2")).orElseThrow().category())
                .isEqualTo(Category.IMAGE_PULL_AUTH);
        assertThat(ImagePullFailure.parse(denied.formatted("docker.io/team/app:1")).orElseThrow().category())
                .isEqualTo(Category.IMAGE_NOT_FOUND);
        assertThat(ImagePullFailure.parse(denied.formatted("public.ecr.aws/team/launcher:1")).orElseThrow().category())
                .isEqualTo(Category.IMAGE_NOT_FOUND);
        assertThat(ImagePullFailure.onPublicRegistry("us.gcr.io/project/app:1")).isTrue();
        assertThat(ImagePullFailure.onPublicRegistry("registry.hub.docker.com/team/app:1")).isTrue();
        assertThat(ImagePullFailure.onPublicRegistry("localhost:5000/app:1")).isFalse();
    }

    /** concourse-chart#30: Docker before 18.x said only "Error reading manifest <tag>" when the tag was not there. */
    @Test
    void dockersBareManifestErrorIsAMissingTag() {
        assertThat(ImagePullFailure.parse("Failed to pull image \"concourse/concourse:8.4.1\": rpc error: code = Unknown "
                + "desc = Error reading manifest 8.4.1").orElseThrow().category()).isEqualTo(Category.IMAGE_NOT_FOUND);
        assertThat(ImagePullFailure.parse("Failed to pull image \"r.example/app:1\": rpc error: code = Unknown desc = "
                + "Error reading manifest 1 in r.example/app: net/http: request canceled").orElseThrow().category())
                .as("the registry's answer after a colon decides").isEqualTo(Category.IMAGE_PULL_FAILED);
    }

    /**
     * An image built for other platforms only: containerd's "no match for platform in manifest", Docker's "no supported
     * platform found in manifest list". The tag exists, the build for the node does not: IMAGE_NOT_FOUND, its own cause.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "Failed to pull image \"rancher/istio-kubectl:1.5.10\": rpc error: code = NotFound desc = failed to pull and unpack "
            + "image \"docker.io/rancher/istio-kubectl:1.5.10\": no match for platform in manifest: not found",
        "Failed to pull image \"example/node_exporter:v0.15.2\": rpc error: code = Unknown desc = no supported platform "
            + "found in manifest list",
        "Failed to pull image \"arm-only/app:1\": rpc error: code = Unknown desc = Error response from daemon: no matching "
            + "manifest for linux/amd64 in the manifest list entries",
        // CRI-O's words for it, and Docker's for an image of another OS or one found for another platform
        "Failed to pull image \"app:v1\": rpc error: code = Unknown desc = choosing an image from manifest list "
            + "docker://app:v1: no image found in manifest list for architecture arm64, variant \"v8\", OS linux",
        "Failed to pull image \"app:v1\": rpc error: code = Unknown desc = image operating system \"windows\" cannot be "
            + "used on this platform",
        "Failed to pull image \"app:v1\": rpc error: code = Unknown desc = Error response from daemon: image with reference "
            + "app:v1 was found but does not match the specified platform: wanted linux/amd64, actual: linux/arm64",
        // the runtime's word on the platform beats what a bare name suggests (myapp is no Docker Official Image)
        "Failed to pull image \"myapp:arm\": rpc error: code = NotFound desc = failed to pull and unpack image "
            + "\"docker.io/library/myapp:arm\": no match for platform in manifest: not found"})
    void anImageWithoutABuildForTheNodesPlatformIsNotFound(String message) {
        ImagePullFailure f = ImagePullFailure.parse(message).orElseThrow();
        assertThat(f.category()).isEqualTo(Category.IMAGE_NOT_FOUND);
        assertThat(f.facts().clues()).containsExactly(dev.incidents.analyzer.hints.Clue.NO_PLATFORM_MANIFEST);
    }

    /** Pull policy Never and the image not on the node: whatever its name, the node was never to pull it. */
    @ParameterizedTest
    @ValueSource(strings = {"Container image \"app:dev\" is not present with pull policy of Never",
        "Error: ErrImageNeverPull"})
    void anImageNeverToBePulledIsNotOnTheNode(String message) {
        ImagePullFailure f = ImagePullFailure.parse(message).orElseThrow();
        assertThat(f.category()).isEqualTo(Category.IMAGE_NOT_FOUND);
        assertThat(f.facts().clues()).containsExactly(dev.incidents.analyzer.hints.Clue.IMAGE_NOT_ON_NODE);
    }

    /**
     * The runtime's words say why: CRI-O and Podman refuse a short name no alias or unqualified-search registry resolves
     * (their configuration refuses the pull before any registry answers, whatever exists under docker.io; CRI-O of 2018
     * said so already when it inspected the image); a plain-HTTP registry, the
     * registry's own 5xx, the node's content store missing a blob (the registry served it: not a missing image, though
     * the words end in "not found"), the network on the way.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Failed to pull image \"app:v1\": rpc error: code = Unknown desc = short-name \"app:v1\" did not resolve to an "
            + "alias and no unqualified-search registries are defined in \"/etc/containers/registries.conf\"|IMAGE_PULL_FAILED|SHORT_NAME_UNRESOLVED",
        "Failed to pull image \"app:v1\": rpc error: code = Unknown desc = short name mode is enforcing, but image name "
            + "app:v1 returns ambiguous list|IMAGE_PULL_FAILED|SHORT_NAME_UNRESOLVED",
        "Failed to inspect image \"kubevirt/virt-controller:v0.3.0\": rpc error: code = Unknown desc = no registries "
            + "configured while trying to pull an unqualified image|IMAGE_PULL_FAILED|SHORT_NAME_UNRESOLVED",
        "Error syncing pod, skipping: failed to \"StartContainer\" for \"web\" with ImageInspectError: \"Failed to inspect "
            + "image \\\"nginx:alpine\\\": rpc error: code = Unknown desc = no registries configured while trying to pull an "
            + "unqualified image\"|IMAGE_PULL_FAILED|SHORT_NAME_UNRESOLVED",
        "Back-off pulling image \"registry.k8s.io/busybox\": ErrImagePull: failed to pull and unpack image "
            + "\"registry.k8s.io/busybox:latest\": failed to get converter for \"registry.k8s.io/busybox:latest\": Pulling "
            + "Schema 1 images have been deprecated and disabled by default since containerd v2.0.|IMAGE_NOT_FOUND|SCHEMA_1_MANIFEST",
        "Failed to pull image \"old/app:1\": Error response from daemon: Docker Image Format v1 and Docker Image manifest "
            + "version 2, schema 1 support has been removed. Suggest the author of docker.io/old/app:1 to upgrade the image to "
            + "the OCI Format or Docker Image manifest v2, schema 2.|IMAGE_NOT_FOUND|SCHEMA_1_MANIFEST",
        "Failed to pull image \"registry.local:5000/app:v1\": rpc error: code = Unknown desc = Error response from daemon: "
            + "Get \"https://registry.local:5000/v2/\": http: server gave HTTP response to HTTPS client|IMAGE_PULL_FAILED|REGISTRY_PLAIN_HTTP",
        "Failed to pull image \"nvcr.io/nvidia/tritonserver:24.01-py3\": rpc error: code = Unknown desc = failed to pull and "
            + "unpack image \"nvcr.io/nvidia/tritonserver:24.01-py3\": failed to copy: httpReadSeeker: failed open: unexpected "
            + "status code https://nvcr.io/v2/nvidia/tritonserver/blobs/sha256:abc: 500 Internal Server Error|IMAGE_PULL_FAILED|REGISTRY_SERVER_ERROR",
        "Failed to pull image \"nvcr.io/nvidia/tritonserver:24.01-py3\": rpc error: code = Unknown desc = failed to pull and "
            + "unpack image \"nvcr.io/nvidia/tritonserver:24.01-py3\": failed to extract layer sha256:abc: failed to get reader "
            + "from content store: content digest sha256:9f3c0d: not found|IMAGE_PULL_FAILED|IMAGE_CONTENT_MISSING",
        "Failed to pull image \"app:v1\": rpc error: code = Unknown desc = Error response from daemon: Get "
            + "\"https://registry-1.docker.io/v2/\": proxyconnect tcp: dial tcp 10.0.0.1:3128: connect: no route to host|IMAGE_PULL_FAILED|REGISTRY_UNREACHABLE",
        "Failed to pull image \"app:v1\": rpc error: code = Unknown desc = Error response from daemon: Get "
            + "\"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io: Temporary failure in name "
            + "resolution|IMAGE_PULL_FAILED|REGISTRY_UNREACHABLE"})
    void theRuntimesWordsSayWhy(String message, Category category, dev.incidents.analyzer.hints.Clue clue) {
        ImagePullFailure f = ImagePullFailure.parse(message).orElseThrow();
        assertThat(f.category()).isEqualTo(category);
        assertThat(f.facts().clues()).containsExactly(clue);
    }
}
