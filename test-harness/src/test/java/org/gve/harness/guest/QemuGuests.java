package org.gve.harness.guest;

import org.gve.agent.libvirt.GuestDomainXml;
import org.gve.agent.libvirt.QemuSandbox;
import org.gve.agent.libvirt.TinyGuest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Real QEMU guests for the end-to-end suites: agent-service's {@link QemuSandbox} (the tiny busybox guest of
 * deploy/scripts/setup-libvirt.sh) that keeps its serial logs in target/guest-logs/PREFIX when closed, and a
 * guest that runs a host jar (the InstallService) with the host's JVM (deploy/scripts/setup-guest-jvm.sh: a kernel
 * whose init runs the jar from read-only 9p shares of the host's /usr, the script's minimal etc and the jar's
 * directory, nothing else of the host).
 */
public final class QemuGuests {
    public static final Path JVM_DIR = Path.of(env("GVE_JVM_GUEST_DIR", "/var/lib/libvirt/images/gve-jvm"));

    private QemuGuests() {
    }

    /**
     * A new sandbox whose serial logs (kernel, init and, for InstallService guests, the service's own output) are
     * copied to target/guest-logs/PREFIX before its files go, so a failed run can be read.
     */
    public static QemuSandbox open() {
        QemuSandbox guests = new QemuSandbox();
        guests.keepSerialLogsIn(Path.of("target", "guest-logs", guests.prefix()));
        return guests;
    }

    /** Why guests running a host jar cannot boot here, or empty. */
    public static Optional<String> jvmGuestUnavailable() {
        for (String file : List.of("vmlinux", "initramfs.cpio.gz", "etc/passwd")) {
            if (!Files.isReadable(JVM_DIR.resolve(file))) {
                return Optional.of("no guest-jvm kernel at " + JVM_DIR + " (missing " + file + "): run deploy/scripts/setup-guest-jvm.sh");
            }
        }
        return TinyGuest.unavailableReason();
    }

    /**
     * Defines in {@code guests} a template whose guests run {@code jar} (the InstallService) with the host's JVM,
     * marked {@code install-service='8700'} so the agent provisions each VM's credential (its own read-only share)
     * and port forward; returns its name. The guest sees, read-only, only the host's /usr, setup-guest-jvm.sh's
     * minimal etc and the jar's directory ({@code gve.root=split}).
     */
    public static String defineInstallServiceTemplate(QemuSandbox guests, Path jar) {
        String name = guests.prefix() + "-jvm";
        Path java;
        try {
            java = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path p : List.of(java, jar)) {
            if (!p.toString().matches("[A-Za-z0-9._/:=@+-]+")) {
                throw new IllegalStateException("path " + p + " needs %-encoding on the guest kernel command line");
            }
        }
        if (!java.startsWith("/usr/")) throw new IllegalStateException("the guest sees only the host's /usr: " + java);
        guests.define(new GuestDomainXml(name,
                "<gve:template xmlns:gve='urn:gve:libvirt:1' os='linux-guest-jvm' arch='x86_64' install-service='8700'/>",
                512, 2, JVM_DIR, "console=ttyS0 quiet panic=-1 gve.net=static gve.ip=10.0.2.15/24 gve.gw=10.0.2.2"
                        + " gve.java=" + java + " gve.app=" + jar + " gve.onexit=stay gve.root=split",
                guests.baseDisk(), share(Path.of("/usr"), "hostusr") + share(JVM_DIR.resolve("etc"), "hostetc")
                        + share(jar.getParent(), "gveapp"), guests.serialLog(name)));
        return name;
    }

    private static String share(Path source, String tag) {
        return "<filesystem type='mount' accessmode='passthrough' multidevs='remap'><source dir='" + source
                + "'/><target dir='" + tag + "'/><readonly/></filesystem>";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
