package org.gve.agent.libvirt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.libvirt.Error;
import org.libvirt.jna.ConnectionPointer;
import org.libvirt.jna.DomainPointer;
import org.libvirt.jna.virError;

/**
 * The libvirt C calls GVE needs that libvirt-java 0.5.4 does not wrap: {@code virDomainShutdownFlags}
 * (ACPI-only or agent-only shutdown). Must be called with the connection's lock held.
 */
final class NativeLibvirt {
    static final int SHUTDOWN_ACPI_POWER_BUTTON = 1;
    static final int SHUTDOWN_GUEST_AGENT = 2;

    /** The C functions, bound on first use. */
    interface Api extends Library {
        DomainPointer virDomainLookupByUUIDString(ConnectionPointer connection, String uuid);

        int virDomainShutdownFlags(DomainPointer domain, int flags);

        int virDomainFree(DomainPointer domain);

        virError virGetLastError();
    }

    /** Lazily loaded binding (class-holder idiom: immutable once loaded). */
    private static final class Holder {
        static final Api API = Native.load("virt", Api.class);
    }

    private NativeLibvirt() {
    }

    static void shutdown(ConnectionPointer connection, String uuid, int flags) {
        Api api = Holder.API;
        DomainPointer domain = api.virDomainLookupByUUIDString(connection, uuid);
        if (domain == null) throw lastError(api, "shutdown of " + uuid);
        try {
            if (api.virDomainShutdownFlags(domain, flags) < 0) throw lastError(api, "shutdown of " + uuid);
        } finally {
            api.virDomainFree(domain);
        }
    }

    private static DriverException lastError(Api api, String what) {
        virError error = api.virGetLastError();
        if (error == null) return new DriverException(DriverError.BACKEND_FAILURE, what + " failed without a libvirt error");
        return LibvirtErrors.translate(new Error(error), LibvirtErrors.Scope.HYPERVISOR, what);
    }
}
