package org.gve.agent.ws;

import org.gve.agent.AgentException;
import org.gve.agent.AgentFault;
import org.gve.wsdl.agent.GuestFault;
import org.gve.wsdl.agent.HypervisorFault;
import org.gve.wsdl.agent.InvalidArgumentFault;
import org.gve.wsdl.agent.InvalidStateFault;
import org.gve.wsdl.agent.NotAuthorizedFault;
import org.gve.wsdl.agent.NotFoundFault;
import org.gve.wsdl.agent.UnsupportedOperationFault;
import org.gve.wsdl.common.FaultDetail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/** Every domain failure becomes the typed fault each operation group declares, with code and message kept. */
class AgentFaultsTest {
    private static final Map<AgentFault, Class<? extends Exception>> VM = Map.of(
            AgentFault.INVALID_ARGUMENT, InvalidArgumentFault.class,
            AgentFault.NOT_AUTHORIZED, NotAuthorizedFault.class,
            AgentFault.NOT_FOUND, NotFoundFault.class,
            AgentFault.INVALID_STATE, InvalidStateFault.class,
            AgentFault.UNSUPPORTED, UnsupportedOperationFault.class,
            AgentFault.HYPERVISOR, HypervisorFault.class,
            AgentFault.GUEST, HypervisorFault.class);

    private static AgentFaults.Call<String> failing(AgentFault fault) {
        return () -> {
            throw new AgentException(fault, "CODE_" + fault, "message of " + fault);
        };
    }

    @ParameterizedTest
    @EnumSource(AgentFault.class)
    void vmOperations(AgentFault fault) {
        Exception e = assertThrows(Exception.class, () -> AgentFaults.guard(failing(fault)));
        assertEquals(VM.get(fault), e.getClass());
        assertDetail(fault, e);
    }

    @ParameterizedTest
    @EnumSource(AgentFault.class)
    void guestOperationsAlsoDeclareGuestFault(AgentFault fault) {
        Exception e = assertThrows(Exception.class, () -> AgentFaults.guardGuest(failing(fault)));
        assertEquals(fault == AgentFault.GUEST ? GuestFault.class : VM.get(fault), e.getClass());
        assertDetail(fault, e);
    }

    @ParameterizedTest
    @EnumSource(AgentFault.class)
    void searchesDeclareInvalidArgumentNotAuthorizedAndHypervisor(AgentFault fault) {
        Exception e = assertThrows(Exception.class, () -> AgentFaults.guardSearch(failing(fault)));
        Class<?> expected = switch (fault) {
            case INVALID_ARGUMENT -> InvalidArgumentFault.class;
            case NOT_AUTHORIZED -> NotAuthorizedFault.class;
            default -> HypervisorFault.class;
        };
        assertEquals(expected, e.getClass());
        assertDetail(fault, e);
    }

    @ParameterizedTest
    @EnumSource(AgentFault.class)
    void agentQuestionsDeclareNotAuthorizedUnsupportedAndHypervisor(AgentFault fault) {
        Exception e = assertThrows(Exception.class, () -> AgentFaults.guardInfo(failing(fault)));
        Class<?> expected = switch (fault) {
            case NOT_AUTHORIZED -> NotAuthorizedFault.class;
            case UNSUPPORTED -> UnsupportedOperationFault.class;
            default -> HypervisorFault.class;
        };
        assertEquals(expected, e.getClass());
        assertDetail(fault, e);
    }

    @Test
    void resultsPassThrough() throws Exception {
        String value = "ok";
        assertSame(value, AgentFaults.guard(() -> value));
        assertSame(value, AgentFaults.guardGuest(() -> value));
        assertSame(value, AgentFaults.guardSearch(() -> value));
        assertSame(value, AgentFaults.guardInfo(() -> value));
    }

    @Test
    void otherFailuresAreNotDisguisedAsFaults() {
        IllegalStateException bug = new IllegalStateException("a bug");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> AgentFaults.guard(() -> {
            throw bug;
        })));
    }

    private static void assertDetail(AgentFault fault, Exception e) {
        assertEquals("message of " + fault, e.getMessage());
        FaultDetail detail;
        if (e instanceof InvalidArgumentFault f) detail = f.getFaultInfo();
        else if (e instanceof NotAuthorizedFault f) detail = f.getFaultInfo();
        else if (e instanceof NotFoundFault f) detail = f.getFaultInfo();
        else if (e instanceof InvalidStateFault f) detail = f.getFaultInfo();
        else if (e instanceof UnsupportedOperationFault f) detail = f.getFaultInfo();
        else if (e instanceof HypervisorFault f) detail = f.getFaultInfo();
        else if (e instanceof GuestFault f) detail = f.getFaultInfo();
        else detail = fail("not a contract fault: " + e);
        assertEquals("CODE_" + fault, detail.getCode());
        assertEquals("message of " + fault, detail.getMessage());
    }
}
