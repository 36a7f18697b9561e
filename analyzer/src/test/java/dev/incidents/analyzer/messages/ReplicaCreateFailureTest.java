package dev.incidents.analyzer.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.messages.ReplicaCreateFailure.Kind;
import org.junit.jupiter.api.Test;

class ReplicaCreateFailureTest {

    @Test
    void quotaExceeded() {
        ReplicaCreateFailure f = ReplicaCreateFailure.parse("Error creating: pods \"triton-5fc797b8f8-\" is forbidden: "
                + "exceeded quota: gpu-quota, requested: requests.nvidia.com/gpu=1, used: requests.nvidia.com/gpu=4, "
                + "limited: requests.nvidia.com/gpu=4");

        assertThat(f.kind()).isEqualTo(Kind.QUOTA_EXCEEDED);
        assertThat(f.podPrefix()).contains("triton-5fc797b8f8-");
        assertThat(f.quota()).contains("gpu-quota");
        assertThat(f.resource()).contains("requests.nvidia.com/gpu");
        assertThat(f.cause()).startsWith("exceeded quota: gpu-quota, requested:");
    }

    @Test
    void quotaThatRequiresLimits() {
        ReplicaCreateFailure f = ReplicaCreateFailure.parse("Error creating: pods \"web-7d4b9c-\" is forbidden: "
                + "failed quota: compute-quota: must specify limits.cpu for: web; limits.memory for: web");

        assertThat(f.kind()).isEqualTo(Kind.QUOTA_EXCEEDED);
        assertThat(f.quota()).contains("compute-quota");
        assertThat(f.resource()).contains("limits.cpu");
    }

    @Test
    void limitRange() {
        ReplicaCreateFailure f = ReplicaCreateFailure.parse("Error creating: pods \"triton-5fc797b8f8-x\" is forbidden: "
                + "maximum cpu usage per Container is 2, but limit is 4");

        assertThat(f.kind()).isEqualTo(Kind.LIMIT_RANGE);
        assertThat(f.resource()).contains("cpu");
        assertThat(f.cause()).isEqualTo("maximum cpu usage per Container is 2, but limit is 4");
    }

    @Test
    void admissionWebhookDenied() {
        ReplicaCreateFailure f = ReplicaCreateFailure.parse("Error creating: admission webhook "
                + "\"validate.kyverno.svc-fail\" denied the request: policy Deployment/inference/triton for resource "
                + "violation: require-labels: autogen-check-for-labels: validation error: label app.kubernetes.io/name "
                + "is required");

        assertThat(f.kind()).isEqualTo(Kind.ADMISSION_WEBHOOK);
        assertThat(f.webhook()).contains("validate.kyverno.svc-fail");
        assertThat(f.podPrefix()).isEmpty();
    }

    @Test
    void admissionWebhookUnreachable() {
        ReplicaCreateFailure f = ReplicaCreateFailure.parse("Error creating: Internal error occurred: failed calling "
                + "webhook \"mpod.gpu-policy.io\": failed to call webhook: Post \"https://gpu-policy.svc:443/mutate?"
                + "timeout=10s\": context deadline exceeded");

        assertThat(f.kind()).isEqualTo(Kind.ADMISSION_WEBHOOK);
        assertThat(f.webhook()).contains("mpod.gpu-policy.io");
    }

    @Test
    void podSecurity() {
        ReplicaCreateFailure f = ReplicaCreateFailure.parse("Error creating: pods \"triton-5fc797b8f8-abcde\" is "
                + "forbidden: violates PodSecurity \"restricted:latest\": allowPrivilegeEscalation != false (container "
                + "\"triton\" must set securityContext.allowPrivilegeEscalation=false), runAsNonRoot != true");

        assertThat(f.kind()).isEqualTo(Kind.POD_SECURITY);
        assertThat(f.cause()).startsWith("violates PodSecurity \"restricted:latest\"");
    }

    @Test
    void missingServiceAccountInBothWordings() {
        ReplicaCreateFailure notFound = ReplicaCreateFailure.parse("Error creating: pods \"triton-5fc797b8f8-\" is "
                + "forbidden: error looking up service account inference/triton-sa: serviceaccount \"triton-sa\" not "
                + "found");
        ReplicaCreateFailure lookup = ReplicaCreateFailure.parse("Error creating: pods \"triton-5fc797b8f8-\" is "
                + "forbidden: error looking up service account inference/triton-sa: Timeout: request did not complete");

        assertThat(notFound.kind()).isEqualTo(Kind.SERVICE_ACCOUNT_MISSING);
        assertThat(notFound.serviceAccount()).contains("triton-sa");
        assertThat(lookup.kind()).isEqualTo(Kind.SERVICE_ACCOUNT_MISSING);
        assertThat(lookup.serviceAccount()).contains("triton-sa");
    }

    @Test
    void namespaceTerminatingAndUnknown() {
        assertThat(ReplicaCreateFailure.parse("Error creating: pods \"a-\" is forbidden: unable to create new content "
                + "in namespace inference because it is being terminated").kind()).isEqualTo(Kind.NAMESPACE_TERMINATING);
        ReplicaCreateFailure other = ReplicaCreateFailure.parse("Error creating: something new");
        assertThat(other.kind()).isEqualTo(Kind.OTHER);
        assertThat(other.cause()).isEqualTo("something new");
        assertThat(ReplicaCreateFailure.parse(null).kind()).isEqualTo(Kind.OTHER);
    }

    /**
     * The other admission steps that refuse a pod the template asks for: OpenShift's SecurityContextConstraints and a
     * PodSecurityPolicy before 1.25, a RuntimeClass or PriorityClass the cluster does not have (runtimeClassName nvidia
     * without the GPU Operator), and validation of the template itself.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "Error creating: pods \"web-7d9f8b6c5d-\" is forbidden: unable to validate against any security context constraint: [provider \"anyuid\": Forbidden: not usable by user or serviceaccount, spec.containers[0].securityContext.runAsUser: Invalid value: 0: must be in the ranges: [1000680000, 1000689999]]|SECURITY_POLICY",
        "Error creating: pods \"web-7d9f8b6c5d-\" is forbidden: unable to validate against any pod security policy: [spec.containers[0].securityContext.privileged: Invalid value: true: Privileged containers are not allowed]|SECURITY_POLICY",
        "Error creating: pods \"vllm-6d4b9c7f58-\" is forbidden: pod rejected: RuntimeClass \"nvidia\" not found|RUNTIME_CLASS_MISSING",
        "Error creating: pods \"web-7d9f8b6c5d-\" is forbidden: no PriorityClass with name high-priority was found|PRIORITY_CLASS_MISSING",
        "Error creating: Pod \"web-7d9f8b6c5d-x2kzq\" is invalid: spec.containers[0].resources.requests: Invalid value: \"2\": must be less than or equal to cpu limit|INVALID_POD_SPEC",
    })
    void otherAdmissionRefusals(String message, Kind kind) {
        ReplicaCreateFailure f = ReplicaCreateFailure.parse(message);
        assertThat(f.kind()).isEqualTo(kind);
        assertThat(f.facts().clues()).containsExactly(kind.clue().orElseThrow());
    }
}
