package org.gve.agent.ws;

import org.gve.agent.AgentException;
import org.gve.wsdl.agent.GuestFault;
import org.gve.wsdl.agent.HypervisorFault;
import org.gve.wsdl.agent.InvalidArgumentFault;
import org.gve.wsdl.agent.InvalidStateFault;
import org.gve.wsdl.agent.NotAuthorizedFault;
import org.gve.wsdl.agent.NotFoundFault;
import org.gve.wsdl.agent.UnsupportedOperationFault;
import org.gve.wsdl.common.FaultDetail;
import org.gve.wsdl.runtime.Faults;

/**
 * The one place agent domain failures become AgentService.wsdl faults. Each {@code guard} variant
 * matches the fault list one group of operations declares; a failure an operation cannot declare
 * becomes its HypervisorFault, with the original code kept.
 */
final class AgentFaults {
    interface Call<T> {
        T run();
    }

    private AgentFaults() {
    }

    /** Guest operations: every fault. */
    static <T> T guardGuest(Call<T> call) throws GuestFault, HypervisorFault, InvalidArgumentFault,
            InvalidStateFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        try {
            return call.run();
        } catch (AgentException e) {
            if (e.fault() == org.gve.agent.AgentFault.GUEST) throw new GuestFault(e.getMessage(), detail(e));
            throwVmFault(e);
            throw new AssertionError("unreachable");
        }
    }

    /** VM operations: every fault but Guest. */
    static <T> T guard(Call<T> call) throws HypervisorFault, InvalidArgumentFault, InvalidStateFault,
            NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        try {
            return call.run();
        } catch (AgentException e) {
            throwVmFault(e);
            throw new AssertionError("unreachable");
        }
    }

    /** Searches: InvalidArgument, NotAuthorized, Hypervisor. */
    static <T> T guardSearch(Call<T> call) throws HypervisorFault, InvalidArgumentFault, NotAuthorizedFault {
        try {
            return call.run();
        } catch (AgentException e) {
            switch (e.fault()) {
                case INVALID_ARGUMENT -> throw new InvalidArgumentFault(e.getMessage(), detail(e));
                case NOT_AUTHORIZED -> throw new NotAuthorizedFault(e.getMessage(), detail(e));
                default -> throw new HypervisorFault(e.getMessage(), detail(e));
            }
        }
    }

    /** Agent-level questions: NotAuthorized, Unsupported, Hypervisor. */
    static <T> T guardInfo(Call<T> call) throws HypervisorFault, NotAuthorizedFault, UnsupportedOperationFault {
        try {
            return call.run();
        } catch (AgentException e) {
            switch (e.fault()) {
                case NOT_AUTHORIZED -> throw new NotAuthorizedFault(e.getMessage(), detail(e));
                case UNSUPPORTED -> throw new UnsupportedOperationFault(e.getMessage(), detail(e));
                default -> throw new HypervisorFault(e.getMessage(), detail(e));
            }
        }
    }

    private static void throwVmFault(AgentException e) throws HypervisorFault, InvalidArgumentFault,
            InvalidStateFault, NotAuthorizedFault, NotFoundFault, UnsupportedOperationFault {
        switch (e.fault()) {
            case INVALID_ARGUMENT -> throw new InvalidArgumentFault(e.getMessage(), detail(e));
            case NOT_AUTHORIZED -> throw new NotAuthorizedFault(e.getMessage(), detail(e));
            case NOT_FOUND -> throw new NotFoundFault(e.getMessage(), detail(e));
            case INVALID_STATE -> throw new InvalidStateFault(e.getMessage(), detail(e));
            case UNSUPPORTED -> throw new UnsupportedOperationFault(e.getMessage(), detail(e));
            case HYPERVISOR, GUEST -> throw new HypervisorFault(e.getMessage(), detail(e));
        }
    }

    private static FaultDetail detail(AgentException e) {
        return Faults.detail(e.code(), e.getMessage());
    }
}
