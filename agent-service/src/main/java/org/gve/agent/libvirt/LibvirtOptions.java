package org.gve.agent.libvirt;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.gve.agent.spi.DriverSettings;

/**
 * The libvirt driver's options ({@link DriverSettings#options()}), typed and resolved once when a driver opens.
 * Each {@link Key} has a name, a default and a one-line description.
 */
record LibvirtOptions(String domainType, DiskMode diskMode, Optional<String> diskPermissions,
                      Optional<String> storagePool, ShutdownMode shutdownMode, Optional<String> migrationUri,
                      Optional<String> migrationDataUri, boolean migrationPeerToPeer, boolean migrationUnsafe) {

    private static final Logger LOG = Logger.getLogger(LibvirtOptions.class.getName());

    /** How a new VM's disk starts from its template's volume. */
    enum DiskMode { OVERLAY, COPY }

    /** How SHUTDOWN asks the guest. AUTO: ACPI power button on QEMU, the hypervisor's default elsewhere. */
    enum ShutdownMode { AUTO, ACPI, AGENT, DEFAULT }

    enum Key {
        DOMAIN_TYPE("domain.type", "auto", "KVM only: libvirt domain type auto|kvm|qemu (auto = kvm when the CPU has vmx/svm and /dev/kvm exists, else qemu/TCG)"),
        DISK_MODE("disk.mode", "overlay", "new VM disk from a template: overlay (qcow2 backed by the template volume) or copy (full copy)"),
        DISK_PERMISSIONS("disk.permissions", "", "octal file mode of new volumes, e.g. 0660 (empty = libvirt's default)"),
        STORAGE_POOL("storage.pool", "", "pool for new volumes (empty = the pool holding the template's or source VM's volume)"),
        SHUTDOWN_MODE("shutdown.mode", "auto", "SHUTDOWN request: auto|acpi|agent|default (auto = ACPI power button on QEMU, hypervisor default elsewhere)"),
        MIGRATION_URI("migration.uri", "", "libvirt URI other agents use to migrate VMs here (empty = this driver's connection URI)"),
        MIGRATION_DATA_URI("migration.dataUri", "", "migration data URI offered to others, e.g. tcp://host:49152 (empty = libvirt chooses)"),
        MIGRATION_P2P("migration.peer2peer", "false", "true: the source libvirtd connects to the destination itself (VIR_MIGRATE_PEER2PEER); false: this driver opens the destination connection"),
        MIGRATION_UNSAFE("migration.unsafe", "false", "true: allow migration although libvirt cannot prove the disks are safely shared (VIR_MIGRATE_UNSAFE)");

        final String key;
        final String defaultValue;
        final String description;

        Key(String key, String defaultValue, String description) {
            this.key = key;
            this.defaultValue = defaultValue;
            this.description = description;
        }

        String from(DriverSettings settings) {
            return settings.option(key, defaultValue).trim();
        }
    }

    static LibvirtOptions from(DriverSettings settings) {
        warnAboutUnknownKeys(settings.options());
        return new LibvirtOptions(
                KvmDomainType.resolve(Key.DOMAIN_TYPE.from(settings)),
                enumValue(DiskMode.class, Key.DISK_MODE, settings),
                nonBlank(Key.DISK_PERMISSIONS.from(settings)).map(LibvirtOptions::octal),
                nonBlank(Key.STORAGE_POOL.from(settings)),
                enumValue(ShutdownMode.class, Key.SHUTDOWN_MODE, settings),
                nonBlank(Key.MIGRATION_URI.from(settings)),
                nonBlank(Key.MIGRATION_DATA_URI.from(settings)),
                bool(Key.MIGRATION_P2P, settings),
                bool(Key.MIGRATION_UNSAFE, settings));
    }

    private static void warnAboutUnknownKeys(Map<String, String> options) {
        options.keySet().stream()
                .filter(k -> Arrays.stream(Key.values()).noneMatch(key -> key.key.equals(k)))
                .filter(k -> !InstallServiceOptions.Key.known(k))
                .forEach(k -> LOG.warning(() -> "libvirt driver ignores unknown option '" + k + "'"));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, Key key, DriverSettings settings) {
        String value = key.from(settings);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(key, value, Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }

    private static boolean bool(Key key, DriverSettings settings) {
        String value = key.from(settings);
        if (!value.equals("true") && !value.equals("false")) throw invalid(key, value, "true or false");
        return Boolean.parseBoolean(value);
    }

    private static String octal(String value) {
        if (!value.matches("0?[0-7]{3}")) throw invalid(Key.DISK_PERMISSIONS, value, "an octal mode like 0660");
        return value.length() == 3 ? "0" + value : value;
    }

    private static Optional<String> nonBlank(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static DriverException invalid(Key key, String value, String expected) {
        return new DriverException(DriverError.INVALID_ARGUMENT,
                "option " + key.key + "='" + value + "' is not valid; expected " + expected);
    }
}
