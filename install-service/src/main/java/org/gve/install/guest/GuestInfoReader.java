package org.gve.install.guest;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.gve.install.InstallFailure;

/**
 * Reads the guest's host name, operating system (from os-release, else the kernel's uname fields),
 * architecture and its non-loopback, non-link-local addresses (IPv4 first).
 */
public final class GuestInfoReader {

    private static final Logger LOG = Logger.getLogger(GuestInfoReader.class.getName());

    private final List<Path> osReleaseFiles;
    private final Path hostnameFile;
    private final Uname uname;

    /** The kernel's identification, as {@code uname -s}, {@code -r}, {@code -v} and {@code -m} print it. */
    public record Uname(String sysname, String release, String version, String machine) {
    }

    /**
     * @param osReleaseFiles os-release files in order of preference (the first that exists wins)
     * @param hostnameFile   file holding the host name (on Linux /proc/sys/kernel/hostname)
     * @param uname          the kernel's identification
     */
    public GuestInfoReader(List<Path> osReleaseFiles, Path hostnameFile, Uname uname) {
        this.osReleaseFiles = List.copyOf(osReleaseFiles);
        this.hostnameFile = hostnameFile;
        this.uname = uname;
    }

    /** A reader of this machine: /etc/os-release, /proc/sys/kernel/hostname and the JVM's os.* properties. */
    public static GuestInfoReader forThisGuest() {
        String kernelVersion = readFirstLine(Path.of("/proc/sys/kernel/version")).orElse("");
        Uname uname = new Uname(System.getProperty("os.name"), System.getProperty("os.version"), kernelVersion,
                unameMachine(System.getProperty("os.arch")));
        return new GuestInfoReader(List.of(Path.of("/etc/os-release"), Path.of("/usr/lib/os-release")),
                Path.of("/proc/sys/kernel/hostname"), uname);
    }

    public GuestDescription read() throws InstallFailure {
        OsRelease os = osRelease();
        String name = os.get("NAME").orElse(uname.sysname());
        String release = os.get("VERSION_ID").orElse(os.isPresent() ? null : uname.release());
        String version = os.get("VERSION_CODENAME").or(() -> os.get("VERSION"))
                .orElse(os.isPresent() ? null : uname.version());
        try {
            return new GuestDescription(hostName(), name, release, version, uname.machine(), addresses());
        } catch (SocketException e) {
            throw InstallFailure.guest("NETWORK_UNREADABLE", "could not list network interfaces: " + e.getMessage(), e);
        }
    }

    private OsRelease osRelease() {
        for (Path file : osReleaseFiles) {
            if (Files.isRegularFile(file)) {
                try {
                    return OsRelease.parse(Files.readAllLines(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "cannot read " + file, e);
                }
            }
        }
        return OsRelease.empty();
    }

    private String hostName() {
        return readFirstLine(hostnameFile).or(() -> Optional.ofNullable(System.getenv("HOSTNAME")))
                .filter(h -> !h.isBlank())
                .orElse("localhost");
    }

    private static List<String> addresses() throws SocketException {
        return usableAddresses(NetworkInterface.networkInterfaces()
                .filter(GuestInfoReader::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .toList());
    }

    /** Drops loopback, link-local and wildcard addresses; IPv4 before IPv6, duplicates removed. */
    static List<String> usableAddresses(Collection<InetAddress> all) {
        return all.stream()
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress())
                .sorted(Comparator.comparing(a -> a instanceof Inet4Address ? 0 : 1))
                .map(GuestInfoReader::withoutScope)
                .distinct()
                .toList();
    }

    /** The textual address without an IPv6 zone suffix ("%eth0"), which means nothing off the guest. */
    private static String withoutScope(InetAddress a) {
        String text = a.getHostAddress();
        int zone = text.indexOf('%');
        return zone < 0 ? text : text.substring(0, zone);
    }

    private static boolean isUp(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            LOG.log(Level.FINE, "cannot query " + nic.getName(), e);
            return false;
        }
    }

    /** Java's os.arch to the kernel's machine name (what uname -m prints). */
    static String unameMachine(String osArch) {
        String arch = osArch == null ? "" : osArch.toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64" -> "x86_64";
            case "x86", "i386" -> "i686";
            default -> arch;
        };
    }

    private static Optional<String> readFirstLine(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().map(String::strip);
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot read " + file, e);
            return Optional.empty();
        }
    }
}
