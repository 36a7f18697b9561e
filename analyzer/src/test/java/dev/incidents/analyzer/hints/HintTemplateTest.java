package dev.incidents.analyzer.hints;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HintTemplateTest {
    static final HintTemplate CONFIG_ERROR = HintTemplate.parse(
            "The kubelet cannot create container {container} of pod {pod} in {namespace}.", "test");

    @Test
    void knownFactsAreFilledIn() {
        assertThat(CONFIG_ERROR.prose(Facts.of(Fact.CONTAINER, "triton", Fact.POD, "triton-0", Fact.NAMESPACE, "inference")))
                .isEqualTo("The kubelet cannot create container triton of pod triton-0 in inference.");
    }

    @Test
    void anUnknownFactDoesNotRepeatTheKindThatNamesIt() {
        assertThat(CONFIG_ERROR.prose(Facts.of(Fact.POD, "triton-0", Fact.NAMESPACE, "inference")))
                .isEqualTo("The kubelet cannot create the container of pod triton-0 in inference.");
        assertThat(CONFIG_ERROR.prose(Facts.empty()))
                .isEqualTo("The kubelet cannot create the container of the pod in the namespace.");
    }

    @Test
    void aWordThatOnlyEndsLikeTheKindStays() {
        assertThat(HintTemplate.parse("sidecontainer {container} failed", "test").prose(Facts.empty()))
                .isEqualTo("sidecontainer the container failed");
    }

    @Test
    void commandsStayEmptyUntilEveryFactIsKnown() {
        HintTemplate command = HintTemplate.parse("kubectl logs {pod} -n {namespace} -c {container}", "test");
        assertThat(command.command(Facts.of(Fact.POD, "p", Fact.NAMESPACE, "ns"))).isEmpty();
        assertThat(command.command(Facts.of(Fact.POD, "p", Fact.NAMESPACE, "ns", Fact.CONTAINER, "c")))
                .contains("kubectl logs p -n ns -c c");
    }
}
