package org.gve.agent.vsphere;

import static org.gve.agent.vsphere.VimClient.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vmware.vim25.FileAlreadyExists;
import com.vmware.vim25.LocalizedMethodFault;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.TaskInfo;
import com.vmware.vim25.TaskInfoState;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.junit.jupiter.api.Test;

class TaskWaiterTest {
    private static final ManagedObjectReference TASK = ref("Task", "task-1");

    private long now;
    private final List<Duration> pauses = new ArrayList<>();

    private TaskWaiter waiter(Deque<TaskInfo> infos, Duration poll, Duration timeout) {
        return new TaskWaiter(task -> infos.size() > 1 ? infos.poll() : infos.peek(), poll, timeout, () -> now, d -> {
            pauses.add(d);
            now += d.toNanos();
        });
    }

    @Test
    void returnsTheResultPollingAtTheConfiguredInterval() {
        ManagedObjectReference vm = ref("VirtualMachine", "vm-9");
        Deque<TaskInfo> infos = new ArrayDeque<>(List.of(info(TaskInfoState.queued), info(TaskInfoState.running),
                result(vm)));
        assertEquals(vm, waiter(infos, Duration.ofMillis(50), Duration.ofSeconds(5)).await(TASK, "clone"));
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(50)), pauses, "first read at once, then every poll");
    }

    @Test
    void aTaskErrorIsMappedByItsFaultType() {
        TaskInfo failed = info(TaskInfoState.error);
        LocalizedMethodFault error = new LocalizedMethodFault();
        error.setFault(new FileAlreadyExists());
        failed.setError(error);
        DriverException e = assertThrows(DriverException.class, () -> waiter(new ArrayDeque<>(List.of(failed)),
                Duration.ofMillis(10), Duration.ofSeconds(1)).await(TASK, "clone x"));
        assertEquals(DriverError.ALREADY_EXISTS, e.error());
        assertTrue(pauses.isEmpty());
    }

    @Test
    void aTaskStillRunningAtTheTimeoutAnswersTimeout() {
        DriverException e = assertThrows(DriverException.class, () -> waiter(new ArrayDeque<>(List.of(
                info(TaskInfoState.running))), Duration.ofMillis(300), Duration.ofSeconds(1)).await(TASK, "clone x"));
        assertEquals(DriverError.TIMEOUT, e.error());
        assertTrue(e.getMessage().contains("task-1"), e.getMessage());
        assertEquals(Duration.ofSeconds(1), pauses.stream().reduce(Duration.ZERO, Duration::plus), "never waits past the timeout");
        assertEquals(Duration.ofMillis(100), pauses.get(pauses.size() - 1));
    }

    @Test
    void anUnreadableStateKeepsPollingUntilTheTimeout() {
        DriverException e = assertThrows(DriverException.class, () -> waiter(new ArrayDeque<>(List.of(new TaskInfo())),
                Duration.ofMillis(100), Duration.ofMillis(250)).await(TASK, "x"));
        assertEquals(DriverError.TIMEOUT, e.error());
    }

    @Test
    void interruptionStopsTheWaitAndKeepsTheFlag() {
        TaskWaiter interrupted = new TaskWaiter(task -> info(TaskInfoState.running), Duration.ofMillis(10),
                Duration.ofSeconds(1), () -> now, d -> {
                    throw new InterruptedException();
                });
        try {
            DriverException e = assertThrows(DriverException.class, () -> interrupted.await(TASK, "x"));
            assertEquals(DriverError.TIMEOUT, e.error());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void refusesNonPositivePolls() {
        assertThrows(IllegalArgumentException.class, () -> TaskWaiter.polling(t -> null, Duration.ZERO, Duration.ofSeconds(1)));
    }

    private static TaskInfo info(TaskInfoState state) {
        TaskInfo info = new TaskInfo();
        info.setState(state);
        return info;
    }

    private static TaskInfo result(Object result) {
        TaskInfo info = info(TaskInfoState.success);
        info.setResult(result);
        return info;
    }
}
