package org.gve.agent.vsphere;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.TaskInfo;
import com.vmware.vim25.ws.Argument;
import java.time.Duration;
import java.util.List;
import org.gve.agent.spi.DriverException;
import org.gve.agent.vsphere.soap.VimFaultException;

/** Starts vSphere {@code *_Task} methods and waits for them with a {@link TaskWaiter}. */
final class TaskRunner {
    private final VimClient vim;
    private final TaskWaiter waiter;

    TaskRunner(VimClient vim, PropertyReader props, Duration poll, Duration timeout) {
        this.vim = vim;
        this.waiter = TaskWaiter.polling(task -> (TaskInfo) props.of(task, List.of("info")).get("info"), poll, timeout);
    }

    /** Calls {@code method} (a task method) on {@code target}, waits, and returns the task's result. */
    Object run(String what, ManagedObjectReference target, String method, Argument... args) {
        ManagedObjectReference task = vim.call(target, method, ManagedObjectReference.class, args);
        return waiter.await(task, what);
    }

    /** Calls a method that answers at once (no task). */
    void call(ManagedObjectReference target, String method, Argument... args) {
        vim.call(target, method, Void.class, args);
    }

    /** True when {@code e} says the endpoint does not have the method at all (vSphere fault MethodNotFound). */
    static boolean isMissingMethod(DriverException e) {
        return e.getCause() instanceof VimFaultException f && "MethodNotFound".equals(f.faultType());
    }
}
