package org.gve.site.agents;

import jakarta.xml.ws.WebServiceException;
import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.wsdl.common.FaultDetail;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one place agent faults and transport failures become site failures. */
class AgentCallsTest {
    private static FaultDetail detail(String code) {
        FaultDetail d = new FaultDetail();
        d.setCode(code);
        d.setMessage("agent says " + code);
        return d;
    }

    private static SiteException failure(AgentCalls.Call<Object> call) {
        return assertThrows(SiteException.class, () -> AgentCalls.call("a1", call));
    }

    @Test
    void typedAgentFaultsKeepTheirCode() {
        SiteException notFound = failure(() -> {
            throw new org.gve.wsdl.agent.NotFoundFault("x", detail("VM_NOT_FOUND"));
        });
        assertEquals(SiteFault.NOT_FOUND, notFound.fault());
        assertEquals("VM_NOT_FOUND", notFound.code());
        assertTrue(notFound.getMessage().contains("agent a1"));
        assertEquals(SiteFault.INVALID_STATE, failure(() -> {
            throw new org.gve.wsdl.agent.HypervisorFault("x", detail("HYPERVISOR_ERROR"));
        }).fault());
        assertEquals(SiteFault.UNSUPPORTED, failure(() -> {
            throw new org.gve.wsdl.agent.UnsupportedOperationFault("x", detail("NO"));
        }).fault());
        assertEquals(SiteFault.INVALID_ARGUMENT, failure(() -> {
            throw new org.gve.wsdl.agent.InvalidArgumentFault("x", detail("NO_MATCHING_TEMPLATE"));
        }).fault());
    }

    @Test
    void anAgentThatCannotBeReachedOrRefusesTheSiteIsUnavailable() {
        SiteException refused = failure(() -> {
            throw new WebServiceException(new ConnectException("Connection refused"));
        });
        assertEquals(SiteFault.AGENT_UNAVAILABLE, refused.fault());
        assertEquals("AGENT_UNAVAILABLE", refused.code());
        assertTrue(refused.getMessage().contains("Connection refused"), refused.getMessage());
        assertEquals("AGENT_UNAVAILABLE", failure(() -> {
            throw new IOException("broken pipe");
        }).code());
        SiteException credentials = failure(() -> {
            throw new org.gve.wsdl.agent.NotAuthorizedFault("x", detail("SITE_MISMATCH"));
        });
        assertEquals(SiteFault.AGENT_UNAVAILABLE, credentials.fault());
        assertEquals("AGENT_REFUSED_SITE", credentials.code());
    }
}
