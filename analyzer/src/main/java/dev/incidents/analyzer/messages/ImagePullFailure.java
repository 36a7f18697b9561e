package dev.incidents.analyzer.messages;

import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.Category;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kubelet image pull failure, from the {@code Failed} events of a Pod, e.g. (containerd, seed 001)
 * {@code Failed to pull image "478253497479.dkr.ecr.us-east-1.amazonaws.com/triton:resnet50": failed to pull and unpack
 * image "...": failed to extract layer (...) to overlayfs as "...": write /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/360/fs/...: no space left on device}.
 *
 * <p>kubelets before 1.27 wrap the runtime error as {@code rpc error: code = Unknown desc = ...}; newer ones pass the
 * runtime text through. containerd, CRI-O and dockershim word registry errors differently, so classification keys on
 * the registry's own words ({@code manifest unknown}, {@code unauthorized}, {@code toomanyrequests}), which all three
 * pass through.
 *
 * @param category  IMAGE_PULL_DISK_FULL, IMAGE_PULL_AUTH, IMAGE_NOT_FOUND or IMAGE_PULL_FAILED
 * @param causeKnown false for {@code Error: ErrImagePull}, {@code Error: ImagePullBackOff} and {@code Back-off pulling
 *                   image "x"}: they say a pull fails, not why; the category is then IMAGE_PULL_FAILED and a
 *                   detector should prefer the category of a {@code Failed to pull image} message of the same pod
 * @param image     the image reference, when the message names it
 * @param path      for disk full: the file the runtime could not write
 * @param detail    the runtime's error text after the image reference (the part that says why)
 * @param raw       the message verbatim
 */
public record ImagePullFailure(Category category, boolean causeKnown, Optional<String> image, Optional<String> path,
                               String detail, String raw) {

    private static final Pattern FAILED_TO_PULL = Pattern.compile(
            "Failed to pull image \"([^\"]*)\"\\s*:?\\s*(.*)", Pattern.DOTALL);
    /**
     * The kubelet's {@code InspectFailed} for an image its runtime could not even look up before pulling ({@code Failed
     * to inspect image "kubevirt/virt-controller:v0.3.0": rpc error: code = Unknown desc = no registries configured while
     * trying to pull an unqualified image}), the container waiting in {@code ImageInspectError}: the runtime's answer
     * says why, as a pull's does.
     */
    private static final Pattern FAILED_TO_INSPECT = Pattern.compile(
            "Failed to inspect image \"([^\"]*)\"\\s*:?\\s*(.*)", Pattern.DOTALL);
    /**
     * A container's waiting-state message for ErrImagePull (Pod snapshots) is the runtime error alone, without
     * kubelet's {@code Failed to pull image "x":} prefix: containerd's {@code failed to pull and unpack image "x"},
     * docker's {@code pull access denied for x} / {@code manifest for x not found}.
     */
    private static final Pattern RUNTIME_ONLY = Pattern.compile(
            "failed to pull and unpack image \"([^\"]+)\"|pull access denied for ([^,\\s]+)|manifest for (\\S+) not found");
    private static final Pattern BACK_OFF = Pattern.compile("Back-off pulling image \"([^\"]*)\"");
    /**
     * Since 1.30 the kubelet's back-off carries the pull error it backs off from ({@code Back-off pulling image "x":
     * ErrImagePull: rpc error: ... manifest unknown}): the registry's answer, read like the pull failure itself.
     */
    private static final Pattern BACK_OFF_AFTER = Pattern.compile(
            "Back-off pulling image \"([^\"]*)\":\\s*(?:ErrImagePull:\\s*)?(\\S.*)", Pattern.DOTALL);
    private static final String NEVER_PULLED = "image not present on the node and imagePullPolicy is Never";
    private static final Pattern NEVER_PULL = Pattern.compile(
            "Container image \"([^\"]*)\"\\s*is not present with pull policy of Never");
    private static final Pattern INVALID_NAME = Pattern.compile(
            "Failed to apply default image tag \"([^\"]*)\"\\s*:?\\s*(.*)", Pattern.DOTALL);
    private static final Pattern NO_SPACE_PATH = Pattern.compile(
            "(/[^\\s\":]+)\\s*:\\s*no space left on device");
    /** A bare 401 status, not three digits inside a layer digest. */
    private static final Pattern STATUS_401 = Pattern.compile("(?<![0-9a-z])401(?![0-9a-z])");
    private static final Pattern ANY_RUNTIME_PATH = Pattern.compile(
            "(/var/lib/(?:containerd|containers|docker|kubelet)[^\\s\":]*)");

    /**
     * kubelets before 1.6 reported every sync failure as one {@code FailedSync} event:
     * {@code Error syncing pod, skipping: failed to "StartContainer" for "zre" with ErrImagePull: "API error (500): ...
     * no basic auth credentials\n"}; the quoted part is the runtime's error (quotes inside it escaped), or the
     * kubelet's own refusal of an image it will not pull ({@code ErrImageNeverPull}, {@code InvalidImageName}); a kind
     * node's journal still prints them so in its {@code pod_workers.go} line.
     */
    private static final Pattern FAILED_SYNC = Pattern.compile(
            "failed to \"StartContainer\" for \"[^\"]*\" with "
            + "(ErrImagePull|ImagePullBackOff|ErrImageNeverPull|InvalidImageName|ImageInspectError): \"(.*)\"\\s*$",
            Pattern.DOTALL);

    private static final LastParse<Optional<ImagePullFailure>> LAST = new LastParse<>(ImagePullFailure::read);

    /** Never throws; empty when the message is not about pulling an image. */
    public static Optional<ImagePullFailure> parse(String message) {
        return LAST.parse(message);
    }

    private static Optional<ImagePullFailure> read(String message) {
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        Matcher sync = FAILED_SYNC.matcher(message);
        if (sync.find()) {
            String detail = sync.group(2).replace("\\\"", "\"").replace("\\n", "\n").trim();
            Optional<ImagePullFailure> inner = detail.equals(message) ? Optional.empty() : parse(detail);
            if (inner.isPresent()) {
                ImagePullFailure f = inner.get();
                return Optional.of(new ImagePullFailure(f.category(), f.causeKnown(), f.image(), f.path(), f.detail(),
                        message));
            }
            if (sync.group(1).equals("ImagePullBackOff")) {
                return Optional.of(unknownCause(Optional.empty(), message));
            }
            return Optional.of(classify(Optional.empty(), detail, message));
        }
        String raw = message;
        Matcher failed = FAILED_TO_PULL.matcher(raw);
        if (failed.find()) {
            String detail = failed.group(2).trim();
            return Optional.of(classify(Optional.of(failed.group(1)), detail, raw));
        }
        Matcher inspect = FAILED_TO_INSPECT.matcher(raw);
        if (inspect.find()) {
            return Optional.of(classify(Optional.of(inspect.group(1)), inspect.group(2).trim(), raw));
        }
        Matcher runtimeOnly = RUNTIME_ONLY.matcher(raw);
        if (runtimeOnly.find()) {
            String image = runtimeOnly.group(1) != null ? runtimeOnly.group(1)
                    : runtimeOnly.group(2) != null ? runtimeOnly.group(2) : runtimeOnly.group(3);
            return Optional.of(classify(Optional.of(image), raw.trim(), raw));
        }
        Matcher never = NEVER_PULL.matcher(raw);
        if (never.find()) {
            return Optional.of(new ImagePullFailure(Category.IMAGE_NOT_FOUND, true, Optional.of(never.group(1)),
                    Optional.empty(), NEVER_PULLED, raw));
        }
        Matcher invalid = INVALID_NAME.matcher(raw);
        if (invalid.find()) {
            return Optional.of(new ImagePullFailure(Category.IMAGE_NOT_FOUND, true, Optional.of(invalid.group(1)),
                    Optional.empty(), invalid.group(2).trim(), raw));
        }
        Matcher after = BACK_OFF_AFTER.matcher(raw);
        if (after.find()) {
            return Optional.of(classify(Optional.of(after.group(1)), after.group(2).trim(), raw));
        }
        Matcher backOff = BACK_OFF.matcher(raw);
        if (backOff.find()) {
            return Optional.of(unknownCause(Optional.of(backOff.group(1)), raw));
        }
        String trimmed = raw.trim();
        if (trimmed.equals("Error: ErrImagePull") || trimmed.equals("Error: ImagePullBackOff")
                || trimmed.equals("ErrImagePull") || trimmed.equals("ImagePullBackOff")) {
            return Optional.of(unknownCause(Optional.empty(), raw));
        }
        if (trimmed.startsWith("Error: InvalidImageName") || trimmed.startsWith("Error: ErrImageNeverPull")) {
            return Optional.of(new ImagePullFailure(Category.IMAGE_NOT_FOUND, true, Optional.empty(),
                    Optional.empty(), trimmed.substring("Error: ".length()), raw));
        }
        return Optional.empty();
    }

    /** Knative's Revision reconciler: {@code Unable to fetch image "x": failed to resolve image to digest: ...}. */
    private static final Pattern UNABLE_TO_FETCH = Pattern.compile(
            "Unable to fetch image \"([^\"]*)\"\\s*:?\\s*(.*)", Pattern.DOTALL);
    private static final Pattern RESOLVE_TO_DIGEST = Pattern.compile(
            "failed to resolve image to digest\\s*:?\\s*(.*)", Pattern.DOTALL);
    /**
     * The registry client's own error, as Knative before 0.10 passed it through unwrapped: an HTTP status it did not
     * expect ({@code unsupported status code 401; body: }) or a registry error code ({@code UNAUTHORIZED: ...}).
     */
    private static final Pattern REGISTRY_CLIENT_ERROR = Pattern.compile(
            "unsupported status code (\\d{3})|^\\s*(UNAUTHORIZED|DENIED|MANIFEST_UNKNOWN|NAME_UNKNOWN|TOOMANYREQUESTS):");

    /**
     * A pull failure that a controller reports on its own object before any pod exists: Knative Serving resolves an
     * image tag to a digest in its controller, with the controller's credentials, and records the registry's answer on
     * the Revision ({@code Unable to fetch image "x": failed to resolve image to digest: ... UNAUTHORIZED: ...}).
     * Classified like the kubelet's pull errors; the bare registry-client wording counts only on Knative's objects.
     */
    public static Optional<ImagePullFailure> resolvingTag(String apiVersion, String message) {
        boolean knative = apiVersion != null && apiVersion.startsWith("serving.knative.dev/");
        return LAST_RESOLUTION.parse(message).filter(r -> !r.bare() || knative).map(Resolution::failure);
    }

    /** What a message says as a tag resolution error; {@code bare}: only the registry client's own wording. */
    private record Resolution(ImagePullFailure failure, boolean bare) {
    }

    /** Every image pull detector asks about the same pod-less event in turn: parsed once, as the kubelet's errors. */
    private static final LastParse<Optional<Resolution>> LAST_RESOLUTION =
            new LastParse<>(ImagePullFailure::readResolution);

    private static Optional<Resolution> readResolution(String message) {
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        Matcher unable = UNABLE_TO_FETCH.matcher(message);
        if (unable.find()) {
            return Optional.of(new Resolution(classifyResolution(Optional.of(unable.group(1)), unable.group(2).trim(),
                    message), false));
        }
        Matcher resolve = RESOLVE_TO_DIGEST.matcher(message);
        if (resolve.find()) {
            return Optional.of(new Resolution(classifyResolution(Optional.empty(), resolve.group(1).trim(), message),
                    false));
        }
        if (REGISTRY_CLIENT_ERROR.matcher(message).find()) {
            return Optional.of(new Resolution(classifyResolution(Optional.empty(), message.trim(), message), true));
        }
        return Optional.empty();
    }

    /** As the kubelet's errors, plus the bare status a registry client reports: 404 is a missing manifest. */
    private static ImagePullFailure classifyResolution(Optional<String> image, String detail, String raw) {
        Matcher status = REGISTRY_CLIENT_ERROR.matcher(detail);
        if (status.find() && "404".equals(status.group(1))) {
            return new ImagePullFailure(Category.IMAGE_NOT_FOUND, true, image, Optional.empty(), detail, raw);
        }
        return classify(image, detail, raw);
    }

    private static ImagePullFailure unknownCause(Optional<String> image, String raw) {
        if (image.filter(OfficialImages::isMissingLibraryImage).isPresent()) {
            // a pull that fails, of a name only Docker Hub's curated library namespace could hold, which does not
            return new ImagePullFailure(Category.IMAGE_NOT_FOUND, true, image, Optional.empty(), "", raw);
        }
        return new ImagePullFailure(Category.IMAGE_PULL_FAILED, false, image, Optional.empty(), "", raw);
    }

    /** The kubelet's {@code Pulling image "x"} (before 1.17 {@code pulling image "x"}): the image it starts to pull. */
    private static final Pattern PULLING = Pattern.compile("^[Pp]ulling image \"([^\"]+)\"");

    /**
     * What a pull the kubelet starts ({@code Pulling image "ninx:1.15.9"}) will meet when the name alone says the image
     * does not exist (a bare name no official image has); empty for any other message or image.
     */
    public static Optional<ImagePullFailure> doomedPull(String message) {
        Matcher pulling = message == null ? null : PULLING.matcher(message);
        return pulling != null && pulling.find() && OfficialImages.isMissingLibraryImage(pulling.group(1))
                ? Optional.of(unknownCause(Optional.of(pulling.group(1)), message)) : Optional.empty();
    }

    /**
     * The runtime's own answer to a pull the kubelet reported as {@code ErrImagePull} (a container's waiting message, a
     * runtime wrapper's event: {@code rpc error: code = Unknown desc = Error response from daemon: Get
     * "https://x/v2/": x509: ...}), read for its cause when it is in none of the kubelet's wordings; empty when blank.
     */
    public static Optional<ImagePullFailure> runtimeAnswer(String image, String message) {
        return message == null || message.isBlank() ? Optional.empty()
                : Optional.of(classify(Optional.ofNullable(image).filter(i -> !i.isBlank()), message.strip(), message));
    }

    /**
     * A pull that fails without saying why, of {@code image} (a container's image beside its {@code ImagePullBackOff}
     * state, a {@code get pods} row's): IMAGE_PULL_FAILED, unless the name alone says the image does not exist.
     */
    public static ImagePullFailure unexplained(String image, String raw) {
        return unknownCause(Optional.ofNullable(image).filter(i -> !i.isBlank()), raw);
    }

    private static ImagePullFailure classify(Optional<String> image, String detail, String raw) {
        String d = detail.toLowerCase(Locale.ROOT);
        if (d.contains("no space left on device")) {
            Matcher p = NO_SPACE_PATH.matcher(detail);
            Optional<String> path = p.find() ? Optional.of(p.group(1)) : Optional.empty();
            if (path.isEmpty()) {
                Matcher any = ANY_RUNTIME_PATH.matcher(detail);
                path = any.find() ? Optional.of(any.group(1)) : Optional.empty();
            }
            return new ImagePullFailure(Category.IMAGE_PULL_DISK_FULL, true, image, path, detail, raw);
        }
        Category category = categoryOf(d);
        if (category == Category.IMAGE_PULL_AUTH && deniedAlike(d, image)) {
            category = Category.IMAGE_NOT_FOUND;
        }
        return new ImagePullFailure(category, true, image, Optional.empty(), detail, raw);
    }

    /**
     * Docker Hub's "pull access denied ..., repository does not exist or may require 'docker login'" (containerd:
     * "... may require authorization") is its answer to a missing and to a private repository alike, when nothing
     * says the registry asked for credentials. Read as a missing image (IMAGE_NOT_FOUND, clue REPOSITORY_DENIED, whose
     * cause names both readings): in the pastes people post it mostly is (an image built only locally, a repository
     * deleted, a typo), and an explicit credential refusal of the same workload wins (IMAGE_NOT_FOUND yields to
     * IMAGE_PULL_AUTH). A bare name is an official library image, all public: denied, it does not exist. Only on a
     * registry that serves public images to anyone ({@link #PUBLIC_REGISTRIES}): a private registry (a cloud's
     * container registry, a company's Harbor) refuses every pull without credentials, the images it holds included,
     * so there the denial is the missing credentials first (IMAGE_PULL_AUTH, whose cause names both readings too).
     */
    private static boolean deniedAlike(String d, Optional<String> image) {
        if (image.filter(ImagePullFailure::isOfficialName).isPresent()) {
            // Docker Hub answers an anonymous pull of a library repository that does not exist as it answers any
            // missing repository, CRI-O's "denied: requested access to the resource is denied, unauthorized:
            // authentication required" included; only credentials it refused are about credentials
            return !CREDENTIALS_REFUSED.matcher(d).find();
        }
        return !AUTH_ASKED.matcher(d).find() && d.contains("repository does not exist or may require")
                && image.map(ImagePullFailure::onPublicRegistry).orElse(true);
    }

    /** The registry refused the credentials the node sent (not merely asked for some). */
    private static final Pattern CREDENTIALS_REFUSED = Pattern.compile(
            "incorrect username or password|invalid username|bad credentials|no basic auth credentials|403|forbidden");

    /**
     * Registries whose images are pulled anonymously (Docker Hub, the public mirrors of the clouds and projects): a
     * denial there is of a repository that is missing or private. {@code gcr.io} and its regional hosts included.
     */
    private static final Pattern PUBLIC_REGISTRIES = Pattern.compile("(?:docker\\.io|index\\.docker\\.io|"
            + "registry-1\\.docker\\.io|registry\\.hub\\.docker\\.com|public\\.ecr\\.aws|quay\\.io|"
            + "(?:[a-z]+\\.)?gcr\\.io|registry\\.k8s\\.io|mcr\\.microsoft\\.com|nvcr\\.io|ghcr\\.io|registry\\.gitlab\\.com)");

    /** Whether {@code image} is on Docker Hub (no registry host) or another registry anyone may pull public images from. */
    static boolean onPublicRegistry(String image) {
        int slash = image.indexOf('/');
        String first = slash < 0 ? "" : image.substring(0, slash);
        boolean host = first.contains(".") || first.contains(":") || first.equals("localhost");
        return !host || PUBLIC_REGISTRIES.matcher(first).matches();
    }

    /** The registry asked for credentials, or refused the ones it got: a private repository. */
    private static final Pattern AUTH_ASKED = Pattern.compile(
            "unauthorized|authentication required|no basic auth credentials|(?<![0-9a-z])40[13](?![0-9a-z])|forbidden");

    /**
     * Docker before 18.x: {@code Error reading manifest 8.4.1} (optionally {@code in docker.io/x/y}) and nothing after
     * it. Any other answer of the registry follows with a colon (an auth error, a timeout); none is a 404 without a body.
     */
    /**
     * Docker before 1.10 (dockershim's {@code rpc error: code = 2 desc = Error: image openshift3/ose-deployer:v3.7.9
     * not found}): its answer for a tag or repository the registry does not serve, a private Docker Hub repository
     * without credentials included, as the newer "repository does not exist or may require" is.
     */
    private static final Pattern OLD_DOCKER_NOT_FOUND = Pattern.compile("\\berror: image \\S+ not found\\b");

    /**
     * containerd before 1.3 (its resolver's {@code failed to resolve image "x": no available registry endpoint: x not
     * found}): every registry host it tried answered that the reference does not exist. Other answers follow the same
     * words with what failed (a timeout, a refusal).
     */
    private static final Pattern NO_ENDPOINT_NOT_FOUND = Pattern.compile(
            "no available registry endpoint: \\S+ not found");

    private static final Pattern BARE_MANIFEST_ERROR = Pattern.compile("error reading manifest \\S+(?: in \\S+)?\\s*$");

    /** Docker Hub's host and the library namespace spelled out before an official image's name. */
    private static final Pattern LIBRARY_PREFIX = Pattern.compile(
            "^(?:docker\\.io|index\\.docker\\.io|registry-1\\.docker\\.io)/library/");

    /**
     * A Docker Hub official image's name: one path component, no registry host ({@code headscale-api-key:v1}), or the
     * same spelled out ({@code docker.io/library/nginx}).
     */
    private static boolean isOfficialName(String image) {
        String name = LIBRARY_PREFIX.matcher(image).replaceFirst("");
        return !name.isBlank() && name.indexOf('/') < 0;
    }

    /**
     * The image's manifest list has no entry for the node's platform: containerd's {@code no match for platform in
     * manifest}, Docker's {@code no supported platform found in manifest list} and, since Docker 17.06, {@code no
     * matching manifest for linux/arm64/v8 in the manifest list entries} (an amd64-only image on arm64 nodes); CRI-O's
     * (containers/image) {@code no image found in manifest list for architecture arm64, variant "v8", OS linux};
     * Docker's {@code image operating system "windows" cannot be used on this platform} and, since 20.10, {@code image
     * with reference x was found but does not match the specified platform: wanted linux/amd64, actual: linux/arm64}.
     */
    private static final Pattern PLATFORM_MISSING = Pattern.compile(
            "no match for platform in manifest|no supported platform found in manifest list"
                    + "|no matching manifest for \\S+ in the manifest list|no image found in manifest list for architecture"
                    + "|image operating system \"[^\"]+\" cannot be used on this platform"
                    + "|was found but does not match the specified platform");

    /**
     * A tag whose only manifest is Docker's schema 1, which containerd 2.0 ({@code failed to get converter for "x":
     * Pulling Schema 1 images have been deprecated and disabled by default since containerd v2.0}) and Docker 28
     * ({@code Docker Image Format v1 and Docker Image manifest version 2, schema 1 support has been removed}) no longer
     * pull: there is no image the node can use at that reference, as for a platform the manifest list lacks.
     */
    private static final Pattern SCHEMA_1_REFUSED = Pattern.compile(
            "schema 1 images have been deprecated|schema 1 support has been removed");

    /**
     * CRI-O and Podman refusing an unqualified name ({@code short-name "app:v1" did not resolve to an alias and no
     * unqualified-search registries are defined in "/etc/containers/registries.conf"}, {@code short name mode is
     * enforcing, but image name app:v1 returns ambiguous list}, without a terminal {@code short-name resolution enforced
     * but cannot prompt without a TTY}, CRI-O of 2018 {@code no registries configured while trying to pull an unqualified
     * image}): the reference names no registry they may search.
     */
    private static final Pattern SHORT_NAME_UNRESOLVED = Pattern.compile(
            "short-name \"[^\"]*\" did not resolve to an alias|short name mode is enforcing"
                    + "|short-name resolution enforced but cannot prompt without a tty"
                    + "|no registries configured while trying to pull an unqualified image");

    /**
     * containerd's content store missing a blob of an image it had started to pull or unpack ({@code failed to get
     * reader from content store: content digest sha256:x: not found}): the node's copy, not the registry's image, is
     * incomplete (an interrupted pull, a garbage collection racing it).
     */
    private static final Pattern LOCAL_CONTENT_MISSING = Pattern.compile("content digest sha256:[0-9a-f]+: not found");

    /**
     * The runtime's last words kept after the reporter's elision ({@code Failed to pull image "nginx:does-not-exist":
     * ... not found}): containerd's answer for a reference the registry does not serve ends so ({@code ...: not found}).
     */
    private static final Pattern ELIDED_NOT_FOUND = Pattern.compile(
            "(?:\\.{3}|…|\\[(?:\\.{3}|…)])\\s*:?\\s*not found\\.?\\s*$");

    /** The registry's own failure: a 5xx answer to a manifest or blob request. */
    private static final Pattern REGISTRY_SERVER_ERROR = Pattern.compile(
            "\\b5\\d\\d (?:internal server error|bad gateway|service unavailable|gateway timeout)\\b");

    private static Category categoryOf(String d) {
        if (LOCAL_CONTENT_MISSING.matcher(d).find()) {
            return Category.IMAGE_PULL_FAILED; // the registry served it: the node lost part of what it pulled
        }
        if (d.contains("project not found")) {
            // Harbor's answer for a path whose project does not exist, behind its "unauthorized:" (unauthorized:
            // project not found, name: k8s): the registry says what is missing, which no credentials give
            return Category.IMAGE_NOT_FOUND;
        }
        if (d.contains("pull access denied") || d.contains("unauthorized") || STATUS_401.matcher(d).find()
                || d.contains("403 forbidden") || d.contains("no basic auth credentials")
                || d.contains("authentication required") || d.contains("requested access to the resource is denied")
                || d.contains("failed to fetch oauth token") || d.contains("failed to fetch anonymous token")
                || d.contains("authorization failed") || d.contains("access denied") || d.contains("denied:")
                || d.contains("code = permissiondenied")) {
            return Category.IMAGE_PULL_AUTH;
        }
        if (SHORT_NAME_UNRESOLVED.matcher(d).find()) {
            // the runtime's own configuration gives the short name no registry: whatever exists under docker.io, the
            // pull is refused before any registry is asked, not answered "not found" by one
            return Category.IMAGE_PULL_FAILED;
        }
        if (d.contains("manifest unknown") || d.contains("name unknown") || d.contains("manifest_unknown")
                || d.contains("name_unknown") || d.contains(": not found")
                || d.contains("code = notfound") || d.contains("not found: manifest") || d.contains("repository")
                && d.contains("not found") || d.contains("manifest for ") && d.contains("not found")
                || d.contains("no matching manifest") || d.contains("invalid reference format")
                // Quay's answer for a tag it no longer serves (deleted, or past its expiration)
                || d.contains("was deleted or has expired")
                || PLATFORM_MISSING.matcher(d).find() || SCHEMA_1_REFUSED.matcher(d).find()
                || BARE_MANIFEST_ERROR.matcher(d).find() || OLD_DOCKER_NOT_FOUND.matcher(d).find()
                || NO_ENDPOINT_NOT_FOUND.matcher(d).find() || ELIDED_NOT_FOUND.matcher(d).find()) {
            return Category.IMAGE_NOT_FOUND;
        }
        return Category.IMAGE_PULL_FAILED;
    }

    /**
     * The container runtime's storage root that filled up ({@code /var/lib/containerd}, {@code /var/lib/containers},
     * {@code /var/lib/docker}, {@code /var/lib/kubelet}): what {@code du -sh} should look at.
     */
    public Optional<String> storageRoot() {
        return path.flatMap(p -> {
            for (String root : new String[] {"/var/lib/containerd", "/var/lib/containers", "/var/lib/docker",
                    "/var/lib/kubelet"}) {
                if (p.startsWith(root)) {
                    return Optional.of(root);
                }
            }
            return Optional.empty();
        });
    }

    /**
     * A denial the registry words alike for a missing and a private repository, read as missing: a pod whose pulls
     * were refused credentials before keeps that reading (IMAGE_PULL_AUTH).
     */
    public boolean deniedAlike() {
        return category == Category.IMAGE_NOT_FOUND && categoryOf(detail.toLowerCase(Locale.ROOT)) == Category.IMAGE_PULL_AUTH;
    }

    /** {@code {image}} for the hint catalog, and for IMAGE_PULL_FAILED the clue of why (rate limit, network, TLS). */
    public Facts facts() {
        Facts facts = Facts.empty().with(Fact.IMAGE, image);
        if (NEVER_PULLED.equals(detail) || detail.equals("ErrImageNeverPull")) {
            return facts.withClue(Clue.IMAGE_NOT_ON_NODE); // whatever the name: the node was never to pull it
        }
        String d = detail.toLowerCase(Locale.ROOT);
        // the runtime's own words on the platform or the name come before what the name suggests
        if (PLATFORM_MISSING.matcher(d).find()) {
            return facts.withClue(Clue.NO_PLATFORM_MANIFEST);
        }
        if (SHORT_NAME_UNRESOLVED.matcher(d).find()) {
            return facts.withClue(Clue.SHORT_NAME_UNRESOLVED);
        }
        if (SCHEMA_1_REFUSED.matcher(d).find()) {
            return facts.withClue(Clue.SCHEMA_1_MANIFEST);
        }
        if (category == Category.IMAGE_NOT_FOUND && image.filter(OfficialImages::isMissingLibraryImage).isPresent()) {
            return facts.withClue(Clue.NOT_AN_OFFICIAL_IMAGE);
        }
        if (deniedAlike()) {
            return facts.withClue(Clue.REPOSITORY_DENIED);
        }
        if (category != Category.IMAGE_PULL_FAILED) {
            return facts;
        }
        if (d.contains("toomanyrequests") || d.contains("429 too many requests") || d.contains("rate limit")) {
            return facts.withClue(Clue.REGISTRY_RATE_LIMITED);
        }
        if (d.contains("server gave http response to https client")) {
            return facts.withClue(Clue.REGISTRY_PLAIN_HTTP);
        }
        if (d.contains("x509") || d.contains("tls:") || d.contains("certificate")) {
            return facts.withClue(Clue.REGISTRY_TLS);
        }
        if (d.contains("i/o timeout") || d.contains("no such host") || d.contains("connection refused")
                || d.contains("context deadline exceeded") || d.contains("network is unreachable")
                || d.contains("tls handshake timeout") || d.contains("connection reset")
                || d.contains("no route to host") || d.contains("connection timed out")
                || d.contains("temporary failure in name resolution") || d.contains("server misbehaving")
                || d.contains("proxyconnect tcp")) {
            return facts.withClue(Clue.REGISTRY_UNREACHABLE);
        }
        if (LOCAL_CONTENT_MISSING.matcher(d).find()) {
            return facts.withClue(Clue.IMAGE_CONTENT_MISSING);
        }
        if (REGISTRY_SERVER_ERROR.matcher(d).find()) {
            return facts.withClue(Clue.REGISTRY_SERVER_ERROR);
        }
        return facts;
    }
}
