package org.gve.agent.libvirt;

import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.jna.ConnectionPointer;

/**
 * The one libvirt connection a driver holds open for its whole life ({@code test:///} URIs keep their state
 * only as long as the connection). Every use goes through {@link #call}, which serializes callers with a lock
 * (so a multi-step operation such as "define, then create volumes" is not interleaved with another thread's)
 * and turns {@link LibvirtException} into {@link DriverException}.
 */
final class LibvirtConnection implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LibvirtConnection.class.getName());

    /** A piece of work against the connection. */
    @FunctionalInterface
    interface LibvirtCall<T> {
        T run(Connect connect) throws LibvirtException;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final String uri;
    private final PointerConnect connect;
    private boolean closed;

    private LibvirtConnection(String uri, PointerConnect connect) {
        this.uri = uri;
        this.connect = connect;
    }

    static LibvirtConnection open(String uri) {
        LibvirtErrors.silenceDefaultErrorPrinter();
        try {
            return new LibvirtConnection(uri, new PointerConnect(uri));
        } catch (LibvirtException e) {
            DriverException translated = LibvirtErrors.translate(e, "cannot open libvirt connection " + uri);
            DriverError error = translated.error() == DriverError.UNSUPPORTED ? DriverError.UNSUPPORTED
                    : DriverError.BACKEND_FAILURE;
            throw new DriverException(error, translated.getMessage(), e);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new DriverException(DriverError.BACKEND_FAILURE, "cannot open libvirt connection " + uri
                    + ": the libvirt client library (Debian package libvirt0) is not installed: " + e.getMessage(), e);
        }
    }

    String uri() {
        return uri;
    }

    <T> T call(String what, LibvirtCall<T> work) {
        lock.lock();
        try {
            if (closed) throw new DriverException(DriverError.INVALID_STATE, what + ": the driver for " + uri + " is closed");
            return work.run(connect);
        } catch (LibvirtException e) {
            throw LibvirtErrors.translate(e, what);
        } finally {
            lock.unlock();
        }
    }

    /** Like {@link #call}, but libvirt failures are read as failures reaching a guest through its agent. */
    <T> T callGuestAgent(String what, LibvirtCall<T> work) {
        lock.lock();
        try {
            if (closed) throw new DriverException(DriverError.INVALID_STATE, what + ": the driver for " + uri + " is closed");
            return work.run(connect);
        } catch (LibvirtException e) {
            throw LibvirtErrors.translate(e, LibvirtErrors.Scope.GUEST_AGENT, what);
        } finally {
            lock.unlock();
        }
    }

    /** The native connection pointer, for the few calls libvirt-java does not wrap ({@link NativeLibvirt}). */
    ConnectionPointer pointer() {
        return connect.pointer();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) return;
            closed = true;
            connect.close();
        } catch (LibvirtException e) {
            LOG.log(Level.WARNING, "closing libvirt connection " + uri + " failed", e);
        } finally {
            lock.unlock();
        }
    }

    /** A {@link Connect} that shows its native pointer to this package. */
    private static final class PointerConnect extends Connect {
        PointerConnect(String uri) throws LibvirtException {
            super(uri);
        }

        ConnectionPointer pointer() {
            return vcp;
        }
    }
}
