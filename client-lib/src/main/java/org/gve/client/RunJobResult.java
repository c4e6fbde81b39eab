package org.gve.client;

import org.gve.client.model.CommandResult;
import org.gve.client.model.GuestFile;
import org.gve.client.model.Vm;

import java.util.List;

/**
 * What {@link RunJobInVm} did.
 *
 * @param vm        the VM the job ran in, as acquired
 * @param result    the program's exit code and output
 * @param stagedIn  the guest files written before the run
 * @param stagedOut the guest files copied out after it (as the site described them)
 * @param after     what was done with the VM afterwards
 */
public record RunJobResult(Vm vm, CommandResult result, List<GuestFile> stagedIn, List<GuestFile> stagedOut,
                           AfterMode after) {
    public RunJobResult {
        stagedIn = List.copyOf(stagedIn);
        stagedOut = List.copyOf(stagedOut);
    }
}
