package org.gve.harness.interop;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Node.js and npm as found on the PATH, and the harness's Node project (src/test/node: package.json and
 * package-lock.json pinning npm soap@1.13.0, and the client scripts) installed with {@code npm ci} into
 * target/interop-node. The install runs again only when the lock file changed; npm's own cache makes it
 * work offline once the packages were downloaded.
 */
final class NodeToolchain {
    /** npm soap@1.13.0 declares engines.node >= 20.19.0. */
    static final int MIN_MAJOR = 20;
    static final int MIN_MINOR = 19;
    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.(\\d+)\\.(\\d+)");

    final Path node;
    final Path npm;
    final String version;

    private NodeToolchain(Path node, Path npm, String version) {
        this.node = node;
        this.npm = npm;
        this.version = version;
    }

    /** What {@link #find} found: a usable toolchain, or what is missing (for a skip message). */
    record Lookup(NodeToolchain toolchain, String missing) {
        static Lookup missing(String why) {
            return new Lookup(null, why);
        }
    }

    static Lookup find(Path workDir) throws IOException, InterruptedException {
        Optional<Path> node = onPath("node");
        Optional<Path> npm = onPath("npm");
        if (node.isEmpty() || npm.isEmpty()) {
            return Lookup.missing("Node.js " + MIN_MAJOR + "." + MIN_MINOR + "+ with npm is not installed (no "
                    + (node.isEmpty() ? "node" : "npm") + " on PATH=" + System.getenv("PATH")
                    + "); the Node interop suite needs it (Debian: apt-get install nodejs npm, from a source with Node 20)");
        }
        String version;
        try (ChildProcess p = ChildProcess.start("node-version", List.of(node.get().toString(), "--version"), workDir,
                Map.of(), workDir.resolve("node-version.log"), null)) {
            p.awaitExit(VERSION_TIMEOUT);
            version = String.join("", p.lines()).trim();
        }
        Matcher m = VERSION.matcher(version);
        if (!m.find()) {
            return Lookup.missing(node.get() + " --version printed '" + version + "', not a Node.js version");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major < MIN_MAJOR || (major == MIN_MAJOR && minor < MIN_MINOR)) {
            return Lookup.missing("Node.js " + version + " at " + node.get() + " is older than " + MIN_MAJOR + "."
                    + MIN_MINOR + ", which npm soap@1.13.0 requires");
        }
        return new Lookup(new NodeToolchain(node.get(), npm.get(), version), null);
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Copies the Node project from {@code source} into {@code target} and runs {@code npm ci} there when
     * its node_modules is missing or was installed from another lock file. Fails with npm's output when
     * the install fails.
     */
    void install(Path source, Path target) throws IOException, InterruptedException {
        Files.createDirectories(target);
        byte[] lock = Files.readAllBytes(source.resolve("package-lock.json"));
        Path installedLock = target.resolve("node_modules/.gve-installed-lock.json");
        boolean current = Files.isRegularFile(target.resolve("node_modules/soap/package.json"))
                && Files.isRegularFile(installedLock)
                && Arrays.equals(lock, Files.readAllBytes(installedLock));
        try (var files = Files.list(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (current) {
            return;
        }
        List<String> command = List.of(npm.toString(), "ci", "--no-audit", "--no-fund", "--prefer-offline",
                "--loglevel=warn");
        try (ChildProcess p = ChildProcess.start("npm-ci", command, target, Map.of(), target.resolve("npm-ci.log"), null)) {
            int exit = p.awaitExit(INSTALL_TIMEOUT);
            if (exit != 0) {
                throw new AssertionError("npm ci in " + target + " failed (exit " + exit + "):\n" + p.tail(40));
            }
        }
        Files.write(installedLock, lock);
    }
}
