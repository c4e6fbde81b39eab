package org.gve.agent.vsphere;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vmware.vim25.AlreadyExists;
import com.vmware.vim25.DuplicateName;
import com.vmware.vim25.FileAlreadyExists;
import com.vmware.vim25.FileNotFound;
import com.vmware.vim25.InvalidArgument;
import com.vmware.vim25.InvalidLogin;
import com.vmware.vim25.InvalidName;
import com.vmware.vim25.InvalidPowerState;
import com.vmware.vim25.InvalidState;
import com.vmware.vim25.LocalizedMethodFault;
import com.vmware.vim25.ManagedObjectNotFound;
import com.vmware.vim25.MethodFault;
import com.vmware.vim25.MethodNotFound;
import com.vmware.vim25.NoPermission;
import com.vmware.vim25.NotAuthenticated;
import com.vmware.vim25.NotFound;
import com.vmware.vim25.NotSupported;
import com.vmware.vim25.TaskInProgress;
import com.vmware.vim25.Timedout;
import com.vmware.vim25.ToolsUnavailable;
import com.vmware.vim25.VmPowerOnDisabled;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.gve.agent.vsphere.soap.SoapProtocolException;
import org.gve.agent.vsphere.soap.VimFaultException;
import org.junit.jupiter.api.Test;

class VsphereFaultsTest {
    @Test
    void faultsMapByType() {
        Map<MethodFault, DriverError> expected = Map.ofEntries(
                Map.entry(new InvalidPowerState(), DriverError.INVALID_STATE),
                Map.entry(new InvalidState(), DriverError.INVALID_STATE),
                Map.entry(new TaskInProgress(), DriverError.INVALID_STATE),
                Map.entry(new NotFound(), DriverError.NOT_FOUND),
                Map.entry(new ManagedObjectNotFound(), DriverError.NOT_FOUND),
                Map.entry(new FileNotFound(), DriverError.NOT_FOUND),
                Map.entry(new FileAlreadyExists(), DriverError.ALREADY_EXISTS),
                Map.entry(new DuplicateName(), DriverError.ALREADY_EXISTS),
                Map.entry(new AlreadyExists(), DriverError.ALREADY_EXISTS),
                Map.entry(new NotSupported(), DriverError.UNSUPPORTED),
                Map.entry(new MethodNotFound(), DriverError.UNSUPPORTED),
                Map.entry(new InvalidArgument(), DriverError.INVALID_ARGUMENT),
                Map.entry(new InvalidName(), DriverError.INVALID_ARGUMENT),
                Map.entry(new ToolsUnavailable(), DriverError.GUEST_UNAVAILABLE),
                Map.entry(new Timedout(), DriverError.TIMEOUT),
                Map.entry(new NotAuthenticated(), DriverError.BACKEND_FAILURE),
                Map.entry(new InvalidLogin(), DriverError.BACKEND_FAILURE),
                Map.entry(new NoPermission(), DriverError.BACKEND_FAILURE));
        expected.forEach((fault, error) -> {
            String type = fault.getClass().getSimpleName();
            assertEquals(error, VsphereFaults.errorOf(type, fault), type);
            assertEquals(error, VsphereFaults.fromFault("op", new VimFaultException(type, fault, "")).error(), type);
        });
    }

    @Test
    void unlistedSubtypesInheritTheirParentsMapping() {
        assertEquals(DriverError.INVALID_STATE, VsphereFaults.errorOf("VmPowerOnDisabled", new VmPowerOnDisabled()));
        // MethodNotFound is an InvalidRequest (INVALID_ARGUMENT) but listed itself: the most specific entry wins
        assertEquals(DriverError.UNSUPPORTED, VsphereFaults.errorOf("MethodNotFound", new MethodNotFound()));
    }

    @Test
    void typesVijavaDoesNotKnowMapByNameOrFailAsBackend() {
        assertEquals(DriverError.ALREADY_EXISTS, VsphereFaults.errorOf("DuplicateName", null));
        assertEquals(DriverError.BACKEND_FAILURE, VsphereFaults.errorOf("SomethingFrom2030", null));
        MethodFault unknown = new MethodFault();
        unknown.setDynamicType("SomethingFrom2030");
        assertEquals("SomethingFrom2030", VsphereFaults.typeName(unknown));
    }

    @Test
    void taskErrorsMapByTheirFaultsType() {
        LocalizedMethodFault error = new LocalizedMethodFault();
        error.setFault(new InvalidPowerState());
        error.setLocalizedMessage("The attempted operation cannot be performed in the current state (Powered off).");
        DriverException e = VsphereFaults.fromTaskError("SUSPEND VM a", error);
        assertEquals(DriverError.INVALID_STATE, e.error());
        assertTrue(e.getMessage().startsWith("SUSPEND VM a failed: InvalidPowerState: The attempted"), e.getMessage());
        assertSame(error.getFault(), e.getCause());

        MethodFault future = new MethodFault();
        future.setDynamicType("NotFound");
        LocalizedMethodFault renamed = new LocalizedMethodFault();
        renamed.setFault(future);
        assertEquals(DriverError.NOT_FOUND, VsphereFaults.fromTaskError("x", renamed).error(), "the sent name counts");
        assertEquals(DriverError.BACKEND_FAILURE, VsphereFaults.fromTaskError("x", null).error());
    }

    @Test
    void transportFailuresMapByExceptionClass() {
        assertEquals(DriverError.TIMEOUT, VsphereFaults.fromTransport("x", new SocketTimeoutException()).error());
        assertEquals(DriverError.BACKEND_FAILURE, VsphereFaults.fromTransport("x", new ConnectException()).error());
        assertEquals(DriverError.BACKEND_FAILURE, VsphereFaults.fromTransport("x", new UnknownHostException()).error());
        DriverException tls = VsphereFaults.fromTransport("x", new SSLHandshakeException("PKIX path building failed"));
        assertEquals(DriverError.BACKEND_FAILURE, tls.error());
        assertTrue(tls.getMessage().contains("truststore"), tls.getMessage());
        assertEquals(DriverError.BACKEND_FAILURE, VsphereFaults.fromTransport("x", new IOException()).error());
        assertEquals(DriverError.BACKEND_FAILURE,
                VsphereFaults.fromProtocol("x", new SoapProtocolException("HTML answer")).error());
    }
}
