package org.gve.agent.libvirt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;

/**
 * The libvirt domain type for a KVM-family VM: {@code kvm} (hardware acceleration) or {@code qemu} (TCG).
 * {@code auto} picks kvm only when the CPU advertises vmx or svm AND /dev/kvm exists: a /dev/kvm without
 * those flags (a nested or PVM device) does not boot stock guests.
 */
final class KvmDomainType {
    private static final Pattern VIRT_FLAGS = Pattern.compile("^flags\\s*:.*\\b(vmx|svm)\\b", Pattern.MULTILINE);

    private KvmDomainType() {
    }

    static String resolve(String option) {
        return resolve(option, Path.of("/proc/cpuinfo"), Path.of("/dev/kvm"));
    }

    static String resolve(String option, Path cpuinfo, Path devKvm) {
        return switch (option) {
            case "kvm", "qemu" -> option;
            case "auto" -> hasVirtualizationFlags(cpuinfo) && Files.exists(devKvm) ? "kvm" : "qemu";
            default -> throw new DriverException(DriverError.INVALID_ARGUMENT,
                    "domain.type must be auto, kvm or qemu, not '" + option + "'");
        };
    }

    private static boolean hasVirtualizationFlags(Path cpuinfo) {
        try {
            return VIRT_FLAGS.matcher(Files.readString(cpuinfo)).find();
        } catch (IOException e) {
            return false;
        }
    }
}
