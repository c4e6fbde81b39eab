package org.gve.install.command;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.gve.install.InstallFailure;

/**
 * Checks that argv[0] names a program that exists and may be executed, the way the process
 * launcher will look for it: a name with a slash is a path (relative ones against the working
 * directory), a bare name is searched on the service's PATH. Answers before anything starts, so a
 * missing program is a typed failure rather than an I/O error to decode.
 */
final class ProgramLocator {

    private final List<Path> searchPath;

    /** @param searchPath the service's own PATH, which is what the JDK searches for bare names */
    ProgramLocator(List<Path> searchPath) {
        this.searchPath = List.copyOf(searchPath);
    }

    Path locate(String program, Path workingDirectory) throws InstallFailure {
        Optional<Path> found;
        try {
            found = program.indexOf('/') >= 0
                    ? Optional.of(workingDirectory.resolve(program)).filter(Files::exists)
                    : searchPath.stream().map(dir -> dir.resolve(program)).filter(ProgramLocator::isProgram).findFirst();
        } catch (InvalidPathException e) {
            throw InstallFailure.invalid("INVALID_PROGRAM", "not a usable program name: " + program);
        }
        Path path = found.orElseThrow(() -> InstallFailure.notFound("PROGRAM_NOT_FOUND", "program not found: " + program));
        if (!isProgram(path)) {
            throw InstallFailure.invalid("NOT_EXECUTABLE", "not an executable file: " + path);
        }
        return path;
    }

    private static boolean isProgram(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }

    /** Splits a PATH value into directories; empty entries are skipped. */
    static List<Path> parseSearchPath(String pathVariable) {
        if (pathVariable == null || pathVariable.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(pathVariable.split(":"))
                .filter(s -> !s.isEmpty())
                .map(Path::of)
                .toList();
    }
}
