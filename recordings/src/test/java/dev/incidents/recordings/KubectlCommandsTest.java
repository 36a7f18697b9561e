package dev.incidents.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KubectlCommandsTest {

    @Test
    void theNamespaceTheCommandsAgreeOn() {
        assertThat(KubectlCommands.commandsNamespace("""
                $ kubectl get pods -n monitoring
                kubectl --context live-0 describe pod prometheus-0 --namespace=monitoring
                """)).isEqualTo("monitoring");
        assertThat(KubectlCommands.commandsNamespace("kubectl get pods -n a\nkubectl get pods -n b\n")).isNull();
        assertThat(KubectlCommands.commandsNamespace("kubectl get pods\n")).isNull();
    }

    /**
     * A command line run under what a node's kubectl comes with: {@code sudo} (k3s's kubeconfig is root's), k3s's and
     * MicroK8s' bundled kubectl, minikube's; the words of a sentence that mentions kubectl are no command line.
     */
    @Test
    void aCommandRunUnderSudoOrABundledKubectl() {
        assertThat(KubectlCommands.isCommandLine("sudo kubectl describe pod case1-2")).isTrue();
        assertThat(KubectlCommands.isCommandLine("$ sudo -E kubectl get pods -A")).isTrue();
        assertThat(KubectlCommands.isCommandLine("sudo k3s kubectl get events -n kube-system")).isTrue();
        assertThat(KubectlCommands.isCommandLine("microk8s kubectl get pods")).isTrue();
        assertThat(KubectlCommands.isCommandLine("ubuntu@node:~$ microk8s.kubectl describe node node")).isTrue();
        assertThat(KubectlCommands.isCommandLine("minikube kubectl -- get pods -A")).isTrue();
        assertThat(KubectlCommands.isCommandLine("then run kubectl get pods again")).isFalse();
        assertThat(KubectlCommands.commandsNamespace("sudo kubectl get pods -n gpu-operator\n")).isEqualTo("gpu-operator");
    }

    /**
     * A blog's output commented out line by line under the {@code sudo kubectl} commands that printed it, a manifest
     * in a fence above: the commented lines under each command are its output (rectcircle's blog).
     */
    @Test
    void outputCommentedUnderASudoCommand() {
        java.util.List<Recorded> records = Recordings.read("post.md", """
                ```yaml
                apiVersion: v1
                kind: Pod
                metadata:
                  name: case1-2
                spec:
                  containers:
                  - name: p1
                    image: busybox:1.36
                ```

                ```bash
                sudo kubectl get pod case1-2
                # NAME      READY   STATUS             RESTARTS      AGE
                # case1-2   1/2     CrashLoopBackOff   4 (72s ago)   2m42s
                ```
                """, new ReadOptions("test", java.time.Instant.parse("2023-08-06T11:55:22Z")), r -> { });
        assertThat(records).extracting(r -> ((dev.incidents.schemas.PodSnapshot) r.value()).getName())
                .contains("case1-2");
        assertThat(records).extracting(r -> ((dev.incidents.schemas.PodSnapshot) r.value()).getContainers().get(0)
                .getState().getReason()).contains("CrashLoopBackOff");
    }

    /**
     * u7k4rs6's session-10 page: the commands run name session10-broken; a sentence quoting another command (and its
     * namespace) is prose, not what was run.
     */
    @Test
    void commandsRunSpeakBeforeACommandQuotedInProse() {
        String page = """
                > this sits in its own `session10-broken` namespace, and keeps the broken one from polluting
                > `kubectl get all -n session10`.
                ```bash
                kubectl apply -f troubleshooting/broken-deployment.yaml
                kubectl get all -n session10-broken
                kubectl describe pod <broken-pod> -n session10-broken
                ```
                """;
        assertThat(KubectlCommands.commandsNamespace(page)).isEqualTo("session10-broken");
        // with no command line naming one, the quoted command's namespace is what the paste says
        assertThat(KubectlCommands.commandsNamespace("Run `kubectl get pods -n shop` to see them.\n")).isEqualTo("shop");
    }

    /**
     * The aliases CKA courses teach ({@code alias kd='kubectl describe'}; hzlnqodrey's 40-days notes type {@code > kd
     * pod/nginx-pod} above its Events): the pod they describe, as the command written out would.
     */
    @Test
    void describeAndGetAliasesNameThePodAsTheCommandWould() {
        assertThat(PodCommand.of("\t> kd pod/nginx-pod")).extracting(PodCommand::verb, PodCommand::kind, PodCommand::name)
                .containsExactly("describe", "Pod", "nginx-pod");
        assertThat(PodCommand.of("$ kdp triton-7d9f8c6b5-x2kq9 -n inference")).extracting(PodCommand::name,
                PodCommand::namespace).containsExactly("triton-7d9f8c6b5-x2kq9", "inference");
        assertThat(PodCommand.of("kgp -n inference")).extracting(PodCommand::verb, PodCommand::name)
                .containsExactly("get", null);
        assertThat(PodCommand.of("the kd ratio of the pod/nginx-pod")).isNull();
    }

    /** A command quoted inline in a numbered step ({@code 5. `kubectl describe pods web-0`}) ends at its backtick. */
    @Test
    void aCommandQuotedInlineEndsAtItsClosingBacktick() {
        assertThat(PodCommand.of("5. `kubectl describe pods nginx-demo-5756474c97-m4b9t`"))
                .extracting(PodCommand::verb, PodCommand::name).containsExactly("describe", "nginx-demo-5756474c97-m4b9t");
        assertThat(PodCommand.of("Run `kubectl get pod web-0 -n shop` and look")).extracting(PodCommand::name,
                PodCommand::namespace).containsExactly("web-0", "shop");
    }
    /** A command ends where the shell ends it: {@code echo} after {@code ;} is the next command, not a pod. */
    @Test
    void aPodCommandEndsAtTheShellsSeparators() {
        assertThat(PodCommand.of("kubectl -n shop get pod -l app=web -o jsonpath='{.items[0].spec}'; echo"))
                .satisfies(c -> {
                    assertThat(c.name()).isNull();
                    assertThat(c.selector()).isTrue();
                    assertThat(c.namespace()).isEqualTo("shop");
                });
        assertThat(PodCommand.of("kubectl describe pod web-0 | grep -A4 State").name()).isEqualTo("web-0");
        assertThat(PodCommand.shellCommandEnd("get pod x -o jsonpath='{.a;b|c}' > out.txt"))
                .isEqualTo("get pod x -o jsonpath='{.a;b|c}' ");
    }
}
