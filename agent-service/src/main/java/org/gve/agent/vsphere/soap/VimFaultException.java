package org.gve.agent.vsphere.soap;

import com.vmware.vim25.MethodFault;

/**
 * A SOAP fault answered by a vSphere endpoint. {@link #faultType()} is the vSphere fault type
 * (e.g. {@code InvalidPowerState}) as the endpoint named it; {@link #fault()} is the fault object
 * when vijava knows that type, otherwise null. Callers branch on the type, never on the message.
 */
public final class VimFaultException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String faultType;
    private final MethodFault fault;

    public VimFaultException(String faultType, MethodFault fault, String message) {
        super(faultType + (message == null || message.isBlank() ? "" : ": " + message));
        this.faultType = faultType;
        this.fault = fault;
    }

    public String faultType() {
        return faultType;
    }

    public MethodFault fault() {
        return fault;
    }
}
