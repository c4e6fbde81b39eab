package org.gve.agent.libvirt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The tiny busybox guest of deploy/scripts/setup-libvirt.sh: it prints {@link #MARKER} on its serial console once
 * booted and runs qemu-ga. Its files are in {@link #DIR} (environment GVE_GUEST_DIR, default
 * /var/lib/libvirt/images/gve-tiny).
 */
public final class TinyGuest {
    public static final Path DIR = Path.of(env("GVE_GUEST_DIR", "/var/lib/libvirt/images/gve-tiny"));
    public static final String MARKER = "GVE-GUEST-MARKER";
    /** The base disk that guests' disks are copies or overlays of. */
    public static final Path BASE_DISK = DIR.resolve("template.qcow2");
    private static final String TEMPLATE_MARK =
            "<gve:template xmlns:gve='urn:gve:libvirt:1' os='linux-busybox-tiny' arch='x86_64'/>";

    private TinyGuest() {
    }

    /** Why tiny guests cannot boot here, or empty when they can. */
    public static Optional<String> unavailableReason() {
        for (String file : List.of("vmlinux", "initramfs.cpio.gz", "template.qcow2")) {
            if (!Files.isReadable(DIR.resolve(file))) {
                return Optional.of("no tiny guest at " + DIR + " (missing " + file
                        + "): run deploy/scripts/setup-libvirt.sh");
            }
        }
        return LibvirtDaemons.answers(LibvirtDaemons.SYSTEM_URI) ? Optional.empty()
                : Optional.of("no libvirtd answers at " + LibvirtDaemons.SYSTEM_URI
                        + ": run deploy/scripts/setup-libvirt.sh");
    }

    /** A tiny guest on {@code disk}: a GVE template or, with {@code template} false, a plain domain. */
    public static GuestDomainXml domain(String name, boolean template, Path disk, Path serialLog) {
        return new GuestDomainXml(name, template ? TEMPLATE_MARK : "", 128, 1, DIR, "console=ttyS0 quiet panic=-1",
                disk, "", serialLog);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
