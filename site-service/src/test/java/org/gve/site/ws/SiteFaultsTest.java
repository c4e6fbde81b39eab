package org.gve.site.ws;

import jakarta.xml.ws.soap.SOAPFaultException;
import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.wsdl.site.AgentUnavailableFault;
import org.gve.wsdl.site.InvalidArgumentFault;
import org.gve.wsdl.site.InvalidStateFault;
import org.gve.wsdl.site.JobFailedFault;
import org.gve.wsdl.site.LeaseExpiredFault;
import org.gve.wsdl.site.NotAuthorizedFault;
import org.gve.wsdl.site.NotFoundFault;
import org.gve.wsdl.site.QuotaExceededFault;
import org.gve.wsdl.site.UnsupportedOperationFault;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one mapping of site failures to WSDL faults, and the guards that keep to each operation's fault list. */
class SiteFaultsTest {
    @Test
    void everySiteFaultHasItsTypedFaultWithCodeAndMessage() {
        Map<SiteFault, Class<? extends Exception>> expected = Map.of(
                SiteFault.INVALID_ARGUMENT, InvalidArgumentFault.class, SiteFault.NOT_AUTHORIZED, NotAuthorizedFault.class,
                SiteFault.NOT_FOUND, NotFoundFault.class, SiteFault.INVALID_STATE, InvalidStateFault.class,
                SiteFault.QUOTA_EXCEEDED, QuotaExceededFault.class, SiteFault.LEASE_EXPIRED, LeaseExpiredFault.class,
                SiteFault.AGENT_UNAVAILABLE, AgentUnavailableFault.class, SiteFault.UNSUPPORTED, UnsupportedOperationFault.class,
                SiteFault.JOB_FAILED, JobFailedFault.class);
        assertEquals(SiteFault.values().length, expected.size());
        for (SiteFault f : SiteFault.values()) {
            Exception typed = SiteFaults.typed(new SiteException(f, "CODE_" + f, "message " + f));
            assertInstanceOf(expected.get(f), typed);
            assertEquals("message " + f, typed.getMessage());
        }
        LeaseExpiredFault lease = (LeaseExpiredFault) SiteFaults.typed(new SiteException(SiteFault.LEASE_EXPIRED, "LEASE_EXPIRED", "ended"));
        assertEquals("LEASE_EXPIRED", lease.getFaultInfo().getCode());
        assertEquals("ended", lease.getFaultInfo().getMessage());
    }

    @Test
    void guardsRethrowDeclaredFaultsAndTurnOthersIntoAPlainServerFault() {
        assertThrows(QuotaExceededFault.class, () -> Guards.request(() -> {
            throw new SiteException(SiteFault.QUOTA_EXCEEDED, "QUOTA_EXCEEDED", "no");
        }));
        assertThrows(LeaseExpiredFault.class, () -> Guards.manage(() -> {
            throw new SiteException(SiteFault.LEASE_EXPIRED, "LEASE_EXPIRED", "ended");
        }));
        assertThrows(AgentUnavailableFault.class, () -> Guards.adminAgent(() -> {
            throw new SiteException(SiteFault.AGENT_UNAVAILABLE, "AGENT_UNAVAILABLE", "down");
        }));
        SOAPFaultException undeclared = assertThrows(SOAPFaultException.class, () -> Guards.read(() -> {
            throw new SiteException(SiteFault.QUOTA_EXCEEDED, "QUOTA_EXCEEDED", "not declared by reads");
        }));
        assertTrue(undeclared.getFault().getFaultString().startsWith("QUOTA_EXCEEDED: "));
        assertEquals("ok", assertDoesNotFail());
    }

    private static String assertDoesNotFail() {
        try {
            return Guards.list(() -> "ok");
        } catch (NotAuthorizedFault e) {
            throw new AssertionError(e);
        }
    }
}
