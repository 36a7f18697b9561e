package dev.incidents.shipper.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationConverterTest {
    @ParameterizedTest
    @CsvSource({"90s, PT1M30S", "10m, PT10M", "1h30m, PT1H30M", "500ms, PT0.5S", "2d, PT48H", "PT10M, PT10M", "pt5s, PT5S"})
    void readsKubectlStyleAndIsoDurations(String text, String expected) {
        assertThat(new DurationConverter().convert(text)).isEqualTo(Duration.parse(expected));
    }

    @Test
    void rejectsAnythingElse() {
        for (String bad : new String[] {"", "10", "m", "10x", "10m junk", "P"}) {
            assertThatThrownBy(() -> new DurationConverter().convert(bad)).as(bad).isInstanceOf(CommandLine.TypeConversionException.class);
        }
    }
}
