package dev.incidents.recordings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The reader's stand-ins for what a paste does not name are known as such, and a real name is not taken for one. */
class UnnamedTest {

    @Test
    void everyStandInTheReaderMakesIsAPlaceholder() {
        assertThat(DescribeEvents.CUSTOM_SUBJECTS).isNotEmpty()
                .allSatisfy(kind -> assertThat(Unnamed.isPlaceholder(Unnamed.of(kind))).as(kind).isTrue());
        assertThat(java.util.List.of(Unnamed.POD, Unnamed.NODE, Unnamed.CONTAINER, Unnamed.INIT_CONTAINER,
                Unnamed.POD_GROUP, Unnamed.CONTAINER + "-2")).allMatch(Unnamed::isPlaceholder);
        assertThat(Unnamed.isPlaceholder("unnamed-pods-exporter-0")).isFalse();
    }
}
