package org.gve.agent.vsphere;

import com.vmware.vim25.LocalizedMethodFault;
import com.vmware.vim25.MethodFault;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.gve.agent.vsphere.soap.SoapProtocolException;
import org.gve.agent.vsphere.soap.VimFaultException;

/**
 * The one place where vSphere failures become {@link DriverException}s. Faults are matched by
 * their vSphere TYPE: first the name the endpoint sent, then each vijava superclass of the fault
 * (so {@code VmPowerOnDisabled} counts as its parent {@code InvalidState}); messages are never
 * inspected. Transport failures are matched by exception class.
 */
final class VsphereFaults {
    private static final String VIM_PACKAGE = "com.vmware.vim25.";

    /** vSphere fault type to driver error; subtypes not listed inherit their parent's entry. */
    static final Map<String, DriverError> BY_TYPE = Map.ofEntries(
            Map.entry("InvalidPowerState", DriverError.INVALID_STATE),
            Map.entry("InvalidState", DriverError.INVALID_STATE),
            Map.entry("TaskInProgress", DriverError.INVALID_STATE),
            Map.entry("ConcurrentAccess", DriverError.INVALID_STATE),
            Map.entry("NotFound", DriverError.NOT_FOUND),
            Map.entry("ManagedObjectNotFound", DriverError.NOT_FOUND),
            Map.entry("FileNotFound", DriverError.NOT_FOUND),
            Map.entry("FileAlreadyExists", DriverError.ALREADY_EXISTS),
            Map.entry("DuplicateName", DriverError.ALREADY_EXISTS),
            Map.entry("AlreadyExists", DriverError.ALREADY_EXISTS),
            Map.entry("NotSupported", DriverError.UNSUPPORTED),
            Map.entry("NotImplemented", DriverError.UNSUPPORTED),
            Map.entry("MethodNotFound", DriverError.UNSUPPORTED),
            Map.entry("InvalidArgument", DriverError.INVALID_ARGUMENT),
            Map.entry("InvalidName", DriverError.INVALID_ARGUMENT),
            Map.entry("InvalidProperty", DriverError.INVALID_ARGUMENT),
            Map.entry("InvalidType", DriverError.INVALID_ARGUMENT),
            Map.entry("InvalidRequest", DriverError.INVALID_ARGUMENT),
            Map.entry("OutOfBounds", DriverError.INVALID_ARGUMENT),
            Map.entry("ToolsUnavailable", DriverError.GUEST_UNAVAILABLE),
            Map.entry("GuestOperationsUnavailable", DriverError.GUEST_UNAVAILABLE),
            Map.entry("Timedout", DriverError.TIMEOUT));

    private VsphereFaults() {
    }

    /** The driver error for a fault of type {@code faultType}; {@code fault} (may be null) gives its ancestry. */
    static DriverError errorOf(String faultType, MethodFault fault) {
        DriverError error = BY_TYPE.get(faultType);
        for (Class<?> c = fault == null ? null : fault.getClass(); error == null && c != null
                && c.getName().startsWith(VIM_PACKAGE); c = c.getSuperclass()) {
            error = BY_TYPE.get(c.getSimpleName());
        }
        return error == null ? DriverError.BACKEND_FAILURE : error;
    }

    /** A SOAP fault answered to a call. */
    static DriverException fromFault(String what, VimFaultException e) {
        return new DriverException(errorOf(e.faultType(), e.fault()), what + " failed: " + e.getMessage(), e);
    }

    /** The error of a task that ended in state {@code error}. */
    static DriverException fromTaskError(String what, LocalizedMethodFault error) {
        MethodFault fault = error == null ? null : error.getFault();
        String type = typeName(fault);
        String text = error == null || error.getLocalizedMessage() == null ? "" : error.getLocalizedMessage();
        return new DriverException(errorOf(type, fault),
                what + " failed: " + type + (text.isBlank() ? "" : ": " + text), fault);
    }

    /** The endpoint could not be reached or stopped answering. */
    static DriverException fromTransport(String what, IOException e) {
        if (e instanceof SocketTimeoutException) {
            return new DriverException(DriverError.TIMEOUT, what + ": no answer in time from the vSphere endpoint", e);
        }
        if (e instanceof SSLException) {
            return new DriverException(DriverError.BACKEND_FAILURE, what + ": TLS with the vSphere endpoint failed "
                    + "(is its certificate in the configured truststore, for this host name?): " + e.getMessage(), e);
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException) {
            return new DriverException(DriverError.BACKEND_FAILURE, what + ": cannot reach the vSphere endpoint: " + e, e);
        }
        return new DriverException(DriverError.BACKEND_FAILURE, what + ": talking to the vSphere endpoint failed: " + e, e);
    }

    /** The endpoint answered something that is not SOAP. */
    static DriverException fromProtocol(String what, SoapProtocolException e) {
        return new DriverException(DriverError.BACKEND_FAILURE, what + ": " + e.getMessage(), e);
    }

    /** The fault's vSphere type: the name an endpoint sent for a type vijava lacks, else the class name. */
    static String typeName(MethodFault fault) {
        if (fault == null) {
            return "UnknownFault";
        }
        String dynamic = fault.getDynamicType();
        return dynamic != null && !dynamic.isBlank() ? dynamic : fault.getClass().getSimpleName();
    }
}
