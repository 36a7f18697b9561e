package dev.incidents.analyzer.messages;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Docker Hub's Official Images, the curated {@code library} namespace an image reference without a registry host or
 * account names ({@code nginx:1.27} is {@code docker.io/library/nginx:1.27}). Nobody else publishes there, so a bare
 * name that is not one of them exists on no registry a default runtime pulls from: a typo of an official image
 * ({@code ninx:1.15.9}, {@code buxybox}), or an image built or loaded only locally and absent from the node. The list
 * is {@code images/docker-official-images.txt}.
 */
public final class OfficialImages {

    private static final String RESOURCE = "images/docker-official-images.txt";
    private static final Set<String> NAMES = load();

    private OfficialImages() {
    }

    /**
     * The repository a reference names in Docker Hub's {@code library} namespace ({@code ninx} of {@code ninx:1.15.9},
     * {@code docker.io/library/ninx@sha256:...}), empty when it names a registry host or an account ({@code
     * bitnami/redis}, {@code ghcr.io/x/y}, {@code localhost:5000/app}): what is there is not known.
     */
    static Optional<String> libraryRepository(String image) {
        String ref = image.strip();
        int digest = ref.indexOf('@');
        ref = digest >= 0 ? ref.substring(0, digest) : ref;
        for (String prefix : new String[] {"docker.io/", "index.docker.io/", "registry-1.docker.io/"}) {
            if (ref.startsWith(prefix)) {
                ref = ref.substring(prefix.length()); // Docker Hub itself: what follows is its repository
                break;
            }
        }
        if (ref.startsWith("library/")) {
            ref = ref.substring("library/".length());
        }
        if (ref.indexOf('/') >= 0) {
            return Optional.empty(); // a registry host's (localhost:5000/app) or an account's repository
        }
        int tag = ref.indexOf(':');
        String name = tag >= 0 ? ref.substring(0, tag) : ref;
        return name.isEmpty() || !name.matches("[a-z0-9]+(?:[._-][a-z0-9]+)*")
                ? Optional.empty() : Optional.of(name);
    }

    /** Whether {@code image} names a repository of the {@code library} namespace that Docker Hub does not have. */
    public static boolean isMissingLibraryImage(String image) {
        return image != null && libraryRepository(image).filter(name -> !NAMES.contains(name)).isPresent();
    }

    private static Set<String> load() {
        try (InputStream in = OfficialImages.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return lines.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
