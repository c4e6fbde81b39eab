package org.gve.client.translate;

import org.gve.client.model.GuestFile;
import org.gve.wsdl.common.FileInfo;

import java.util.Locale;

/** The contract's FileInfo to {@link GuestFile}; the hex digest is normalised to lower case. */
public final class WsdlToGuestFile {
    private WsdlToGuestFile() {
    }

    public static GuestFile apply(FileInfo f) {
        String sha = f.getSha256() == null ? null : f.getSha256().trim().toLowerCase(Locale.ROOT);
        return new GuestFile(f.getPath(), f.getSize(), f.getMode(), sha);
    }
}
