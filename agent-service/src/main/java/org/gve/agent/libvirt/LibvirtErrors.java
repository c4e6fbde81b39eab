package org.gve.agent.libvirt;

import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.libvirt.Connect;
import org.libvirt.Error;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.ErrorCallback;
import org.libvirt.LibvirtException;

/**
 * The one place where libvirt's failures become {@link DriverException}s. It branches on libvirt's error
 * code ({@link ErrorNumber}) only; libvirt's message text is carried along for people, never interpreted.
 */
final class LibvirtErrors {

    /** What the failed call was talking to: the hypervisor itself, or a guest through its agent. */
    enum Scope {
        HYPERVISOR,
        /** A guest-agent command: the agent missing, silent or failing in the guest means GUEST_UNAVAILABLE. */
        GUEST_AGENT
    }

    /**
     * Replaces libvirt's default error function, which prints every error to stderr (even the ones the caller
     * catches and handles, like a lookup of a missing domain). Held here for the life of the JVM because libvirt
     * keeps a native pointer to it: a collected callback would crash the process.
     */
    private static final ErrorCallback SILENT = new ErrorCallback();

    private LibvirtErrors() {
    }

    /** Idempotent; libvirt's error function is process-wide, and this one never changes. */
    static void silenceDefaultErrorPrinter() {
        try {
            Connect.setErrorCallback(SILENT);
        } catch (LibvirtException e) {
            throw translate(e, Scope.HYPERVISOR, "installing the libvirt error callback");
        }
    }

    static DriverException translate(LibvirtException e, String what) {
        return translate(e, Scope.HYPERVISOR, what);
    }

    static DriverException translate(LibvirtException e, Scope scope, String what) {
        Error error = e.getError();
        ErrorNumber code = error == null ? null : error.getCode();
        String detail = error == null ? String.valueOf(e.getMessage()) : error.getMessage();
        return new DriverException(errorFor(code, scope), what + ": " + detail + " [" + code + "]", e);
    }

    /** For the C calls made without libvirt-java ({@link NativeLibvirt}): the same mapping, no exception to wrap. */
    static DriverException translate(Error error, Scope scope, String what) {
        ErrorNumber code = error.getCode();
        return new DriverException(errorFor(code, scope), what + ": " + error.getMessage() + " [" + code + "]");
    }

    /** The mapping itself. A null or unknown code is a backend failure. */
    static DriverError errorFor(ErrorNumber code, Scope scope) {
        if (code == null) return DriverError.BACKEND_FAILURE;
        if (scope == Scope.GUEST_AGENT) {
            switch (code) {
                // "QEMU guest agent is not configured"
                case VIR_ERR_ARGUMENT_UNSUPPORTED:
                // the agent answered with an error: the command failed inside the guest
                case VIR_ERR_INTERNAL_ERROR:
                    return DriverError.GUEST_UNAVAILABLE;
                default:
                    break;
            }
        }
        return switch (code) {
            case VIR_ERR_NO_DOMAIN, VIR_ERR_NO_DOMAIN_SNAPSHOT, VIR_ERR_NO_STORAGE_POOL, VIR_ERR_NO_STORAGE_VOL,
                 VIR_ERR_NO_NETWORK, VIR_ERR_NO_DOMAIN_METADATA, VIR_ERR_NO_INTERFACE, VIR_ERR_NO_SECRET,
                 VIR_ERR_NO_NODE_DEVICE, VIR_ERR_NO_NWFILTER, VIR_ERR_DEVICE_MISSING, VIR_ERR_NO_DOMAIN_CHECKPOINT,
                 VIR_ERR_NO_DOMAIN_BACKUP -> DriverError.NOT_FOUND;
            case VIR_ERR_DOM_EXIST, VIR_ERR_STORAGE_VOL_EXIST, VIR_ERR_NETWORK_EXIST,
                 VIR_ERR_MULTIPLE_DOMAINS -> DriverError.ALREADY_EXISTS;
            case VIR_ERR_INVALID_ARG, VIR_ERR_XML_ERROR, VIR_ERR_XML_DETAIL, VIR_ERR_XML_INVALID_SCHEMA,
                 VIR_ERR_INVALID_MAC, VIR_ERR_OS_TYPE, VIR_ERR_NO_KERNEL, VIR_ERR_NO_ROOT, VIR_ERR_NO_SOURCE,
                 VIR_ERR_NO_TARGET, VIR_ERR_NO_NAME, VIR_ERR_NO_OS, VIR_ERR_NO_DEVICE, VIR_ERR_CONF_SYNTAX,
                 VIR_ERR_UNKNOWN_HOST -> DriverError.INVALID_ARGUMENT;
            case VIR_ERR_OPERATION_INVALID, VIR_ERR_SNAPSHOT_REVERT_RISKY, VIR_ERR_RESOURCE_BUSY,
                 VIR_ERR_BLOCK_COPY_ACTIVE, VIR_ERR_MIGRATE_UNSAFE, VIR_ERR_CHECKPOINT_INCONSISTENT ->
                    DriverError.INVALID_STATE;
            case VIR_ERR_NO_SUPPORT, VIR_ERR_OPERATION_UNSUPPORTED, VIR_ERR_ARGUMENT_UNSUPPORTED,
                 VIR_ERR_CONFIG_UNSUPPORTED, VIR_ERR_CPU_INCOMPATIBLE, VIR_ERR_NO_XEN -> DriverError.UNSUPPORTED;
            case VIR_ERR_AGENT_UNRESPONSIVE, VIR_ERR_AGENT_UNSYNCED -> DriverError.GUEST_UNAVAILABLE;
            case VIR_ERR_OPERATION_TIMEOUT -> DriverError.TIMEOUT;
            default -> DriverError.BACKEND_FAILURE;
        };
    }
}
