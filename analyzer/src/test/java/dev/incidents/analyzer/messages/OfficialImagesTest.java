package dev.incidents.analyzer.messages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OfficialImagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nginx|nginx",
        "nginx:1.27-alpine|nginx",
        "library/nginx:1.27|nginx",
        "docker.io/library/nginx:1.27|nginx",
        "docker.io/nginx|nginx",
        "index.docker.io/library/busybox@sha256:abc123|busybox",
        "eclipse-mosquitto:2|eclipse-mosquitto",
        "rocket.chat:6|rocket.chat"})
    void theLibraryRepositoryABareNameNames(String image, String repository) {
        assertThat(OfficialImages.libraryRepository(image)).contains(repository);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bitnami/redis:7", "docker.io/bitnami/redis", "ghcr.io/org/app:1", "localhost:5000/app:1",
        "10.0.0.9:5000/nginx", "registry.local/app", "Nginx:1"})
    void aRegistryHostsOrAnAccountsRepositoryIsNotTheLibrarys(String image) {
        assertThat(OfficialImages.libraryRepository(image)).isEmpty();
        assertThat(OfficialImages.isMissingLibraryImage(image)).isFalse();
    }

    @Test
    void onlyNamesNoOfficialImageHasAreMissing() {
        assertThat(OfficialImages.isMissingLibraryImage("ninx:1.15.9")).isTrue();
        assertThat(OfficialImages.isMissingLibraryImage("buxybox")).isTrue();
        assertThat(OfficialImages.isMissingLibraryImage("myapp:v1")).isTrue();
        assertThat(OfficialImages.isMissingLibraryImage("nginx:no-such-tag")).isFalse(); // the tag: not known
        assertThat(OfficialImages.isMissingLibraryImage("postgres:16")).isFalse();
        assertThat(OfficialImages.isMissingLibraryImage("vault:1.13")).isFalse(); // deprecated, still there
        assertThat(OfficialImages.isMissingLibraryImage(null)).isFalse();
    }
}
