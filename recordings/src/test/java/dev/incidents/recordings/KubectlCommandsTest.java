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
