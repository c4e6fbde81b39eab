package org.gve.install.file;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.gve.install.InstallFailure;

/** Octal permission text ({@code 0644}, {@code 755}) to POSIX permissions and back. */
public final class FileMode {

    private static final Pattern OCTAL = Pattern.compile("0?[0-7]{3}");
    /** Bit 8 (0400) down to bit 0 (0001), in the order of {@link PosixFilePermission}'s constants. */
    private static final List<PosixFilePermission> BITS = List.of(PosixFilePermission.values());

    /** Mode of a new file when the caller gives none. */
    public static final Set<PosixFilePermission> DEFAULT = Set.copyOf(parseTrusted("0644"));

    private FileMode() {
    }

    /**
     * Parses three octal digits with an optional leading 0. Set-user-ID, set-group-ID and sticky
     * bits (a fourth non-zero digit) are refused: a remote caller has no business setting them.
     */
    public static Set<PosixFilePermission> parse(String mode) throws InstallFailure {
        if (mode == null || !OCTAL.matcher(mode).matches()) {
            throw InstallFailure.invalid("INVALID_MODE",
                    "Mode must be octal permission bits such as 0644 or 0755 (no setuid/setgid/sticky), was '" + mode + "'");
        }
        return parseTrusted(mode);
    }

    private static Set<PosixFilePermission> parseTrusted(String mode) {
        int bits = Integer.parseInt(mode, 8);
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < BITS.size(); i++) {
            if ((bits & (0400 >> i)) != 0) {
                perms.add(BITS.get(i));
            }
        }
        return perms;
    }

    /** Formats as four octal digits, e.g. {@code 0644}. */
    public static String format(Set<PosixFilePermission> perms) {
        int bits = 0;
        for (int i = 0; i < BITS.size(); i++) {
            if (perms.contains(BITS.get(i))) {
                bits |= 0400 >> i;
            }
        }
        return String.format("%04o", bits);
    }
}
